import type { Indicator } from './indicators.js';

/** A number to fixed places as people in England write it: "10,556.60". */
export const fixedPlaces = (places: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places });

/**
 * A figure in its indicator's unit: "7.31%", "1.24 per 1,000", "12,345". Here in the domain, not
 * the web app, because a chart's words are written on the server too (its SVG download).
 */
export function formatFigure(value: number | null | undefined, indicator: Pick<Indicator, 'unit'>): string {
  if (value === null || value === undefined) return '–';
  if (indicator.unit === 'proportion') return `${fixedPlaces(2).format(value)}%`;
  if (indicator.unit === 'rate_per_1000') return `${fixedPlaces(2).format(value)} per 1,000`;
  if (indicator.unit === 'minutes') return `${fixedPlaces(1).format(value)} min`;
  return fixedPlaces(Number.isInteger(value) ? 0 : 1).format(value);
}
