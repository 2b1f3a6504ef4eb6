import type { Indicator } from './indicators.js';

/** A number to fixed places as people in England write it: "10,556.60". */
export const fixedPlaces = (places: number) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places });

/**
 * A figure in its indicator's unit: "7.31%", "1.24 per 1,000", "12,345". Here in the domain, not
 * the web app, because a chart's words are written on the server too (its SVG download).
 */
export function formatFigure(value: number | null | undefined, indicator: Pick<Indicator, 'unit'>): string {
  if (value === null || value === undefined) return '–';
  const places = placesShown(value, indicator);
  if (indicator.unit === 'proportion') return `${fixedPlaces(places).format(value)}%`;
  if (indicator.unit === 'rate_per_1000') return `${fixedPlaces(places).format(value)} per 1,000`;
  if (indicator.unit === 'minutes') return `${fixedPlaces(places).format(value)} min`;
  return fixedPlaces(places).format(value);
}

/** How many decimal places a figure is shown to in its unit: 2 for a percentage or a rate, 1 for minutes. */
export function placesShown(value: number, indicator: Pick<Indicator, 'unit'>): number {
  if (indicator.unit === 'proportion' || indicator.unit === 'rate_per_1000') return 2;
  if (indicator.unit === 'minutes') return 1;
  return Number.isInteger(value) ? 0 : 1;
}
