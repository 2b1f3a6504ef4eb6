/**
 * The special-cause rules of an XmR chart as NHS England's "Making Data Count" applies them, with
 * the exact marking and precedence of NHSRplotthedots 0.2.2 (R/ptd_calculate_point_type.R,
 * commit 050b07d7eacc011767532732f69b8fd7d6a28fd3). Every function here sees one rebase group:
 * runs and trends never cross a rebase.
 *
 * "Side" is the sign of (value − mean): +1 above, −1 below, 0 on the mean (which breaks a run).
 */

export type ImprovementDirection = 'increase' | 'decrease' | 'neutral';

/** Which rule made a point special, strongest first; NHSRplotthedots' labels are in the comments. */
export type SpecialCauseRule =
  | 'beyond_upper_limit' // "Above UCL"
  | 'beyond_lower_limit' // "Below LCL"
  | 'trend_increasing' // "7 Point Trend (Increasing)"
  | 'trend_decreasing' // "7 Point Trend (Decreasing)"
  | 'two_of_three_high' // "2 in 3 Above CL"
  | 'two_of_three_low' // "2 in 3 Below CL"
  | 'run_above_mean' // "7 Points Above CL"
  | 'run_below_mean' // "7 Points Below CL"
  | 'common_cause'; // "Common Cause"

export type PointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

/** How many points make a run or a trend (Making Data Count: "7 or more consecutive points"). */
export const RUN_LENGTH = 7;

/**
 * +1 where a point ends six strictly rising steps (7 points), −1 where it ends six strictly falling
 * steps, else 0. A flat step (equal values) breaks a trend.
 */
export function trendEnds(values: readonly number[]): number[] {
  return values.map((_, end) => {
    if (end < RUN_LENGTH - 1) return 0;
    let rising = true;
    let falling = true;
    for (let k = end - RUN_LENGTH + 2; k <= end; k++) {
      const step = Math.sign(values[k]! - values[k - 1]!);
      if (step !== 1) rising = false;
      if (step !== -1) falling = false;
    }
    return rising ? 1 : falling ? -1 : 0;
  });
}

/** 1 where a point is the 7th (or later) consecutive point on the same side of the mean. */
export function runEnds(sides: readonly number[]): number[] {
  return sides.map((side, end) => {
    if (side === 0 || end < RUN_LENGTH - 1) return 0;
    for (let k = end - RUN_LENGTH + 1; k < end; k++) if (sides[k] !== side) return 0;
    return 1;
  });
}

/** Marks every member of a run or trend, given where they end: a point is a member if an end lies within it and the next 6 points. */
export function membersOfRuns(ends: readonly number[]): boolean[] {
  return ends.map((_, start) => {
    for (let k = start; k < Math.min(ends.length, start + RUN_LENGTH); k++) if (Math.abs(ends[k]!) === 1) return true;
    return false;
  });
}

/**
 * True where a point sits in some window of three consecutive points that are all on the same side
 * of the mean and of which at least two are close to the limits (beyond the 2-sigma line but inside
 * the process limits). Windows that would run off either end of the group do not count.
 */
export function twoOfThreeWindows(closeToLimits: readonly boolean[], sides: readonly number[]): boolean[] {
  const n = closeToLimits.length;
  const windowQualifies = (start: number): boolean => {
    if (start < 0 || start + 2 >= n) return false;
    let close = 0;
    let side = 0;
    for (let k = start; k < start + 3; k++) {
      if (closeToLimits[k]) close++;
      side += sides[k]!;
    }
    return close >= 2 && Math.abs(side) === 3;
  };
  return closeToLimits.map((_, i) => windowQualifies(i - 2) || windowQualifies(i - 1) || windowQualifies(i));
}

/** Only the close points of a qualifying window are marked, not the third point that completes it. */
export function membersOfTwoOfThree(closeToLimits: readonly boolean[], sides: readonly number[]): boolean[] {
  const windows = twoOfThreeWindows(closeToLimits, sides);
  return windows.map((inWindow, i) => inWindow && closeToLimits[i] === true);
}

export interface RuleInputs {
  values: readonly number[];
  sides: readonly number[];
  closeToLimits: readonly boolean[];
  outsideLimits: readonly boolean[];
}

/**
 * The strongest rule each point meets, in NHSRplotthedots' precedence: beyond a limit, then a trend,
 * then two of three near a limit, then a run. For a point in a trend the direction is read from the
 * step to its right when its right neighbour is in a trend too, otherwise from the step to its left
 * (as ptd_special_cause_type does, so the first point of a trend takes the trend's direction).
 */
export function classifySpecialCauses({ values, sides, closeToLimits, outsideLimits }: RuleInputs): SpecialCauseRule[] {
  const inTrend = membersOfRuns(trendEnds(values));
  const inTwoOfThree = membersOfTwoOfThree(closeToLimits, sides);
  const inRun = membersOfRuns(runEnds(sides));
  const n = values.length;
  return values.map((_, i) => {
    if (outsideLimits[i]) return sides[i] === 1 ? 'beyond_upper_limit' : 'beyond_lower_limit';
    if (inTrend[i]) {
      const useRightStep = i + 1 < n && inTrend[i + 1] === true;
      const step = useRightStep ? Math.sign(values[i + 1]! - values[i]!) : i === 0 ? 0 : Math.sign(values[i]! - values[i - 1]!);
      return step === 1 ? 'trend_increasing' : 'trend_decreasing';
    }
    if (inTwoOfThree[i]) return sides[i]! > 0 ? 'two_of_three_high' : 'two_of_three_low';
    if (inRun[i]) return sides[i]! > 0 ? 'run_above_mean' : 'run_below_mean';
    return 'common_cause';
  });
}

const ruleDirection: Record<SpecialCauseRule, number> = {
  beyond_upper_limit: 1,
  trend_increasing: 1,
  two_of_three_high: 1,
  run_above_mean: 1,
  beyond_lower_limit: -1,
  trend_decreasing: -1,
  two_of_three_low: -1,
  run_below_mean: -1,
  common_cause: 0,
};

/** Turns a rule into improvement or concern by the measure's polarity; a neutral measure is only high or low. */
export function pointTypeFor(rule: SpecialCauseRule, improvement: ImprovementDirection): PointType {
  const high = ruleDirection[rule];
  if (high === 0) return 'common_cause';
  if (improvement === 'neutral') return high > 0 ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  const better = high * (improvement === 'increase' ? 1 : -1);
  return better > 0 ? 'special_cause_improvement' : 'special_cause_concern';
}
