import { AppError } from '../errors.js';
import { apportion, sharesOf, type Apportionment } from './apportion.js';
import type { CostLine, SchemeDefinition } from './scheme-definition.js';
import type { SchemeWarning } from './scheme-warning.js';
import { ExactFigures } from './exact-figures.js';
import { Ratio, ratio, roundByRule, roundColumn, sum, toPence, totalColumn, ZERO, type ColumnTotal } from './rounding.js';

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

  constructor(year: string, contribution: Ratio, contributionPence: number) {
    super(contribution);
    this.year = year;
    this.contributionPence = contributionPence;
  }

  get contributionExact() {
    return this.exactText(0)!;
  }
}

class PracticeScheduleFigures extends ExactFigures implements PracticeSchedule {
  static readonly exactFields = ['share', 'totalExact'];
  declare readonly practiceKey: string;
  declare readonly practiceName: string;
  declare readonly listSize: number | null;
  declare readonly sharePercent: number;
  declare readonly years: PracticeSchedule['years'];
  declare readonly totalPence: number;

  constructor(figures: Omit<PracticeSchedule, 'share' | 'totalExact'>, share: Ratio, total: Ratio) {
    super(share, total);
    this.practiceKey = figures.practiceKey;
    this.practiceName = figures.practiceName;
    this.listSize = figures.listSize;
    this.sharePercent = figures.sharePercent;
    this.years = figures.years;
    this.totalPence = figures.totalPence;
  }

  get share() {
    return this.exactText(0)!;
  }

  get totalExact() {
    return this.exactText(1)!;
  }
}

export interface MultiYearSchedule {
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
      warnings.push({ severity: 'warning', code: 'funding_exceeds_cost', practiceKey: null, message: `in ${year} the funding is more than the cost: the practices' contribution is negative` });
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

  // Per practice and year: round(share × the unrounded year figure), column by column.
  const exactByYear = yearFigures.map((y) => apportion(y.contribution, apportionment));
  const roundedByYear = exactByYear.map((column) => roundColumn(column, rounding.contribution));
  // A practice's shares of each year add up to its share of all the years together, exactly.
  const practiceTotalsExact = apportion(sum(yearFigures.map((y) => y.contribution)), apportionment);
  const practiceTotalsRounded = roundColumn(practiceTotalsExact, rounding.contribution);
  const shares = sharesOf(apportionment);
  const practices = apportionment.weights.map((w, p): PracticeSchedule => {
    const share = shares[p]!;
    return new PracticeScheduleFigures(
      {
        practiceKey: w.practice.key,
        practiceName: w.practice.name,
        listSize: w.practice.listSize ?? null,
        sharePercent: roundByRule(share.times(100), rounding.sharePercent).toNumber(),
        years: yearFigures.map((y, i) => new PracticeYearFigures(y.year, exactByYear[i]![p]!, toPence(roundedByYear[i]![p]!))),
        totalPence: toPence(practiceTotalsRounded[p]!),
      },
      share,
      practiceTotalsExact[p]!,
    );
  });

  const grossColumn = yearFigures.map((y) => y.gross);
  const roundedGross = grossColumn.map((g) => roundByRule(g, rounding.cost));
  const fundingColumn = yearFigures.map((y) => y.fundingTotal);
  const contributionColumn = yearFigures.map((y) => y.contribution);
  const n = yearFigures.length;
  const later = grossColumn.slice(1);
  return {
    years: yearSchedules,
    practices,
    listSizeTotal: listSizeTotal ? listSizeTotal.toNumber() : null,
    totals: {
      gross: totalColumn('gross_cost', grossColumn, roundedGross, rounding.cost, rounding.totals, true),
      funding: totalColumn('funding', fundingColumn, fundingColumn.map((f) => roundByRule(f, rounding.cost)), rounding.cost, rounding.totals, true),
      contribution: totalColumn('practices_contribution', contributionColumn, contributionColumn.map((c) => roundByRule(c, rounding.contribution)), rounding.contribution, rounding.totals, true),
      practicesByYear: yearFigures.map((y, i) => totalColumn(`contribution_${yearKey(y.year)}`, exactByYear[i]!, roundedByYear[i]!, rounding.contribution, rounding.totals, true)),
      practicesAllYears: totalColumn('contribution_total', practiceTotalsExact, practiceTotalsRounded, rounding.contribution, rounding.totals, true),
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
