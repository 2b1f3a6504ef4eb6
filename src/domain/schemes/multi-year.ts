import { AppError } from '../errors.js';
import { contributionBasis, type ContributionBasis } from './contribution-basis.js';
import { sharePercentsOf, sharesOf, type Apportionment } from './apportion.js';
import type { CostLine, SchemeDefinition } from './scheme-definition.js';
import type { SchemeWarning } from './scheme-warning.js';
import { ExactFigures } from './exact-figures.js';
import { Ratio, ratio, roundByRule, roundColumnOf, stepsAsFigure, sum, toPence, totalColumn, totalColumnSteps, ZERO, type ColumnTotal } from './rounding.js';

export interface CostLineYear {
  label: string;
  uplifted: boolean;
  exact: string;
  pence: number;
}

export interface YearSchedule {
  year: string;
  /** (1 + uplift)^(year − 1): 1, 1.02, 1.0404, 1.061208 … */
  upliftFactor: string;
  lines: CostLineYear[];
  grossExact: string;
  grossPence: number;
  funding: { source: string; pence: number }[];
  fundingExact: string;
  fundingPence: number;
  /** Gross cost less funding: what the practices pay between them. */
  contributionExact: string;
  contributionPence: number;
  costPerPatientPence: number | null;
  contributionPerPatientPence: number | null;
}

export interface PracticeSchedule {
  practiceKey: string;
  practiceName: string;
  listSize: number | null;
  share: string;
  sharePercent: number;
  years: { year: string; contributionExact: string; contributionPence: number }[];
  totalExact: string;
  totalPence: number;
}

class PracticeYearFigures extends ExactFigures {
  static readonly exactFields = ['contributionExact'];
  declare readonly year: string;
  declare readonly contributionPence: number;
  // The year's contribution and the practice's share: the exact figure is their product, worked out when read.
  readonly #whole: Ratio;
  readonly #share: Ratio;

  constructor(year: string, whole: Ratio, share: Ratio, contributionPence: number) {
    super();
    this.#whole = whole;
    this.#share = share;
    this.year = year;
    this.contributionPence = contributionPence;
  }

  get contributionExact() {
    return this.#whole.times(this.#share).toString();
  }
}

/** Each year's contribution and its rounded column, shared by every practice's row of one schedule. */
interface YearColumns {
  years: readonly string[];
  wholes: readonly Ratio[];
  steps: readonly (readonly number[])[];
  pence: (steps: number) => number;
}

class PracticeScheduleFigures extends ExactFigures implements PracticeSchedule {
  // `years` too is made when read: a run over every practice in England need not hold four more objects per practice.
  static readonly exactFields = ['share', 'totalExact', 'years'];
  declare readonly practiceKey: string;
  declare readonly practiceName: string;
  declare readonly listSize: number | null;
  declare readonly sharePercent: number;
  declare readonly totalPence: number;
  readonly #share: Ratio;
  /** All the years' contributions together: the practice's total is its share of it, worked out when read. */
  readonly #allYears: Ratio;
  readonly #columns: YearColumns;
  readonly #index: number;

  constructor(figures: Omit<PracticeSchedule, 'share' | 'totalExact' | 'years'>, share: Ratio, allYears: Ratio, columns: YearColumns, index: number) {
    super();
    this.#share = share;
    this.#allYears = allYears;
    this.#columns = columns;
    this.#index = index;
    this.practiceKey = figures.practiceKey;
    this.practiceName = figures.practiceName;
    this.listSize = figures.listSize;
    this.sharePercent = figures.sharePercent;
    this.totalPence = figures.totalPence;
  }

  get share() {
    return this.#share.toString();
  }

  get totalExact() {
    return this.#allYears.times(this.#share).toString();
  }

