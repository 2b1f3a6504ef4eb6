import { MOVING_RANGE_SCREEN } from './spc.js';

/** What the NHS "Making Data Count" SPC icons mean, in the words pages and workbooks use. */
const variationText: Record<string, string> = {
  common_cause: 'Common cause variation',
  improvement_high: 'Special cause improvement (high)',
  improvement_low: 'Special cause improvement (low)',
  concern_high: 'Special cause concern (high)',
  concern_low: 'Special cause concern (low)',
  neutral_high: 'Special cause variation, neither better nor worse (high)',
  neutral_low: 'Special cause variation, neither better nor worse (low)',
};
const assuranceText: Record<string, string> = {
  consistent_pass: 'Will consistently meet the target',
  consistent_fail: 'Will consistently fail the target',
  inconsistent: 'May or may not meet the target',
};

export const describeVariation = (icon: string) => variationText[icon] ?? icon;
export const describeAssurance = (icon: string | null) => (icon ? (assuranceText[icon] ?? icon) : 'No target, or neither direction is better');

/** What an SPC point's colour says, in words, for a table beside the chart. */
const pointTypeText: Record<string, string> = {
  common_cause: 'Common cause',
  special_cause_improvement: 'Special cause: improvement',
  special_cause_concern: 'Special cause: concern',
  special_cause_neutral_high: 'Special cause: neither better nor worse (high)',
  special_cause_neutral_low: 'Special cause: neither better nor worse (low)',
};
export const describePointType = (type: string | null) => (type === null ? '' : (pointTypeText[type] ?? type));

/** How many moving ranges a chart's limits left out, and of how many. */
export interface MovingRangeScreening {
  leftOut: number;
  of: number;
}

/**
 * What screening did to a chart's limits, in a sentence for its subtitle and its page: moving
 * ranges of 3.267 × their average or more are left out of the average before the limits are set
 * (spc.ts), which a reader of "mean ± 2.66 × average moving range" could not otherwise know.
 */
export function describeScreening({ leftOut, of }: MovingRangeScreening): string {
  if (leftOut === 0) return `Screened: no moving range was ${MOVING_RANGE_SCREEN} × the average or more, so all ${of} set the limits.`;
  return `Screened: ${leftOut} of ${of} moving ranges, each ${MOVING_RANGE_SCREEN} × the average or more, left out of the average moving range.`;
}
