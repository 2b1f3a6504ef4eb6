import { percentToBasisPoints } from '../percent.js';
import { invalid, type Problem } from '../errors.js';
import { cellAt, cellProblem, columnIndex, parseCsv, type TabularInput } from '../schemes/tabular-input.js';
import { normaliseFinancialYear } from './financial-year.js';
import { parsePounds } from './money.js';
import { parseDateText } from '../iso-date.js';
import { type IeSection, paymentFrequencies, type PaymentFrequency, savingBeneficiaries, type SavingBeneficiary, streamStatuses, type StreamStatus } from './types.js';

/** One column a finance file may have: the header names it goes by, whether it must be there and filled, how a cell is read. */
interface ColumnSpec<T> {
  names: readonly string[];
  required?: boolean;
  /** Returns the value, or throws an Error whose message says what is wrong. */
  read(cell: string): T;
}

type Specs = Record<string, ColumnSpec<unknown>>;
/** A row read: a required column's value always, an optional column's only when the file has the column. */
type RowOf<S extends Specs> = { [K in keyof S]: S[K] extends ColumnSpec<infer T> ? (S[K] extends { required: true } ? T : T | undefined) : never } & { line: number };

const oneOf = <T extends string>(values: readonly T[], what: string) => (cell: string): T => {
  const value = cell.toLowerCase().replace(/[\s-]+/g, '_') as T;
  if (!values.includes(value)) throw new Error(`"${cell}" is not a ${what}; use ${values.join(', ')}`);
  return value;
};
const textCell = (cell: string) => cell;
const optionalText = (cell: string) => cell || null;
const moneyCell = (allowNegative = false) => (cell: string) => {
  const pence = parsePounds(cell);
  if (pence < 0 && !allowNegative) throw new Error(`${cell} is negative; an amount here must be £0 or more`);
  return pence;
};
const optionalMoney = (cell: string) => (cell === '' ? null : moneyCell()(cell));
const wholeNumber = (max: number, what: string) => (cell: string) => {
  if (cell === '') return 0;
  if (!/^\d+$/.test(cell) || Number(cell) > max) throw new Error(`"${cell}" is not ${what}`);
  return Number(cell);
};
const percentCell = (cell: string) => {
  if (cell === '') return 0;
  try {
    return percentToBasisPoints(cell);
  } catch {
    throw new Error(`"${cell}" is not a percentage from 0 to 100`);
  }
};
/** A date as the other imports read one: YYYY-MM-DD, or DD/MM/YYYY as a spreadsheet saves it (01/04/2024 is 1 April). */
const dateCell = (cell: string) => {
  const read = parseDateText(cell);
  if ('error' in read) throw new Error(read.error);
  return read.date;
};

/**
 * Reads every row of a finance file against its column specs, collecting every problem with its
 * line and column; throws one `invalid` error naming them all, so nothing half-read is used.
 */
export function readFinanceRows<S extends Specs>(table: TabularInput, specs: S, defaults: Partial<Record<keyof S, string>> = {}): RowOf<S>[] {
  const problems: Problem[] = [];
  const index = Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, columnIndex(table, spec.names)]));
  for (const [key, spec] of Object.entries(specs)) {
    if (spec.required && index[key]! < 0 && defaults[key] === undefined) {
      // A value that may be given for the whole file (the running costs' year) says so.
      const hint = key in defaults ? `: add one, or give the ${spec.names[1] ?? spec.names[0]} of the whole file` : '';
      problems.push({ file: table.file, line: 1, message: `there is no ${spec.names[0]} column${hint}` });
    }
  }
  if (problems.length) throw invalid(`${table.file} is missing columns`, problems);
  const rows = table.rows.map((row) => {
    const out: Record<string, unknown> = { line: row.line };
    for (const [key, spec] of Object.entries(specs)) {
      if (index[key]! < 0 && defaults[key] === undefined && !spec.required) continue;
      const cell = index[key]! >= 0 ? cellAt(row, index[key]!) : (defaults[key] ?? '');
      if (spec.required && cell === '') {
        problems.push(cellProblem(table, row, index[key]!, `${spec.names[0]} is missing`));
        continue;
      }
      try {
        out[key] = spec.read(cell);
      } catch (error) {
        problems.push(cellProblem(table, row, index[key]!, (error as Error).message));
      }
    }
    return out as RowOf<S>;
  });
  if (!table.rows.length) problems.push({ file: table.file, line: 1, message: 'the file has no rows' });
  if (problems.length) throw invalid(`${table.file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`, problems);
  return rows;
}

/** A link to a scheme of the schemes engine, by its id or name; empty for none. */
const linkedSchemeColumn = { names: ['linked_scheme'], read: optionalText };

const year = { names: ['financial_year', 'financial year', 'year', 'fy'], required: true as const, read: normaliseFinancialYear };

