import { anyHasPence } from '../schemes/format-money.js';
import { money, month, text, TOTAL_LABEL, type ReportColumn, type ReportRow } from '../schemes/report-columns.js';
import type { CashFlow } from './cash-flow.js';
import { type IncomeAndExpenditure, resultNoun } from './income-expenditure.js';
import { penceToPounds } from '../schemes/format-money.js';
import type { IeWithSchemeFees } from './scheme-money.js';
import { type DoubleCount, NO_FUNDER, type StreamTotals } from './stream-totals.js';
import { type CostSaving, type IncomeStream, type RunningCostLine, streamStatusLabels, termsLabel } from './types.js';
import { datedWords } from './dated-money.js';

/**
 * The finance tables as plain rows and columns (the same shape as the schemes' report tables):
 * the CLI prints them, the API exports them to CSV and XLSX, the web renders them and a board
 * pack can lay them out. Money cells are pounds; every total is added up here from the rows.
 */
export interface FinanceTable {
  name: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}

const pounds = penceToPounds;
const penceOf = (cell: ReportRow[string]) => (typeof cell === 'number' ? Math.round(cell * 100) : null);

/**
 * A table's money written one way throughout, as a page writes it: whole pounds unless some amount
 * in the table has pence, then pence in every money column. Side by side (streams, months, years),
 * £8,250 beside £5,835.33 and £0.00 beside £0 read as different kinds of figure.
 */
function asWritten(table: FinanceTable): FinanceTable {
  const money = table.columns.filter((c) => c.kind === 'money');
  const decimals = anyHasPence(table.rows.flatMap((r) => money.map((c) => penceOf(r[c.key] ?? null)))) ? 2 : 0;
  return { ...table, columns: table.columns.map((c) => (c.kind === 'money' ? { ...c, decimals } : c)) };
}
const yearKey = (year: string) => year.replace('/', '_');
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The streams with their yearly amounts; `schemeNames` names the scheme each linked stream pays for. */
export function streamsTable(streams: readonly IncomeStream[], years: readonly string[], schemeNames: ReadonlyMap<number, string> = new Map()): FinanceTable {
  const amountIn = (s: IncomeStream, y: string) => s.amounts.find((a) => a.financialYear === y)?.amountPence ?? 0;
  // A TOTAL row for each of secured and potential, never one of both: potential money is not won yet, and may be the secured money again.
  const totals = (['secured', 'potential'] as const).filter((status) => streams.some((s) => s.status === status)).map((status): ReportRow => {
    const of = streams.filter((s) => s.status === status);
    return { funder: TOTAL_LABEL, stream: null, status: streamStatusLabels[status], ...Object.fromEntries(years.map((y) => [yearKey(y), pounds(sum(of.map((s) => amountIn(s, y))))])), total: pounds(sum(of.flatMap((s) => years.map((y) => amountIn(s, y))))) };
  });
  return asWritten({
    name: 'streams',
    title: 'Income streams',
    columns: [text('funder', 'Funder'), text('stream', 'Service or scheme'), text('status', 'Status'), ...years.map((y) => money(yearKey(y), `${y} £`)), money('total', 'Total £'), text('payment_terms', 'Payment terms'), text('practices_share', 'Paid to practices'), text('contract_reference', 'Contract'), text('end_date', 'End date'), text('scheme', 'Pays for scheme')],
    rows: [...streams.map((s) => ({
      id: s.id,
      funder: s.funder,
      stream: s.name,
      status: streamStatusLabels[s.status],
      ...Object.fromEntries(years.map((y) => [yearKey(y), pounds(amountIn(s, y))])),
      total: pounds(sum(years.map((y) => amountIn(s, y)))),
      payment_terms: termsLabel(s),
      practices_share: s.practicesShareBasisPoints ? `${s.practicesShareBasisPoints / 100}%` : '',
      contract_reference: s.contractReference,
      end_date: s.endDate,
      scheme: s.schemeId === null ? null : (schemeNames.get(s.schemeId) ?? null),
    })), ...totals],
  });
}

