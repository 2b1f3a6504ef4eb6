import { AppError, type Problem } from '../errors.js';
import { type FunnelLimits, funnelLimitsAt, type LimitContext } from './funnel-limits.js';
import { type FunnelDataType, type FunnelMethod, funnelTarget, roundExpectedCount, type StandardisedRatioMethod, transformedTarget, transformUnit } from './funnel-transforms.js';
import { betweenUnitVariance, dispersionRatio, keptAfterTruncation, winsorise } from './overdispersion.js';

/**
 * A funnel plot: each unit's ratio against the group's, with 95% and 99.8% limits, adjusted for
 * overdispersion when the units vary more than chance allows (Spiegelhalter 2005; Spiegelhalter et al.
 * 2012), following FunnelPlotR 0.6.0 funnel_plot() (commit 9020d49) step by step:
 *   1. z-scores on the transformed scale (funnel-transforms.ts);
 *   2. SHMI: truncate the top and bottom `trim` by rank; otherwise winsorise at `trim` (overdispersion.ts);
 *   3. φ = mean square of those z; τ² by DerSimonian–Laird from their standard errors;
 *   4. adjusted limits when asked for and φ > 1, otherwise unadjusted ones;
 *   5. a unit is an outlier when its ratio × multiplier lies outside the chosen limits (limits themselves count as inside).
 */

export interface FunnelUnit {
  unit: string;
  numerator: number;
  denominator: number;
}

export type FunnelLimitLevel = 95 | 99.8;

export interface FunnelOptions {
  dataType: FunnelDataType;
  srMethod?: StandardisedRatioMethod;
  /** Adjust for overdispersion when φ > 1 (default true). */
  overdispersion?: boolean;
  /** The fraction winsorised (or, for SHMI, truncated) at each end before φ is estimated (default 0.1). */
  trim?: number;
  /** Which limits decide `outlier` (default 99.8, as FunnelPlotR's limit = 99). */
  limit?: FunnelLimitLevel;
  /** Scale for reporting, e.g. 100 for a percentage (default 1). */
  multiplier?: number;
  /** SHMI only: round expected counts to 2 decimals first (default true, as FunnelPlotR and NHS Digital). */
  roundExpected?: boolean;
}

export interface FunnelUnitResult extends FunnelUnit {
  /** numerator / denominator × multiplier, from the denominator as given. */
  value: number;
  /** The z-score in force: overdispersion-adjusted, (y − θ)/√(s² + τ²), when the limits are. */
  z: number;
  unadjustedZ: number;
  /** Whether the unit's z-score entered φ and τ² (SHMI truncation leaves the extremes out). */
  inDispersionEstimate: boolean;
  /** The limits in force (adjusted when `adjusted`). */
  limits: FunnelLimits;
  unadjustedLimits: FunnelLimits;
  outlier: boolean;
}

export interface FunnelResult {
  /** The centre line × multiplier. */
  target: number;
  phi: number;
  tau2: number;
  adjusted: boolean;
  limitContext: LimitContext;
  units: FunnelUnitResult[];
}

export interface IndexedProblem extends Problem {
  /** Position of the unit in the input array. */
  index: number;
  field: 'unit' | 'numerator' | 'denominator';
  /** For a repeated unit, the position of its first row. */
  duplicateOf?: number;
}

/** Everything wrong with the units for this method, each tied to a unit and field, so the CLI can point at a line and column. */
export function findFunnelInputProblems(units: readonly FunnelUnit[], method: FunnelMethod): IndexedProblem[] {
  const problems: IndexedProblem[] = [];
  const seen = new Map<string, number>();
  units.forEach((u, index) => {
    const add = (field: IndexedProblem['field'], message: string) => problems.push({ index, field, message });
    const first = seen.get(u.unit);
    if (u.unit.trim() === '') add('unit', 'unit name is empty');
    else if (first !== undefined) problems.push({ index, field: 'unit', duplicateOf: first, message: `unit '${u.unit}' appears more than once; sum its rows into one first` });
    else seen.set(u.unit, index);
    if (!Number.isFinite(u.numerator) || u.numerator < 0) add('numerator', `numerator ${u.numerator} must be a number of 0 or more`);
    if (!Number.isFinite(u.denominator) || u.denominator <= 0) add('denominator', `denominator ${u.denominator} must be more than 0`);
    else if (method.dataType === 'pr' && u.numerator > u.denominator) add('numerator', `numerator ${u.numerator} is more than denominator ${u.denominator}, which a proportion cannot be`);
    if (method.dataType === 'sr' && method.srMethod === 'shmi' && u.numerator === 0) {
      add('numerator', 'an observed count of 0 has no logarithm, so the SHMI (log) method cannot place it; the CQC (square-root) method can');
    }
  });
  return problems;
}

