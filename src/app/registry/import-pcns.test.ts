import { and, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, organisations, pcnMemberships, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { contextFor } from '../../../test/support/factories.js';
import { nhsFile, readNhsData } from '../../../test/support/nhs-files.js';
import { importNhsFile } from './import-file.js';

// Three real rows of the August 2026 practice map, re-dated and changed as an older or newer release would be.
const realMap = readNhsData('gp-reg-pat-prac-map-2026-08.csv').toString('utf8').split(/\r?\n/);
const [header] = realMap;
const rowOf = (code: string) => realMap.find((l) => l.split(',')[2] === code)!;
const stockton = rowOf('A81001');
const queensPark = rowOf('A81002');
const fieldsOf = (line: string) => line.split(',');

/** A practice-map file of these rows, each given an extract date and, where asked, another PCN (code and name). */
function mapFile(name: string, extractDate: string, rows: { line: string; pcn?: [string, string] }[]) {
  const lines = rows.map(({ line, pcn }) => {
    const f = fieldsOf(line);
    f[1] = extractDate;
    if (pcn) [f[5], f[6]] = pcn;
    return f.join(',');
  });
  return { name, content: Buffer.from(`${header}\n${lines.join('\n')}\n`) };
}

describe.each(databaseKinds)('importing PCN files out of date order (%s)', (kind) => {
  let database: Database;
  const ctx = () => contextFor(database);
  const membershipsOf = (code: string) => database.db.select().from(pcnMemberships).where(eq(pcnMemberships.practiceCode, code)).orderBy(pcnMemberships.startDate);
  const practice = async (code: string) => (await database.db.select().from(practices).where(eq(practices.odsCode, code)))[0]!;
  const stocktonPcn = fieldsOf(stockton)[5]!;
  const queensParkPcn = fieldsOf(queensPark)[5]!;
  let first: Awaited<ReturnType<typeof importNhsFile>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importNhsFile(ctx(), 'ods', nhsFile('epraccur-2026-06.csv'));
    first = await importNhsFile(ctx(), 'pcns', mapFile('map-2026-08.csv', '01Aug2026', [{ line: stockton }, { line: queensPark }]));
  }, 120_000);
  afterAll(() => database?.close());

  it('says the first file set each practice’s PCN, not that every practice changed PCN', () => {
    expect(first.notes.join(' ')).toMatch(/\. 2 practices had their PCN set(;|\.)/);
    expect(first.notes.join(' ')).not.toContain('changed PCN');
  });

  it('lists a row’s bad date and a practice the registry lacks in one report, writing nothing', async () => {
    const badDate = fieldsOf(stockton);
    badDate[1] = '32AUG2026';
    const unknown = fieldsOf(queensPark);
    unknown[2] = 'Q12345';
    const before = await membershipsOf('A81001');
    const report = await importNhsFile(ctx(), 'pcns', { name: 'map-broken.csv', content: Buffer.from(`${header}\n${badDate.join(',')}\n${unknown.join(',')}\n`) });
    expect(report.rejected).toBeGreaterThan(0);
    expect(report.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(report.errors[1]).toEqual({ file: 'map-broken.csv', line: 3, column: 3, message: 'practice Q12345 is not in the registry; import an ODS file that includes it first' });
    expect(await membershipsOf('A81001')).toEqual(before);
  });

  it('leaves a newer membership alone when an older practice map says otherwise', async () => {
    const before = await membershipsOf('A81001');
    const report = await importNhsFile(ctx(), 'pcns', mapFile('map-2024-01.csv', '01Jan2024', [{ line: stockton, pcn: [queensParkPcn, 'NORTH STOCKTON PCN'] }]));
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(report.notes.join(' ')).toContain('1 membership already holds facts as new as this file or newer (1 January 2024); it was left as it is.');
    expect(await membershipsOf('A81001')).toEqual(before);
    expect((await practice('A81001')).pcnCode).toBe(stocktonPcn);
  });

  it('ends the old membership the day before a newer map’s move, with the change in the audit', async () => {
    const [open] = await membershipsOf('A81002');
    const report = await importNhsFile(ctx(), 'pcns', mapFile('map-2026-09.csv', '01Sep2026', [{ line: queensPark, pcn: [stocktonPcn, ''] }]));
    expect(report).toMatchObject({ inserted: 1, updated: 1, rejected: 0 });
    // One practice moved: one membership begun, one ended, and the report says so of the practice.
    expect(report.notes).toContain('The counts are of PCN memberships: a practice that moved PCN has its old membership ended (updated) and its new one added (inserted). 1 practice changed PCN.');
    expect((await membershipsOf('A81002')).map((m) => [m.pcnCode, m.startDate, m.endDate])).toEqual([
      [queensParkPcn, '2026-08-01', '2026-08-31'],
      [stocktonPcn, '2026-09-01', null],
    ]);
    expect((await practice('A81002')).pcnCode).toBe(stocktonPcn);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'pcn_membership'), eq(auditLog.recordId, String(open!.id))));
    expect(audit).toMatchObject({ action: 'update', before: { pcnCode: queensParkPcn, endDate: null }, after: { endDate: '2026-08-31' } });
  });

  it('keeps a PCN’s name when a row leaves it blank, and a renamed PCN is audited', async () => {
    const [pcn] = await database.db.select().from(organisations).where(eq(organisations.code, stocktonPcn));
    expect(pcn!.name).toBe(fieldsOf(stockton)[6]);
    await importNhsFile(ctx(), 'pcns', mapFile('map-2026-10.csv', '01Oct2026', [{ line: stockton, pcn: [stocktonPcn, 'STOCKTON AND BILLINGHAM PCN'] }]));
    const [renamed] = await database.db.select().from(organisations).where(eq(organisations.code, stocktonPcn));
    expect(renamed!.name).toBe('STOCKTON AND BILLINGHAM PCN');
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'organisation'), eq(auditLog.recordId, stocktonPcn))).orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({ action: 'update', before: { name: fieldsOf(stockton)[6] }, after: { name: 'STOCKTON AND BILLINGHAM PCN' } });
  });

  it('leaves a PCN’s newer name alone when an older file names it as it was, and says so', async () => {
    const auditRows = await database.db.$count(auditLog, eq(auditLog.recordType, 'organisation'));
    const report = await importNhsFile(ctx(), 'pcns', mapFile('map-2025-01.csv', '01Jan2025', [{ line: stockton }]));
    const [pcn] = await database.db.select().from(organisations).where(eq(organisations.code, stocktonPcn));
    expect(pcn).toMatchObject({ name: 'STOCKTON AND BILLINGHAM PCN', sourceDate: '2026-10-01' });
    expect(report.notes).toContain('Organisations (PCNs and their commissioners): 0 added, 0 renamed, moved or re-dated.');
    expect(report.notes.join(' ')).toMatch(/\d+ organisations already hold names and dates from a file newer than this one \(1 January 2025\); they were left as they are\./);
    expect(await database.db.$count(auditLog, eq(auditLog.recordType, 'organisation'))).toBe(auditRows);
  });

  it('ends a closed practice’s PCN membership on its close date when a map leaves it out, and takes its PCN away; again, nothing changes', async () => {
    // Stackyard (C83653) closed on 30 June 2025 (the June 2026 ODS file); a registry built before that was enforced still has it in its PCN.
    await database.db.insert(pcnMemberships).values({ practiceCode: 'C83653', pcnCode: 'U25294', startDate: '2023-01-01', endDate: null, source: 'ODS ePCN' });
    await database.db.update(practices).set({ pcnCode: 'U25294' }).where(eq(practices.odsCode, 'C83653'));
    const closeDate = (await practice('C83653')).closeDate!;
    const report = await importNhsFile(ctx(), 'pcns', mapFile('map-2026-12.csv', '01Dec2026', [{ line: stockton }]));
    expect(report).toMatchObject({ inserted: 0, updated: 1, rejected: 0 });
    expect((await membershipsOf('C83653')).map((m) => [m.pcnCode, m.startDate, m.endDate])).toEqual([['U25294', '2023-01-01', closeDate]]);
    expect((await practice('C83653')).pcnCode).toBeNull();
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'practice'), eq(auditLog.recordId, 'C83653'))).orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({ before: { pcnCode: 'U25294' }, after: { pcnCode: null } });
    const again = await importNhsFile(ctx(), 'pcns', mapFile('map-2026-12.csv', '01Dec2026', [{ line: stockton }]));
    expect(again).toMatchObject({ inserted: 0, updated: 0, rejected: 0 });
  });

  it('skips, and names, a map row that places a practice in a PCN after it closed', async () => {
    const closed = fieldsOf(stockton);
    closed[2] = 'C83653';
    const before = await membershipsOf('C83653');
    const report = await importNhsFile(ctx(), 'pcns', mapFile('map-2027-01.csv', '01Jan2027', [{ line: closed.join(',') }]));
    expect(report).toMatchObject({ inserted: 0, updated: 0, skipped: 1, rejected: 0 });
    expect(report.notes).toContain('Skipped 1 row placing a practice in a PCN after it closed: C83653.');
    expect(await membershipsOf('C83653')).toEqual(before);
    expect((await practice('C83653')).pcnCode).toBeNull();
  });

  it('leaves the open and close dates an ePCN workbook gave when a practice map names the same PCN', async () => {
    await database.db.update(organisations).set({ openDate: '2019-07-01', closeDate: null }).where(eq(organisations.code, queensParkPcn));
    const auditRows = await database.db.$count(auditLog, eq(auditLog.recordType, 'organisation'));
    await importNhsFile(ctx(), 'pcns', mapFile('map-2026-11.csv', '01Nov2026', [{ line: queensPark, pcn: [queensParkPcn, 'NORTH STOCKTON PCN'] }]));
    const [pcn] = await database.db.select().from(organisations).where(eq(organisations.code, queensParkPcn));
    expect(pcn).toMatchObject({ name: 'NORTH STOCKTON PCN', openDate: '2019-07-01' });
    // Nothing about it changed, so nothing was written or audited.
    expect(await database.db.$count(auditLog, eq(auditLog.recordType, 'organisation'))).toBe(auditRows);
  });
});