/** Funder × financial year, secured and potential side by side, with the TOTAL row the seed prints. */
export function streamTotalsTable(totals: StreamTotals): FinanceTable {
  const columns = [text('funder', 'Funder'), ...totals.years.flatMap((y) => [money(`${yearKey(y)}_secured`, `${y} secured £`), money(`${yearKey(y)}_potential`, `${y} potential £`)]), money('secured', 'Secured £'), money('potential', 'Potential £')];
  const row = (funder: string, byYear: StreamTotals['byYear'], secured: number, potential: number): ReportRow => ({
    funder,
    ...Object.fromEntries(totals.years.flatMap((y) => [[`${yearKey(y)}_secured`, pounds(byYear[y]!.secured)], [`${yearKey(y)}_potential`, pounds(byYear[y]!.potential)]])),
    secured: pounds(secured),
    potential: pounds(potential),
  });
  return asWritten({ name: 'funder-totals', title: 'Income by funder and financial year', columns, rows: [...totals.funders.map((f) => row(f.funder, f.byYear, f.secured, f.potential)), row(TOTAL_LABEL, totals.byYear, totals.secured, totals.potential)] });
}

export function doubleCountingTable(found: readonly DoubleCount[]): FinanceTable {
  return asWritten({
    name: 'double-counting',
    title: 'Money counted twice',
    columns: [text('financial_year', 'Financial year'), text('stream', 'Stream'), money('secured', 'As secured £'), money('potential', 'As potential £'), text('message', 'What to do')],
    rows: found.map((f) => ({ financial_year: f.financialYear, stream: f.name, secured: pounds(f.securedPence), potential: pounds(f.potentialPence), message: f.message })),
  });
}

export function savingsTable(savings: readonly CostSaving[]): FinanceTable {
  const expected = sum(savings.map((s) => s.expectedPence));
  const realised = sum(savings.map((s) => s.realisedPence ?? 0));
  return asWritten({
    name: 'savings',
    title: 'Cost savings',
    columns: [text('initiative', 'Initiative'), text('financial_year', 'Financial year'), text('beneficiary', 'Who benefits'), money('expected', 'Expected £'), money('realised', 'Realised £')],
    rows: [
      ...savings.map((s) => ({ id: s.id, initiative: s.initiative, financial_year: s.financialYear, beneficiary: s.beneficiary === 'practices' ? 'Practices' : 'Federation', expected: pounds(s.expectedPence), realised: s.realisedPence === null ? null : pounds(s.realisedPence) })),
      // Realised is blank until known: with none known, the total is not 0 but blank too.
      { initiative: TOTAL_LABEL, financial_year: null, beneficiary: null, expected: pounds(expected), realised: savings.some((s) => s.realisedPence !== null) ? pounds(realised) : null },
    ],
  });
}

export function runningCostsTable(lines: readonly RunningCostLine[], financialYear: string): FinanceTable {
  return asWritten({
    name: 'running-costs',
    title: `Running costs ${financialYear}`,
    columns: [text('category', 'Budget line'), text('line', 'Line'), money('amount', 'Amount £'), text('payment_terms', 'Paid'), text('comment', 'Comment')],
    rows: [
      ...lines.map((l) => ({ id: l.id, category: l.category, line: l.line, amount: pounds(l.amountPence), payment_terms: termsLabel(l), comment: l.comment })),
      { category: TOTAL_LABEL, line: null, amount: pounds(sum(lines.map((l) => l.amountPence))), payment_terms: null, comment: null },
    ],
  });
}

/**
 * The I&E laid out as the seed prints it: secured lines and subtotal, potential lines and subtotal,
 * total income, running costs, the result. A single running-cost line is the running costs, so it
 * is not added up again beneath itself. Where there is potential income, the result on secured
 * income only comes first: the plan's printed result counts money not yet won.
 */
