import type { Apportionment } from './apportion.js';
import { formatPence } from './format-money.js';
import type { HandSchedule } from './hand-schedule.js';
import { buildMultiYearSchedule, type CostModelVariant, type MultiYearSchedule } from './multi-year.js';
import type { SchemeDefinition } from './scheme-definition.js';
import { apportion } from './apportion.js';
import { ratio, roundColumn, toPence } from './rounding.js';
import { capitalise } from '../problem-sentence.js';

export type DifferenceCause = 'matches' | 'no_uplift' | 'no_fixed_lines' | 'no_uplift_no_fixed_lines' | 'no_funding' | 'rounding' | 'mixed' | 'unexplained';

export interface ScheduleDifference {
  /** year: one year's total; practice_year: one practice in one year; practice: a practice over all years; scheme: everything. */
  scope: 'year' | 'practice_year' | 'practice' | 'scheme';
  year: string | null;
  practiceKey: string | null;
  practiceName: string | null;
  handPence: number;
  modelPence: number;
  /** hand − model: negative when the hand schedule charges less than the cost model needs. */
  differencePence: number;
  /** The hand figure for a practice was not given, so it is the hand year total shared by the scheme's basis. */
  handDerived: boolean;
  cause: DifferenceCause;
  /** The cause in words, for a row whose figures are shown beside it ("It leaves out the fixed lines (…)"). */
  reason: string;
  /** The difference and its cause in one sentence, for where the row's figures are not shown (warnings). */
  explanation: string;
}

export interface ScheduleDifferences {
  label: string;
  description: string | null;
  /** What the hand schedule is compared with: the practices' contribution (cost less funding). */
  compares: 'practices_contribution';
  rows: ScheduleDifference[];
  totalDifferencePence: number;
  summary: string;
}

interface Candidate {
  cause: Exclude<DifferenceCause, 'matches' | 'rounding' | 'mixed' | 'unexplained'>;
  variant: CostModelVariant;
}

const candidates: Candidate[] = [
  { cause: 'no_uplift', variant: { withoutUplift: true } },
  { cause: 'no_fixed_lines', variant: { withoutFixedLines: true } },
  { cause: 'no_uplift_no_fixed_lines', variant: { withoutUplift: true, withoutFixedLines: true } },
  { cause: 'no_funding', variant: { withoutFunding: true } },
];

/** A figure counts as reproduced within a pound either way: hand schedules are usually typed to the pound. */
const TOLERANCE_PENCE = 100;

function causeText(cause: DifferenceCause, definition: SchemeDefinition): string {
  const model = definition.costModel!;
  const upliftLines = model.base.map((l) => l.label).join(', ');
  const fixedLines = model.fixedLines.map((l) => l.label).join(', ');
  switch (cause) {
    case 'matches':
      return 'agrees with the cost model';
    case 'no_uplift':
      return `it leaves out the ${model.annualUpliftPercent}% annual uplift on ${upliftLines} (it uses the year-1 cost in every year)`;
    case 'no_fixed_lines':
      return `it leaves out the fixed lines (${fixedLines})`;
    case 'no_uplift_no_fixed_lines':
      return `it leaves out both the ${model.annualUpliftPercent}% annual uplift and the fixed lines (${fixedLines})`;
    case 'no_funding':
      return 'it does not take the funding off the cost';
    case 'rounding':
      return 'a rounding difference only (£1 or less)';
    case 'mixed':
      return 'several causes: see the rows for each year';
    default:
      return 'not explained by any of the cost model’s rules: check the hand-entered figure';
  }
}

function diagnose(handPence: number, modelPence: number, variantPence: (c: Candidate) => number): DifferenceCause {
  if (handPence === modelPence) return 'matches';
  if (Math.abs(handPence - modelPence) <= TOLERANCE_PENCE) return 'rounding';
  // A what-if explains the difference only if it changes the figure (no funding in a year with none changes nothing).
  const hit = candidates.find((c) => variantPence(c) !== modelPence && Math.abs(variantPence(c) - handPence) <= TOLERANCE_PENCE);
  return hit ? hit.cause : 'unexplained';
}

function combine(causes: DifferenceCause[]): DifferenceCause {
  const real = [...new Set(causes.filter((c) => c !== 'matches'))];
  if (real.length === 0) return 'matches';
  return real.length === 1 ? real[0]! : 'mixed';
}

function direction(difference: number, model: number): string {
  return `${difference < 0 ? `${formatPence(-difference)} short of` : `${formatPence(difference)} more than`} the cost model’s ${formatPence(model)}`;
}

/** A practice's hand figure that was not given is the year total shared out; said after the cause. */
const SHARED_NOTE = ' (hand figure shared from the year total by list share)';

