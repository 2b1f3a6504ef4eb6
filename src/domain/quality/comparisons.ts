import { type IndicatorUnit, type Polarity, unitMultiplier } from './indicators.js';

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
 */
export function practicesBelowThreshold(figures: readonly PracticeFigure[], minimum: number | null, polarity: Polarity): ThresholdGap[] {
  if (minimum === null) return [];
  const ceiling = polarity === 'lower';
  return figures
    .filter((f) => (ceiling ? f.value > minimum : f.value < minimum))
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
  change: number | null;
  /** Mean of the practices' own changes, with its standard error (practices with figures in both periods). */
  meanPracticeChange: number | null;
  standardError: number | null;
}

export interface SchemeEvaluation {
  signedUp: EvaluationArm;
  notSignedUp: EvaluationArm;
  /** (after − before) of the signed-up practices minus that of the others: the difference the scheme may have made. */
  differenceInDifferences: number | null;
  /** An approximate 95% interval for the difference in mean practice changes (normal approximation). */
  interval95: [number, number] | null;
  practices: { practiceCode: string; signedUp: boolean; before: number | null; after: number | null; change: number | null }[];
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function arm(practices: readonly EvaluationPractice[], unit: IndicatorUnit, changes: readonly number[]): EvaluationArm {
  const before = poolFigures(practices.flatMap((p) => p.before), unit).value;
  const after = poolFigures(practices.flatMap((p) => p.after), unit).value;
  const n = changes.length;
  const meanChange = n ? mean(changes) : null;
  const variance = n > 1 ? changes.reduce((s, c) => s + (c - meanChange!) ** 2, 0) / (n - 1) : null;
  return {
    practices: practices.length,
    before,
    after,
    change: before !== null && after !== null ? after - before : null,
    meanPracticeChange: meanChange,
    standardError: variance !== null ? Math.sqrt(variance / n) : null,
  };
}

/** Signed-up against not-signed-up practices, before against after, on one indicator. */
export function evaluateScheme(practices: readonly EvaluationPractice[], unit: IndicatorUnit): SchemeEvaluation {
  const rows = practices.map((p) => {
    const before = poolFigures(p.before, unit).value;
    const after = poolFigures(p.after, unit).value;
    return { practiceCode: p.practiceCode, signedUp: p.signedUp, before, after, change: before !== null && after !== null ? after - before : null };
  });
  const changesOf = (signedUp: boolean) => rows.filter((r) => r.signedUp === signedUp && r.change !== null).map((r) => r.change!);
  const signedUp = arm(practices.filter((p) => p.signedUp), unit, changesOf(true));
  const notSignedUp = arm(practices.filter((p) => !p.signedUp), unit, changesOf(false));
  const did = signedUp.change !== null && notSignedUp.change !== null ? signedUp.change - notSignedUp.change : null;
  let interval95: [number, number] | null = null;
  if (signedUp.standardError !== null && notSignedUp.standardError !== null) {
    const difference = signedUp.meanPracticeChange! - notSignedUp.meanPracticeChange!;
    const se = Math.sqrt(signedUp.standardError ** 2 + notSignedUp.standardError ** 2);
    interval95 = [difference - 1.959964 * se, difference + 1.959964 * se];
  }
  return { signedUp, notSignedUp, differenceInDifferences: did, interval95, practices: rows.sort((a, b) => a.practiceCode.localeCompare(b.practiceCode)) };
}
