import type { AllocationRow } from './allocation.js';
import { formatCount } from './format-money.js';
import { humanise } from '../words.js';
import { yearKey } from './multi-year.js';
import type { PaymentRow } from './payments.js';
import { decimalPlacesOf, exact } from './rounding.js';
import type { SchemeDefinition } from './scheme-definition.js';
import { contributionsLabel } from './contribution-basis.js';
import { columnWords, footingTableWords, type SchemeRun } from './run-scheme.js';
import { figure, money, num, pounds, POUNDS_UNIT, text, TOTAL_LABEL, type ReportColumn, type ReportRow, type ReportTable } from './report-columns.js';
import { contributionsTable, differencesTable, reallocationTable, scheduleTable, statementsTable, warningsTable } from './report-tables-more.js';

/** An exact figure shortened for a rule's wording: 66689.1666… → "66,689.17…". */
function approx(exactValue: string): string {
  const value = exact(exactValue);
  const shown = value.toDecimalPlaces(2);
  return `${formatCount(Number(shown.toString()))}${shown.equals(value) ? '' : '…'}`;
}

function practiceColumns(run: SchemeRun): ReportColumn[] {
  const rows = run.allocation.rows;
  return [
    text('practice', 'Practice'),
    text('ods_code', 'ODS code'),
    ...(rows.some((r) => r.locality) ? [text('locality', 'Locality')] : []),
    ...(rows.some((r) => r.cluster) ? [text('cluster', 'Cluster')] : []),
    ...(rows.some((r) => r.listSize !== null) ? [num('list_size', 'List size')] : []),
    num('share_pct', 'Share %', 2),
  ];
}

function quantityKey(run: SchemeRun): string {
  return run.allocation.per === 'week' ? `${run.allocation.unit}_per_week` : run.allocation.unit;
}

function allocationColumns(run: SchemeRun, definition: SchemeDefinition): ReportColumn[] {
  const a = run.allocation;
  const r = definition.rounding;
  const per = a.modelsPer === 'week' ? ' a week' : '';
  const unitDecimals = decimalPlacesOf(r.quantity);
  return [
    num(quantityKey(run), `${a.unitLabel.replace(/^./, (c) => c.toUpperCase())}${a.per === 'week' ? ' a week' : ''}`, unitDecimals),
    ...(a.weeks ? [num('per_week', 'A week', decimalPlacesOf(r.perWeek))] : []),
    ...definition.deliveryModels.flatMap((m) => [
      ...(a.rows[0]?.models.find((x) => x.modelId === m.id)?.hours !== null ? [num(`${m.id}_hours`, `${m.name} hours${per}`, decimalPlacesOf(r.hours))] : []),
      money(`${m.id}_cost`, `${m.name} cost${per} £`, decimalPlacesOf(r.cost)),
    ]),
  ];
}

function allocationCells(row: AllocationRow): ReportRow {
  const cells: ReportRow = {
    practice: row.practiceName,
    ods_code: row.odsCode,
    locality: row.locality,
    cluster: row.cluster,
    list_size: row.listSize,
    share_pct: row.sharePercent,
    per_week: row.perWeek,
  };
  for (const m of row.models) {
    cells[`${m.modelId}_hours`] = m.hours;
    cells[`${m.modelId}_cost`] = pounds(m.costPence);
  }
  return cells;
}

function allocationTotals(run: SchemeRun): ReportRow {
  const t = run.allocation.totals;
  const cells: ReportRow = { practice: TOTAL_LABEL, list_size: run.allocation.listSizeTotal, share_pct: 100, [quantityKey(run)]: t.quantity.total, per_week: t.perWeek?.total ?? null };
  for (const m of t.models) {
    cells[`${m.modelId}_hours`] = m.hours?.total ?? null;
    cells[`${m.modelId}_cost`] = pounds(m.cost.total);
  }
  return cells;
}

function paymentCells(row: PaymentRow): ReportRow {
  const cells: ReportRow = {
    takes_part: row.takesPart,
    delivered_total: row.deliveredTotal,
    allocated: row.allocated,
    above_allocation: row.aboveAllocation,
    delivered_cost: pounds(row.amountPence),
    federation_fee: pounds(row.feePence),
  };
  for (const m of row.models) cells[`${m.modelId}_delivered`] = m.delivered;
  return cells;
}

function paymentColumns(run: SchemeRun, definition: SchemeDefinition, full: boolean): ReportColumn[] {
  const r = definition.rounding;
  return [
    ...(full ? [text('takes_part', 'Takes part')] : []),
    ...definition.deliveryModels.map((m) => num(`${m.id}_delivered`, `${m.name} delivered`)),
    ...(full ? [num('delivered_total', 'Delivered'), num('allocated', 'Allocated'), num('above_allocation', 'Above allocation')] : []),
    money('delivered_cost', 'Delivered cost £', decimalPlacesOf(r.payment)),
    ...(full && run.payments?.fee?.percent != null ? [money('federation_fee', `${run.payments.fee.label}, on top £`, decimalPlacesOf(r.fee))] : []),
  ];
}

