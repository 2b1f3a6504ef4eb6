import { type Indicator, type IndicatorUnit, unitMultiplier } from './indicators.js';
import { placesShown } from './figure-format.js';
import { twoSidedNormalQuantile } from './normal.js';

/**
 * Comparing a practice with its peers, with a threshold, and signed-up practices with the rest.
 * A group's figure pools its practices — Σ numerator / Σ denominator for a ratio, so a big practice
 * counts for more, as the group's own rate would — and is the mean of the practices' values for a
 * count or minutes.
 */
export interface PracticeFigure {
  practiceCode: string;
  numerator: number | null;
  denominator: number | null;
  value: number;
}

export interface PooledFigure {
  value: number | null;
  practices: number;
  numerator: number | null;
  denominator: number | null;
}

export function poolFigures(figures: readonly PracticeFigure[], unit: IndicatorUnit): PooledFigure {
  if (figures.length === 0) return { value: null, practices: 0, numerator: null, denominator: null };
  const multiplier = unitMultiplier(unit);
  if (multiplier === null) return { value: figures.reduce((s, f) => s + f.value, 0) / figures.length, practices: figures.length, numerator: null, denominator: null };
  let numerator = 0;
  let denominator = 0;
  for (const f of figures) {
    numerator += f.numerator ?? 0;
    denominator += f.denominator ?? 0;
  }
  return { value: denominator > 0 ? (numerator / denominator) * multiplier : null, practices: figures.length, numerator, denominator };
}

/** A pooled figure from totals already summed (in SQL): Σ numerator / Σ denominator, or the mean of the values. */
export function pooledFromTotals(unit: IndicatorUnit, totals: { numerator: number | null; denominator: number | null; mean: number | null }): number | null {
  const multiplier = unitMultiplier(unit);
  if (multiplier === null) return totals.mean;
  return totals.denominator ? ((totals.numerator ?? 0) / totals.denominator) * multiplier : null;
}

export interface Threshold {
  minimum: number | null;
  target: number | null;
}

export interface ThresholdGap {
  practiceCode: string;
  value: number;
  threshold: number;
  /** How far the practice is from the threshold, in the indicator's unit (always positive). */
  gap: number;
}

/**
 * Practices on the wrong side of the minimum, worst first. When lower is better the minimum
 * standard is a ceiling (e.g. at most 5% of appointments missed), so those above it are listed.
 * A figure is judged as it is shown (5.0018% is 5.00%, at the ceiling, not 0.00 points above it),
 * so no practice is listed as beyond a standard its own figure appears to meet.
 */
export function practicesBelowThreshold(figures: readonly PracticeFigure[], minimum: number | null, indicator: Pick<Indicator, 'polarity' | 'unit'>): ThresholdGap[] {
  if (minimum === null) return [];
  const ceiling = indicator.polarity === 'lower';
  const shown = (value: number) => Number(value.toFixed(placesShown(value, indicator)));
  return figures
    .filter((f) => (ceiling ? shown(f.value) > minimum : shown(f.value) < minimum))
    .map((f) => ({ practiceCode: f.practiceCode, value: f.value, threshold: minimum, gap: Math.abs(f.value - minimum) }))
    .sort((a, b) => b.gap - a.gap || a.practiceCode.localeCompare(b.practiceCode));
}

export interface EvaluationPractice {
  practiceCode: string;
  signedUp: boolean;
  before: PracticeFigure[];
  after: PracticeFigure[];
}

export interface EvaluationArm {
  practices: number;
  before: number | null;
  after: number | null;
  /** after − before, each pooled over the arm's practices and months. */
  change: number | null;
  /** The standard error of `change`, from how the arm's practices differ (null with fewer than 2 practices). */
  standardError: number | null;
}

export interface SchemeEvaluation {
  signedUp: EvaluationArm;
  notSignedUp: EvaluationArm;
  /** (after − before) of the signed-up practices minus that of the others: the difference the scheme may have made. */
  differenceInDifferences: number | null;
  /** An approximate 95% interval for differenceInDifferences itself, from how the practices on each side differ. */
  interval95: [number, number] | null;
  practices: { practiceCode: string; signedUp: boolean; before: number | null; after: number | null; change: number | null }[];
}

type Totals = { numerator: number; denominator: number };

/**
 * A practice's figures over a period as the totals its group's pooled value adds up (poolFigures):
 * Σ numerator and Σ denominator for a ratio; Σ value and the number of figures for a count or minutes.
 */
