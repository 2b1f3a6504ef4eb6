import { and, asc, sql, type SQL } from 'drizzle-orm';
import { registeredPatientsIndicator } from '../../domain/quality/indicators.js';
import { preparedRows } from '../prepared.js';
import type { Db } from '../client.js';
import { indicators, indicatorThresholds, indicatorValues } from '../schema/index.js';
import { ALL_PRACTICES_HELD } from '../../domain/quality/comparator-words.js';
import { commissionerOn, pcnOn } from './practice-on-date.js';
import type { NeighbourMembership } from '../../domain/quality/membership-events.js';

/**
 * Queries for the quality dashboard. Each view is one statement: figures come with what the view
 * needs of the practice (name, commissioner, PCN) and with England's pooled figure alongside.
 * The registered-patients indicator is read from list_sizes rather than copied.
 */
export type IndicatorRow = typeof indicators.$inferSelect;
export type ThresholdRow = typeof indicatorThresholds.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** England's totals of an indicator in a period, as one row (practices, numerator, denominator, mean). */
function englandTotals(indicatorCode: string, period: string): SQL {
  if (indicatorCode === registeredPatientsIndicator.code) {
    return sql`(SELECT count(*)::int AS practices, sum(patients)::float8 AS numerator, NULL::float8 AS denominator, avg(patients)::float8 AS mean FROM list_sizes WHERE snapshot_date = ${period})`;
  }
  return sql`(SELECT coalesce(max(practices), 0)::int AS practices, max(numerator) AS numerator, max(denominator) AS denominator, max(value_sum / practices) AS mean
    FROM indicator_totals WHERE indicator_code = ${indicatorCode} AND period = ${period})`;
}

/** Recomputes England's totals for these indicators (called by imports in their transaction). */
export async function refreshTotals(db: Db, indicatorCodes: readonly string[]): Promise<void> {
  const codes = sql.param([...indicatorCodes]);
  await db.execute(sql`DELETE FROM indicator_totals WHERE indicator_code = ANY(${codes}::text[])`);
  await db.execute(sql`INSERT INTO indicator_totals (indicator_code, period, practices, numerator, denominator, value_sum)
    SELECT indicator_code, period, count(*)::int, sum(numerator), sum(denominator), sum(value) FROM indicator_values WHERE indicator_code = ANY(${codes}::text[]) GROUP BY indicator_code, period`);
}

/** The figures of one indicator as a derived table: (period, practice_code, numerator, denominator, value). */
function figuresOf(indicatorCode: string): SQL {
  if (indicatorCode === registeredPatientsIndicator.code) {
    return sql`(SELECT snapshot_date AS period, ods_code AS practice_code, patients::float8 AS numerator, NULL::float8 AS denominator, patients::float8 AS value FROM list_sizes)`;
  }
  return sql`(SELECT period, practice_code, numerator, denominator, value FROM indicator_values WHERE indicator_code = ${indicatorCode})`;
}

export const listStoredIndicators = (db: Db) => db.select().from(indicators).orderBy(asc(indicators.name));
export const listThresholds = (db: Db) => db.select().from(indicatorThresholds);

/** Periods that have figures, newest first, for each indicator. */
export async function periodsByIndicator(db: Db): Promise<Map<string, string[]>> {
  const rows = rowsOf<{ indicator_code: string; period: string }>(
    await db.execute(sql`SELECT DISTINCT indicator_code, period::text AS period FROM indicator_values
      UNION SELECT ${registeredPatientsIndicator.code}, snapshot_date::text FROM list_sizes ORDER BY 2 DESC`),
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.indicator_code, [...(map.get(r.indicator_code) ?? []), r.period]);
  return map;
}

