import { AppError, type Problem } from '../errors.js';
import { exactPoissonLimits, exactPoissonRateLimits, type FunnelLimits, type LimitContext, normalLimits } from './funnel-limits.js';
import {
  type FunnelDataType,
  type FunnelMethod,
  funnelTarget,
  limitStandardError,
  roundExpectedCount,
  type StandardisedRatioMethod,
  transformedTarget,
  transformUnit,
} from './funnel-transforms.js';
import { betweenUnitVariance, dispersionRatio, keptAfterTruncation, winsorise } from './overdispersion.js';
import { poissonZ } from './poisson-limits.js';

/**
 * A funnel plot: each unit's ratio against the group's, with 95% and 99.8% limits, adjusted for
 * overdispersion when the units vary more than chance allows (Spiegelhalter 2005; Spiegelhalter et al.
 * 2012), following FunnelPlotR 0.6.0 funnel_plot() (commit 9020d49) step by step:
 *   1. z-scores on the transformed scale (funnel-transforms.ts);
 *   2. SHMI: truncate the top and bottom `trim` by rank; otherwise winsorise at `trim` (overdispersion.ts);
 *   3. φ = mean square of those z; τ² by DerSimonian–Laird from their standard errors;
 *   4. adjusted limits when asked for and φ > 1, otherwise unadjusted ones (exact Poisson for
 *      standardised ratios and rates);
 *   5. a unit is an outlier when its ratio × multiplier lies outside the chosen limits (limits themselves count as inside).
 * For proportions and rates the z-score reported agrees with the limits: a unit is outside them
 * exactly when |z| is beyond that level's normal quantile (1.96 for 95%, 3.09 for 99.8%).
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
  /**
   * The z-score in force: overdispersion-adjusted, (y − θ)/√(s² + τ²), when the limits are; for an
   * unadjusted rate, the exact Poisson z that goes with its exact limits (poisson-limits.ts).
   */
  z: number;
  /** (y − θ)/s on the transformed scale: what φ and τ² are estimated from. */
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
  // A plain loop: a closure per unit showed up in profiles of whole-country funnels.
  for (let index = 0; index < units.length; index++) {
    const u = units[index]!;
    const first = seen.get(u.unit);
    if (u.unit.trim() === '') problems.push({ index, field: 'unit', message: 'unit name is empty' });
    else if (first !== undefined) problems.push({ index, field: 'unit', duplicateOf: first, message: `unit '${u.unit}' appears more than once; sum its rows into one first` });
    else seen.set(u.unit, index);
    if (!Number.isFinite(u.numerator) || u.numerator < 0) problems.push({ index, field: 'numerator', message: `numerator ${u.numerator} must be a number of 0 or more` });
    if (!Number.isFinite(u.denominator) || u.denominator <= 0) problems.push({ index, field: 'denominator', message: `denominator ${u.denominator} must be more than 0` });
    else if (method.dataType === 'pr' && u.numerator > u.denominator) {
      problems.push({ index, field: 'numerator', message: `numerator ${u.numerator} is more than denominator ${u.denominator}, which a proportion cannot be` });
    }
    if (method.dataType === 'sr' && method.srMethod === 'shmi' && u.numerator === 0) {
      problems.push({
        index,
        field: 'numerator',
        message: 'an observed count of 0 has no logarithm, so the SHMI (log) method cannot place it; the CQC (square-root) method can',
      });
    }
  }
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
  return level === 95 ? value < limits.lower95 || value > limits.upper95 : value < limits.lower998 || value > limits.upper998;
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
  const roundExpected = shmi && (options.roundExpected ?? true);
  const target = funnelTarget(units, method);
  const centre = transformedTarget(target, method);
  // One pass over the units into flat number arrays, rather than a chain of map/filter building
  // an intermediate array (and an object per unit) at each step.
  const n = units.length;
  const denominators: number[] = [];
  const ys: number[] = [];
  const standardErrors: number[] = [];
  const unadjustedZ: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    // FunnelPlotR rounds the SHMI expected count after forming the ratio, so value uses the count as given.
    const denominator = roundExpected ? roundExpectedCount(u.denominator) : u.denominator;
    const t = transformUnit(u.numerator, denominator, method);
    denominators.push(denominator);
    ys.push(t.y);
    standardErrors.push(t.standardError);
    unadjustedZ.push((t.y - centre) / t.standardError);
  }

  const kept = shmi ? keptAfterTruncation(unadjustedZ, trim) : null;
  const dispersionZ = kept ? unadjustedZ.filter((_, i) => kept[i]) : winsorise(unadjustedZ, trim);
  const phi = dispersionRatio(dispersionZ);
  const tau2 = betweenUnitVariance(phi, kept ? standardErrors.filter((_, i) => kept[i]) : standardErrors);
  const adjusted = (options.overdispersion ?? true) && phi > 1;

  const limitContext: LimitContext = { method, target, tau2, adjusted, multiplier };
  const unadjustedLimitsAt = unadjustedLimitsFor(method, target, centre, multiplier);
  const results: FunnelUnitResult[] = [];
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const denominator = denominators[i]!;
    const unadjustedLimits = unadjustedLimitsAt(denominator);
    // funnelLimitsAt's normal limits, with θ transformed once for the whole funnel.
    const s = limitStandardError(denominator, method);
    const limits = adjusted ? normalLimits(centre, s * s + tau2, method, multiplier) : unadjustedLimits;
    const value = (u.numerator / u.denominator) * multiplier;
    const standardError = standardErrors[i]!;
    const z = adjusted ? (ys[i]! - centre) / Math.sqrt(standardError ** 2 + tau2) : method.dataType === 'rc' ? poissonZ(u.numerator, target * denominator) : unadjustedZ[i]!;
    results.push({
      // FunnelUnit's fields written out, not spread: spreading each input and then adding seven
      // fields left every result an object that was slow to build and slow to read back.
      unit: u.unit,
      numerator: u.numerator,
      denominator: u.denominator,
      value,
      z,
      unadjustedZ: unadjustedZ[i]!,
      inDispersionEstimate: kept ? kept[i]! : true,
      limits,
      unadjustedLimits,
      outlier: isOutlier(value, limits, limit),
    });
  }
  return { target: target * multiplier, phi, tau2, adjusted, limitContext, units: results };
}

/**
 * funnelLimitsAt without overdispersion, for every unit of one funnel. Exact Poisson limits for
 * standardised ratios cost four gamma quantiles by Newton's method, so each expected count's limits
 * are worked out once and copied to any unit sharing it (rounded SHMI expected counts can repeat).
 * A rate's exact limits walk a few whole counts each; its populations seldom repeat. Proportions are cheap.
 */
function unadjustedLimitsFor(method: FunnelMethod, target: number, centre: number, multiplier: number): (denominator: number) => FunnelLimits {
  if (method.dataType === 'rc') return (denominator) => exactPoissonRateLimits(denominator, target, multiplier);
  if (method.dataType === 'pr') {
    return (denominator) => {
      const s = limitStandardError(denominator, method);
      return normalLimits(centre, s * s, method, multiplier);
    };
  }
  const known = new Map<number, FunnelLimits>();
  return (denominator) => {
    let limits = known.get(denominator);
    if (!limits) known.set(denominator, (limits = exactPoissonLimits(denominator, target, multiplier)));
    return { ...limits }; // each unit gets its own object, as before
  };
}
