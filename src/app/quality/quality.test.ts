import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { contextFor, managerOf } from '../../../test/support/factories.js';
import { nhsFile } from '../../../test/support/nhs-files.js';
import { loadDemo } from '../demo/load-demo.js';
import { importNhsFile } from '../registry/import-file.js';
import type { ImportReport } from '../registry/import-report.js';
import { getDashboard } from './dashboard.js';
import { getPracticeIndicator } from './practice-indicator.js';
import { demoSchemeGroupName } from '../demo/load-demo-quality.js';
import { funnelReferenceReason, MINIMUM_PRACTICES_FOR_OWN_FUNNEL } from '../../domain/quality/funnel-reference.js';

/**
 * Real QOF 2022-23 prevalence on both databases: every figure checked here is computed in the test
 * from the rows of PREVALENCE_2223.csv, never typed in.
 */
const csvRows = Papa.parse<Record<string, string>>(nhsFile('PREVALENCE_2223.csv').content.toString('latin1'), { header: true, skipEmptyLines: true }).data;
const pooledPercent = (rows: Record<string, string>[]) => (rows.reduce((s, r) => s + Math.round(Number(r.REGISTER)), 0) / rows.reduce((s, r) => s + Number(r.PRACTICE_LIST_SIZE), 0)) * 100;
const usable = (r: Record<string, string>) => Number(r.PRACTICE_LIST_SIZE) > 0 && Math.round(Number(r.REGISTER)) <= Number(r.PRACTICE_LIST_SIZE);

