import { formatDateTime, formatLongDate } from '../iso-date.js';
import { actorName, formatList, humanise } from '../words.js';
import { formatCount } from './format-money.js';
import type { ReportTable } from './report-columns.js';
import type { SchemeDefinition } from './scheme-definition.js';

/**
 * A scheme's terms in words, as the scheme page's summary list and `atscale scheme show` write
 * them, so the two cannot word a term differently: each a line of words, or a list of lines.
 */
export interface SchemeTerm {
  key: string;
  value: string | string[];
}

/** Pounds as a term writes them: whole pounds without pence (£30,000), else with them (£12.50). */
export const poundsAsWritten = (pounds: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: Number.isInteger(pounds) ? 0 : 2 }).format(pounds);

const basisText: Record<SchemeDefinition['apportionment']['basis'], string> = {
  list_size: 'By registered list size',
  weighted_list_size: 'By weighted list size',
  equal: 'In equal shares',
  fixed: 'By a fixed table of percentages',
};

export const unitLabel = (definition: SchemeDefinition) => definition.shared.label ?? humanise(definition.shared.unit).toLowerCase().replace('gbp', 'pounds');

export function periodText(definition: SchemeDefinition): string {
  const { start, end, weeks, financialYears } = definition.period;
  const parts = [
    start && end ? `${formatLongDate(start)} to ${formatLongDate(end)}` : start ? `From ${formatLongDate(start)}` : end ? `Until ${formatLongDate(end)}` : null,
    weeks ? `${formatCount(weeks)} weeks` : null,
    financialYears?.length ? `Financial ${financialYears.length === 1 ? 'year' : 'years'} ${formatList(financialYears)}` : null,
  ].filter((p): p is string => Boolean(p));
  return parts.join('; ');
}

function sharedText(definition: SchemeDefinition): string {
  const { quantity, per, unit } = definition.shared;
  const amount = unit === 'gbp' ? poundsAsWritten(quantity) : `${formatCount(quantity)} ${unitLabel(definition)}`;
  if (per === 'patient') return `${amount} for each registered patient of the practices taking part, at the list-size snapshot`;
  return per === 'week' ? `${amount} a week` : `${amount} over the scheme`;
}

function modelText(model: SchemeDefinition['deliveryModels'][number], definition: SchemeDefinition): string {
  if (model.unitsPerHour !== undefined && model.hourlyRate !== undefined) return `${model.name}: ${formatCount(model.unitsPerHour)} ${unitLabel(definition)} an hour at ${poundsAsWritten(model.hourlyRate)} an hour`;
  if (model.hourlyRate !== undefined) return `${model.name}: ${poundsAsWritten(model.hourlyRate)} an hour`;
  if (model.unitRate !== undefined) return `${model.name}: ${poundsAsWritten(model.unitRate)} each`;
  return model.name;
}

function feeText(definition: SchemeDefinition): string {
  const fee = definition.fee;
  if (!fee) return 'No fee';
  const amount = fee.percent !== undefined ? `${formatCount(fee.percent)}% of the delivered cost` : `${poundsAsWritten(fee.fixed ?? 0)} fixed`;
  // Said where the fee is set out, so a practice does not read it as taken from its payment.
  const onTop = `${amount}, charged to the funder on top (not taken from practices)`;
  return fee.label ? `${fee.label}: ${onTop}` : onTop;
}

function costLineText(line: NonNullable<SchemeDefinition['costModel']>['base'][number]): string {
  if (line.amount !== undefined) return `${line.label}: ${poundsAsWritten(line.amount)}`;
  return line.quantity !== undefined && line.quantity !== 1 ? `${line.label}: ${formatCount(line.quantity)} at ${poundsAsWritten(line.unitCost ?? 0)}` : `${line.label}: ${poundsAsWritten(line.unitCost ?? 0)}`;
}

/** The cost shared over several years and the funding set against it: none when the scheme has no cost model. */
function costTerms(definition: SchemeDefinition): SchemeTerm[] {
  const model = definition.costModel;
  if (!model) return [];
  const years = definition.period.financialYears ?? [];
  return [
    { key: 'Cost in the first year', value: model.base.map(costLineText) },
    { key: 'Annual uplift', value: model.annualUpliftPercent ? `${formatCount(model.annualUpliftPercent)}% a year from the second year` : 'None' },
    { key: 'Fixed costs each year', value: model.fixedLines.length ? model.fixedLines.map(costLineText) : 'None' },
    { key: 'Funding', value: definition.fundingSources.length ? definition.fundingSources.map((f) => `${f.source}: ${f.amounts.map((a, i) => `${poundsAsWritten(a)} in ${years[i] ?? `year ${i + 1}`}`).join(', ')}`) : 'None' },
  ];
}

/** The terms a version sets: funder, period, basis, what is shared, delivery models, fee, and the cost over several years. */
export function schemeTerms(definition: SchemeDefinition): SchemeTerm[] {
  return [
    { key: 'Funder', value: definition.funder },
    { key: 'Period', value: periodText(definition) },
    { key: 'Basis', value: basisText[definition.apportionment.basis] },
    { key: 'Shared', value: sharedText(definition) },
    { key: 'Delivery models', value: definition.deliveryModels.length ? definition.deliveryModels.map((m) => modelText(m, definition)) : 'None' },
    { key: 'Fee', value: feeText(definition) },
    ...costTerms(definition),
  ];
}

interface VersionFacts {
  approvedAt: string | Date | null;
  approvedBy: string | null;
  listSnapshotDate: string | null;
}

/** Who approved a version and when, and the list-size snapshot its practices' list sizes came from. */
export function approvalTerms(version: VersionFacts, definition: SchemeDefinition): SchemeTerm[] {
  return [
    { key: 'Approved', value: version.approvedAt ? `${formatDateTime(version.approvedAt)} by ${version.approvedBy ? actorName(version.approvedBy) : 'someone not recorded'}` : 'Not yet approved' },
    { key: 'List-size snapshot used', value: version.listSnapshotDate ? `${formatLongDate(version.listSnapshotDate)}${definition.listSnapshot?.name ? ` (${definition.listSnapshot.name})` : ''}` : 'List sizes as given in the scheme' },
  ];
}

/** What the funder is invoiced, from a run's summary table: the delivered cost, the fee (by its label) and the total; none without payments. */
export function invoiceTerms(summary: Pick<ReportTable, 'rows'>, definition: Pick<SchemeDefinition, 'fee'>): SchemeTerm[] {
  const value = (metric: string) => summary.rows.find((r) => r.metric === metric)?.value;
  return [
    { key: 'Delivered cost', metric: 'delivered_cost' },
    { key: definition.fee?.label ?? 'Fee', metric: 'federation_fee' },
    { key: 'Total to invoice', metric: 'grand_total' },
  ].flatMap(({ key, metric }) => {
    const v = value(metric);
    return typeof v === 'number' ? [{ key, value: poundsAsWritten(v) }] : [];
  });
}

