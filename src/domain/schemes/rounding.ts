import { Decimal } from 'decimal.js';
import { Ratio, ratio, sumRatios } from './ratio.js';

/**
 * The rounding rules a scheme may name, and the exact arithmetic under them.
 *
 * Every intermediate figure stays unrounded; a figure is rounded once, where the scheme's rules
 * say, by one of the named functions below. Binary floating point cannot do this (1282.5 may be
 * held as 1282.4999…), so the engine works in exact ratios (`Ratio`). The same rules also take
 * decimals (decimal.js, 60 significant digits), as people and tests write figures.
 */
export const ExactDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

export function exact(value: Decimal.Value): Decimal {
  return new ExactDecimal(value);
}

export { Ratio, ratio };

/** A figure the rules take: an exact ratio (the engine's own), or a decimal. */
export type ExactNumber = Ratio | Decimal;

export const ZERO = Ratio.ZERO;

/** Adds up figures of one kind: ratios exactly, decimals to 60 digits. An empty list is the ratio 0. */
export function sum<T extends ExactNumber>(values: readonly T[]): T {
  if (values.length > 0 && !(values[0] instanceof Ratio)) return (values as readonly Decimal[]).reduce((total, value) => total.plus(value), exact(0)) as T;
  return sumRatios(values as readonly Ratio[]) as T;
}

/**
 * A decimal's quotients such as 95/6 repeat for ever; at 60 digits a sum of them can land a hair
 * below an exact half (0.4999…9). Snapping to 30 decimal places first restores the half. It cannot
 * move any other value across a rounding boundary: the schemes' figures are ratios of numbers far
 * below 10^15, so a figure that is not exactly on a half lies at least 10^-15 away from it. Ratios
 * are exact and need no snapping.
 */
const SNAP_PLACES = 30;

function asRatio(value: ExactNumber): Ratio {
  return value instanceof Ratio ? value : ratio(value.toDecimalPlaces(SNAP_PLACES, Decimal.ROUND_HALF_UP));
}

/** A rounded ratio back in the kind of figure the caller gave (rounded figures are exact decimals). */
function sameKind<T extends ExactNumber>(template: T | undefined, value: Ratio): T {
  return (template === undefined || template instanceof Ratio ? value : exact(value.toString())) as T;
}

/** Half-up (ties away from zero) to `places` decimal places, from the unrounded value. */
export function roundHalfUp<T extends ExactNumber>(value: T, places: number): T {
  return sameKind(value, asRatio(value).roundHalfUp(places));
}

/** Half-up to a whole appointment, session, day or hour: 144.95 → 145, 12.47 → 12, 1642.5 → 1643. */
export const roundHalfUpToWhole = <T extends ExactNumber>(value: T): T => roundHalfUp(value, 0);
/** Half-up to one decimal place: pharmacist days a week, 2.567 → 2.6. */
export const roundHalfUpTo1dp = <T extends ExactNumber>(value: T): T => roundHalfUp(value, 1);
/** Half-up to two decimal places: a share shown as a percentage, 2.8421 → 2.84. */
export const roundHalfUpTo2dp = <T extends ExactNumber>(value: T): T => roundHalfUp(value, 2);
/** Half-up to a whole pound: £1,282.50 → £1,283 (banker's rounding would give £1,282). */
export const roundHalfUpToPound = <T extends ExactNumber>(value: T): T => roundHalfUp(value, 0);
/** Half-up to a penny: £1.93453 a patient → £1.93. */
export const roundHalfUpToPence = <T extends ExactNumber>(value: T): T => roundHalfUp(value, 2);

/**
 * Largest-remainder (Hamilton) rounding: round each value down to the step, then hand the units
 * still missing from the target total, one each, to the values with the largest remainders. The
 * rounded values then add up exactly to the target, which by default is the half-up rounded sum.
 * Ties go to the larger value, then to the earlier row, so the result never depends on luck.
 */
