import { findPractice } from '../../domain/schemes/practices.js';
import type { SchemeRun } from '../../domain/schemes/run-scheme.js';
import { storedPractices, type StoredDefinition } from './resolve-practices.js';

/**
 * A practice manager sees a scheme's figures for their own practices only (`practiceScope` in
 * permissions.ts); scheme-level figures (totals, the multi-year schedule, footing notes) are the
 * scheme's, not a practice's, and stay.
 *
 * A run with only the given practices' rows. The per-practice arrays of a run are parallel (row i
 * of the allocation, payments and schedule is the same practice), so they are filtered by the same
 * positions and the report tables built from the result stay aligned.
 */
export function restrictRun(run: SchemeRun, practiceKeys: readonly string[] | undefined): SchemeRun {
  if (!practiceKeys) return run;
  const keep = new Set(practiceKeys);
  const positions = new Set(run.allocation.rows.flatMap((row, i) => (keep.has(row.practiceKey) ? [i] : [])));
  const atKept = <T>(rows: readonly T[]) => rows.filter((_, i) => positions.has(i));
  const scoped = <T extends { practiceKey: string | null }>(rows: readonly T[]) => rows.filter((r) => r.practiceKey === null || keep.has(r.practiceKey));
  return {
    ...run,
    allocation: { ...run.allocation, rows: atKept(run.allocation.rows) },
    payments: run.payments && { ...run.payments, rows: atKept(run.payments.rows), warnings: scoped(run.payments.warnings) },
    multiYear: run.multiYear && { ...run.multiYear, practices: atKept(run.multiYear.practices), warnings: scoped(run.multiYear.warnings) },
    year1Schedule: run.year1Schedule && { ...run.year1Schedule, practices: atKept(run.year1Schedule.practices), warnings: scoped(run.year1Schedule.warnings) },
    differences: run.differences && { ...run.differences, rows: scoped(run.differences.rows) },
    reallocation: run.reallocation && { ...run.reallocation, rows: run.reallocation.rows.filter((r) => keep.has(r.practiceKey)) },
    statements: run.statements.filter((s) => keep.has(s.practiceKey)),
    warnings: scoped(run.warnings),
  };
}

/**
 * A stored definition with only the given practices in its practice-level lists: the practices
 * themselves (with their participation), fixed shares, hand-schedule entries and releases. Terms
 * that are the scheme's (money, delivery models, rounding, year totals) stay.
 */
export function restrictDefinition(definition: StoredDefinition, practiceKeys: readonly string[] | undefined): StoredDefinition {
  if (!practiceKeys) return definition;
  const keep = new Set(practiceKeys);
  const practices = storedPractices(definition);
  const kept = <T>(entries: readonly T[], reference: (entry: T) => string | undefined) =>
    entries.filter((entry) => {
      const named = reference(entry);
      return named === undefined || keep.has(findPractice(practices, named)?.key ?? '');
    });
  const { fixedShares } = definition.apportionment;
  return {
    ...definition,
    practices: definition.practices.filter((p) => p.odsCode !== undefined && keep.has(p.odsCode)),
    apportionment: { ...definition.apportionment, ...(fixedShares ? { fixedShares: kept(fixedShares, (s) => s.practice) } : {}) },
    ...(definition.handSchedule?.entries ? { handSchedule: { ...definition.handSchedule, entries: kept(definition.handSchedule.entries, (e) => e.practice) } } : {}),
    ...(definition.reallocation ? { reallocation: { ...definition.reallocation, releases: kept(definition.reallocation.releases, (r) => r.practice) } } : {}),
  };
}