function paymentTotals(run: SchemeRun): ReportRow {
  const t = run.payments!.totals;
  const cells: ReportRow = { delivered_total: t.deliveredTotal, delivered_cost: pounds(t.amount.total), federation_fee: pounds(t.fee?.total), allocated: run.allocation.totals.quantity.total };
  for (const d of t.delivered) cells[`${d.modelId}_delivered`] = d.total;
  return cells;
}

function contributionColumns(run: SchemeRun, definition: SchemeDefinition): ReportColumn[] {
  if (!run.multiYear) return [];
  const decimals = decimalPlacesOf(definition.rounding.contribution);
  return [...run.multiYear.years.map((y) => money(`contribution_${yearKey(y.year)}`, `Contribution ${y.year} £`, decimals)), money('contribution_total', 'Contribution, all years £', decimals)];
}

function contributionCells(run: SchemeRun, index: number | 'total'): ReportRow {
  const m = run.multiYear;
  if (!m) return {};
  const cells: ReportRow = {};
  m.years.forEach((y, i) => {
    cells[`contribution_${yearKey(y.year)}`] = pounds(index === 'total' ? m.totals.practicesByYear[i]!.total : m.practices[index]!.years[i]!.contributionPence);
  });
  cells.contribution_total = pounds(index === 'total' ? m.totals.practicesAllYears.total : m.practices[index]!.totalPence);
  return cells;
}

/** One row per practice with a TOTAL row: allocation, then payments and yearly contributions where the scheme has them. */
export function overviewTable(run: SchemeRun, definition: SchemeDefinition): ReportTable {
  const columns = [...practiceColumns(run), ...allocationColumns(run, definition), ...(run.payments ? paymentColumns(run, definition, false) : []), ...contributionColumns(run, definition)];
  const rows = run.allocation.rows.map((row, i) => ({
    ...allocationCells(row),
    [quantityKey(run)]: row.quantity,
    ...(run.payments ? paymentCells(run.payments.rows[i]!) : {}),
    ...contributionCells(run, i),
  }));
  rows.push({ ...allocationTotals(run), ...(run.payments ? paymentTotals(run) : {}), ...contributionCells(run, 'total') });
  return { name: 'overview', title: run.multiYear ? `${run.scheme.name}. ${contributionsLabel(run.multiYear.basis)}` : run.scheme.name, columns, rows };
}

export function allocationTable(run: SchemeRun, definition: SchemeDefinition): ReportTable {
  const rows = run.allocation.rows.map((row) => ({ ...allocationCells(row), [quantityKey(run)]: row.quantity }));
  rows.push(allocationTotals(run));
  return { name: 'allocation', title: `Allocation ${run.allocation.basis === 'list_size' ? 'by list share' : `(${run.allocation.basis})`}`, columns: [...practiceColumns(run), ...allocationColumns(run, definition)], rows };
}

export function paymentsTable(run: SchemeRun, definition: SchemeDefinition): ReportTable | null {
  if (!run.payments) return null;
  const rows: ReportRow[] = run.payments.rows.map((row) => ({ practice: row.practiceName, ods_code: run.allocation.rows.find((a) => a.practiceKey === row.practiceKey)?.odsCode ?? null, ...paymentCells(row) }));
  rows.push({ practice: TOTAL_LABEL, ...paymentTotals(run) });
  return { name: 'payments', title: 'Payments on delivered activity', columns: [text('practice', 'Practice'), text('ods_code', 'ODS code'), ...paymentColumns(run, definition, true)], rows };
}

