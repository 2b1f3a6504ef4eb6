import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, listSizes, pcnMemberships, practiceHistory, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { contextFor, makePractice, managerOf } from '../../../test/support/factories.js';
import { nhsFile, releasesInDateOrder } from '../../../test/support/nhs-files.js';
import { importNhsFile } from './import-file.js';
import { addMembers } from '../groups/add-members.js';
import { groupRecord } from '../groups/group-record.js';
import { createRecord } from '../records/records.js';
import type { ImportReport } from './import-report.js';
import { decodeText, parsePatientsRegistered } from '../../domain/registry/index.js';

// Every real release, imported one after another in date order, on both databases.
describe.each(databaseKinds)('importing every NHS release in date order (%s)', (kind) => {
  let database: Database;
  const reports: ImportReport[] = [];
  const reruns: { report: ImportReport; auditRows: number }[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const ctx = contextFor(database);
    for (const [importKind, name] of releasesInDateOrder) {
      // Four Y-codes in the January 2021 list file opened after the November 2019 ODS release.
      reports.push(await importNhsFile(ctx, importKind, nhsFile(name), { skipUnknown: true }));
      const auditBefore = await database.db.$count(auditLog);
      const report = await importNhsFile(ctx, importKind, nhsFile(name), { skipUnknown: true });
      reruns.push({ report, auditRows: (await database.db.$count(auditLog)) - auditBefore });
    }
  }, 300_000);
  afterAll(() => database?.close());

  it('imports each release without rejecting a row', () => {
    for (const report of reports) expect({ file: report.file, rejected: report.rejected, errors: report.errors.slice(0, 3) }).toEqual({ file: report.file, rejected: 0, errors: [] });
  });

  it('keeps every row of the first ODS file and counts the rest as inserts or updates', async () => {
    expect(reports[0]).toMatchObject({ inserted: 13_809, updated: 0, unchanged: 0 });
    const [active] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM practices WHERE is_gp_practice AND commissioner_code = '03W' AND ods_code LIKE 'C82%' AND open_date <= '2018-06-01'");
    expect(active!.n).toBeGreaterThanOrEqual(31);
  });

  it('skips, and names, the practices a list-size file holds that the registry does not', () => {
    const report = reports[2]!;
    expect(report.skipped).toBe(4);
    expect(report.practicesNotInRegistry).toEqual(expect.arrayContaining(['Y06659']));
    expect(report.notes).toContainEqual(`Skipped 4 rows for 4 practices not in the registry: ${report.practicesNotInRegistry!.slice(0, 3).join(', ')} and ${report.practicesNotInRegistry![3]}.`);
    expect(report.inserted).toBe(6_658 - 4);
  });

  it('records a practice that moved commissioner, and one that closed, as history', async () => {
    const narborough = await database.db.select().from(practiceHistory).where(eq(practiceHistory.odsCode, 'C82119'));
    const commissioners = narborough.filter((h) => h.changedFields.includes('commissionerCode')).map((h) => h.snapshot.commissionerCode);
    expect(commissioners).toContain('04C');
    const [twoShires] = await database.db.select().from(practices).where(eq(practices.odsCode, 'C82036'));
    expect(twoShires!.status).not.toBe('active');
    const closures = await database.db.select().from(practiceHistory).where(and(eq(practiceHistory.odsCode, 'C82036')));
    expect(closures.some((h) => h.changedFields.includes('status'))).toBe(true);
    // Its audit says which file changed it, so its history tells an import's change from a person's.
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'practice'), eq(auditLog.recordId, 'C82036')));
    const statusChange = audits.find((a) => (a.after as { status?: string }).status === twoShires!.status);
    expect(statusChange?.summary).toMatch(/^Changed status\b.*, by ODS import epraccur-\d{4}-\d{2}\.csv$/);
  });

  it('keeps list sizes at each date, so a practice has a history', async () => {
    const sizes = await database.db.select().from(listSizes).where(eq(listSizes.odsCode, 'C82001'));
    expect(Object.fromEntries(sizes.map((s) => [s.snapshotDate, s.patients]))).toMatchObject({ '2021-01-01': 26_437 });
    expect(sizes.map((s) => s.snapshotDate).sort()).toEqual(['2021-01-01', '2025-04-01']);
    const [total] = await database.query<{ n: string }>("SELECT sum(patients)::text AS n FROM list_sizes WHERE snapshot_date = '2021-01-01' AND commissioner_code = '03W'");
    expect(Number(total!.n)).toBe(338_663);
  });

  it('keeps PCN history: Glenfield moved from North Blaby PCN to G3 on 1 April 2022', async () => {
    const rows = await database.db.select().from(pcnMemberships).where(eq(pcnMemberships.practiceCode, 'C82056'));
    const ended = rows.find((r) => r.endDate);
    const g3 = rows.find((r) => r.startDate === '2022-04-01');
    expect(ended?.endDate).toBe('2022-03-31');
    expect(g3?.endDate ?? null).toBeNull();
    const [glenfield] = await database.db.select().from(practices).where(eq(practices.odsCode, 'C82056'));
    expect(glenfield!.pcnCode).toBe(g3!.pcnCode);
    // Each change of a practice's current PCN is in the audit with its before and after, as an ODS change is.
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'practice'), eq(auditLog.recordId, 'C82056')));
    const moves = audits.map((a) => [(a.before as { pcnCode?: string | null }).pcnCode, (a.after as { pcnCode?: string | null }).pcnCode]).filter(([from, to]) => from !== undefined && from !== to);
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.at(-1)![1]).toBe(g3!.pcnCode);
  });

  it('ends a closed practice’s PCN membership on its close date: Stackyard (C83653) left Melton, Syston and Vale PCN when it closed on 30 June 2025', async () => {
    const [stackyard] = await database.db.select().from(practices).where(eq(practices.odsCode, 'C83653'));
    expect(stackyard).toMatchObject({ closeDate: '2025-06-30', pcnCode: null });
    const rows = await database.db.select().from(pcnMemberships).where(eq(pcnMemberships.practiceCode, 'C83653'));
    expect(rows.map((r) => [r.pcnCode, r.endDate])).toEqual([['U25294', '2025-06-30']]);
    // The ODS file that closed it said so; the August 2026 map, which leaves it out, did not open it again.
    const closing = reports[releasesInDateOrder.findIndex(([, name]) => name === 'epraccur-2025-09.csv')]!;
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'pcn_membership'), eq(auditLog.recordId, String(rows[0]!.id))));
    expect(audit).toMatchObject({ before: { endDate: null }, after: { endDate: '2025-06-30' }, summary: expect.stringContaining('by ODS import epraccur-2025-09.csv') });
    // Its note counts every membership it ended (one audit row each), naming the first ten by practice.
    const ended = await database.db.$count(auditLog, and(eq(auditLog.recordType, 'pcn_membership'), sql`${auditLog.summary} LIKE '%by ODS import epraccur-2025-09.csv'`));
    const note = closing.notes.find((n) => n.startsWith('Ended '));
    expect(note).toMatch(new RegExp(`^Ended ${ended} PCN memberships on their practices’ close dates, as a closed practice is in no PCN: [^,]+ \\([A-Z]\\d{5}\\) in .+ on \\d+ \\w+ 20\\d\\d, .* and ${ended - 10} more\\.$`));
  });

  it('sets up a federation from a past date with the practices of then: a commissioner’s and a PCN’s, closed and moved since', async () => {
    const ctx = contextFor(database);
    const federation = (await createRecord(ctx, groupRecord, { name: 'ELR as it was in July 2018', kind: 'federation' })) as { id: number };
    const added = await addMembers(ctx, federation.id, { commissionerCode: '03W', startDate: '2018-07-01' });
    const [twoShires] = await database.db.select().from(practices).where(eq(practices.odsCode, 'C82036'));
    const [narborough] = await database.db.select().from(practices).where(eq(practices.odsCode, 'C82119'));
    const member = (code: string) => added.memberships.find((m) => m.practiceCode === code);
    // Two Shires closed since: a member until it closed. Narborough is in another commissioner's area now: a member, and named.
    expect(member('C82036')).toMatchObject({ startDate: '2018-07-01', endDate: twoShires!.closeDate });
    expect(member('C82119')).toMatchObject({ startDate: '2018-07-01', endDate: null });
    expect(narborough!.commissionerCode).not.toBe('03W');
    expect(added.movedSince).toEqual([{ odsCode: 'C82119', now: narborough!.commissionerCode, area: 'commissioner' }]);
    // Narborough's move is dated by the join date the ODS file gave with it (field 16), not by the file: gone from 03W by June 2019.
    const [move] = await database.db.select().from(practiceHistory).where(and(eq(practiceHistory.odsCode, 'C82119'), sql`${practiceHistory.changedFields} @> '["commissionerCode"]'::jsonb`)).orderBy(asc(practiceHistory.validFrom));
    const joined = String(move!.snapshot.joinedCommissionerOn);
    expect(joined < move!.validFrom).toBe(true);
    const dayBefore = new Date(Date.parse(`${joined}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const inJune = await addMembers(ctx, (await createRecord(ctx, groupRecord, { name: 'ELR on the day its move took effect', kind: 'peer_group' }) as { id: number }).id, { commissionerCode: '03W', startDate: joined });
    expect(inJune.memberships.map((m) => m.practiceCode)).not.toContain('C82119');
    const dayBeforeMembers = await addMembers(ctx, (await createRecord(ctx, groupRecord, { name: 'ELR the day before', kind: 'peer_group' }) as { id: number }).id, { commissionerCode: '03W', startDate: dayBefore });
    expect(dayBeforeMembers.memberships.map((m) => m.practiceCode)).toContain('C82119');
    // The LLR special allocation scheme holds the GP practice role, but is no federation's member practice.
    expect(added.specialAllocation).toEqual(['Y03584']);
    expect(member('Y03584')).toBeUndefined();
    // Glenfield was in North Blaby PCN until 31 March 2022: that PCN's practices on 1 April 2021 include it.
    const [northBlaby] = await database.db.select().from(pcnMemberships).where(and(eq(pcnMemberships.practiceCode, 'C82056'), eq(pcnMemberships.endDate, '2022-03-31')));
    const pcn = (await createRecord(ctx, groupRecord, { name: 'North Blaby PCN in 2021', kind: 'pcn' })) as { id: number };
    const inPcn = await addMembers(ctx, pcn.id, { pcnCode: northBlaby!.pcnCode, startDate: '2021-04-01' });
    expect(inPcn.memberships.map((m) => m.practiceCode)).toContain('C82056');
    expect(inPcn.movedSince).toContainEqual({ odsCode: 'C82056', now: expect.not.stringMatching(northBlaby!.pcnCode), area: 'pcn' });
  });

  it('leaves a practice missing from a newer ODS file as it was (absence is not closure)', async () => {
    const [count] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM practices');
    expect(count!.n).toBeGreaterThan(16_685);
  });

  it('changes nothing when a release is imported again straight away', () => {
    for (const { report, auditRows } of reruns) {
      expect({ file: report.file, inserted: report.inserted, updated: report.updated, rejected: report.rejected, auditRows }).toEqual({ file: report.file, inserted: 0, updated: 0, rejected: 0, auditRows: 1 });
    }
  });

  it('refuses a release dated after today, writing nothing: it would stand as newer than every real file to come', async () => {
    const before = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const report = await importNhsFile(contextFor(database), 'ods', nhsFile('epraccur-2018-06.csv'), { asOf: '2090-01-01' });
    expect(report).toMatchObject({ inserted: 0, updated: 0, rejected: 1, errors: [{ file: 'epraccur-2018-06.csv', message: 'the date given for it (1 January 2090) is after today: give the day the file was published, or leave the date out' }] });
    expect(await database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).toEqual(before);
  });

  it('refuses an import by someone who is not an admin', async () => {
    await expect(importNhsFile(contextFor(database, managerOf('C82001')), 'ods', nhsFile('epraccur-2018-06.csv'))).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

// A federation's registry (its own practices only) and the national list-size file: every other practice in England is unknown.
describe.each(databaseKinds)('a national list-size file into a registry of one federation (%s)', (kind) => {
  let database: Database;
  const file = nhsFile('gp-reg-pat-prac-all-2025-04.csv');
  const inFile = [...new Set(parsePatientsRegistered(decodeText(file.content), file.name).rows.map((r) => r.odsCode))].sort();
  const held = ['C82001', 'C82002'];
  const others = inFile.filter((code) => !held.includes(code));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.insert(practices).values(held.map((odsCode) => makePractice({ odsCode })));
  });
  afterAll(() => database?.close());

  it('refuses it, naming every practice the registry does not hold, once each and in order', async () => {
    const report = await importNhsFile(contextFor(database), 'list-sizes', file);
    expect(report).toMatchObject({ rejected: others.length, inserted: 0, notes: [] });
    expect(report.practicesNotInRegistry).toEqual(others);
    expect(report.errors).toHaveLength(others.length);
  });

  it('refuses the national PCN files too, each row’s problem naming the column of its practice code: a number in a CSV, a letter in a workbook, with its sheet', async () => {
    const map = nhsFile('gp-reg-pat-prac-map-2026-08.csv');
    const codeColumn = decodeText(map.content).split(/\r?\n/)[0]!.split(',').indexOf('PRACTICE_CODE') + 1;
    const fromMap = await importNhsFile(contextFor(database), 'pcns', map);
    expect(fromMap.rejected).toBeGreaterThan(6000);
    expect(new Set(fromMap.errors.map((e) => e.column))).toEqual(new Set([codeColumn]));
    const fromWorkbook = await importNhsFile(contextFor(database), 'pcns', nhsFile('ePCN-2023-01.xlsx'));
    expect(fromWorkbook.rejected).toBeGreaterThan(6000);
    const [letter, ...others] = new Set(fromWorkbook.errors.map((e) => e.column));
    expect({ letter, others }).toEqual({ letter: expect.stringMatching(/^[A-Z]$/), others: [] });
    expect(new Set(fromWorkbook.errors.map((e) => e.file))).toEqual(new Set(['ePCN-2023-01.xlsx [PCN Core Partner Details]']));
    expect(fromMap.errors[0]!.file).toBe('gp-reg-pat-prac-map-2026-08.csv');
  });

  it('skips them when asked, with a note that names ten and counts the rest, and keeps every code for programs', async () => {
    const report = await importNhsFile(contextFor(database), 'list-sizes', file, { skipUnknown: true });
    expect(report).toMatchObject({ inserted: 2, skipped: others.length, rejected: 0 });
    const more = (others.length - 10).toLocaleString('en-GB');
    expect(report.notes).toEqual([`Skipped ${others.length.toLocaleString('en-GB')} rows for ${others.length.toLocaleString('en-GB')} practices not in the registry: ${others.slice(0, 10).join(', ')} and ${more} more.`]);
    expect(report.practicesNotInRegistry).toEqual(others);
  });
});
