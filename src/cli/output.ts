import { writeOutputFile } from './write-output.js';
import { Option } from 'commander';
import { AppError, describeProblem } from '../domain/errors.js';
import { type Column, toCsv, toCsvFile, toTextTable, toXlsx } from '../app/export/tabular.js';

export type OutputFormat = 'table' | 'text' | 'csv' | 'json' | 'xlsx';

/** The --format option of a command: an unknown format is refused (exit 2), not quietly printed as a table. */
export const formatOption = (formats: readonly OutputFormat[], fallback: OutputFormat, description = 'output format') => new Option('--format <format>', description).choices(formats).default(fallback);

/** The CLI's half of the one error mapping: AppError kind → exit code. */
const exitCodes: Record<AppError['kind'], number> = {
  invalid: 2,
  unauthenticated: 3,
  forbidden: 3,
  not_found: 4,
  method_not_allowed: 2,
  conflict: 5,
  year_closed: 8,
  too_large: 2,
  unsupported: 2,
  rate_limited: 6,
  unavailable: 7,
};

/** Anything else, a fault on the server included, is exit code 1: a script must never take a failure for success. */
export function exitCodeFor(error: unknown): number {
  return error instanceof AppError ? (exitCodes[error.kind] ?? 1) : 1;
}

/** Prints an error for a person and sets the exit code. Problems are listed one per line with file, line and column. */
export function reportError(error: unknown): void {
  if (error instanceof AppError) {
    process.stderr.write(`atscale: ${error.message}\n`);
    for (const p of error.problems.slice(0, 50)) process.stderr.write(`  ${describeProblem(p)}\n`);
    if (error.problems.length > 50) process.stderr.write(`  … and ${error.problems.length - 50} more\n`);
  } else {
    process.stderr.write(`atscale: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = exitCodeFor(error);
}

/**
 * Writes rows in the chosen format to a file (--out) or standard output. The table, CSV and
 * workbook are headed for people (the columns' headings); JSON is for programs, so it keeps the
 * records' own field names (odsCode, listSize), which do not change when a heading is reworded.
 * A table with no rows says so on standard error, unless the command has said it in its own words
 * (`emptySaid`). A CSV file starts with a byte-order mark, as the web's downloads do; standard output has none.
 */
export async function writeRows<T>(rows: readonly T[], columns: readonly Column<T>[], format: OutputFormat, options: { out?: string; json?: unknown; sheetName?: string; emptySaid?: boolean } = {}): Promise<void> {
  if (rows.length === 0 && format === 'table' && !options.emptySaid) process.stderr.write('atscale: nothing to list\n');
  let content: string | Buffer;
  switch (format) {
    case 'json':
      content = `${JSON.stringify(options.json ?? rows, null, 2)}\n`;
      break;
    case 'csv':
      // A file (--out) is for a spreadsheet: with the byte-order mark Excel needs to read £ right, as downloads have.
      content = options.out ? toCsvFile(rows, columns) : toCsv(rows, columns);
      break;
    case 'xlsx':
      if (!options.out) throw new AppError('invalid', '--format xlsx needs --out <file.xlsx>');
      content = await toXlsx([{ name: options.sheetName ?? 'Sheet1', rows, columns }]);
      break;
    default:
      content = toTextTable(rows, columns);
  }
  if (options.out) writeOutputFile(options.out, content);
  else process.stdout.write(content);
}