  get years(): PracticeSchedule['years'] {
    const { years, wholes, steps, pence } = this.#columns;
    return years.map((year, i) => new PracticeYearFigures(year, wholes[i]!, this.#share, pence(steps[i]![this.#index]!)));
  }
}

export interface MultiYearSchedule {
  /** Which cost the contributions take the funding off: said wherever the schedule is shown. */
  basis: ContributionBasis;
  years: YearSchedule[];
  practices: PracticeSchedule[];
  listSizeTotal: number | null;
  totals: {
    gross: ColumnTotal;
    funding: ColumnTotal;
    contribution: ColumnTotal;
    /** Each year's practice contributions added up, against the year's contribution. */
    practicesByYear: ColumnTotal[];
    practicesAllYears: ColumnTotal;
  };
  averages: {
    grossPerYearPence: number;
    /** The average of years 2 onwards (the seed quotes it for the pharmacist scheme); null for a one-year scheme. */
    grossAfterFirstYearPence: number | null;
    costPerPatientPence: number | null;
    contributionPerPatientPence: number | null;
  };
  warnings: SchemeWarning[];
}

/** A what-if on the cost model, used to find the cause of a difference from a hand schedule. */
export interface CostModelVariant {
  withoutUplift?: boolean;
  withoutFixedLines?: boolean;
  withoutFunding?: boolean;
}

/** A financial year as a column key: 2018/19 → 2018_19. */
export function yearKey(year: string): string {
  return year.replace(/[^0-9a-z]+/gi, '_');
}

function lineAmount(line: CostLine): Ratio {
  return line.amount !== undefined ? ratio(line.amount) : ratio(line.unitCost ?? 0).times(line.quantity ?? 1);
}

/** A year's gross cost: the base lines uplifted by (1 + uplift)^(year − 1), plus fixed lines that never uplift. */
export function yearCostLines(definition: SchemeDefinition, yearIndex: number, variant: CostModelVariant = {}): { factor: Ratio; lines: { label: string; uplifted: boolean; amount: Ratio }[] } {
  const model = definition.costModel;
  if (!model) throw new AppError('invalid', 'The scheme has no cost model', { problems: [{ field: 'costModel', message: 'needed for a multi-year schedule' }] });
  const uplift = variant.withoutUplift ? ZERO : ratio(model.annualUpliftPercent).div(100);
  const factor = Ratio.ONE.plus(uplift).pow(yearIndex);
  const base = model.base.map((line) => ({ label: line.label, uplifted: true, amount: lineAmount(line).times(factor) }));
  const fixed = variant.withoutFixedLines ? [] : model.fixedLines.map((line) => ({ label: line.label, uplifted: false, amount: lineAmount(line) }));
  return { factor, lines: [...base, ...fixed] };
}

/**
 * Multi-year cost sharing: each year's cost (uplifted base plus fixed lines) less that year's
 * funding is what the practices pay, shared by the scheme's basis. Every money cell is rounded once
 * from the unrounded scheme figure (round(share × contribution)), and per-patient figures divide the
 * unrounded cost by the combined list.
 */
export function buildMultiYearSchedule(definition: SchemeDefinition, apportionment: Apportionment, variant: CostModelVariant = {}): MultiYearSchedule {
  const years = definition.period.financialYears ?? [];
  const { rounding } = definition;
  const listSizes = apportionment.weights.map((w) => w.practice.listSize);
  const listSizeTotal = listSizes.every((n) => n !== undefined) ? sum(listSizes.map((n) => ratio(n!))) : null;
  const perPatient = (amount: Ratio) => (listSizeTotal && !listSizeTotal.isZero() ? toPence(roundByRule(amount.div(listSizeTotal), rounding.perPatient)) : null);
  const warnings: SchemeWarning[] = [];

  const yearFigures = years.map((year, index) => {
    const { factor, lines } = yearCostLines(definition, index, variant);
    const gross = sum(lines.map((l) => l.amount));
    const funding = definition.fundingSources.map((s) => ({ source: s.source, amount: variant.withoutFunding ? ZERO : ratio(s.amounts[index] ?? 0) }));
    const fundingTotal = sum(funding.map((f) => f.amount));
    const contribution = gross.minus(fundingTotal);
    if (contribution.isNegative()) {
      warnings.push({ severity: 'warning', code: 'funding_exceeds_cost', practiceKey: null, message: `in ${year} the funding is more than the cost: the practices’ contribution is negative` });
    }
    return { year, factor, lines, gross, funding, fundingTotal, contribution };
  });

  const yearSchedules = yearFigures.map((y): YearSchedule => ({
    year: y.year,
    upliftFactor: y.factor.toString(),
    lines: y.lines.map((l) => ({ label: l.label, uplifted: l.uplifted, exact: l.amount.toString(), pence: toPence(roundByRule(l.amount, rounding.cost)) })),
    grossExact: y.gross.toString(),
    grossPence: toPence(roundByRule(y.gross, rounding.cost)),
    funding: y.funding.map((f) => ({ source: f.source, pence: toPence(roundByRule(f.amount, rounding.cost)) })),
    fundingExact: y.fundingTotal.toString(),
    fundingPence: toPence(roundByRule(y.fundingTotal, rounding.cost)),
    contributionExact: y.contribution.toString(),
    contributionPence: toPence(roundByRule(y.contribution, rounding.contribution)),
    costPerPatientPence: perPatient(y.gross),
    contributionPerPatientPence: perPatient(y.contribution),
  }));

  // Per practice and year: round(share × the unrounded year figure), column by column, worked out
  // as `apportion` does. A row works its exact figure out again when read, so no column of ratios is kept.
  const shares = sharesOf(apportionment);
  const wholes = yearFigures.map((y) => y.contribution.reduced());
  const byYear = wholes.map((whole) => roundColumnOf(shares.length, (p) => whole.times(shares[p]!), rounding.contribution));
  // A practice's shares of each year add up to its share of all the years together, exactly.
  const allYearsWhole = sum(yearFigures.map((y) => y.contribution)).reduced();
  const allYears = roundColumnOf(shares.length, (p) => allYearsWhole.times(shares[p]!), rounding.contribution);
  const percents = sharePercentsOf(apportionment, rounding.sharePercent);
  const pence = (steps: number) => stepsAsFigure(steps, rounding.contribution, true);
  // Plain loops: under tsx a closure made per row is named as it is made.
  const columns: YearColumns = { years: yearFigures.map((y) => y.year), wholes, steps: byYear.map((column) => column.steps), pence };
  const practices: PracticeSchedule[] = new Array(apportionment.weights.length);
  for (let p = 0; p < practices.length; p++) {
    const practice = apportionment.weights[p]!.practice;
    practices[p] = new PracticeScheduleFigures(
      { practiceKey: practice.key, practiceName: practice.name, listSize: practice.listSize ?? null, sharePercent: percents[p]!, totalPence: pence(allYears.steps[p]!) },
      shares[p]!,
      allYearsWhole,
      columns,
      p,
    );
  }

  const grossColumn = yearFigures.map((y) => y.gross);
  const roundedGross = grossColumn.map((g) => roundByRule(g, rounding.cost));
  const fundingColumn = yearFigures.map((y) => y.fundingTotal);
  const contributionColumn = yearFigures.map((y) => y.contribution);
  const n = yearFigures.length;
  const later = grossColumn.slice(1);
  return {
    // The what-ifs without fixed lines or funding only find a hand schedule's cause and are never shown.
    basis: contributionBasis(definition, variant.withoutUplift ? 'year_1_cost' : 'uplifted_cost'),
    years: yearSchedules,
    practices,
    listSizeTotal: listSizeTotal ? listSizeTotal.toNumber() : null,
    totals: {
      gross: totalColumn('gross_cost', grossColumn, roundedGross, rounding.cost, rounding.totals, true),
      funding: totalColumn('funding', fundingColumn, fundingColumn.map((f) => roundByRule(f, rounding.cost)), rounding.cost, rounding.totals, true),
      contribution: totalColumn('practices_contribution', contributionColumn, contributionColumn.map((c) => roundByRule(c, rounding.contribution)), rounding.contribution, rounding.totals, true),
      practicesByYear: yearFigures.map((y, i) => totalColumnSteps(`contribution_${yearKey(y.year)}`, byYear[i]!.exactTotal, byYear[i]!.steps, rounding.contribution, rounding.totals, true)),
      practicesAllYears: totalColumnSteps('contribution_total', allYears.exactTotal, allYears.steps, rounding.contribution, rounding.totals, true),
    },
    averages: {
      grossPerYearPence: n ? toPence(roundByRule(sum(grossColumn).div(n), rounding.cost)) : 0,
      grossAfterFirstYearPence: later.length ? toPence(roundByRule(sum(later).div(later.length), rounding.cost)) : null,
      costPerPatientPence: n ? perPatient(sum(grossColumn).div(n)) : null,
      contributionPerPatientPence: n ? perPatient(sum(contributionColumn).div(n)) : null,
    },
    warnings,
  };
}
