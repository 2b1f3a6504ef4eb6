import { AppError, type Problem } from '../../domain/errors.js';
import { aggregateUnits, findFunnelInputProblems, type FunnelUnit } from '../../domain/quality/funnel.js';
import type { FunnelMethod } from '../../domain/quality/funnel-transforms.js';
import { orderSeries, parsePeriod, type Period } from '../../domain/quality/periods.js';
import type { SpcPoint } from '../../domain/quality/spc.js';
import { readCsvRows } from '../../domain/registry/csv-rows.js';
import { readInputText } from '../read-input.js';

/**
 * Reading the quality commands' CSV files: the only place `atscale spc` and `atscale funnel` touch
 * the disk. Every problem names the file, line and column; the whole file is checked before any
 * problem is reported, and nothing is charted if anything is wrong. Blank lines are skipped and
 * counted; no data row is ever skipped, so a series cannot shift.
 */

export interface CsvTable {
  file: string;
  /** Column positions by lower-cased header name. */
  columns: Map<string, number>;
  rows: { line: number; cells: string[] }[];
  blankLines: number[];
}

/** Reads a CSV with a header row and checks it has the columns the command needs (others are ignored). */
export function readCsvTable(path: string, required: readonly string[]): CsvTable {
  const text = readInputText(path);
  const all: { line: number; cells: string[] }[] = [];
  const problems = readCsvRows(text, path, (row) => all.push({ line: row.line, cells: row.fields }));
  const lines = text.split(/\r\n|\n|\r/);
  const blankLines = lines.flatMap((l, i) => (l.trim() === '' && !(i === lines.length - 1 && l === '') ? [i + 1] : []));
  const rows = all.filter((r) => {
    if (r.cells.some((c) => c.trim() !== '')) return true;
    blankLines.push(r.line); // a row of empty cells (",,") is a blank line too
    return false;
  });
  if (problems.length > 0) throw new AppError('invalid', `${path} is not valid CSV`, { problems });
  const header = rows.shift();
  if (!header) throw new AppError('invalid', `${path} is empty: it needs a header row with ${required.join(', ')}`, { problems: [{ file: path, line: 1, message: 'no header row' }] });

  const columns = new Map<string, number>();
  header.cells.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (key && !columns.has(key)) columns.set(key, i);
  });
  const missing = required.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    const found = header.cells.map((c) => c.trim()).join(', ');
    throw new AppError('invalid', `${path} does not have the columns ${required.join(', ')}`, {
      problems: missing.map((name) => ({ file: path, line: header.line, column: name, message: `missing column '${name}' (the header has: ${found})` })),
    });
  }
  return { file: path, columns, rows, blankLines: blankLines.sort((a, b) => a - b) };
}

/** A strict decimal: no thousands separators, units or percent signs, which would otherwise be misread. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

function cellReader(table: CsvTable, problems: Problem[]) {
  return (row: { line: number; cells: string[] }, name: string) => {
    const column = table.columns.get(name)!;
    const text = (row.cells[column] ?? '').trim();
    const at = { file: table.file, line: row.line, column: column + 1 };
    return {
      text,
      number: (): number => {
        const value = parseNumber(text);
        if (value === null) problems.push({ ...at, message: text === '' ? `${name} is missing` : `${name} '${text}' is not a number` });
        return value ?? Number.NaN;
      },
      problem: (message: string) => problems.push({ ...at, message }),
    };
  };
}

/** What was skipped, for a person: "skipped 2 blank lines (4, 9)". Empty when nothing was. */
export function describeSkipped(table: CsvTable): string {
  const n = table.blankLines.length;
  if (n === 0) return '';
  const shown = table.blankLines.slice(0, 10).join(', ') + (n > 10 ? ', …' : '');
  return `skipped ${n} blank line${n === 1 ? '' : 's'} (${shown})`;
}

function failIfAny(table: CsvTable, problems: Problem[], what: string): void {
  if (problems.length === 0) return;
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  throw new AppError('invalid', `${table.file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; no ${what} was drawn`, { problems });
}

export interface SeriesFile {
  table: CsvTable;
  /** In period order. */
  points: SpcPoint[];
  periods: Period[];
}

