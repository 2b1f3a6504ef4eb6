import { penceToPounds } from './format-money.js';

/**
 * The tables a person sees for a scheme run, as plain data: the CLI prints them (text, CSV, XLSX),
 * the API exports them and the web renders them, so every surface shows the same rows and columns.
 * Keys are stable snake_case (CSV headers, JSON); labels are for people.
 */
export type ReportCell = string | number | null;
export type ReportRow = Record<string, ReportCell>;

export interface ReportColumn {
  key: string;
  label: string;
  /** `month`: a calendar month kept as YYYY-MM (CSV and workbooks keep it so), read as "April 2018". */
  kind: 'text' | 'number' | 'money' | 'month';
  /** Decimal places to show (money in pounds: 0 for whole pounds, 2 for pence). */
  decimals?: number;
  /**
   * A number column that holds money in some rows and counts in others (a summary's values): the row's
   * cell under this key is '£' where the figure is pounds, so each cell is shown, and kept in a workbook, as what it is.
   */
  unitKey?: string;
}

/** The unit a mixed column's row gives for money. */
export const POUNDS_UNIT = '£';

/** Whether this cell of this row is money: a money column, or a mixed column whose row says '£'. */
export const isMoneyCell = (column: ReportColumn, row?: ReportRow): boolean =>
  column.kind === 'money' || (column.unitKey !== undefined && row?.[column.unitKey] === POUNDS_UNIT);

export interface ReportTable {
  name: 'overview' | 'allocation' | 'payments' | 'summary' | 'footing' | 'schedule' | 'contributions' | 'contributions_year_1_cost' | 'differences' | 'reallocation' | 'statements' | 'warnings';
  title: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}

export const TOTAL_LABEL = 'TOTAL';

export const text = (key: string, label: string): ReportColumn => ({ key, label, kind: 'text' });
export const month = (key: string, label: string): ReportColumn => ({ key, label, kind: 'month' });
/** Whether a column's cells are figures, aligned to the right. */
export const isNumericColumn = (column: ReportColumn): boolean => column.kind === 'number' || column.kind === 'money';
export const num = (key: string, label: string, decimals?: number): ReportColumn => ({ key, label, kind: 'number', ...(decimals !== undefined ? { decimals } : {}) });
/** A figure that is money or a count as its row's `unitKey` cell says. */
export const figure = (key: string, label: string, unitKey: string): ReportColumn => ({ key, label, kind: 'number', unitKey });
export const money = (key: string, label: string, decimals = 0): ReportColumn => ({ key, label, kind: 'money', decimals });
export const pounds = (pence: number | null | undefined): number | null => (pence === null || pence === undefined ? null : penceToPounds(pence));

/** Formats a cell for text and CSV: fixed decimals where the column has them, blank for null. */
export function formatCell(column: ReportColumn, value: ReportCell): string {
  if (value === null) return '';
  if (typeof value === 'number' && column.decimals !== undefined) return value.toFixed(column.decimals);
  return String(value);
}