export const incomeStreamColumns = {
  funder: { names: ['funder', 'commissioner'], required: true, read: textCell },
  name: { names: ['stream', 'service', 'scheme', 'name'], required: true, read: textCell },
  status: { names: ['status'], required: true, read: oneOf<StreamStatus>(streamStatuses, 'stream status') },
  financialYear: year,
  amountPence: { names: ['amount', 'amount_per_year'], required: true, read: moneyCell() },
  frequency: { names: ['payment_terms', 'frequency', 'paid'], read: (cell: string): PaymentFrequency => (cell === '' ? 'monthly' : oneOf(paymentFrequencies, 'payment frequency')(cell)) },
  arrearsMonths: { names: ['arrears_months', 'months_in_arrears', 'arrears'], read: wholeNumber(24, 'a number of months from 0 to 24') },
  practicesShareBasisPoints: { names: ['practices_share_percent', 'practices_share', 'paid_to_practices_percent'], read: percentCell },
  contractReference: { names: ['contract_reference', 'contract'], read: optionalText },
  endDate: { names: ['end_date', 'ends'], read: dateCell },
  /** The scheme (by its id, e.g. winter-access-2017-18, or its name) this stream pays for. */
  linkedScheme: linkedSchemeColumn,
} satisfies Specs;

export const costSavingColumns = {
  initiative: { names: ['scheme', 'initiative', 'name'], required: true, read: textCell },
  financialYear: year,
  expectedPence: { names: ['amount', 'expected', 'expected_saving'], required: true, read: moneyCell() },
  realisedPence: { names: ['realised', 'realised_saving', 'realized'], read: optionalMoney },
  beneficiary: { names: ['beneficiary', 'who_benefits', 'benefits'], read: (cell: string): SavingBeneficiary => (cell === '' ? 'practices' : oneOf(savingBeneficiaries, 'beneficiary')(cell)) },
  comment: { names: ['comment', 'note'], read: optionalText },
} satisfies Specs;

export const runningCostColumns = {
  financialYear: year,
  category: { names: ['category', 'budget_line', 'heading'], read: (cell: string) => cell || 'Unallocated' },
  label: { names: ['line', 'description'], required: true, read: textCell },
  amountPence: { names: ['amount'], required: true, read: moneyCell() },
  comment: { names: ['comment'], read: optionalText },
  frequency: { names: ['payment_terms', 'frequency', 'paid'], read: (cell: string): PaymentFrequency => (cell === '' ? 'monthly' : oneOf(paymentFrequencies, 'payment frequency')(cell)) },
  arrearsMonths: { names: ['arrears_months', 'arrears'], read: wholeNumber(24, 'a number of months from 0 to 24') },
} satisfies Specs;

/** The I&E forecast as the seed lays it out: section, line, amount, comment and whether a row is an item or a printed total. */
export const ieForecastColumns = {
  section: { names: ['section'], required: true, read: oneOf(['secured_income', 'potential_income', 'total_income', 'expenditure', 'result'] as const, 'section') },
  label: { names: ['line'], required: true, read: textCell },
  amountPence: { names: ['amount'], required: true, read: moneyCell(true) },
  comment: { names: ['comment'], read: optionalText },
  rowType: { names: ['row_type', 'type'], read: (cell: string) => (cell === '' ? 'item' : oneOf(['item', 'subtotal', 'total'] as const, 'row type')(cell)) },
  /** The income stream an income line is the federation's share of (by name), for scenarios. */
  stream: { names: ['stream', 'income_stream'], read: optionalText },
  /** The scheme (by its id or name) whose federation fee an income line is. */
  linkedScheme: linkedSchemeColumn,
} satisfies Specs;

export type IncomeStreamRow = RowOf<typeof incomeStreamColumns>;
export type CostSavingRow = RowOf<typeof costSavingColumns>;
export type RunningCostRow = RowOf<typeof runningCostColumns>;
export type IeForecastRow = RowOf<typeof ieForecastColumns>;

export const financeFileKinds = ['streams', 'savings', 'running-costs', 'ie'] as const;
export type FinanceFileKind = (typeof financeFileKinds)[number];

/** Reads one of the finance files from its text; `financialYear` fills a file that has no year column (the running costs and the I&E). */
export function readFinanceFile(kind: 'streams', text: string, file: string): IncomeStreamRow[];
export function readFinanceFile(kind: 'savings', text: string, file: string): CostSavingRow[];
export function readFinanceFile(kind: 'running-costs', text: string, file: string, financialYear?: string): RunningCostRow[];
export function readFinanceFile(kind: 'ie', text: string, file: string): IeForecastRow[];
export function readFinanceFile(kind: FinanceFileKind, text: string, file: string, financialYear?: string): unknown[] {
  const table = parseCsv(text, file);
  if (kind === 'streams') return readFinanceRows(table, incomeStreamColumns);
  if (kind === 'savings') return readFinanceRows(table, costSavingColumns);
  if (kind === 'running-costs') return readFinanceRows(table, runningCostColumns, { financialYear: financialYear || undefined });
  return readFinanceRows(table, ieForecastColumns);
}

export const ieSectionOf = (section: IeForecastRow['section']): IeSection | null => (section === 'secured_income' ? 'secured' : section === 'potential_income' ? 'potential' : null);