function totalsOf(figures: readonly PracticeFigure[], ratio: boolean): Totals {
  let numerator = 0;
  let denominator = 0;
  for (const f of figures) {
    numerator += ratio ? (f.numerator ?? 0) : f.value;
    denominator += ratio ? (f.denominator ?? 0) : 1;
  }
  return { numerator, denominator };
}

/** The pooled change (after − before) from summed totals, or null when a period has no denominator. */
function changeOf(before: Totals, after: Totals, multiplier: number): number | null {
  if (!(before.denominator > 0 && after.denominator > 0)) return null;
  return multiplier * (after.numerator / after.denominator - before.numerator / before.denominator);
}

/**
 * The standard error of one side's pooled change by the delete-one-practice jackknife: the pooled
 * change again without each practice in turn, θ₍ᵢ₎, and (n − 1)/n Σ(θ₍ᵢ₎ − θ̄)². Practices are the
 * units that vary (months within a practice are not independent draws), a big practice weighs as
 * much as it does in the pooled figure, and one the figure leans on widens the interval more than
 * the delta method's linearised error would. With equal denominators and a month each side it is the familiar s/√n of
 * the practices' own changes. Null with fewer than 2 practices, or when leaving one out leaves a
 * period without figures.
 */
function jackknifeError(totals: readonly { before: Totals; after: Totals }[], multiplier: number): number | null {
  const n = totals.length;
  if (n < 2) return null;
  const sum = (side: 'before' | 'after') => totals.reduce((t, p) => ({ numerator: t.numerator + p[side].numerator, denominator: t.denominator + p[side].denominator }), { numerator: 0, denominator: 0 });
  const [before, after] = [sum('before'), sum('after')];
  const without = (total: Totals, part: Totals) => ({ numerator: total.numerator - part.numerator, denominator: total.denominator - part.denominator });
  const leftOut = totals.map((p) => changeOf(without(before, p.before), without(after, p.after), multiplier));
  if (leftOut.some((c) => c === null)) return null;
  const mean = leftOut.reduce<number>((s, c) => s + c!, 0) / n;
  return Math.sqrt(((n - 1) / n) * leftOut.reduce<number>((s, c) => s + (c! - mean) ** 2, 0));
}

/** One side's pooled figures before and after, its change and the change's standard error. */
function arm(practices: readonly EvaluationPractice[], unit: IndicatorUnit): EvaluationArm {
  const before = poolFigures(practices.flatMap((p) => p.before), unit).value;
  const after = poolFigures(practices.flatMap((p) => p.after), unit).value;
  const change = before !== null && after !== null ? after - before : null;
  const multiplier = unitMultiplier(unit);
  const totals = practices.map((p) => ({ before: totalsOf(p.before, multiplier !== null), after: totalsOf(p.after, multiplier !== null) }));
  return { practices: practices.length, before, after, change, standardError: change === null ? null : jackknifeError(totals, multiplier ?? 1) };
}

/**
 * Signed-up against not-signed-up practices, before against after, on one indicator. The interval
 * is about the difference in differences printed beside it (each side's pooled change): the two
 * sides' standard errors combined, normal approximation. It allows for chance and for how practices
 * differ, not for why they chose to sign up.
 */
export function evaluateScheme(practices: readonly EvaluationPractice[], unit: IndicatorUnit): SchemeEvaluation {
  const rows = practices.map((p) => {
    const before = poolFigures(p.before, unit).value;
    const after = poolFigures(p.after, unit).value;
    return { practiceCode: p.practiceCode, signedUp: p.signedUp, before, after, change: before !== null && after !== null ? after - before : null };
  });
  const signedUp = arm(practices.filter((p) => p.signedUp), unit);
  const notSignedUp = arm(practices.filter((p) => !p.signedUp), unit);
  const did = signedUp.change !== null && notSignedUp.change !== null ? signedUp.change - notSignedUp.change : null;
  let interval95: [number, number] | null = null;
  if (did !== null && signedUp.standardError !== null && notSignedUp.standardError !== null) {
    const halfWidth = twoSidedNormalQuantile(0.95) * Math.sqrt(signedUp.standardError ** 2 + notSignedUp.standardError ** 2);
    interval95 = [did - halfWidth, did + halfWidth];
  }
  return { signedUp, notSignedUp, differenceInDifferences: did, interval95, practices: rows.sort((a, b) => a.practiceCode.localeCompare(b.practiceCode)) };
}
