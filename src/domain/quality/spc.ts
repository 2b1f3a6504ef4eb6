import { AppError } from '../errors.js';
import { assuranceIcon, type AssuranceIcon, variationIcon, type VariationIcon } from './spc-icons.js';
import { classifySpecialCauses, type ImprovementDirection, pointTypeFor, type PointType, type SpecialCauseRule } from './spc-rules.js';

/**
 * An XmR (individuals and moving range) chart the "Making Data Count" way, as NHSRplotthedots 0.2.2
 * computes it (R/ptd_spc_standard.R, commit 050b07d7eacc011767532732f69b8fd7d6a28fd3):
 *   mean  = x̄ of the group's points;  mR_i = |x_i − x_{i−1}|;  AMR = mean of the mR;
 *   screening (Nelson 1982; Provost & Murray 2011): drop every mR ≥ 3.267 × AMR once, recompute AMR;
 *   process limits = mean ± 2.66 × AMR;  the "2-sigma" lines = mean ± (2/3 × 2.66) × AMR.
 * 2.66 = 3 / d2 with d2 = 1.128 for moving ranges of two; 3.267 = D4, the upper range limit.
 * Rebasing splits the series into groups, each with its own mean, limits and rules.
 */

export const LIMIT_MULTIPLIER = 2.66;
export const NEAR_LIMIT_MULTIPLIER = 2 * (LIMIT_MULTIPLIER / 3);
export const MOVING_RANGE_SCREEN = 3.267;
/**
 * The fewest points a group needs for process limits; a shorter group has none, and so no rules and
 * no icons. Two points always have a moving range, but limits from a handful of points are noise
 * (C82001's two list sizes, 2018 and 2025, gave limits from −25,000 to 60,000 patients). Making Data
 * Count asks for about 15 points; NHSRplotthedots flags groups under 13 (its short-group option
 * default; its vignette locks limits from 12). We take 13, the number these charts already used.
 */
export const MINIMUM_POINTS_FOR_LIMITS = 13;

/** Why a chart has no limits, variation or assurance; `sinceRebase` when the points are a rebased series' latest group. */
export function tooFewPointsForLimits(points: number, sinceRebase = false): string {
  const count = `${points} ${points === 1 ? 'point' : 'points'}`;
  const subject = sinceRebase ? `The latest baseline has ${count}` : `There ${points === 1 ? 'is' : 'are'} ${count}`;
  return `${subject}: too few for process limits, which need at least ${MINIMUM_POINTS_FOR_LIMITS}. No limits are drawn and there is no variation or assurance icon.`;
}

export interface SpcPoint {
  period: string;
  value: number;
}

/** The values a measure can take: a count or a rate cannot be below 0, a percentage above 100. */
export interface ValueRange {
  min?: number;
  max?: number;
}

export interface SpcOptions {
  improvement?: ImprovementDirection;
  target?: number;
  /** Indices of the points that start a new group (a rebase); 0 is implied. */
  rebaseAt?: readonly number[];
  /** Screen large moving ranges out of the AMR (NHSRplotthedots default true; the MDC Excel tool does not). */
  screenOutliers?: boolean;
  /** Compute each group's mean and limits from its first n points only (at least MINIMUM_POINTS_FOR_LIMITS). */
  fixAfterPoints?: number;
  /** Limits beyond what the measure can be are drawn at its edge (a lower limit of −3 patients at 0). */
  range?: ValueRange;
}

export interface SpcGroupLimits {
  mean: number;
  averageMovingRange: number;
  /** How many moving ranges the group's limits come from, and how many screening left out of their average. */
  movingRanges: number;
  movingRangesLeftOut: number;
  lower: number;
  upper: number;
  nearLower: number;
  nearUpper: number;
}

export interface SpcGroup {
  firstIndex: number;
  size: number;
  /** Null when the group has fewer than MINIMUM_POINTS_FOR_LIMITS points. */
  limits: SpcGroupLimits | null;
}

/** A point of a group without limits has no mean, limits, type or rule: nothing is judged. */
export interface SpcPointResult extends SpcPoint {
  group: number;
  mean: number | null;
  lower: number | null;
  upper: number | null;
  special: boolean;
  type: PointType | null;
  rule: SpecialCauseRule | null;
}

export interface SpcResult {
  points: SpcPointResult[];
  groups: SpcGroup[];
  /** Null when the latest group has too few points for limits (noLimitsReason says so). */
  variation: VariationIcon | null;
  assurance: AssuranceIcon | null;
  /** Why there are no limits, variation or assurance, in words; null when the latest group has them. */
  noLimitsReason: string | null;
}