/** An indicator as stored, with its threshold; `code` is null when the catalogue has no such indicator. */
export interface IndicatorLookupRow {
  code: string | null;
  name: string;
  numeratorDefinition: string | null;
  denominatorDefinition: string | null;
  unit: string;
  polarity: string;
  source: string | null;
  cadence: string;
  /** Set when the indicator has a threshold. */
  threshold_for: string | null;
  minimum: number | null;
  target: number | null;
  group_id: number | null;
  group_name: string | null;
  group_kind: string | null;
  practice_code: string | null;
  practice_name: string | null;
  practice_local_name: string | null;
  practice_commissioner_code: string | null;
  practice_pcn_code: string | null;
  /** The practice's figures for the indicator, oldest first (empty without a practice). */
  series: SeriesRow[];
}

/**
 * Everything a quality page needs before its figures, in one round trip (the dashboard API runs it
 * on every request): the indicator and its threshold, and optionally a group and a practice with
 * its series on the indicator.
 */
export async function lookUpIndicator(db: Db, indicatorCode: string, options: { groupId?: number | null; practiceCode?: string | null } = {}): Promise<IndicatorLookupRow> {
  const practiceCode = options.practiceCode ?? null;
  const series = practiceCode === null
    ? sql`'[]'::json`
    : sql`(SELECT coalesce(json_agg(json_build_object('period', f.period::text, 'numerator', f.numerator, 'denominator', f.denominator, 'value', f.value) ORDER BY f.period), '[]'::json)
        FROM ${figuresOf(indicatorCode)} f WHERE f.practice_code = ${practiceCode})`;
  const [row] = await preparedRows<IndicatorLookupRow>(
    db,
    sql`SELECT i.code, i.name, i.numerator_definition AS "numeratorDefinition", i.denominator_definition AS "denominatorDefinition", i.unit, i.polarity, i.source, i.cadence,
        t.indicator_code AS threshold_for, t.minimum, t.target, g.id AS group_id, g.name AS group_name, g.kind AS group_kind,
        p.ods_code AS practice_code, p.name AS practice_name, p.local_name AS practice_local_name, p.commissioner_code AS practice_commissioner_code, p.pcn_code AS practice_pcn_code,
        ${series} AS series
      FROM (SELECT ${indicatorCode}::text AS code) q
      LEFT JOIN indicators i ON i.code = q.code
      LEFT JOIN indicator_thresholds t ON t.indicator_code = q.code
      LEFT JOIN practice_groups g ON g.id = ${options.groupId ?? -1}::int
      LEFT JOIN practices p ON p.ods_code = ${practiceCode ?? ''}::text`,
  );
  return row!;
}

export interface FigureRow {
  practice_code: string;
  practice_name: string;
  commissioner_code: string | null;
  pcn_code: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number;
  england_practices: number;
  england_numerator: number | null;
  england_denominator: number | null;
  england_mean: number | null;
}

/**
 * The figures of a group's members (on the period's date; every practice when no group is given)
 * for an indicator and period, with England's totals on each row. Each practice's commissioner and
 * PCN are those it had on the period's date, so a sub-ICB's figure then pools its practices then.
 * When no member has a figure, one row carries England alone (its practice_code is null).
 */
export async function figuresForPeriod(db: Db, indicatorCode: string, period: string, groupId: number | null): Promise<FigureRow[]> {
  // A group's members are few: find them first and fetch only their figures (by the unique index).
  const scoped = groupId === null
    ? sql`SELECT f.* FROM f`
    : sql`SELECT f.* FROM (SELECT DISTINCT practice_code FROM group_memberships WHERE group_id = ${groupId} AND start_date <= ${period} AND (end_date IS NULL OR end_date >= ${period})) m
        JOIN f ON f.practice_code = m.practice_code`;
  return preparedRows<FigureRow>(
    db,
    sql`WITH f AS NOT MATERIALIZED (SELECT * FROM ${figuresOf(indicatorCode)} x WHERE x.period = ${period}),
      england AS (SELECT * FROM ${englandTotals(indicatorCode, period)} t),
      scoped AS (${scoped})
      SELECT s.practice_code, coalesce(practices.local_name, practices.name, s.practice_code) AS practice_name, ${commissionerOn(period)} AS commissioner_code, ${pcnOn(period)} AS pcn_code,
        s.numerator, s.denominator, s.value,
        e.practices AS england_practices, e.numerator AS england_numerator, e.denominator AS england_denominator, e.mean AS england_mean
      FROM england e LEFT JOIN scoped s ON true LEFT JOIN practices ON practices.ods_code = s.practice_code
      ORDER BY s.practice_code`,
  );
}

