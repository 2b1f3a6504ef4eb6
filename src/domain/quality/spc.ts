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
/** NHSRplotthedots warns that groups shorter than this have trial limits (its option default, 13). */
export const SHORT_GROUP_THRESHOLD = 13;

export interface SpcPoint {
  period: string;
  value: number;
}

export interface SpcOptions {
  improvement?: ImprovementDirection;
  target?: number;
  /** Indices of the points that start a new group (a rebase); 0 is implied. */
  rebaseAt?: readonly number[];
  /** Screen large moving ranges out of the AMR (NHSRplotthedots default true; the MDC Excel tool does not). */
  screenOutliers?: boolean;
  /** Compute each group's mean and limits from its first n points only. */
  fixAfterPoints?: number;
}

export interface SpcGroupLimits {
  mean: number;
  averageMovingRange: number;
  lower: number;
  upper: number;
  nearLower: number;
  nearUpper: number;
}

export interface SpcGroup extends SpcGroupLimits {
  firstIndex: number;
  size: number;
  /** True when the group is shorter than SHORT_GROUP_THRESHOLD: its limits are trial limits. */
  shortGroupWarning: boolean;
}

export interface SpcPointResult extends SpcPoint {
  group: number;
  mean: number;
  lower: number;
  upper: number;
  special: boolean;
  type: PointType;
  rule: SpecialCauseRule;
}

export interface SpcResult {
  points: SpcPointResult[];
  groups: SpcGroup[];
  variation: VariationIcon;
  assurance: AssuranceIcon | null;
}

const average = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Mean, average moving range and limits of one group's values (already cut to fixAfterPoints). */
export function xmrLimits(values: readonly number[], screenOutliers = true): SpcGroupLimits {
  if (values.length < 2) throw new AppError('invalid', 'An XmR chart needs at least 2 points in each group to measure a moving range');
  const mean = average(values);
  let movingRanges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  let averageMovingRange = average(movingRanges);
  // Screen once. A flat series (AMR 0) has nothing to screen; R would drop every range and give NaN.
  if (screenOutliers && averageMovingRange > 0) {
    const cut = MOVING_RANGE_SCREEN * averageMovingRange;
    movingRanges = movingRanges.filter((mr) => mr < cut);
    averageMovingRange = average(movingRanges);
  }
  return {
    mean,
    averageMovingRange,
    lower: mean - LIMIT_MULTIPLIER * averageMovingRange,
    upper: mean + LIMIT_MULTIPLIER * averageMovingRange,
    nearLower: mean - NEAR_LIMIT_MULTIPLIER * averageMovingRange,
    nearUpper: mean + NEAR_LIMIT_MULTIPLIER * averageMovingRange,
  };
}

function groupStarts(length: number, rebaseAt: readonly number[]): number[] {
  const starts = new Set<number>([0]);
  for (const index of rebaseAt) {
    if (!Number.isInteger(index) || index < 0 || index >= length) throw new AppError('invalid', `A rebase must be at one of the series' points (got position ${index})`);
    starts.add(index);
  }
  return [...starts].sort((a, b) => a - b);
}

/** The whole chart: groups, limits, the rule each point meets, and the two summary icons. */
export function calculateSpc(points: readonly SpcPoint[], options: SpcOptions = {}): SpcResult {
  const improvement = options.improvement ?? 'increase';
  const screenOutliers = options.screenOutliers ?? true;
  if (points.length < 2) throw new AppError('invalid', 'An XmR chart needs at least 2 points');
  for (const p of points) if (!Number.isFinite(p.value)) throw new AppError('invalid', `The value for ${p.period} is not a finite number`);
  if (options.fixAfterPoints !== undefined && !(Number.isInteger(options.fixAfterPoints) && options.fixAfterPoints >= 2)) {
    throw new AppError('invalid', 'Limits can be fixed only after 2 or more points');
  }

  const starts = groupStarts(points.length, options.rebaseAt ?? []);
  const groups: SpcGroup[] = [];
  const results: SpcPointResult[] = [];
  starts.forEach((firstIndex, g) => {
    const end = starts[g + 1] ?? points.length;
    const members = points.slice(firstIndex, end);
    const values = members.map((p) => p.value);
    if (values.length < 2) {
      throw new AppError('invalid', `The group starting at ${members[0]!.period} has only 1 point; a rebased group needs at least 2`);
    }
    const limits = xmrLimits(values.slice(0, options.fixAfterPoints ?? values.length), screenOutliers);
    groups.push({ ...limits, firstIndex, size: values.length, shortGroupWarning: values.length < SHORT_GROUP_THRESHOLD });

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
  return {
    points: results,
    groups,
    variation: variationIcon(latest.type, improvement),
    assurance: assuranceIcon(options.target, latestGroup, improvement),
  };
}