/** Scheme-level figures, each with the rule behind it; the footing differences are spelt out. */
export function summaryTable(run: SchemeRun): ReportTable {
  const rows: ReportRow[] = [];
  // Money and counts share the Value column: each money row says so, to be shown (and kept in a workbook) as pounds.
  const add = (metric: string, value: number | null, rule: string, unit: string | null = null) => rows.push({ metric, value, unit, rule });
  const addPounds = (metric: string, pence: number | null | undefined, rule: string) => add(metric, pounds(pence), rule, POUNDS_UNIT);
  const a = run.allocation;
  const unit = a.unit;
  // Money shared per head is allocated in pounds.
  const allocatedUnit = unit === 'gbp' ? POUNDS_UNIT : null;
  if (a.listSizeTotal !== null) add('list_size_total', a.listSizeTotal, 'sum of practice list sizes');
  if (a.per === 'patient') add('rate_per_patient', a.quantity, 'as the scheme states it; the pot is the rate × the combined list, unrounded', POUNDS_UNIT);
  add(`${unit}_allocated_total`, a.totals.quantity.total, a.totals.quantity.totalsRule === 'round_unrounded_sum' ? 'round(sum of unrounded practice allocations)' : 'sum of rounded practice allocations', allocatedUnit);
  add(`${unit}_sum_of_rounded_rows`, a.totals.quantity.sumOfRoundedRows, 'the rounded practice rows added up', allocatedUnit);
  const p = run.payments;
  if (p) {
    for (const d of p.totals.delivered) add(`${d.modelId}_${unit}_delivered`, d.total, 'sum of returns');
    add(`${unit}_delivered_total`, p.totals.deliveredTotal, 'all delivery models');
    addPounds('delivered_cost', p.totals.amount.total, p.totals.amount.totalsRule === 'round_unrounded_sum' ? `round(sum of unrounded practice costs) = round(${approx(p.totals.amount.exact)})` : 'sum of rounded practice costs');
    addPounds('delivered_cost_sum_of_rounded_rows', p.totals.amount.sumOfRoundedRows, 'the rounded practice rows added up');
    if (p.totals.fee) addPounds('federation_fee', p.totals.fee.total, p.fee?.percent != null ? `round(${p.fee.percent}% × unrounded delivered cost) = round(${approx(p.totals.fee.exact)})` : 'fixed fee');
    addPounds('grand_total', p.totals.grandTotal.total, `round(unrounded delivered cost + unrounded fee) = round(${approx(p.totals.grandTotal.exact)})`);
    addPounds('grand_total_sum_of_shown_parts', p.totals.grandTotal.sumOfRoundedRows, 'delivered cost + fee as shown');
  }
  const m = run.multiYear;
  if (m) {
    addPounds('gross_cost_total', m.totals.gross.total, `round(${approx(m.totals.gross.exact)})`);
    addPounds('funding_total', m.totals.funding.total, 'all funding sources, all years');
    addPounds('practices_contribution_total', m.totals.contribution.total, `${m.basis.label}: round(${approx(m.totals.contribution.exact)})`);
    const other = run.year1Schedule;
    if (other) addPounds('practices_contribution_total_year_1_cost', other.totals.contribution.total, `the other schedule, ${other.basis.label}: round(${approx(other.totals.contribution.exact)})`);
    addPounds('gross_cost_average_per_year', m.averages.grossPerYearPence, 'round(unrounded total ÷ years)');
    if (m.averages.grossAfterFirstYearPence !== null) addPounds('gross_cost_average_years_2_on', m.averages.grossAfterFirstYearPence, 'round(unrounded years 2 onwards ÷ their number)');
    addPounds('cost_per_patient_average', m.averages.costPerPatientPence, 'round(unrounded total ÷ years ÷ combined list)');
    addPounds('contribution_per_patient_average', m.averages.contributionPerPatientPence, 'round(unrounded contributions ÷ years ÷ combined list)');
  }
  if (run.differences) addPounds('hand_schedule_total', run.differences.rows.find((d) => d.scope === 'scheme')?.handPence, run.differences.label);
  if (run.differences) addPounds('hand_schedule_difference', run.differences.totalDifferencePence, `${run.differences.label} less the cost model (negative: short)`);
  return { name: 'summary', title: 'Summary', columns: [text('metric', 'Metric'), figure('value', 'Value', 'unit'), text('rule', 'Rule')], rows };
}

export function footingTable(run: SchemeRun): ReportTable {
  return {
    name: 'footing',
    title: 'Footing notes: which rule each TOTAL uses, and where the rounded rows do not add up to it',
    // Money and counts share these columns: each row says which it holds (£ in pence-free pounds, or a count).
    columns: [text('table', 'Table'), text('column', 'Column'), figure('total', 'TOTAL', 'unit'), figure('sum_of_rounded_rows', 'Rows add to', 'unit'), figure('difference', 'Difference', 'unit'), text('note', 'Note')],
    rows: run.footing.map((f) => ({
      table: humanise(footingTableWords[f.table] ?? f.table),
      column: columnWords(f.column),
      unit: f.money ? POUNDS_UNIT : null,
      total: f.money ? pounds(f.total) : f.total,
      sum_of_rounded_rows: f.money ? pounds(f.sumOfRoundedRows) : f.sumOfRoundedRows,
      difference: f.money ? pounds(f.footingDifference) : f.footingDifference,
      note: `${f.totalsRule}; rows: ${f.rowRule}`,
    })),
  };
}

/** Every table of a run, in reading order; tables a scheme does not have are left out. */
export function schemeReportTables(run: SchemeRun, definition: SchemeDefinition): ReportTable[] {
  return [
    overviewTable(run, definition),
    allocationTable(run, definition),
    paymentsTable(run, definition),
    summaryTable(run),
    footingTable(run),
    scheduleTable(run, definition),
    contributionsTable(run, definition),
    contributionsTable(run, definition, 'year_1'),
    differencesTable(run),
    reallocationTable(run),
    statementsTable(run),
    warningsTable(run),
  ].filter((t): t is ReportTable => t !== null);
}