export interface SeriesRow {
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number;
}

export interface ComparatorRow {
  comparator: string;
  label: string;
  kind: string;
  practices: number;
  numerator: number | null;
  denominator: number | null;
  mean: number | null;
}

/**
 * A practice's peers on one indicator and period, pooled: England, its commissioner (sub-ICB) and
 * its PCN as they were on the period's date (each peer's too: a practice that moved commissioner
 * since is compared with those it was commissioned with then), each locality and federation it
 * belongs to on that date, and any extra group asked for.
 */
export async function comparatorFigures(db: Db, indicatorCode: string, period: string, practiceCode: string, extraGroupId: number | null): Promise<ComparatorRow[]> {
  const aggregate = sql`count(*)::int AS practices, sum(f.numerator) AS numerator, sum(f.denominator) AS denominator, avg(f.value) AS mean`;
  const placedOn = sql`${commissionerOn(period)} AS commissioner_code, ${pcnOn(period)} AS pcn_code`;
  return preparedRows<ComparatorRow>(
    db,
    sql`WITH figures AS NOT MATERIALIZED (SELECT * FROM ${figuresOf(indicatorCode)} x WHERE x.period = ${period}),
      subject AS (SELECT ${placedOn} FROM practices WHERE ods_code = ${practiceCode}),
      f AS (SELECT figures.*, ${placedOn} FROM figures JOIN practices ON practices.ods_code = figures.practice_code),
      groups AS (SELECT g.id, g.kind, g.name FROM practice_groups g WHERE g.id = ${extraGroupId ?? -1}
        OR (g.kind IN ('locality', 'federation') AND EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = g.id AND m.practice_code = ${practiceCode}
          AND m.start_date <= ${period} AND (m.end_date IS NULL OR m.end_date >= ${period}))))
      SELECT 'england' AS comparator, ${ALL_PRACTICES_HELD}::text AS label, 'england' AS kind, t.practices, t.numerator, t.denominator, t.mean FROM ${englandTotals(indicatorCode, period)} t
      UNION ALL SELECT 'commissioner', 'Sub-ICB location ' || s.commissioner_code, 'commissioner', ${aggregate}
        FROM f JOIN subject s ON f.commissioner_code = s.commissioner_code GROUP BY s.commissioner_code
      UNION ALL SELECT 'pcn', coalesce(o.name, 'PCN ' || s.pcn_code), 'pcn', ${aggregate}
        FROM f JOIN subject s ON f.pcn_code = s.pcn_code LEFT JOIN organisations o ON o.code = s.pcn_code GROUP BY s.pcn_code, o.name
      UNION ALL SELECT 'group:' || g.id, g.name, g.kind, ${aggregate}
        FROM groups g JOIN group_memberships m ON m.group_id = g.id AND m.start_date <= ${period} AND (m.end_date IS NULL OR m.end_date >= ${period})
        JOIN figures f ON f.practice_code = m.practice_code GROUP BY g.id, g.name, g.kind`,
  );
}

/** Figures of many practices over a period range (scheme evaluation, review packs). */
export async function figuresBetween(db: Db, indicatorCode: string, from: string, to: string, practiceCodes: readonly string[] | null): Promise<(SeriesRow & { practice_code: string })[]> {
  const only = practiceCodes === null ? sql`true` : sql`f.practice_code = ANY(${sql.param([...practiceCodes])}::text[])`;
  return rowsOf(
    await db.execute(sql`SELECT f.practice_code, f.period::text AS period, f.numerator, f.denominator, f.value FROM ${figuresOf(indicatorCode)} f
      WHERE f.period BETWEEN ${from} AND ${to} AND ${only} ORDER BY f.practice_code, f.period`),
  );
}