export function ieTable(ie: IncomeAndExpenditure): FinanceTable {
  const line = (section: string, label: string, pence: number, comment: string | null, rowType: 'item' | 'subtotal' | 'total'): ReportRow => ({ section, line: label, amount: pounds(pence), comment, row_type: rowType });
  const costsTotal = ie.runningCosts.length === 1 ? [] : [line('Expenditure', 'Running costs', ie.runningCostsPence, null, 'subtotal')];
  const securedOnly = ie.potentialPence === 0 ? [] : [line('Result', 'Surplus / deficit on secured income only', ie.securedResultPence, resultNoun(ie.securedResultPence), 'total')];
  return asWritten({
    name: 'ie',
    title: `Income and expenditure ${ie.financialYear}`,
    columns: [text('section', 'Section'), text('line', 'Line'), money('amount', 'Amount £'), text('comment', 'Comment'), text('row_type', 'Row')],
    rows: [
      ...ie.secured.map((l) => line('Secured income', l.line, l.amountPence, l.comment, 'item')),
      line('Secured income', 'Sub total (secured funds)', ie.securedPence, null, 'subtotal'),
      ...ie.potential.map((l) => line('Potential income', l.line, l.amountPence, l.comment, 'item')),
      line('Potential income', 'Sub total (potential income)', ie.potentialPence, null, 'subtotal'),
      line('Total income', 'Total income (secured + potential)', ie.totalIncomePence, null, 'total'),
      ...ie.runningCosts.map((l) => line('Expenditure', l.line, l.amountPence, l.comment, 'item')),
      ...costsTotal,
      ...securedOnly,
      line('Result', 'Surplus / deficit', ie.resultPence, securedOnly.length ? `${resultNoun(ie.resultPence)} if the potential income comes in` : resultNoun(ie.resultPence), 'total'),
    ],
  });
}

export function cashFlowTable(flow: CashFlow): FinanceTable {
  const totals = (key: 'receiptsPence' | 'practicePaymentsPence' | 'runningCostsPence' | 'netPence') => pounds(sum(flow.months.map((m) => m[key])));
  return asWritten({
    name: 'cash-flow',
    title: `Cash flow ${flow.financialYear}`,
    // A "Recorded dates" column only where some month's money is placed by a recorded invoice or payment.
    columns: [month('month', 'Month'), money('opening', 'Opening £'), money('receipts', 'Receipts £'), money('practice_payments', 'Paid to practices £'), money('running_costs', 'Running costs £'), money('net', 'Net £'), money('closing', 'Closing £'), text('below_threshold', 'Below threshold'), ...(flow.months.some((m) => datedWords(flow, m.month)) ? [text('recorded_dates', 'Recorded dates')] : [])],
    rows: [
      ...flow.months.map((m) => ({ month: m.month, opening: pounds(m.openingPence), receipts: pounds(m.receiptsPence), practice_payments: pounds(m.practicePaymentsPence), running_costs: pounds(m.runningCostsPence), net: pounds(m.netPence), closing: pounds(m.closingPence), below_threshold: m.belowThreshold ? 'Yes' : '', recorded_dates: datedWords(flow, m.month) })),
      { month: TOTAL_LABEL, opening: pounds(flow.openingPence), receipts: totals('receiptsPence'), practice_payments: totals('practicePaymentsPence'), running_costs: totals('runningCostsPence'), net: totals('netPence'), closing: pounds(flow.closingPence), below_threshold: flow.monthsBelowThreshold.length ? `${flow.monthsBelowThreshold.length} months` : '' },
    ],
  });
}

/**
 * The cash flow table as a CSV holds it, which has no About tab nor sentences beside it: the sentence
 * the page gives on the money recorded dates place (`datedMoneyNote`) in the TOTAL row's "Recorded
 * dates", the column's summary as "Below threshold" has the months', so the file says what the page says.
 */
export function cashFlowTableWithNote(table: FinanceTable, datedNote: string | null): FinanceTable {
  if (datedNote === null) return table;
  const columns = table.columns.some((c) => c.key === 'recorded_dates') ? table.columns : [...table.columns, text('recorded_dates', 'Recorded dates')];
  return { ...table, columns, rows: table.rows.map((r) => (r.month === TOTAL_LABEL ? { ...r, recorded_dates: datedNote } : r)) };
}

