import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, makeSchemeRequest, managerOf } from '../../../test/support/factories.js';
import { demoSchemeGroupName } from '../demo/load-demo-quality.js';
import { loadDemo } from '../demo/load-demo.js';
import { importNhsFile } from '../registry/import-file.js';
import { approveScheme, createScheme, updateScheme } from '../schemes/save-scheme.js';
import { getDashboard } from './dashboard.js';
import { funnelSvg, reviewPackWorkbook, spcSvg } from './quality-exports.js';
import { twoSidedNormalQuantile } from '../../domain/quality/normal.js';
import { getReviewPack } from './review-pack.js';
import { evaluateLocalScheme } from './scheme-evaluation.js';
import { createRecord, updateRecord } from '../records/records.js';
import { recordTypeNamed } from '../records/registry.js';
import { groupRecord } from '../groups/group-record.js';
import { membershipRecord } from '../groups/membership-record.js';

const header = 'indicator_code,indicator_name,unit,polarity,minimum,target,practice_code,period,numerator,denominator';
const upload = (name: string, ...rows: string[]) => ({ name, content: Buffer.from([header, ...rows].join('\n')) });
const row = (practice: string, period: string, numerator: number, denominator = 100) => `ONLINE,Online consultations,proportion,higher,20,30,${practice},${period},${numerator},${denominator}`;

