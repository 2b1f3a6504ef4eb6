import type { SchemeRun } from '../../domain/schemes/run-scheme.js';

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
    differences: run.differences && { ...run.differences, rows: scoped(run.differences.rows) },
    reallocation: run.reallocation && { ...run.reallocation, rows: run.reallocation.rows.filter((r) => keep.has(r.practiceKey)) },
    statements: run.statements.filter((s) => keep.has(s.practiceKey)),
    warnings: scoped(run.warnings),
  };
}