describe('a PCN workbook with nothing to import', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  }, 120_000);
  afterAll(() => database?.close());

  it('is refused with no reference date, whether it cannot be read or lists no practices', async () => {
    const real = readNhsData('ePCN-2023-01.xlsx');
    const cut = await importNhsFile(contextFor(database), 'pcns', { name: 'cut.xlsx', content: real.subarray(0, 600) });
    expect(cut).toMatchObject({ referenceDate: null, rejected: 1, errors: [{ message: expect.stringContaining('not a readable Excel workbook') }] });
    // The real workbook with the partner sheet's header row only.
    const [workbook, headerOnly] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await workbook.xlsx.load(real as unknown as ExcelJS.Buffer);
    for (const sheet of workbook.worksheets) {
      const copy = headerOnly.addWorksheet(sheet.name);
      sheet.eachRow((row, line) => {
        if (line === 1 || sheet.name !== 'PCN Core Partner Details') copy.getRow(line).values = row.values;
      });
    }
    const empty = await importNhsFile(contextFor(database), 'pcns', { name: 'no-partners.xlsx', content: Buffer.from(await headerOnly.xlsx.writeBuffer()) });
    expect(empty).toMatchObject({ referenceDate: null, inserted: 0, rejected: 1, errors: [{ message: 'the workbook lists no PCN core partner practices: nothing to import' }] });
  }, 60_000);
});