describe.each(databaseKinds)('local indicators, thresholds, scheme evaluation and review packs (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  }, 120_000);
  afterAll(() => database?.close());

  it('imports a local file all or nothing, skipping unknown practices, and changes nothing on a re-run', async () => {
    const ctx = contextFor(database);
    const file = upload('online.csv', row('C82001', '2024-04', 10), row('C82002', '2024-04', 25), row('Z99999', '2024-04', 5));
    const first = await importNhsFile(ctx, 'indicators', file);
    expect(first).toMatchObject({ inserted: 2, skipped: 1, rejected: 0 });
    expect(first.notes[0]).toContain('Z99999');
    expect(await importNhsFile(ctx, 'indicators', file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const bad = await importNhsFile(ctx, 'indicators', upload('bad.csv', row('C82001', '2024-05', 120), row('C82002', '2024-05', 1, 0)));
    expect(bad.rejected).toBe(2);
    expect(bad.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 9],
      [3, 10],
    ]);
    const [count] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM indicator_values WHERE indicator_code = 'ONLINE'");
    expect(count!.n).toBe(2);
  });

  it('refuses thresholds that make no sense for the indicator: a percentage over 100, a target below a minimum when higher is better', async () => {
    const ctx = contextFor(database);
    const thresholds = recordTypeNamed('thresholds');
    await expect(createRecord(ctx, thresholds, { indicatorCode: 'ONLINE', minimum: 150, target: -10 })).rejects.toMatchObject({
      problems: [
        { field: 'minimum', message: 'must be a percentage from 0 to 100 (it is 150)' },
        { field: 'target', message: 'must be a percentage from 0 to 100 (it is -10)' },
      ],
    });
    const [stored] = await database.query<{ id: number; row_version: number }>("SELECT id, row_version FROM indicator_thresholds WHERE indicator_code = 'ONLINE'");
    await expect(updateRecord(ctx, thresholds, String(stored!.id), { target: 10 }, stored!.row_version)).rejects.toMatchObject({
      problems: [{ field: 'target', message: 'must be at least the minimum (20), since a higher figure is better' }],
    });
  });

  it('refuses a practice manager’s import and a file of another layout', async () => {
    await expect(importNhsFile(contextFor(database, managerOf('C82001')), 'indicators', upload('x.csv', row('C82001', '2024-04', 10)))).rejects.toThrow(/permission/);
    const report = await importNhsFile(contextFor(database), 'qof', { name: 'PREVALENCE_2223.csv', content: Buffer.from('CODE,REGISTER\nC82001,5\n') });
    expect(report.rejected).toBe(1);
    expect(report.errors[0]!.message).toContain('not a QOF PREVALENCE file');
  });

  it('stores a QOF file named without its year under the 31 March given, and refuses another day rather than file 2022/23 as 2021/22', async () => {
    const ctx = contextFor(database);
    const prevalence = (name: string) => ({ name, content: Buffer.from('PRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PRACTICE_LIST_SIZE\nC82001,ZZ,12.0,TOTAL,1000\n') });
    const stored = async () => (await database.query<{ period: string }>("SELECT period::text AS period FROM indicator_values WHERE indicator_code = 'QOF_PREV_ZZ'")).map((r) => r.period);
    const early = await importNhsFile(ctx, 'qof', prevalence('qof-2022-23.csv'), { asOf: '2022-04-01' });
    expect([early.rejected, early.errors[0]?.message]).toEqual([1, 'the date given for it (1 April 2022) is not the end of a QOF year: QOF years run April to March, so give 2023-03-31 for 2022/23']);
    const clash = await importNhsFile(ctx, 'qof', prevalence('PREVALENCE_2223.csv'), { asOf: '2024-03-31' });
    expect(clash.errors[0]?.message).toContain('the file name says the QOF year ending 31 March 2023');
    expect(await stored()).toEqual([]);
    expect(await importNhsFile(ctx, 'qof', prevalence('qof-2022-23.csv'), { asOf: '2023-03-31' })).toMatchObject({ inserted: 1, rejected: 0, referenceDate: '2023-03-31' });
    expect(await stored()).toEqual(['2023-03-31']);
  });

  it('lists practices below the minimum with their gap', async () => {
    const dashboard = await getDashboard(contextFor(database), { indicator: 'ONLINE', period: '2024-04-01' });
    expect(dashboard.belowThreshold.map((b) => [b.practiceCode, b.gap])).toEqual([['C82001', 10]]);
    expect(dashboard.threshold).toEqual({ minimum: 20, target: 30 });
  });

  it('evaluates the demo admission avoidance scheme against the other practices', async () => {
    const [group] = await database.query<{ id: number }>('SELECT id FROM practice_groups WHERE name = $1', [demoSchemeGroupName]);
    const result = await evaluateLocalScheme(contextFor(database), { indicator: 'EMERGENCY_ADMISSIONS', group: group!.id, beforeFrom: '2024-04-01', beforeTo: '2025-03-01', afterFrom: '2025-04-01', afterTo: '2026-03-01' });
    expect(result.signedUp.practices).toBe(12);
    expect(result.differenceInDifferences).toBeCloseTo(result.signedUp.change! - result.notSignedUp.change!, 12);
    // The interval printed beside the difference is about that difference, not another figure.
    const [low, high] = result.interval95!;
    expect((low + high) / 2).toBeCloseTo(result.differenceInDifferences!, 12);
    expect(high - low).toBeCloseTo(2 * twoSidedNormalQuantile(0.95) * Math.hypot(result.signedUp.standardError!, result.notSignedUp.standardError!), 12);
    // The group's practices signed up in April 2025: before then it has no members to evaluate.
    await expect(evaluateLocalScheme(contextFor(database), { indicator: 'EMERGENCY_ADMISSIONS', group: group!.id, beforeFrom: '2024-04-01', beforeTo: '2024-05-01', afterFrom: '2024-06-01', afterTo: '2024-07-01' })).rejects.toMatchObject({
      message: 'There are no signed-up practices to evaluate',
      problems: [{ field: 'group', message: `${demoSchemeGroupName} had no members on 1 June 2024, the first day of the after period. Choose an after period that starts once its practices had joined.` }],
    });
  });

  it('evaluates a stored scheme on its version in force, for the federation and everyone else, never on a draft in preparation', async () => {
    const admin = contextFor(database, adminActor);
    const evalRow = (practice: string, period: string, numerator: number) => `EVAL_ONLINE,Online consultations,proportion,higher,,,${practice},${period},${numerator},100`;
    await importNhsFile(admin, 'indicators', upload('eval.csv', ...['C82001', 'C82002', 'C82009'].flatMap((code, i) => [evalRow(code, '2024-04', 10 + i), evalRow(code, '2025-04', 20 + i)])));
    const request = makeSchemeRequest();
    const practices = request.definition.practices as { name: string; odsCode: string }[];
    const withParticipation = (no: string) => practices.map((p) => ({ ...p, participation: p.odsCode === no ? ('no' as const) : ('yes' as const) }));
    const { scheme } = await createScheme(admin, { ...request, definition: { ...request.definition, practices: withParticipation('C82002') } });
    const query = { indicator: 'EVAL_ONLINE', scheme: scheme.id, beforeFrom: '2024-04-01', beforeTo: '2024-04-30', afterFrom: '2025-04-01', afterTo: '2025-04-30' };
    await expect(evaluateLocalScheme(admin, query)).rejects.toMatchObject({ problems: [{ field: 'scheme', message: `${request.definition.name} has no approved version yet: practices sign up to a scheme once the federation approves it.` }] });
    await approveScheme(admin, scheme.id, 1);
    // The draft swaps who takes part and renames the scheme; nothing has been delivered under it yet.
    await updateScheme(admin, scheme.id, { rowVersion: 2, definition: { ...request.definition, id: scheme.slug, name: `${request.definition.name} (next year)`, practices: withParticipation('C82001') } });
    for (const ctx of [admin, contextFor(database, commissionerActor)]) {
      const result = await evaluateLocalScheme(ctx, query);
      expect(result.signedUpFrom).toBe(`practices taking part in ${request.definition.name}`);
      expect(result.practices.map((p) => [p.practiceCode, p.signedUp])).toEqual([
        ['C82001', true],
        ['C82002', false],
        ['C82009', true],
      ]);
    }
  });

  it('builds a locality’s review pack, its workbook and the funnel as SVG', async () => {
    const [locality] = await database.query<{ id: number }>("SELECT id FROM practice_groups WHERE kind = 'locality' AND name = 'Harborough'");
    const pack = await getReviewPack(contextFor(database), locality!.id);
    // The pack is about the locality as it is now: Two Shires, closed in June 2020, is not among its practices.
    const latest = (await database.query<{ latest: string }>('SELECT max(period)::text AS latest FROM indicator_values'))[0]!.latest;
    const current = await database.query<{ code: string }>(`SELECT practice_code AS code FROM group_memberships WHERE group_id = ${locality!.id} AND start_date <= '${latest}' AND (end_date IS NULL OR end_date >= '${latest}') ORDER BY 1`);
    expect(pack.practices.map((p) => p.practiceCode).sort()).toEqual(current.map((c) => c.code));
    expect(pack.practices.map((p) => p.practiceCode)).not.toContain('C82036');
    const hypertension = pack.indicators.find((i) => i.indicator.code === 'QOF_PREV_HYP')!;
    expect(hypertension.practices.length).toBeGreaterThan(1);
    expect(hypertension.funnel?.points.filter((p) => p.highlighted).length).toBe(hypertension.practices.filter((p) => p.value !== null).length);
    const monthly = pack.indicators.find((i) => i.indicator.code === 'SAME_DAY_ACCESS')!;
    expect(monthly.practices.every((p) => p.spc !== null)).toBe(true);
    const workbook = await reviewPackWorkbook(contextFor(database), locality!.id);
    expect(workbook.content.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.content as never);
    const all = book.getWorksheet('All practices')!;
    const headers = (all.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Harborough', 'Harborough: practices with a figure', 'All practices held', 'Better when', 'Threshold', 'Gap to threshold']));
    // The first sheet says what the pack is and what its columns mean, for a reader without the page.
    const about = new Map(book.worksheets[0]!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(book.worksheets[0]!.name).toBe('About');
    expect(about.get('What')).toBe(`Peer review pack for Harborough, in ${pack.federation!.name}`);
    for (const header of headers.filter((h) => !['ODS code', 'Practice', 'Indicator', 'Period', 'Practice value', 'Members on', 'Better when'].includes(String(h)))) {
      expect([...about.keys()].some((key) => String(key).split(', ').includes(String(header))), String(header)).toBe(true);
    }
    // SPC results in the words the page uses, not their codes; a series too short for limits says so (EVAL_ONLINE has 2 periods).
    const spcWords = all.getColumn(headers.indexOf('SPC variation') + 1).values.slice(2).filter(Boolean) as string[];
    expect(spcWords.length).toBeGreaterThan(0);
    expect(spcWords.every((v) => /^(Common cause|Special cause|There are 2 points: too few for process limits)/.test(v))).toBe(true);
    // Funnel positions say which side is better; prevalence (neutral) says only the side.
    const funnelWords = all.getColumn(headers.indexOf('Funnel (99.8%)') + 1).values.slice(2).filter(Boolean) as string[];
    expect(funnelWords.length).toBeGreaterThan(0);
    expect(funnelWords.every((v) => /^(Within|Above|Below)( \((better|worse)\))?$/.test(v))).toBe(true);
    const svg = await funnelSvg(contextFor(database), { indicator: 'QOF_PREV_HYP', period: '2023-03-31' });
    expect('content' in svg && svg.content.toString().startsWith('<svg')).toBe(true);
    expect('content' in svg && svg.content.toString()).toContain('99.8% (solid)');
    const practice = monthly.practices[0]!;
    const spc = await spcSvg(contextFor(database), practice.practiceCode, { indicator: 'SAME_DAY_ACCESS' });
    expect('content' in spc && spc.content.toString().startsWith('<svg')).toBe(true);
    expect('content' in spc && spc.content.toString()).toContain(practice.practiceName.replaceAll('&', '&amp;'));
    expect(await spcSvg(contextFor(database), practice.practiceCode, { indicator: 'QOF_PREV_HYP' })).toMatchObject({ reason: expect.any(String) });
  });

  it('builds a PCN’s review pack as a locality’s, and refuses one for a whole federation', async () => {
    const admin = contextFor(database, adminActor);
    const pcn = await createRecord(admin, groupRecord, { name: 'Cross Counties PCN (test)', kind: 'pcn', commissionerCode: '03W' });
    for (const practiceCode of ['C82001', 'C82002']) await createRecord(admin, membershipRecord, { groupId: pcn.id, practiceCode, startDate: '2019-07-01' });
    const pack = await getReviewPack(admin, pcn.id as number);
    expect(pack.locality.name).toBe('Cross Counties PCN (test)');
    expect(pack.federation).toBeNull();
    expect(pack.practices.map((p) => p.practiceCode).sort()).toEqual(['C82001', 'C82002']);
    expect(pack.indicators.length).toBeGreaterThan(0);
    const [federation] = await database.query<{ id: number; name: string }>("SELECT id, name FROM practice_groups WHERE kind = 'federation'");
    await expect(getReviewPack(admin, federation!.id)).rejects.toThrow(`${federation!.name} is a federation; a review pack is for a locality, a PCN or a peer group`);
  });

  it('counts and averages the same practices in a review pack: the members on its date, even against older figures', async () => {
    const [locality] = await database.query<{ id: number }>("SELECT id FROM practice_groups WHERE kind = 'locality' AND name = 'Harborough'");
    const pack = await getReviewPack(contextFor(database), locality!.id);
    const codes = pack.practices.map((p) => p.practiceCode);
    expect(pack.membersOn).toBe((await database.query<{ latest: string }>('SELECT max(period)::text AS latest FROM indicator_values'))[0]!.latest);
    for (const line of pack.indicators) {
      expect(line.practices.map((p) => p.practiceCode), line.indicator.code).toEqual(codes);
      expect(line.localityPractices, line.indicator.code).toBe(line.practices.filter((p) => p.value !== null).length);
    }
    // Patients registered is January 2018, when Two Shires (C82036) was still a member: 60,205 ÷ 5 = 12,041 counted a
    // practice the pack does not list. The pack's figure is its 4 practices' list sizes then.
    const registered = pack.indicators.find((i) => i.indicator.code === 'REGISTERED_PATIENTS')!;
    const lists = await database.query<{ patients: number }>('SELECT patients FROM list_sizes WHERE ods_code = ANY($1::text[]) AND snapshot_date = $2', [codes, registered.period]);
    expect(codes).not.toContain('C82036');
    expect(lists).toHaveLength(4);
    expect(registered.localityPractices).toBe(4);
    expect(registered.locality).toBe(lists.reduce((sum, l) => sum + l.patients, 0) / 4);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reviewPackWorkbook(contextFor(database), locality!.id)).content as never);
    const sheet = workbook.getWorksheet('All practices')!;
    const column = (header: string) => sheet.getColumn((sheet.getRow(1).values as unknown[]).indexOf(header)).values.slice(2);
    expect(new Set(column('ODS code'))).toEqual(new Set(codes));
    expect(new Set(column('Harborough: practices with a figure')).has(5)).toBe(false);
    // A count of patients is whole in the workbook, as the page writes it ("12,041 on average"), not 12,040.75.
    const registeredRow = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(3).value === 'Patients registered')!;
    const harborough = registeredRow.getCell((sheet.getRow(1).values as unknown[]).indexOf('Harborough'));
    expect([harborough.value, harborough.numFmt]).toEqual([Math.round(registered.locality!), '#,##0']);
  });
});