function describe(difference: number, hand: number, model: number, cause: DifferenceCause, definition: SchemeDefinition, shared = false): { reason: string; explanation: string } {
  const why = difference === 0 ? causeText('matches', definition) : causeText(cause, definition) + (shared ? SHARED_NOTE : '');
  return { reason: capitalise(why), explanation: difference === 0 ? why : `${formatPence(hand)} is ${direction(difference, model)}: ${why}` };
}

/**
 * Compares a hand-entered schedule of practice contributions with the cost model, year by year and
 * practice by practice, and names the cause of each difference. A cause is found by recomputing the
 * model without one of its rules (the uplift, the fixed lines, the funding) and seeing which
 * version reproduces the hand figure.
 */
export function compareHandSchedule(definition: SchemeDefinition, apportionment: Apportionment, model: MultiYearSchedule, hand: HandSchedule): ScheduleDifferences {
  const variants = new Map(candidates.map((c) => [c.cause, buildMultiYearSchedule(definition, apportionment, c.variant)]));
  const rows: ScheduleDifference[] = [];
  const practices = apportionment.weights.map((w) => w.practice);
  const handByPractice = practices.map(() => [] as { pence: number; cause: DifferenceCause }[]);
  const yearCauses: DifferenceCause[] = [];
  let handTotal = 0;

  model.years.forEach((year, y) => {
    const given = hand.entries.filter((e) => e.year === year.year);
    const totalEntry = given.find((e) => e.practiceKey === null);
    const practiceEntries = given.filter((e) => e.practiceKey !== null);
    const yearHand = totalEntry?.amountPence ?? practiceEntries.reduce((a, e) => a + e.amountPence, 0);
    handTotal += yearHand;
    const yearCause = diagnose(yearHand, year.contributionPence, (c) => variants.get(c.cause)!.years[y]!.contributionPence);
    yearCauses.push(yearCause);
    const yearDiff = yearHand - year.contributionPence;
    rows.push({ scope: 'year', year: year.year, practiceKey: null, practiceName: null, handPence: yearHand, modelPence: year.contributionPence, differencePence: yearDiff, handDerived: !totalEntry, cause: yearCause, ...describe(yearDiff, yearHand, year.contributionPence, yearCause, definition) });

    // Practices without their own hand figure are charged the hand total shared by the scheme's basis, rounded as the model rounds.
    const derived = roundColumn(apportion(ratio(yearHand).div(100), apportionment), definition.rounding.contribution).map(toPence);
    practices.forEach((practice, p) => {
      const entry = practiceEntries.find((e) => e.practiceKey === practice.key);
      const handPence = entry?.amountPence ?? derived[p]!;
      const modelPence = model.practices[p]!.years[y]!.contributionPence;
      const cause = entry ? diagnose(handPence, modelPence, (c) => variants.get(c.cause)!.practices[p]!.years[y]!.contributionPence) : handPence === modelPence ? 'matches' : yearCause;
      handByPractice[p]!.push({ pence: handPence, cause });
      const difference = handPence - modelPence;
      rows.push({ scope: 'practice_year', year: year.year, practiceKey: practice.key, practiceName: practice.name, handPence, modelPence, differencePence: difference, handDerived: !entry, cause, ...describe(difference, handPence, modelPence, cause, definition, !entry) });
    });
  });

  practices.forEach((practice, p) => {
    const handPence = handByPractice[p]!.reduce((a, h) => a + h.pence, 0);
    const modelPence = model.practices[p]!.totalPence;
    const cause = handPence === modelPence ? 'matches' : combine(handByPractice[p]!.map((h) => h.cause));
    const difference = handPence - modelPence;
    rows.push({ scope: 'practice', year: null, practiceKey: practice.key, practiceName: practice.name, handPence, modelPence, differencePence: difference, handDerived: false, cause, ...describe(difference, handPence, modelPence, cause, definition) });
  });

  const modelTotal = model.totals.contribution.total;
  const totalDifference = handTotal - modelTotal;
  const schemeCause = totalDifference === 0 ? 'matches' : combine(yearCauses);
  rows.push({ scope: 'scheme', year: null, practiceKey: null, practiceName: null, handPence: handTotal, modelPence: modelTotal, differencePence: totalDifference, handDerived: false, cause: schemeCause, ...describe(totalDifference, handTotal, modelTotal, schemeCause, definition) });

  const differing = model.years.filter((_, y) => yearCauses[y] !== 'matches').map((year) => year.year);
  return {
    label: hand.label,
    description: hand.description,
    compares: 'practices_contribution',
    rows,
    totalDifferencePence: totalDifference,
    summary:
      totalDifference === 0
        ? `${hand.label} agrees with the cost model in every year.`
        : `${hand.label} charges the practices ${formatPence(handTotal)} over ${model.years.length} years, ${direction(totalDifference, modelTotal)}: ${causeText(schemeCause, definition)}. The differences fall in ${differing.join(', ')}.`,
  };
}