/**
 * What each stream pays in, month by month: a row a month, a column a stream (so a year's twelve
 * months fit a laptop's width), the month's receipts in all and a TOTAL row, which are the cash
 * flow's receipts. A stream is headed by its name, and its funder too where two share a name.
 */
export function receiptsTable(flow: CashFlow): FinanceTable {
  const key = (r: CashFlow['receipts'][number]) => `stream_${r.streamId}`;
  const heading = (r: CashFlow['receipts'][number]) => (flow.receipts.filter((o) => o.name === r.name).length > 1 ? `${r.name} (${r.funder || NO_FUNDER})` : r.name);
  return asWritten({
    name: 'receipts',
    title: `Receipts by stream ${flow.financialYear}`,
    columns: [month('month', 'Month'), ...flow.receipts.map((r) => money(key(r), `${heading(r)} £`)), money('total', 'Total £')],
    rows: [
      ...flow.months.map(({ month: m }) => ({ month: m, ...Object.fromEntries(flow.receipts.map((r) => [key(r), pounds(r.byMonth[m]!)])), total: pounds(sum(flow.receipts.map((r) => r.byMonth[m]!))) })),
      { month: TOTAL_LABEL, ...Object.fromEntries(flow.receipts.map((r) => [key(r), pounds(r.totalPence)])), total: pounds(sum(flow.receipts.map((r) => r.totalPence))) },
    ],
  });
}

/** The base and a scenario side by side: each measure, both values and the difference. */
export function scenarioComparisonTable(base: { ie: IncomeAndExpenditure; flow: CashFlow }, scenario: { ie: IncomeAndExpenditure; flow: CashFlow }, label: string): FinanceTable {
  const measures: [string, (s: typeof base) => number][] = [
    ['Secured income', (s) => s.ie.securedPence],
    ['Potential income', (s) => s.ie.potentialPence],
    ['Total income', (s) => s.ie.totalIncomePence],
    ['Running costs', (s) => s.ie.runningCostsPence],
    ['Surplus / deficit on secured income only', (s) => s.ie.securedResultPence],
    ['Surplus / deficit if the potential income comes in', (s) => s.ie.resultPence],
    ['Cash received in the year', (s) => sum(s.flow.months.map((m) => m.receiptsPence))],
    ['Closing cash balance', (s) => s.flow.closingPence],
    ['Lowest month-end balance', (s) => s.flow.lowestPence],
  ];
  return asWritten({
    name: 'scenario',
    title: `Base and scenario: ${label}`,
    columns: [text('measure', 'Measure'), money('base', 'Base £'), money('scenario', 'Scenario £'), money('difference', 'Difference £')],
    rows: measures.map(([measure, of]) => ({ measure, base: pounds(of(base)), scenario: pounds(of(scenario)), difference: pounds(of(scenario) - of(base)) })),
  });
}

/** The I&E lines that are a scheme's fee: planned, worked out by the schemes engine, and the result with the worked-out fees. */
export function schemeFeesTable(ie: IncomeAndExpenditure, fees: IeWithSchemeFees): FinanceTable {
  const rows: ReportRow[] = fees.lines.map((l) => ({
    line: l.line,
    scheme: l.scheme,
    planned: pounds(l.plannedPence),
    worked_out: l.workedOutPence === null ? null : pounds(l.workedOutPence),
    difference: l.differencePence === null ? null : pounds(l.differencePence),
    comment: l.workedOutPence === null ? `${l.note ?? 'Nothing worked out yet'}: the planned figure stands` : 'The federation’s fee on the activity recorded',
  }));
  if (rows.length) rows.push({ line: 'Surplus / deficit', scheme: null, planned: pounds(ie.resultPence), worked_out: pounds(fees.resultPence), difference: pounds(fees.differencePence), comment: `${resultNoun(fees.resultPence)} with the fees worked out` });
  return asWritten({
    name: 'scheme-fees',
    title: `Scheme fees in the I&E ${ie.financialYear}`,
    columns: [text('line', 'Line'), text('scheme', 'Scheme'), money('planned', 'Planned £'), money('worked_out', 'Worked out £'), money('difference', 'Difference £'), text('comment', 'Comment')],
    rows,
  });
}