/** period,value rows, ordered by period, with no gaps, duplicates or unreadable values. */
export function readSeriesFile(path: string): SeriesFile {
  const table = readCsvTable(path, ['period', 'value']);
  const problems: Problem[] = [];
  const cell = cellReader(table, problems);
  const parsed = table.rows.map((row) => {
    const periodCell = cell(row, 'period');
    const period = parsePeriod(periodCell.text);
    if (!period) periodCell.problem(`period '${periodCell.text}' is not a month (2024-03), a date (2024-03-01) or a whole number`);
    return { row, period, value: cell(row, 'value').number() };
  });
  if (parsed.length === 0) problems.push({ file: path, line: 2, message: 'there are no rows under the header' });
  // Gaps and duplicates are checked among the readable periods even when others are not, so one run reports everything.
  const dated = parsed.filter((p): p is typeof p & { period: Period } => p.period !== null);
  const { order, problems: seriesProblems } = orderSeries(dated.map((p) => p.period));
  for (const sp of seriesProblems) {
    const also = sp.duplicateOf === undefined ? '' : ` (also on line ${dated[sp.duplicateOf]!.row.line})`;
    problems.push({ file: path, line: dated[sp.index]!.row.line, column: table.columns.get('period')! + 1, message: sp.message + also });
  }
  failIfAny(table, problems, 'chart');
  const ordered = order.map((i) => dated[i]!);
  return { table, points: ordered.map((p) => ({ period: p.period.label, value: p.value })), periods: ordered.map((p) => p.period) };
}

/** Positions in the ordered series of the periods a rebase names; each must be one of the series' periods. */
export function rebaseIndices(series: SeriesFile, rebase: readonly string[]): number[] {
  const problems: Problem[] = [];
  const indices = rebase.map((token) => {
    const period = parsePeriod(token);
    const index = period ? series.periods.findIndex((p) => p.kind === period.kind && p.ordinal === period.ordinal) : -1;
    if (index < 0) problems.push({ field: 'rebase', message: `rebase period '${token}' is not one of the periods in ${series.table.file}` });
    return index;
  });
  if (problems.length > 0) throw new AppError('invalid', 'Cannot rebase there', { problems });
  return indices;
}

export interface UnitsFile {
  table: CsvTable;
  units: FunnelUnit[];
  /** The line each unit came from (its first line when rows were aggregated). */
  lines: number[];
  aggregatedRows: number;
}

/** unit,numerator,denominator rows, checked against the funnel method's rules. */
export function readUnitsFile(path: string, method: FunnelMethod, aggregate: boolean): UnitsFile {
  const table = readCsvTable(path, ['unit', 'numerator', 'denominator']);
  const problems: Problem[] = [];
  const cell = cellReader(table, problems);
  const rows = table.rows.map((row) => ({ unit: cell(row, 'unit').text, numerator: cell(row, 'numerator').number(), denominator: cell(row, 'denominator').number() }));
  // Sums of unreadable numbers mean nothing, so aggregation waits for a clean file.
  if (aggregate) failIfAny(table, problems, 'funnel');

  const units = aggregate ? aggregateUnits(rows) : rows;
  const firstLine = new Map<string, number>();
  table.rows.forEach((row, i) => firstLine.has(rows[i]!.unit) || firstLine.set(rows[i]!.unit, row.line));
  const lines = aggregate ? units.map((u) => firstLine.get(u.unit)!) : table.rows.map((r) => r.line);
  const reported = new Set(problems.map((p) => `${p.line}:${p.column}`));
  for (const p of findFunnelInputProblems(units, method)) {
    const at = { file: path, line: lines[p.index]!, column: table.columns.get(p.field)! + 1 };
    const also = p.duplicateOf === undefined ? '' : ` (also on line ${lines[p.duplicateOf]}; --aggregate sums such rows)`;
    if (!reported.has(`${at.line}:${at.column}`)) problems.push({ ...at, message: p.message + also });
  }
  if (units.length < 2) problems.push({ file: path, message: `a funnel plot needs at least 2 units; found ${units.length}` });
  failIfAny(table, problems, 'funnel');
  return { table, units, lines, aggregatedRows: aggregate ? rows.length : 0 };
}
