/**
 * One way to turn a list into a table a person can take away: text for a terminal, CSV, XLSX.
 * Every list the product shows (API export endpoints, CLI --format) goes through here.
 */
import { dateInWords, formatDateTime } from '../../domain/iso-date.js';
import { actorName } from '../../domain/words.js';
import { formatCount, moneyColumnFormat, penceToPounds } from '../../domain/schemes/format-money.js';
import { guardFormula } from '../../domain/csv-guard.js';

export type Cell = string | number | boolean | null | undefined;

export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
  /** Right-align in text tables; numeric cell in XLSX. */
  numeric?: boolean;
  /** XLSX number format, e.g. '£#,##0.00' or '0.00%'. */
  numberFormat?: string;
  /** XLSX number format cell by cell, where a column holds pounds in some rows and counts in others. */
  cellFormat?: (row: T) => string;
  /** The values are ISO dates (2018-04-01): a workbook holds them as dates, to sort and filter as dates; a terminal writes 1 April 2018. */
  date?: boolean;
  /** The values are counts (list sizes, patients): a terminal groups their thousands, 327,255, as the pages do. */
  count?: boolean;
  /** The values are integer pence: a terminal shows £1,234.50, a CSV or workbook a number of pounds to add up. */
  pence?: boolean;
}

/** A value as a CSV or workbook holds it: pence become pounds. */
function fileValue<T>(column: Column<T>, row: T): Cell {
  const value = column.value(row);
  return column.pence && typeof value === 'number' ? penceToPounds(value) : value;
}

/** How a workbook shows pounds: £1,234.50. */
const XLSX_POUNDS_FORMAT = '£#,##0.00';
/** How a workbook shows a date: 1 Apr 2018. */
const XLSX_DATE_FORMAT = 'd mmm yyyy';

/** An ISO date as the date a workbook cell holds (midnight UTC, so no time zone can shift the day); other values as they are. */
function xlsxDate(value: Cell): Cell | Date {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : value;
}

export interface Sheet<T> {
  /** The sheet's name, as a key ("funder-totals", "plan-tasks") or already in words; tabs show it as `sheetTitle` words it. */
  name: string;
  /** Words for the tab where the key would read badly (a quality export's indicator). */
  title?: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
}

/** Keys whose tab needs more than a capital: an abbreviation, or a phrase. */
const sheetWords: Record<string, string> = {
  ie: 'I&E',
  'ie-lines': 'I&E lines',
  'contributions_year_1_cost': 'Contributions at year-1 cost',
  'stp-milestone-grid': 'STP milestone grid',
  'stp-actions': 'STP actions',
  'stp-deliverables': 'STP deliverables',
  'stp-milestones': 'STP milestones',
  'stp-outcomes': 'STP outcomes',
  'sub-contracts': 'Sub-contracts',
  'audit-log': 'Audit log',
};

/**
 * A workbook tab as people read one: "Funder totals", "Plan tasks", "I&E", not the key it is made
 * from; within Excel's 31 characters, and without the characters it refuses ([ ] : * ? / \).
 */