/** Practices in a group on a date (start ≤ date ≤ end), with their names. */
export async function groupMembersOn(db: Db, groupId: number, date: string): Promise<{ practice_code: string; practice_name: string }[]> {
  return rowsOf(
    await db.execute(sql`SELECT DISTINCT m.practice_code, coalesce(p.local_name, p.name, m.practice_code) AS practice_name FROM group_memberships m
      LEFT JOIN practices p ON p.ods_code = m.practice_code
      WHERE m.group_id = ${groupId} AND m.start_date <= ${date} AND (m.end_date IS NULL OR m.end_date >= ${date}) ORDER BY m.practice_code`),
  );
}

/** Practices in a group at some time from `from` to `to` (a membership overlapping those days). */
export async function groupMembersBetween(db: Db, groupId: number, from: string, to: string): Promise<string[]> {
  const rows = rowsOf<{ practice_code: string }>(
    await db.execute(sql`SELECT DISTINCT practice_code FROM group_memberships WHERE group_id = ${groupId} AND start_date <= ${to} AND (end_date IS NULL OR end_date >= ${from}) ORDER BY practice_code`),
  );
  return rows.map((r) => r.practice_code);
}

/** Stored figures of one indicator, keyed "practice period", for an import's change detection. */
export async function storedValues(db: Db, indicatorCodes: readonly string[]) {
  if (!indicatorCodes.length) return [];
  return db
    .select({ id: indicatorValues.id, indicatorCode: indicatorValues.indicatorCode, practiceCode: indicatorValues.practiceCode, period: indicatorValues.period, numerator: indicatorValues.numerator, denominator: indicatorValues.denominator, value: indicatorValues.value })
    .from(indicatorValues)
    .where(and(sql`${indicatorValues.indicatorCode} = ANY(${sql.param([...indicatorCodes])}::text[])`));
}

export async function findGroup(db: Db, id: number): Promise<{ id: number; name: string; kind: string; parentId: number | null } | undefined> {
  return rowsOf<{ id: number; name: string; kind: string; parentId: number | null }>(await db.execute(sql`SELECT id, name, kind, parent_id AS "parentId" FROM practice_groups WHERE id = ${id}`))[0];
}

/** Practices' names (the federation's own name where it has one), by ODS code. */
export async function practiceNames(db: Db, codes: readonly string[]): Promise<Record<string, string>> {
  if (!codes.length) return {};
  const rows = rowsOf<{ ods_code: string; name: string }>(await db.execute(sql`SELECT ods_code, coalesce(local_name, name) AS name FROM practices WHERE ods_code = ANY(${sql.param([...codes])}::text[])`));
  return Object.fromEntries(rows.map((r) => [r.ods_code, r.name]));
}

/**
 * The memberships of the locality and PCN groups a practice belonged to at some time from `from`
 * to `to` (its own among them), with each member's close date: the joinings, leavings and closings
 * its SPC chart marks.
 */
export async function neighbourMemberships(db: Db, practiceCode: string, from: string, to: string): Promise<NeighbourMembership[]> {
  return rowsOf<NeighbourMembership>(
    await db.execute(sql`SELECT m.practice_code AS "practiceCode", coalesce(p.local_name, p.name, m.practice_code) AS "practiceName", p.close_date::text AS "closeDate",
        m.start_date::text AS "startDate", m.end_date::text AS "endDate", g.name AS "groupName"
      FROM practice_groups g JOIN group_memberships m ON m.group_id = g.id LEFT JOIN practices p ON p.ods_code = m.practice_code
      WHERE g.kind IN ('locality', 'pcn') AND EXISTS (SELECT 1 FROM group_memberships own WHERE own.group_id = g.id AND own.practice_code = ${practiceCode}
        AND own.start_date <= ${to} AND (own.end_date IS NULL OR own.end_date >= ${from}))
      ORDER BY m.practice_code, m.start_date`),
  );
}
