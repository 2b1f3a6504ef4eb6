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