const average = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Mean, average moving range and limits of one group's values (already cut to fixAfterPoints). */
export function xmrLimits(values: readonly number[], screenOutliers = true): SpcGroupLimits {
  if (values.length < 2) throw new AppError('invalid', 'An XmR chart needs at least 2 points in each group to measure a moving range');
  const mean = average(values);
  const movingRanges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  let kept = movingRanges;
  let averageMovingRange = average(movingRanges);
  // Screen once. A flat series (AMR 0) has nothing to screen; R would drop every range and give NaN.
  if (screenOutliers && averageMovingRange > 0) {
    const cut = MOVING_RANGE_SCREEN * averageMovingRange;
    kept = movingRanges.filter((mr) => mr < cut);
    averageMovingRange = average(kept);
  }
  return {
    mean,
    averageMovingRange,
    movingRanges: movingRanges.length,
    movingRangesLeftOut: movingRanges.length - kept.length,
    lower: mean - LIMIT_MULTIPLIER * averageMovingRange,
    upper: mean + LIMIT_MULTIPLIER * averageMovingRange,
    nearLower: mean - NEAR_LIMIT_MULTIPLIER * averageMovingRange,
    nearUpper: mean + NEAR_LIMIT_MULTIPLIER * averageMovingRange,
  };
}

/**
 * Limits drawn at the edge of what the measure can be. No point or sensible target lies beyond the
 * edge, so no rule or icon changes: a value of 0 is no more below a limit of 0 than of −25,000.
 */
export function clampLimits(limits: SpcGroupLimits, range: ValueRange = {}): SpcGroupLimits {
  const clamp = (v: number) => Math.min(range.max ?? Infinity, Math.max(range.min ?? -Infinity, v));
  return { ...limits, lower: clamp(limits.lower), upper: clamp(limits.upper), nearLower: clamp(limits.nearLower), nearUpper: clamp(limits.nearUpper) };
}

function groupStarts(length: number, rebaseAt: readonly number[]): number[] {
  const starts = new Set<number>([0]);
  for (const index of rebaseAt) {
    if (!Number.isInteger(index) || index < 0 || index >= length) throw new AppError('invalid', `A rebase must be at one of the series’ points (got position ${index})`);
    starts.add(index);
  }
  return [...starts].sort((a, b) => a - b);
}

function checkInput(points: readonly SpcPoint[], options: SpcOptions): void {
  if (points.length === 0) throw new AppError('invalid', 'An XmR chart needs at least 1 point');
  const { min, max } = options.range ?? {};
  for (const p of points) {
    if (!Number.isFinite(p.value)) throw new AppError('invalid', `The value for ${p.period} is not a finite number`);
    if ((min !== undefined && p.value < min) || (max !== undefined && p.value > max)) throw new AppError('invalid', `The value for ${p.period} is ${p.value}, outside what the measure can be (${min ?? '−∞'} to ${max ?? '∞'})`);
  }
  if (options.fixAfterPoints !== undefined && !(Number.isInteger(options.fixAfterPoints) && options.fixAfterPoints >= MINIMUM_POINTS_FOR_LIMITS)) {
    throw new AppError('invalid', `Limits can be fixed only after ${MINIMUM_POINTS_FOR_LIMITS} or more points`);
  }
}

/** The whole chart: groups, limits, the rule each point meets, and the two summary icons. */
export function calculateSpc(points: readonly SpcPoint[], options: SpcOptions = {}): SpcResult {
  const improvement = options.improvement ?? 'increase';
  const screenOutliers = options.screenOutliers ?? true;
  checkInput(points, options);

  const starts = groupStarts(points.length, options.rebaseAt ?? []);
  const groups: SpcGroup[] = [];
  const results: SpcPointResult[] = [];
  starts.forEach((firstIndex, g) => {
    const end = starts[g + 1] ?? points.length;
    const members = points.slice(firstIndex, end);
    const values = members.map((p) => p.value);
    if (values.length < MINIMUM_POINTS_FOR_LIMITS) {
      groups.push({ firstIndex, size: values.length, limits: null });
      for (const point of members) results.push({ ...point, group: g, mean: null, lower: null, upper: null, special: false, type: null, rule: null });
      return;
    }
    const limits = clampLimits(xmrLimits(values.slice(0, options.fixAfterPoints ?? values.length), screenOutliers), options.range);
    groups.push({ firstIndex, size: values.length, limits });

    const outsideLimits = values.map((v) => v > limits.upper || v < limits.lower);
    const rules = classifySpecialCauses({
      values,
      sides: values.map((v) => Math.sign(v - limits.mean)),
      outsideLimits,
      closeToLimits: values.map((v, i) => !outsideLimits[i] && (v < limits.nearLower || v > limits.nearUpper)),
    });
    members.forEach((point, i) => {
      const rule = rules[i]!;
      const type = pointTypeFor(rule, improvement);
      results.push({ ...point, group: g, mean: limits.mean, lower: limits.lower, upper: limits.upper, special: rule !== 'common_cause', type, rule });
    });
  });

  const latest = results[results.length - 1]!;
  const latestGroup = groups[groups.length - 1]!;
  if (!latestGroup.limits || !latest.type) {
    return { points: results, groups, variation: null, assurance: null, noLimitsReason: tooFewPointsForLimits(latestGroup.size, groups.length > 1) };
  }
  return {
    points: results,
    groups,
    variation: variationIcon(latest.type, improvement),
    assurance: assuranceIcon(options.target, latestGroup.limits, improvement),
    noLimitsReason: null,
  };
}