/** Sums rows that share a unit name (FunnelPlotR aggregate_func), keeping first-seen order. */
export function aggregateUnits(rows: readonly FunnelUnit[]): FunnelUnit[] {
  const byUnit = new Map<string, FunnelUnit>();
  for (const row of rows) {
    const existing = byUnit.get(row.unit);
    if (existing) {
      existing.numerator += row.numerator;
      existing.denominator += row.denominator;
    } else byUnit.set(row.unit, { ...row });
  }
  return [...byUnit.values()];
}

/** Outside the chosen limits; a value exactly on a limit is inside (FunnelPlotR outliers_func uses <= and >=). */
export function isOutlier(value: number, limits: FunnelLimits, level: FunnelLimitLevel): boolean {
  const [lower, upper] = level === 95 ? [limits.lower95, limits.upper95] : [limits.lower998, limits.upper998];
  return value < lower || value > upper;
}

export function calculateFunnel(units: readonly FunnelUnit[], options: FunnelOptions): FunnelResult {
  const method: FunnelMethod = { dataType: options.dataType, srMethod: options.srMethod ?? 'shmi' };
  const trim = options.trim ?? 0.1;
  const multiplier = options.multiplier ?? 1;
  const limit = options.limit ?? 99.8;
  if (!(trim >= 0 && trim < 0.5)) throw new AppError('invalid', `trim must be at least 0 and less than 0.5 (got ${trim})`);
  if (!(multiplier > 0 && Number.isFinite(multiplier))) throw new AppError('invalid', `multiplier must be more than 0 (got ${multiplier})`);
  if (units.length < 2) throw new AppError('invalid', 'A funnel plot needs at least 2 units');
  const problems = findFunnelInputProblems(units, method);
  if (problems.length > 0) {
    throw new AppError('invalid', 'Some units cannot go on a funnel plot', {
      problems: problems.map(({ index, field, message }) => ({ field: `units[${index}].${field}`, message: `${units[index]!.unit}: ${message}` })),
    });
  }

  const shmi = method.dataType === 'sr' && method.srMethod === 'shmi';
  // FunnelPlotR rounds the SHMI expected count after forming the ratio, so value uses the count as given.
  const denominators = units.map((u) => (shmi && (options.roundExpected ?? true) ? roundExpectedCount(u.denominator) : u.denominator));
  const target = funnelTarget(units, method);
  const centre = transformedTarget(target, method);
  const transformed = units.map((u, i) => transformUnit(u.numerator, denominators[i]!, method));
  const unadjustedZ = transformed.map((t) => (t.y - centre) / t.standardError);

  const kept = shmi ? keptAfterTruncation(unadjustedZ, trim) : unadjustedZ.map(() => true);
  const dispersionZ = shmi ? unadjustedZ.filter((_, i) => kept[i]) : winsorise(unadjustedZ, trim);
  const phi = dispersionRatio(dispersionZ);
  const tau2 = betweenUnitVariance(
    phi,
    transformed.filter((_, i) => kept[i]).map((t) => t.standardError),
  );
  const adjusted = (options.overdispersion ?? true) && phi > 1;

  const limitContext: LimitContext = { method, target, tau2, adjusted, multiplier };
  const unadjustedContext: LimitContext = { ...limitContext, adjusted: false };
  const results = units.map((u, i): FunnelUnitResult => {
    const unadjustedLimits = funnelLimitsAt(denominators[i]!, unadjustedContext);
    const limits = adjusted ? funnelLimitsAt(denominators[i]!, limitContext) : unadjustedLimits;
    const value = (u.numerator / u.denominator) * multiplier;
    const t = transformed[i]!;
    return {
      ...u,
      value,
      z: adjusted ? (t.y - centre) / Math.sqrt(t.standardError ** 2 + tau2) : unadjustedZ[i]!,
      unadjustedZ: unadjustedZ[i]!,
      inDispersionEstimate: kept[i]!,
      limits,
      unadjustedLimits,
      outlier: isOutlier(value, limits, limit),
    };
  });
  return { target: target * multiplier, phi, tau2, adjusted, limitContext, units: results };
}
