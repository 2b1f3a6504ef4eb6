import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { contextFor } from '../../../test/support/factories.js';
import { nhsFile } from '../../../test/support/nhs-files.js';
import { loadDemo } from '../demo/load-demo.js';
import { importNhsFile } from '../registry/import-file.js';
import { getPracticeIndicator } from './practice-indicator.js';
import { getDashboard } from './dashboard.js';
import { getGroupSummary } from '../registry/practice-details.js';
import { dashboardTable, spcSvg } from './quality-exports.js';

/**
 * Quality pages read through commissioner changes, with the real ODS and list-size releases
 * imported in date order: Narborough (C82119) was commissioned by ELR's 03W until March 2019 and by
 * Leicester City's 04C since. Every expected figure is worked out here from the files' own rows.
 */
const csv = (name: string, header: boolean) => Papa.parse<string[] & Record<string, string>>(nhsFile(name).content.toString('latin1'), { header, skipEmptyLines: true }).data;
const ods2018 = new Map((csv('epraccur-2018-06.csv', false) as string[][]).map((f) => [f[0]!, f[14]!]));
const lists2021 = csv('gp-reg-pat-prac-all-2021-01.csv', true) as Record<string, string>[];
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe.each(databaseKinds)('quality comparators in the period shown (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const ctx = contextFor(database);
    await importNhsFile(ctx, 'ods', nhsFile('epraccur-2018-06.csv'));
    await importNhsFile(ctx, 'ods', nhsFile('epraccur-2019-11.csv'));
    await importNhsFile(ctx, 'list-sizes', nhsFile('gp-reg-pat-prac-all-2021-01.csv'), { skipUnknown: true });
    await importNhsFile(ctx, 'ods', nhsFile('epraccur-2022-12.csv'));
    await importNhsFile(ctx, 'pcns', nhsFile('ePCN-2023-01.xlsx'), { skipUnknown: true });
    await loadDemo(ctx);
  }, 300_000);
  afterAll(() => database?.close());

  const commissionerRow = async (period: string) => {
    const page = await getPracticeIndicator(contextFor(database), 'C82119', { indicator: 'REGISTERED_PATIENTS', period });
    return { page, row: page.comparisons.find((c) => c.kind === 'commissioner')! };
  };

  it('compares Narborough in January 2018 with 03W, the commissioner it had then, and says it is under 04C now', async () => {
    const held = await database.query<{ ods_code: string; patients: number }>("SELECT ods_code, patients FROM list_sizes WHERE snapshot_date = '2018-01-01'");
    const elr = held.filter((r) => ods2018.get(r.ods_code) === '03W');
    const { page, row } = await commissionerRow('2018-01-01');
    expect(page.practice.commissionerCode).toBe('04C');
    expect(row.label).toBe('Sub-ICB location 03W');
    expect(row.practices).toBe(elr.length);
    expect(row.value).toBeCloseTo(mean(elr.map((r) => r.patients)), 9);
    expect(page.placeNotes.join(' ')).toContain('was commissioned by 03W in January 2018; it is under 04C now');
    // No PCN existed in January 2018, though it is in one today.
    expect(page.comparisons.some((c) => c.kind === 'pcn')).toBe(false);
    expect(page.placeNotes.join(' ')).toContain('in no PCN in January 2018 (PCNs began in July 2019)');
  });

  it('compares it in January 2021 with 04C, agreeing with the list-size file’s own CCG column', async () => {
    const city = lists2021.filter((r) => r.CCG_CODE === '04C');
    const { page, row } = await commissionerRow('2021-01-01');
    expect(row.label).toBe('Sub-ICB location 04C');
    expect(row.practices).toBe(city.length);
    expect(row.value).toBeCloseTo(mean(city.map((r) => Number(r.NUMBER_OF_PATIENTS))), 9);
    expect(page.placeNotes).toHaveLength(1);
  });

  it('gives the dashboard’s rows the commissioner each practice had in the period', async () => {
    const dashboard = await getDashboard(contextFor(database), { indicator: 'REGISTERED_PATIENTS', period: '2018-01-01' });
    const rows = new Map(dashboard.rows.map((r) => [r.practiceCode, r.commissionerCode]));
    expect(rows.get('C82119')).toBe(ods2018.get('C82119'));
    expect([...rows].filter(([, code]) => code !== '03W')).toEqual([]);
  });

  it('says why a locality’s total drops between a practice’s closing and the next list-size file', async () => {
    const ctx = contextFor(database);
    const [harborough] = await database.query<{ id: number }>("SELECT id FROM practice_groups WHERE name = 'Harborough'");
    const before = await getGroupSummary(ctx, harborough!.id, '2020-06-30');
    const after = await getGroupSummary(ctx, harborough!.id, '2020-07-01');
    const twoShires = before.practices.find((p) => p.odsCode === 'C82036')!;
    expect(after.listSizeDates).toEqual(before.listSizeDates);
    expect(before.totalListSize - after.totalListSize).toBe(twoShires.listSize);
    expect(before.goneSinceListSizes).toEqual([]);
    expect(after.goneSinceListSizes).toHaveLength(1);
    expect(after.goneSinceListSizes[0]).toContain(`(C82036) closed on 30 June 2020, after the list sizes of 1 January 2018: its ${twoShires.listSize!.toLocaleString('en-GB')} patients then are not in the total`);
    // The January 2021 file no longer holds Two Shires, and its patients are in Kibworth's list: nothing to explain.
    expect(lists2021.some((r) => r.CODE === 'C82036')).toBe(false);
    expect((await getGroupSummary(ctx, harborough!.id, '2021-01-01')).goneSinceListSizes).toEqual([]);
  });

  it('marks Two Shires’ closing on Kibworth’s list sizes, at the first list after it', async () => {
    const page = await getPracticeIndicator(contextFor(database), 'C82001', { indicator: 'REGISTERED_PATIENTS' });
    expect(page.series.map((p) => p.period)).toEqual(['2018-01-01', '2021-01-01']);
    expect(page.spcMarks).toEqual([{ period: '2021-01-01', words: expect.stringContaining('(C82036) closed on 30 June 2020 (Harborough)'), short: expect.stringMatching(/closed$/) }]);
  });

  it('marks a practice leaving its locality on the monthly chart and its SVG, and leaves the limits as they were', async () => {
    const ctx = contextFor(database);
    const before = await getPracticeIndicator(ctx, 'C82009', { indicator: 'DNA_RATE' });
    // Billesdon leaves Harborough at the end of June 2025, within the illustrative monthly series.
    await database.query("UPDATE group_memberships SET end_date = '2025-06-30' WHERE practice_code = 'C82022' AND group_id = (SELECT id FROM practice_groups WHERE name = 'Harborough')");
    const after = await getPracticeIndicator(ctx, 'C82009', { indicator: 'DNA_RATE' });
    expect(before.spcMarks).toEqual([]);
    expect(after.spcMarks.map((m) => m.period)).toEqual(['2025-07-01']);
    expect(after.spcMarks[0]!.words).toMatch(/^Marked at July 2025: .*\(C82022\) left Harborough on 30 June 2025\.$/);
    expect(after.spc!.points).toEqual(before.spc!.points);
    const svg = await spcSvg(ctx, 'C82009', { indicator: 'DNA_RATE' });
    expect('content' in svg && svg.content.toString()).toContain(after.spcMarks[0]!.short);
  });

  it('says on the dashboard and in its download that a member went during the month, and counts it as a member on the 1st', async () => {
    const ctx = contextFor(database);
    const [harborough] = await database.query<{ id: number }>("SELECT id FROM practice_groups WHERE name = 'Harborough'");
    await database.query(`UPDATE group_memberships SET end_date = '2025-03-15' WHERE practice_code = 'C82109' AND group_id = ${harborough!.id}`);
    const query = { indicator: 'DNA_RATE', period: '2025-03-01', group: harborough!.id };
    const dashboard = await getDashboard(ctx, query);
    expect(dashboard.rows.map((r) => r.practiceCode)).toContain('C82109');
    expect(dashboard.membershipNotes).toEqual([expect.stringMatching(/\(C82109\) left Harborough on 15 March 2025, during March 2025: the group counts its members on 1 March 2025, so its figure is in the group’s\.$/)]);
    expect((await getDashboard(ctx, { ...query, period: '2025-04-01' })).rows.map((r) => r.practiceCode)).not.toContain('C82109');
    const table = await dashboardTable(ctx, query);
    expect(table.filters).toEqual(expect.arrayContaining(['Practices: members of Harborough on 1 March 2025', ...dashboard.membershipNotes]));
    expect(table.rows).toEqual(dashboard.rows);
  });
});
