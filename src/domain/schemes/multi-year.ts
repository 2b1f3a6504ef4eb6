import type { Decimal } from 'decimal.js';
import { AppError } from '../errors.js';
import { apportion, shareOf, type Apportionment } from './apportion.js';
import type { CostLine, SchemeDefinition } from './scheme-definition.js';
import type { SchemeWarning } from './scheme-warning.js';
import { exact, roundByRule, roundColumn, sum, toPence, totalColumn, ZERO, type ColumnTotal } from './rounding.js';

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

function lineAmount(line: CostLine): Decimal {
  return line.amount !== undefined ? exact(line.amount) : exact(line.unitCost ?? 0).times(line.quantity ?? 1);
}

/** A year's gross cost: the base lines uplifted by (1 + uplift)^(year − 1), plus fixed lines that never uplift. */
export function yearCostLines(definition: SchemeDefinition, yearIndex: number, variant: CostModelVariant = {}): { factor: Decimal; lines: { label: string; uplifted: boolean; amount: Decimal }[] } {
  const model = definition.costModel;
  if (!model) throw new AppError('invalid', 'The scheme has no cost model', { problems: [{ field: 'costModel', message: 'needed for a multi-year schedule' }] });
  const uplift = variant.withoutUplift ? ZERO : exact(model.annualUpliftPercent).div(100);
  const factor = exact(1).plus(uplift).pow(yearIndex);
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
  const listSizeTotal = listSizes.every((n) => n !== undefined) ? sum(listSizes.map((n) => exact(n!))) : null;
  const perPatient = (amount: Decimal) => (listSizeTotal && !listSizeTotal.isZero() ? toPence(roundByRule(amount.div(listSizeTotal), rounding.perPatient)) : null);
  const warnings: SchemeWarning[] = [];

  const yearFigures = years.map((year, index) => {
    const { factor, lines } = yearCostLines(definition, index, variant);
    const gross = sum(lines.map((l) => l.amount));
    const funding = definition.fundingSources.map((s) => ({ source: s.source, amount: variant.withoutFunding ? ZERO : exact(s.amounts[index] ?? 0) }));
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
  const practiceTotalsExact = apportionment.weights.map((_, p) => sum(exactByYear.map((column) => column[p]!)));
  const practiceTotalsRounded = roundColumn(practiceTotalsExact, rounding.contribution);
  const practices = apportionment.weights.map((w, p): PracticeSchedule => ({
    practiceKey: w.practice.key,
    practiceName: w.practice.name,
    listSize: w.practice.listSize ?? null,
    share: shareOf(apportionment, w.weight).toString(),
    sharePercent: roundByRule(shareOf(apportionment, w.weight).times(100), rounding.sharePercent).toNumber(),
    years: yearFigures.map((y, i) => ({ year: y.year, contributionExact: exactByYear[i]![p]!.toString(), contributionPence: toPence(roundedByYear[i]![p]!) })),
    totalExact: practiceTotalsExact[p]!.toString(),
    totalPence: toPence(practiceTotalsRounded[p]!),
  }));

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