export function largestRemainder<T extends ExactNumber>(values: readonly T[], places: number, target?: T): T[] {
  const exactValues = values.map(asRatio);
  const goal = target !== undefined ? ratio(target) : sumRatios(exactValues).roundHalfUp(places);
  const unit = ratio(10).pow(-places);
  const floors = exactValues.map((value) => value.roundHalfUp(places, 'floor'));
  let missing = Math.round(goal.minus(sumRatios(floors)).div(unit).toNumber());
  const order = exactValues
    .map((value, index) => ({ index, value, remainder: value.minus(floors[index]!) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || b.value.comparedTo(a.value) || a.index - b.index);
  const result = [...floors];
  // A target below the floors' sum (only possible when one is given) takes units back from the smallest remainders.
  const step = missing >= 0 ? unit : unit.negated();
  const queue = missing >= 0 ? order : [...order].reverse();
  for (let i = 0; missing !== 0 && queue.length > 0; i = (i + 1) % queue.length) {
    const index = queue[i]!.index;
    result[index] = result[index]!.plus(step);
    missing += missing > 0 ? -1 : 1;
  }
  return result.map((value) => sameKind(values[0], value));
}

/** Rules for counts: appointments, hours, sessions, days, percentages. */
export const quantityRoundingRules = ['half_up_whole', 'half_up_1dp', 'half_up_2dp', 'largest_remainder_whole', 'largest_remainder_1dp', 'largest_remainder_2dp'] as const;
/** Rules for money. */
export const moneyRoundingRules = ['half_up_pound', 'half_up_pence', 'largest_remainder_pound', 'largest_remainder_pence'] as const;
export type QuantityRoundingRule = (typeof quantityRoundingRules)[number];
export type MoneyRoundingRule = (typeof moneyRoundingRules)[number];
export type RoundingRule = QuantityRoundingRule | MoneyRoundingRule;

/**
 * How a column's TOTAL is worked out. The seeds print the rounded sum of the unrounded rows, so
 * their rounded rows need not add up to the total ("do not foot"); some users want the sum of the
 * rows they see. With a largest-remainder rule the two are the same.
 */
export const totalsRules = ['round_unrounded_sum', 'sum_of_rounded_rows'] as const;
export type TotalsRule = (typeof totalsRules)[number];

interface RuleInfo {
  places: number;
  largestRemainder: boolean;
  /** Short, for a column note: "half-up to a whole pound". */
  label: string;
}

const ruleInfo: Record<RoundingRule, RuleInfo> = {
  half_up_whole: { places: 0, largestRemainder: false, label: 'half-up to a whole number' },
  half_up_1dp: { places: 1, largestRemainder: false, label: 'half-up to 1 decimal place' },
  half_up_2dp: { places: 2, largestRemainder: false, label: 'half-up to 2 decimal places' },
  largest_remainder_whole: { places: 0, largestRemainder: true, label: 'largest remainder to whole numbers' },
  largest_remainder_1dp: { places: 1, largestRemainder: true, label: 'largest remainder to 1 decimal place' },
  largest_remainder_2dp: { places: 2, largestRemainder: true, label: 'largest remainder to 2 decimal places' },
  half_up_pound: { places: 0, largestRemainder: false, label: 'half-up to a whole pound' },
  half_up_pence: { places: 2, largestRemainder: false, label: 'half-up to a penny' },
  largest_remainder_pound: { places: 0, largestRemainder: true, label: 'largest remainder to whole pounds' },
  largest_remainder_pence: { places: 2, largestRemainder: true, label: 'largest remainder to pennies' },
};

export const totalsRuleDescriptions: Record<TotalsRule, string> = {
  round_unrounded_sum: 'the total is the unrounded rows added up, then rounded once by the same rule',
  sum_of_rounded_rows: 'the total is the rounded rows added up',
};

export function roundingRuleLabel(rule: RoundingRule): string {
  return ruleInfo[rule].label;
}

/** The rule in a sentence: "half-up to a whole pound, from the unrounded figure". */
export function describeRoundingRule(rule: RoundingRule): string {
  const { label, largestRemainder } = ruleInfo[rule];
  return `${label}, ${largestRemainder ? 'so the rows add up exactly to the rounded total' : 'from the unrounded figure'}`;
}

export function decimalPlacesOf(rule: RoundingRule): number {
  return ruleInfo[rule].places;
}

/** Rounds one figure by a half-up rule (a largest-remainder rule rounds a single figure half-up). */
export function roundByRule<T extends ExactNumber>(value: T, rule: RoundingRule): T {
  return roundHalfUp(value, ruleInfo[rule].places);
}

/** Rounds a whole column by its rule: each figure on its own, or largest remainder across the column. */
export function roundColumn<T extends ExactNumber>(values: readonly T[], rule: RoundingRule): T[] {
  const { places } = ruleInfo[rule];
  return ruleInfo[rule].largestRemainder ? largestRemainder(values, places) : values.map((value) => roundHalfUp(value, places));
}

/** A column's TOTAL, the rule behind it, and by how much the rounded rows miss it. */
export interface ColumnTotal {
  column: string;
  rowRule: RoundingRule;
  totalsRule: TotalsRule;
  /** The unrounded total, as an exact decimal string. */
  exact: string;
  /** The TOTAL as shown (integer pence when `money`). */
  total: number;
  /** The rounded rows added up (integer pence when `money`). */
  sumOfRoundedRows: number;
  /** sumOfRoundedRows − total: how far the rows fail to foot (0 when they foot). */
  footingDifference: number;
  money: boolean;
}

/** Money is held as integer pence once rounded. */
export function toPence(pounds: ExactNumber): number {
  // A rounded ratio is a number of hundredths or less over a power of ten: no ratio need be built.
  if (pounds instanceof Ratio && typeof pounds.n === 'number') {
    const hundredths = pounds.n * 100;
    const d = pounds.d as number;
    if (Number.isSafeInteger(hundredths) && hundredths % d === 0) return hundredths / d || 0;
  }
  const pence = pounds.times(100);
  if (!pence.isInteger()) throw new Error(`${pounds.toString()} is not a whole number of pence`);
  return pence.toNumber();
}

export function totalColumn<T extends ExactNumber>(column: string, exactRows: readonly T[], roundedRows: readonly T[], rowRule: RoundingRule, totalsRule: TotalsRule, money: boolean): ColumnTotal {
  const exactTotal = sum(exactRows);
  const roundedSum = sum(roundedRows);
  const total = totalsRule === 'sum_of_rounded_rows' ? roundedSum : roundByRule(exactTotal, rowRule);
  const asNumber = (value: ExactNumber) => (money ? toPence(value) : value.toNumber());
  return {
    column,
    rowRule,
    totalsRule,
    exact: exactTotal.toString(),
    total: asNumber(total),
    sumOfRoundedRows: asNumber(roundedSum),
    footingDifference: asNumber(ratio(roundedSum).minus(ratio(total))),
    money,
  };
}

/**
 * A column rounded by its rule as whole numbers of the rule's step (pounds or pence, whole units
 * or tenths): the same figures as `roundColumn`, with no ratio built per row.
 */
export function roundColumnSteps(values: readonly Ratio[], rule: RoundingRule): number[] {
  return roundColumnOf(values.length, (i) => values[i]!, rule).steps;
}

/**
 * Rounds a column whose row `i` is `valueAt(i)`, working each row out only when it is rounded: under
 * a half-up rule no row's ratio outlives its rounding (a result row can work it out again when it
 * is read), which spares the garbage collector. Returns the steps and the exact column total.
 */
export function roundColumnOf(count: number, valueAt: (i: number) => Ratio, rule: RoundingRule): { steps: number[]; exactTotal: Ratio } {
  const { places, largestRemainder: spread } = ruleInfo[rule];
  if (spread) {
    const values = Array.from({ length: count }, (_, i) => valueAt(i));
    return { steps: largestRemainder(values, places).map((value) => value.roundedSteps(places)), exactTotal: sumRatios(values) };
  }
  const steps = new Array<number>(count);
  // The exact total is added up a block of rows at a time, so that only a block is held at once.
  const block: Ratio[] = [];
  let exactTotal = ZERO;
  for (let i = 0; i < count; i++) {
    const value = valueAt(i);
    steps[i] = value.roundedSteps(places);
    block.push(value);
    if (block.length === 256 || i === count - 1) {
      exactTotal = exactTotal.plus(sumRatios(block));
      block.length = 0;
    }
  }
  return { steps, exactTotal };
}
/** Rounded steps as the figure shown: a count (12, 2.6) or, with `money`, integer pence. */
export function stepsAsFigure(steps: number, rule: RoundingRule, money: boolean): number {
  const { places } = ruleInfo[rule];
  // Money rules round to pounds or pence, so a step is a whole number of pence.
  if (money && places <= 2) return steps * 10 ** (2 - places) || 0;
  return money ? toPence(new Ratio(steps, 10 ** places)) : steps / 10 ** places;
}

/** `totalColumn` for a column rounded by `roundColumnSteps`: the rounded rows are added as whole steps. */
export function totalColumnSteps(column: string, exact: readonly Ratio[] | Ratio, steps: readonly number[], rowRule: RoundingRule, totalsRule: TotalsRule, money: boolean): ColumnTotal {
  // The exact rows, or their total when the rows were not kept (see roundColumnOf).
  const exactTotal = exact instanceof Ratio ? exact : sumRatios(exact);
  let roundedSum = 0;
  for (const step of steps) roundedSum += step;
  const places = ruleInfo[rowRule].places;
  if (!Number.isSafeInteger(roundedSum)) return totalColumn(column, [exactTotal], [steps.reduce((t, step) => t.plus(new Ratio(step, 10 ** places)), ZERO)], rowRule, totalsRule, money);
  const total = totalsRule === 'sum_of_rounded_rows' ? roundedSum : exactTotal.roundedSteps(places);
  return {
    column,
    rowRule,
    totalsRule,
    exact: exactTotal.toString(),
    total: stepsAsFigure(total, rowRule, money),
    sumOfRoundedRows: stepsAsFigure(roundedSum, rowRule, money),
    footingDifference: stepsAsFigure(roundedSum - total, rowRule, money),
    money,
  };
}

