import { formatCell, isMoneyCell, type ReportCell, type ReportColumn, type ReportRow } from './report-columns.js';
import { humanise } from '../words.js';
import { monthLabel } from '../finance/financial-year.js';

/*
 * A report cell as a person reads it, on a page or in the command line's text table: the same
 * words and figures wherever the table is shown. CSV and workbooks keep plain numbers and keys
 * (`report-table-columns.ts`), to add up and to read back.
 */

/** Columns whose values are codes (snake_case) that read better as words: "no_uplift" → "No uplift". */
const codeColumns = new Set(['cause', 'code', 'scope', 'severity', 'takes_part', 'metric', 'reason']);

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(decimals: number | undefined): Intl.NumberFormat {
  const key = String(decimals ?? 'auto');
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', decimals === undefined ? { maximumFractionDigits: 4 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Money as "£66,689" (pence where the column has them, a true minus for shortfalls: "−£21,386"),
 * counts with thousands separators, codes as words, text as `formatCell` gives it. A column that mixes
 * money and counts needs the row, which says which each figure is.
 */
export function displayCell(column: ReportColumn, value: ReportCell, row?: ReportRow): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'month') return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? monthLabel(value) : String(value);
  if (typeof value === 'number' && column.kind !== 'text') {
    const money = isMoneyCell(column, row);
    // Money in a column of mixed figures is written as pounds are: whole, or with both pence (£32,725.50, not £32,725.5).
    const decimals = column.decimals ?? (money ? (Number.isInteger(value) ? 0 : 2) : undefined);
    const text = numberFormat(decimals).format(Math.abs(value));
    const sign = value < 0 && text.replace(/[0.,]/g, '') !== '' ? '−' : '';
    return money ? `${sign}£${text}` : `${sign}${text}`;
  }
  const text = formatCell(column, value);
  // A code may hold digits (practices_contribution_total_year_1_cost), but starts with a letter.
  return codeColumns.has(column.key) && /^[a-z][a-z0-9_]*$/.test(text) ? humanise(text) : text;
}

/** "Delivered cost £" → "Delivered cost": the cells carry the £. */
export const columnHeader = (column: ReportColumn) => (column.kind === 'money' ? column.label.replace(/\s*£$/, '') : column.label);
