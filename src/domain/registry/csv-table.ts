import type { Problem } from '../errors.js';
import { readCsvRows } from './csv-rows.js';
import { resolveColumns, type ColumnSpec } from './header-columns.js';

/**
 * A CSV file with a header row, read by column name. Shared by the GP registration files so
 * header lookup, ragged rows and empty files are reported the same way for each of them.
 */
export interface TableRow<K extends string> {
  /** 1-based line in the file. */
  line: number;
  /** The trimmed cell of a column; '' for an optional column the file does not have. */
  cell(key: K): string;
  /** 1-based column number, for problems. */
  column(key: K): number | undefined;
  has(key: K): boolean;
}

/** One data row. A class, not an object of closures: a national file has thousands of rows, and per-row closures were most of the parse time. */
class CsvTableRow<K extends string> implements TableRow<K> {
  constructor(
    readonly line: number,
    private readonly fields: readonly string[],
    private readonly columns: { [P in K]?: number },
  ) {}

  cell(key: K): string {
    const index = this.columns[key];
    return index === undefined ? '' : this.fields[index]!.trim();
  }

  column(key: K): number | undefined {
    const index = this.columns[key];
    return index === undefined ? undefined : index + 1;
  }

  has(key: K): boolean {
    return this.columns[key] !== undefined;
  }
}

/**
 * Calls `onRow` for each data row whose width matches the header and returns, in file order,
 * the problems `onRow` returns plus those found on the way: missing required columns (then no
 * row is read), ragged rows and CSV grammar faults.
 */
export function readCsvTable<K extends string>(
  text: string,
  file: string,
  specs: Readonly<Record<K, ColumnSpec>>,
  onRow: (row: TableRow<K>) => readonly Problem[],
): Problem[] {
  const problems: Problem[] = [];
  let header: { width: number; columns: { [P in K]?: number } } | null = null;
  let unreadable = false;

  problems.push(
    ...readCsvRows(text, file, ({ fields, line }) => {
      if (unreadable) return;
      if (header === null) {
        const resolved = resolveColumns(fields, specs, { file, line });
        problems.push(...resolved.problems);
        if (resolved.problems.length > 0) unreadable = true;
        else header = { width: fields.length, columns: resolved.columns };
        return;
      }
      if (fields.length !== header.width) {
        problems.push({ file, line, message: `expected ${header.width} fields as in the header, found ${fields.length}` });
        return;
      }
      const rowProblems = onRow(new CsvTableRow(line, fields, header.columns));
      if (rowProblems.length) problems.push(...rowProblems);
    }),
  );
  if (header === null && !unreadable) problems.push({ file, wholeFile: true, message: 'the file is empty: expected a header row and data rows' });
  // Grammar faults come back after the row problems; report everything in file order.
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