describe.each(databaseKinds)('QOF prevalence from the real files (%s)', (kind) => {
  let database: Database;
  let first: ImportReport;
  let names: ImportReport;
  let rerun: ImportReport;
  let rerunAudit: number;
  let known: Set<string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const ctx = contextFor(database);
    await importNhsFile(ctx, 'ods', nhsFile('epraccur-2022-12.csv'));
    await loadDemo(ctx);
    known = new Set((await database.query<{ ods_code: string }>('SELECT ods_code FROM practices')).map((r) => r.ods_code));
    first = await importNhsFile(ctx, 'qof', nhsFile('PREVALENCE_2223.csv'));
    names = await importNhsFile(ctx, 'qof', nhsFile('MAPPING_INDICATORS_2021_v2.csv'));
    const before = await database.db.$count(auditLog);
    rerun = await importNhsFile(ctx, 'qof', nhsFile('PREVALENCE_2223.csv'));
    rerunAudit = (await database.db.$count(auditLog)) - before;
  }, 300_000);
  afterAll(() => database?.close());

  it('imports every usable row of a known practice, skips and lists the rest', () => {
    const kept = csvRows.filter((r) => known.has(r.PRACTICE_CODE!) && usable(r));
    const demoRows = csvRows.filter((r) => usable(r) && ['C82001', 'C82002'].includes(r.PRACTICE_CODE!)).length;
    expect(first.rejected).toBe(0);
    // The demo had already loaded the ELR practices' rows, which the national file leaves unchanged.
    expect(first.inserted + first.unchanged).toBe(kept.length);
    expect(first.unchanged).toBeGreaterThanOrEqual(demoRows);
    expect(first.skipped).toBe(csvRows.length - kept.length);
    const impossible = csvRows.filter((r) => !usable(r));
    expect(impossible.length).toBeGreaterThan(0);
    expect(first.notes.join(' ')).toContain(`${impossible[0]!.PRACTICE_CODE} ${impossible[0]!.GROUP_CODE}: register`);
  });

  it('names the registers from the indicator mapping file', async () => {
    expect(names.rejected).toBe(0);
    const [row] = await database.query<{ name: string }>("SELECT name FROM indicators WHERE code = 'QOF_PREV_AF'");
    expect(row!.name).toBe('QOF prevalence: Atrial fibrillation');
  });

  it('changes nothing when the same file is imported again', () => {
    expect(rerun).toMatchObject({ inserted: 0, updated: 0, rejected: 0, unchanged: first.inserted + first.unchanged });
    expect(rerunAudit).toBe(1);
  });

  it('leaves no audit row when the demo, loaded again (each npm start), finds its figures there', async () => {
    const before = await database.db.$count(auditLog);
    expect(await loadDemo(contextFor(database))).toMatchObject({ loaded: false });
    expect(await database.db.$count(auditLog)).toBe(before);
  });

  it('gives England’s prevalence as the sum of registers over the sum of list sizes', async () => {
    const dashboard = await getDashboard(contextFor(database), { indicator: 'QOF_PREV_HYP', period: '2023-03-31' });
    const england = csvRows.filter((r) => r.GROUP_CODE === 'HYP' && known.has(r.PRACTICE_CODE!) && usable(r));
    expect(dashboard.england.value).toBeCloseTo(pooledPercent(england), 10);
    expect(dashboard.england.practices).toBe(england.length);
    expect(dashboard.funnel?.points.length).toBe(england.length);
    // The outliers are the practices whose prevalence, worked out here from the file, lies beyond the
    // funnel's 99.8% limits at their list size: above the upper one high, below the lower one low.
    const fromFile = new Map(england.map((r) => [r.PRACTICE_CODE!, pooledPercent([r])]));
    const beyond = dashboard.rows.flatMap((r) => {
      const value = fromFile.get(r.practiceCode)!;
      return value > r.upper998! ? [`${r.practiceCode} high`] : value < r.lower998! ? [`${r.practiceCode} low`] : [];
    });
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.length).toBeLessThan(england.length);
    expect(dashboard.outliers.map((o) => `${o.practiceCode} ${o.outlier}`).sort()).toEqual(beyond.sort());
  });

  it('compares a practice with its locality, federation, sub-ICB and England', async () => {
    const result = await getPracticeIndicator(contextFor(database, managerOf('C82001')), 'C82009', { indicator: 'QOF_PREV_DM' });
    const rowsFor = (codes: string[]) => csvRows.filter((r) => r.GROUP_CODE === 'DM' && codes.includes(r.PRACTICE_CODE!) && usable(r));
    const [member] = await database.query<{ ods_code: string; commissioner_code: string }>("SELECT ods_code, commissioner_code FROM practices WHERE ods_code = 'C82009'");
    const subIcb = (await database.query<{ ods_code: string }>('SELECT ods_code FROM practices WHERE commissioner_code = $1', [member!.commissioner_code])).map((r) => r.ods_code);
    const locality = (await database.query<{ practice_code: string }>(
      "SELECT m.practice_code FROM group_memberships m JOIN practice_groups g ON g.id = m.group_id JOIN group_memberships mine ON mine.group_id = g.id AND mine.practice_code = 'C82009' WHERE g.kind = 'locality' AND (m.end_date IS NULL OR m.end_date >= '2023-03-31')",
    )).map((r) => r.practice_code);
    const federation = (await database.query<{ practice_code: string }>("SELECT m.practice_code FROM group_memberships m JOIN practice_groups g ON g.id = m.group_id WHERE g.kind = 'federation' AND (m.end_date IS NULL OR m.end_date >= '2023-03-31')")).map((r) => r.practice_code);
    const byKind = Object.fromEntries(result.comparisons.map((c) => [c.kind, c.value]));
    expect(result.value).toBeCloseTo(pooledPercent(rowsFor(['C82009'])), 10);
    expect(byKind.locality).toBeCloseTo(pooledPercent(rowsFor(locality)), 10);
    expect(byKind.federation).toBeCloseTo(pooledPercent(rowsFor(federation)), 10);
    expect(byKind.commissioner).toBeCloseTo(pooledPercent(rowsFor(subIcb)), 10);
    expect(byKind.england).toBeCloseTo(pooledPercent(csvRows.filter((r) => r.GROUP_CODE === 'DM' && known.has(r.PRACTICE_CODE!) && usable(r))), 10);
    expect(result.spc).toBeNull();
    expect(result.spcNote).toBe('There is 1 period: too few for a chart over time, and process limits need at least 13.');
    expect(result.series.map((s) => s.period)).toEqual(['2023-03-31']);
    expect(result.threshold).toBeNull();
  });

  it('plots a small locality’s practices against its federation’s centre line and overdispersion, and says so', async () => {
    const ctx = contextFor(database);
    const [harborough] = await database.query<{ id: number }>("SELECT id FROM practice_groups WHERE kind = 'locality' AND name = 'Harborough'");
    const [federation] = await database.query<{ id: number; name: string }>('SELECT f.id, f.name FROM practice_groups f JOIN practice_groups l ON l.parent_id = f.id WHERE l.id = $1', [harborough!.id]);
    const small = await getDashboard(ctx, { indicator: 'QOF_PREV_HYP', period: '2023-03-31', group: harborough!.id });
    const whole = await getDashboard(ctx, { indicator: 'QOF_PREV_HYP', period: '2023-03-31', group: federation!.id });
    expect(small.rows.length).toBeLessThan(MINIMUM_PRACTICES_FOR_OWN_FUNNEL);
    expect(whole.rows.length).toBeGreaterThanOrEqual(MINIMUM_PRACTICES_FOR_OWN_FUNNEL);
    expect(whole.funnel!.centre).toEqual({ kind: 'own', name: federation!.name, practices: whole.rows.length, reason: null });
    expect(small.funnel!.centre).toEqual({ kind: 'federation', name: federation!.name, practices: whole.rows.length, reason: funnelReferenceReason('Harborough', small.rows.length, { name: federation!.name, practices: whole.rows.length }) });
    expect(small.funnel!.target).toBeCloseTo(whole.scope.value!, 10);
    expect(small.funnel!.points.map((p) => p.practiceCode)).toEqual(small.rows.map((r) => r.practiceCode));
    // Each of Harborough's practices sits where it sits on the federation's own funnel.
    const onWhole = new Map(whole.rows.map((r) => [r.practiceCode, r]));
    for (const row of small.rows) {
      const there = onWhole.get(row.practiceCode)!;
      expect({ code: row.practiceCode, z: row.z, lower998: row.lower998, upper998: row.upper998, outlier: row.outlier }).toEqual({ code: there.practiceCode, z: there.z, lower998: there.lower998, upper998: there.upper998, outlier: there.outlier });
    }
  });

  it('plots a small peer group that is part of no federation against all practices held', async () => {
    const [peers] = await database.query<{ id: number }>("SELECT id FROM practice_groups WHERE kind = 'peer_group' AND name = $1", [demoSchemeGroupName]);
    const dashboard = await getDashboard(contextFor(database), { indicator: 'EMERGENCY_ADMISSIONS', period: '2026-03-01', group: peers!.id });
    expect(dashboard.rows.length).toBeGreaterThan(0);
    expect(dashboard.funnel!.centre).toMatchObject({ kind: 'all', name: 'all practices held', practices: dashboard.england.practices });
    expect(dashboard.funnel!.target).toBeCloseTo(dashboard.england.value!, 10);
  });

  it('says which indicator, practice or group it cannot find', async () => {
    const ctx = contextFor(database);
    await expect(getPracticeIndicator(ctx, 'C82009', { indicator: 'QOF_PREV_NOPE' })).rejects.toThrow('Indicator QOF_PREV_NOPE');
    await expect(getPracticeIndicator(ctx, 'Z99999', { indicator: 'QOF_PREV_DM' })).rejects.toThrow('Practice Z99999');
    await expect(getDashboard(ctx, { indicator: 'QOF_PREV_DM', period: '2023-03-31', group: 987654 })).rejects.toThrow('Group 987654');
    await expect(getDashboard(ctx, { indicator: 'QOF_PREV_NOPE', period: '2023-03-31' })).rejects.toThrow('Indicator QOF_PREV_NOPE');
  });

  it('says why a group set up after a period has no practices in it, rather than only that a funnel needs two', async () => {
    const ctx = contextFor(database);
    const [group] = await database.query<{ id: number }>("INSERT INTO practice_groups (name, kind) VALUES ('Set up in 2025', 'federation') RETURNING id");
    await database.query("INSERT INTO group_memberships (group_id, practice_code, start_date) VALUES ($1, 'C82001', '2025-04-01')", [group!.id]);
    const dashboard = await getDashboard(ctx, { indicator: 'QOF_PREV_DM', period: '2023-03-31', group: group!.id });
    expect(dashboard.scope.practices).toBe(0);
    expect(dashboard.funnelNote).toBe('No practice was a member of Set up in 2025 in 2022/23: a group counts the practices that were its members then, and its memberships start later. Choose a later period, or look at all practices held.');
  });
});
