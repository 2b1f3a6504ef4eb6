import { sql } from 'drizzle-orm';
import { bulkInsert, bulkUpsert, type BulkColumn } from '../../db/bulk.js';
import type { Db } from '../../db/client.js';
import { refreshTotals, storedValues } from '../../db/repos/quality.js';
import { unknownPracticeCodes } from '../../db/repos/registry.js';
import { indicators, indicatorThresholds } from '../../db/schema/index.js';
import type { Indicator, IndicatorValueRow } from '../../domain/quality/indicators.js';
import type { AuditEntry } from '../audit.js';
import { type ImportReport, skipPracticesNotInRegistry } from '../registry/import-report.js';

type ValueToSave = IndicatorValueRow;

const sameNumber = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/**
 * Adds or changes catalogue entries whose definition differs from what is stored and returns the
 * audit rows for them. Unchanged entries are left alone, so a re-run writes nothing.
 */
export async function saveIndicators(tx: Db, list: readonly Indicator[]): Promise<AuditEntry[]> {
  const stored = new Map((await tx.select().from(indicators)).map((i) => [i.code, i]));
  const audits: AuditEntry[] = [];
  for (const indicator of list) {
    const current = stored.get(indicator.code);
    const before = current ? { code: current.code, name: current.name, numeratorDefinition: current.numeratorDefinition, denominatorDefinition: current.denominatorDefinition, unit: current.unit, polarity: current.polarity, source: current.source, cadence: current.cadence } : null;
    if (before && JSON.stringify(before) === JSON.stringify(indicator)) continue;
    await tx
      .insert(indicators)
      .values(indicator)
      .onConflictDoUpdate({ target: indicators.code, set: { ...indicator, rowVersion: sql`${indicators.rowVersion} + 1`, updatedAt: new Date() } });
    audits.push({ recordType: 'indicator', recordId: indicator.code, action: before ? 'update' : 'create', before, after: indicator });
  }
  return audits;
}

/** Sets minimum and target thresholds given by an import, auditing those that change. */
export async function saveThresholds(tx: Db, list: readonly { indicatorCode: string; minimum: number | null; target: number | null }[]): Promise<AuditEntry[]> {
  const stored = new Map((await tx.select().from(indicatorThresholds)).map((t) => [t.indicatorCode, t]));
  const audits: AuditEntry[] = [];
  for (const t of list) {
    const current = stored.get(t.indicatorCode);
    if (current && sameNumber(current.minimum, t.minimum) && sameNumber(current.target, t.target)) continue;
    await tx
      .insert(indicatorThresholds)
      .values(t)
      .onConflictDoUpdate({ target: indicatorThresholds.indicatorCode, set: { minimum: t.minimum, target: t.target, rowVersion: sql`${indicatorThresholds.rowVersion} + 1`, updatedAt: new Date() } });
    audits.push({ recordType: 'indicator_threshold', recordId: t.indicatorCode, action: current ? 'update' : 'create', before: current ? { minimum: current.minimum, target: current.target } : null, after: t });
  }
  return audits;
}

const columns: BulkColumn<ValueToSave>[] = [
  { name: 'indicator_code', type: 'text', value: (r) => r.indicatorCode },
  { name: 'practice_code', type: 'text', value: (r) => r.practiceCode },
  { name: 'period', type: 'date', value: (r) => r.period },
  { name: 'numerator', type: 'float8', value: (r) => r.numerator },
  { name: 'denominator', type: 'float8', value: (r) => r.denominator },
  { name: 'value', type: 'float8', value: (r) => r.value },
];

/**
 * Writes figures that are new or changed, counting them in `report`, and returns an audit row per
 * changed figure (new ones are summed up in the import's own audit row).
 */
export async function saveValues(tx: Db, rows: readonly ValueToSave[], report: ImportReport, onProgress?: (done: number, total: number, phase: string) => void): Promise<AuditEntry[]> {
  const codes = [...new Set(rows.map((r) => r.indicatorCode))];
  const stored = new Map((await storedValues(tx, codes)).map((v) => [`${v.indicatorCode} ${v.practiceCode} ${v.period}`, v]));
  const inserts: ValueToSave[] = [];
  const updates: ValueToSave[] = [];
  const audits: AuditEntry[] = [];
  for (const row of rows) {
    const current = stored.get(`${row.indicatorCode} ${row.practiceCode} ${row.period}`);
    if (!current) inserts.push(row);
    else if (!sameNumber(current.numerator, row.numerator) || !sameNumber(current.denominator, row.denominator) || !sameNumber(current.value, row.value)) {
      updates.push(row);
      audits.push({
        recordType: 'indicator_value',
        recordId: `${row.indicatorCode}/${row.practiceCode}@${row.period}`,
        action: 'update',
        before: { numerator: current.numerator, denominator: current.denominator, value: current.value },
        after: { numerator: row.numerator, denominator: row.denominator, value: row.value },
      });
    } else report.unchanged++;
  }
  report.inserted += inserts.length;
  report.updated += updates.length;
  const total = inserts.length + updates.length;
  onProgress?.(0, total, 'Saving');
  await bulkInsert(tx, 'indicator_values', columns, inserts);
  onProgress?.(inserts.length, total, 'Saving');
  await bulkUpsert(tx, 'indicator_values', columns, updates, { target: ['indicator_code', 'period', 'practice_code'], update: ['numerator', 'denominator', 'value'] });
  if (total > 0) await refreshTotals(tx, codes);
  // A national file multiplies the table's size: refresh the planner's statistics so the dashboard's queries use the indexes.
  if (total > 10_000) await tx.execute(sql`ANALYZE indicator_values`);
  onProgress?.(total, total, 'Saved');
  return audits;
}

/** Splits rows into those of practices the registry knows and a summary of the others. */
export async function knownPracticesOnly<T extends { practiceCode: string }>(tx: Db, rows: readonly T[], report: ImportReport): Promise<T[]> {
  const notInRegistry = await unknownPracticeCodes(tx, rows.map((r) => r.practiceCode));
  const kept: T[] = [];
  const unknown = new Map<string, number>();
  for (const row of rows) {
    if (!notInRegistry.has(row.practiceCode)) kept.push(row);
    else unknown.set(row.practiceCode, (unknown.get(row.practiceCode) ?? 0) + 1);
  }
  skipPracticesNotInRegistry(report, [...unknown.values()].reduce((s, n) => s + n, 0), [...unknown.keys()]);
  return kept;
}

