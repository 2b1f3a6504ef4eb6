import type { ImprovementDirection, PointType } from './spc-rules.js';

/**
 * The two "Making Data Count" summary icons, as NHSRplotthedots 0.2.2 chooses them
 * (R/geom_ptd_icon.R ptd_get_icons and R/ptd_calculate_assurance_type.R, commit 050b07d).
 */

/** The variation icon: what the latest point says, oriented by which way is better. */
export type VariationIcon =
  | 'common_cause'
  | 'improvement_high'
  | 'improvement_low'
  | 'concern_high'
  | 'concern_low'
  | 'neutral_high'
  | 'neutral_low';

/** The assurance icon: can the process, as it runs now, be relied on to meet the target? */
export type AssuranceIcon = 'consistent_pass' | 'consistent_fail' | 'inconsistent';

/**
 * Read from the type of the most recent point only. Improvement on an "increase is better" measure
 * is high; concern on it is low; the reverse when decrease is better.
 */
export function variationIcon(latestPointType: PointType, improvement: ImprovementDirection): VariationIcon {
  const increaseIsBetter = improvement === 'increase';
  switch (latestPointType) {
    case 'common_cause':
      return 'common_cause';
    case 'special_cause_neutral_high':
      return 'neutral_high';
    case 'special_cause_neutral_low':
      return 'neutral_low';
    case 'special_cause_improvement':
      return increaseIsBetter ? 'improvement_high' : 'improvement_low';
    case 'special_cause_concern':
      return increaseIsBetter ? 'concern_low' : 'concern_high';
  }
}

/**
 * Compares the target with the process limits of the latest group. A target beyond the upper limit
 * can never be reached from below (fail when higher is better, pass when lower is better), and
 * likewise below the lower limit; a target between the limits is met only some of the time.
 * No target, or a neutral measure, has no assurance icon (null), as in NHSRplotthedots.
 */
export function assuranceIcon(
  target: number | undefined,
  limits: { lower: number; upper: number },
  improvement: ImprovementDirection,
): AssuranceIcon | null {
  if (target === undefined || improvement === 'neutral') return null;
  const increaseIsBetter = improvement === 'increase';
  if (target > limits.upper) return increaseIsBetter ? 'consistent_fail' : 'consistent_pass';
  if (target < limits.lower) return increaseIsBetter ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}
