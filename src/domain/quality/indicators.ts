/**
 * The indicator catalogue: what a quality or demand measure counts, its unit and which way is
 * better. Values are stored in the unit people read (a proportion as a percentage, a rate per 1,000),
 * so thresholds are typed the same way as the figures they are compared with.
 */
export const indicatorUnits = ['proportion', 'rate_per_1000', 'count', 'minutes'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];
export const polarities = ['higher', 'lower', 'neutral'] as const;
export type Polarity = (typeof polarities)[number];
export const cadences = ['month', 'year'] as const;
export type Cadence = (typeof cadences)[number];

export interface Indicator {
  code: string;
  name: string;
  numeratorDefinition: string | null;
  denominatorDefinition: string | null;
  unit: IndicatorUnit;
  polarity: Polarity;
  source: string;
  cadence: Cadence;
}

/** One practice's figure for one indicator in one period, as stored. */
export interface IndicatorValueRow {
  indicatorCode: string;
  practiceCode: string;
  /** An ISO date: the first day of a month, or 31 March for a QOF year. */
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number;
}

export const unitLabels: Readonly<Record<IndicatorUnit, string>> = {
  proportion: '%',
  rate_per_1000: 'per 1,000',
  count: 'count',
  minutes: 'minutes',
};

/** Patients registered, read from the registry's list sizes rather than stored twice. */
export const registeredPatientsIndicator: Indicator = {
  code: 'REGISTERED_PATIENTS',
  name: 'Patients registered',
  numeratorDefinition: 'Patients registered at the practice on the snapshot date',
  denominatorDefinition: null,
  unit: 'count',
  polarity: 'neutral',
  source: 'NHS England, Patients registered at a GP practice (list sizes in the registry)',
  cadence: 'month',
};

/** How a numerator and denominator become the figure people read; null for units counted directly. */
export function unitMultiplier(unit: IndicatorUnit): number | null {
  if (unit === 'proportion') return 100;
  if (unit === 'rate_per_1000') return 1000;
  return null;
}

export interface IndicatorFigure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/**
 * The figure to store for a row, or why it cannot be stored: a proportion whose numerator is more
 * than its denominator, a zero denominator, a value that disagrees with its numerator and denominator.
 */
export function indicatorValue(unit: IndicatorUnit, figure: IndicatorFigure): { value: number } | { problem: string; column: 'numerator' | 'denominator' | 'value' } {
  const multiplier = unitMultiplier(unit);
  if (multiplier === null) {
    const value = figure.value ?? figure.numerator;
    if (value === null || !Number.isFinite(value)) return { problem: 'a count or minutes needs a value (or a numerator)', column: 'value' };
    if (value < 0) return { problem: `value ${value} must not be negative`, column: 'value' };
    return { value };
  }
  const { numerator, denominator } = figure;
  if (numerator === null || denominator === null) return { problem: `a ${unitLabels[unit]} figure needs both a numerator and a denominator`, column: numerator === null ? 'numerator' : 'denominator' };
  if (numerator < 0) return { problem: `numerator ${numerator} must not be negative`, column: 'numerator' };
  if (denominator <= 0) return { problem: `denominator is ${denominator}: a rate needs a denominator above 0`, column: 'denominator' };
  if (unit === 'proportion' && numerator > denominator) return { problem: `numerator ${numerator} is more than denominator ${denominator}, which a proportion cannot be`, column: 'numerator' };
  const value = (numerator / denominator) * multiplier;
  // A value typed beside its numerator and denominator may be rounded, to a whole number at most.
  if (figure.value !== null && Math.abs(figure.value - value) > 0.5 + 1e-9) {
    return { problem: `value ${figure.value} does not match numerator ÷ denominator (${value.toFixed(2)} ${unitLabels[unit]})`, column: 'value' };
  }
  return { value };
}

/**
 * What a figure in this unit can be: none is below 0, and a percentage is at most 100. An SPC
 * chart draws a limit beyond these at the edge (a lower limit of −25,000 patients at 0).
 */
export function unitRange(unit: IndicatorUnit): { min: number; max?: number } {
  return unit === 'proportion' ? { min: 0, max: 100 } : { min: 0 };
}

/** A period as stored (an ISO date) in the form the SPC series reads: months as 2024-03, QOF years as the year they end. */
export function seriesPeriod(period: string, cadence: Cadence): string {
  return cadence === 'year' ? period.slice(0, 4) : period.slice(0, 7);
}

/** A period (stored, or as the SPC series reads it) as people read it: "March 2024" ("Mar 2024" on a chart's axis), or a QOF year as "2022/23". */
export function periodLabel(period: string, cadence: Cadence, month: 'long' | 'short' = 'long'): string {
  const year = Number(period.slice(0, 4));
  if (cadence === 'year') return `${year - 1}/${String(year % 100).padStart(2, '0')}`;
  const monthName = new Date(Date.UTC(year, Number(period.slice(5, 7)) - 1, 1)).toLocaleString('en-GB', { month, timeZone: 'UTC' });
  return `${monthName} ${year}`;
}