export function sheetTitle(sheet: Pick<Sheet<unknown>, 'name' | 'title'>): string {
  const words = sheet.title ?? sheetWords[sheet.name] ?? sheet.name.replace(/[-_]+/g, ' ');
  const title = words.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  // Excel also refuses a name that starts or ends with an apostrophe, and keeps "History" for itself.
  const fitted = `${title.charAt(0).toUpperCase()}${title.slice(1)}`.slice(0, 31).replace(/^['\s]+|['\s]+$/g, '');
  if (!fitted) return 'Sheet';
  return fitted.toLowerCase() === 'history' ? 'History (data)' : fitted;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * RFC 4180: quote a field only when it holds a comma, quote, CR or LF; also neutralise spreadsheet
 * formulas (`guardFormula`: a leading ' where a spreadsheet would run the text; every import undoes it).
 */
export function csvField(value: Cell): string {
  const text = typeof value === 'string' ? guardFormula(value) : cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(fileValue(c, row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A CSV file to download: with a byte-order mark, without which Excel on Windows reads UTF-8 as another code page and shows £ as Â£. */
export function toCsvFile<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  return `\uFEFF${toCsv(rows, columns)}`;
}

/** A table for a terminal, read by a person: money as £1,234 (or £1,234.50), counts grouped, dates as 1 April 2018. */
export function toTextTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  // The table's money in whole pounds, unless some amount in it has pence: then every money cell shows
  // them, to line up and to read alike across a row (allocated £341,798.00 beside drawn £263,497.60).
  const amounts = columns.filter((c) => c.pence).flatMap((c) => rows.map((row) => c.value(row)).filter((v): v is number => typeof v === 'number'));
  const format = moneyColumnFormat(amounts);
  const money = columns.map((c) => (c.pence ? format : undefined));
  const body = rows.map((row) =>
    columns.map((c, i) => {
      const value = c.value(row);
      if (typeof value === 'number' && money[i]) return money[i](value);
      if (typeof value === 'number' && c.count) return formatCount(value);
      return c.date && typeof value === 'string' ? dateInWords(value) : cellText(value);
    }),
  );
  // The cells of a money column carry £ here, so its heading need not ("Value", not "Value (£)").
  const headers = columns.map((c) => (c.pence ? c.header.replace(/ \(£\)$/, '') : c.header));
  const widths = columns.map((_, i) => Math.max(headers[i]!.length, ...body.map((cells) => cells[i]!.length)));
  const pad = (text: string, i: number) => (columns[i]!.numeric ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

export async function toXlsx(sheets: readonly Sheet<any>[], properties: { title?: string } = {}): Promise<Buffer> {
  // exceljs is large: load it only when a workbook is asked for.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'atscale';
  if (properties.title) workbook.title = properties.title;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetTitle(sheet));
    const cells = sheet.rows.map((row) => sheet.columns.map((c) => (c.date ? xlsxDate(c.value(row)) : fileValue(c, row)) ?? null));
    // Each column as wide as its header or its longest value (up to 60 characters; longer text wraps).
    const widest = sheet.columns.map((c, i) => Math.max(c.header.length, ...cells.slice(0, 2000).map((values) => (values[i] instanceof Date ? XLSX_DATE_FORMAT.length + 1 : cellText(values[i] as Cell).length))));
    ws.columns = sheet.columns.map((c, i) => ({ header: c.header, width: Math.max(10, Math.min(60, widest[i]! + 2)), style: widest[i]! > 60 ? { alignment: { wrapText: true, vertical: 'top' } } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    // A filter on every column, as a spreadsheet user would add first.
    if (sheet.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    for (const values of cells) ws.addRow(values);
    sheet.columns.forEach((c, i) => {
      const format = c.numberFormat ?? (c.date ? XLSX_DATE_FORMAT : c.pence ? XLSX_POUNDS_FORMAT : undefined);
      if (format) ws.getColumn(i + 1).numFmt = format;
      const cellFormat = c.cellFormat;
      if (cellFormat) sheet.rows.forEach((row, r) => (ws.getCell(r + 2, i + 1).numFmt = cellFormat(row)));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A workbook's tab saying what it is, for someone reading it later or pasting it into a board
 * paper or an auditor's file: what it holds, as at when, and who produced it (`producedWords`).
 */
export function aboutSheet(lines: readonly (readonly [string, string])[]): Sheet<readonly [string, string]> {
  return { name: 'About', rows: lines, columns: [{ header: 'About this file', value: (line) => line[0] }, { header: '', value: (line) => line[1] }] };
}

/**
 * "26 November 2026 at 6:51pm by Jo Walker, with atscale": when a file was produced, as clocks in
 * England read it, and by whom. Every workbook's about sheet and every PDF says it so: two files from
 * the same day tell apart, and one found later says whose it was.
 */
export const producedWords = (actorLabel: string | null | undefined, at: Date = new Date()): string => `${formatDateTime(at)}${actorLabel ? ` by ${actorName(actorLabel)}` : ''}, with atscale`;
