import { fixedPlaces as number, formatFigure } from '../../../domain/quality/figure-format.js';
import type { Indicator } from '../../../domain/quality/indicators.js';

export { formatFigure };

/**
 * A group's figure (a locality, a sub-ICB location, England…). Rates and percentages are pooled,
 * but a count or a time is the average of the group's practices, and says so: "10,557 on average",
 * not a locality total that reads "10,556.6".
 */
export function formatGroupFigure(value: number | null | undefined, indicator: Pick<Indicator, 'unit'>): string {
  if (value === null || value === undefined) return '–';
  if (indicator.unit === 'count') return `${number(0).format(value)} on average`;
  if (indicator.unit === 'minutes') return `${formatFigure(value, indicator)} on average`;
  return formatFigure(value, indicator);
}

/** A difference with its sign, in the indicator's unit ("+0.42 points" for percentages). */
export function formatDifference(value: number | null | undefined, indicator: Pick<Indicator, 'unit'>): string {
  if (value === null || value === undefined) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  if (indicator.unit === 'proportion') return `${sign}${number(2).format(magnitude)} percentage points`;
  // A count against a group's average is a whole number of patients, like the average it is set against.
  if (indicator.unit === 'count') return `${sign}${number(0).format(magnitude)}`;
  return `${sign}${formatFigure(magnitude, indicator)}`;
}

/**
 * How far a practice is on the wrong side of a minimum standard (a maximum when lower is better),
 * in words rather than a sign: "4.03 percentage points below", "1.17 percentage points above".
 */
export function formatGap(gap: number | null | undefined, indicator: Pick<Indicator, 'unit' | 'polarity'>): string {
  if (gap === null || gap === undefined) return '–';
  return `${formatDifference(Math.abs(gap), indicator).replace(/^\+/, '')} ${indicator.polarity === 'lower' ? 'above' : 'below'}`;
}

/** A z-score to two places with a true minus sign: "−3.41", "4.19". */
export const formatZ = (z: number | null | undefined) => (z === null || z === undefined ? '–' : `${z < 0 && z.toFixed(2) !== '-0.00' ? '−' : ''}${Math.abs(z).toFixed(2)}`);

export const formatCount = (value: number | null | undefined) => (value === null || value === undefined ? '–' : number(0).format(value));

export { describeAssurance, describePointType, describeScreening, describeVariation } from '../../../domain/quality/spc-words.js';
