import { AppError, type Problem } from '../errors.js';
import type { Participation } from './scheme-definition.js';
import { unguardFormula } from '../csv-guard.js';
import { holdsNul, nulMessage } from '../registry/csv-rows.js';

/**
 * A table read from a file (CSV, or a sheet), already split into cells, with the line each row
 * starts on. The CLI and the API's upload route produce it; the scheme rules read it, so every
 * problem can name its file, line and column without the rules doing any I/O.
 */
export interface TabularInput {
  file: string;
  header: readonly string[];
  rows: readonly TabularRow[];
}

export interface TabularRow {
  /** The file line the row starts on, counting the header as line 1. */
  line: number;
  cells: readonly string[];
}

/** Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks) into rows, remembering each row's first line. */
export function parseCsv(text: string, file: string): TabularInput {
  const records: TabularRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endRow = () => {
    cells.push(unguardFormula(field));
    // A blank line, or a spreadsheet's blank row (",,,"), holds nothing to read.
    if (cells.some((cell) => cell.trim() !== '')) records.push({ line: rowLine, cells });
    cells = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        // A line break inside quotes: LF, CRLF or a lone CR (an old Mac file) each count one line.
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      cells.push(unguardFormula(field));
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new AppError('invalid', `${file} is not valid CSV`, { problems: [{ file, line: rowLine, message: 'a quoted field is never closed' }] });
  if (field !== '' || cells.length > 0) endRow();
  const [header, ...rows] = records;
  if (!header) throw new AppError('invalid', `${file} is empty`, { problems: [{ file, line: 1, message: 'the file has no header row' }] });
  return { file, header: header.cells.map((h) => h.trim()), rows: readableRows(file, header.cells.length, rows, /[\r\n]$/.test(text)) };
}

/**
 * Refuses rows that cannot be read as the header says, or that hold what no text can (a NUL). A row
 * with more fields than the header has a comma that needed quotes: read as it stands, its values would land under the wrong headings and the
 * last be lost. A last row with fewer, with no line break after it, is a file cut short (a copy or
 * download stopped part-way): imported, half a value would overwrite what is stored. Blank cells
 * past the header (a spreadsheet's empty columns) are dropped. A row that leaves off its trailing
 * empty cells, as one typed by hand may, is passed on as it is: the finance, programme and scheme
 * imports read the missing cells as blank, the record import refuses it naming the line.
 */
function readableRows(file: string, width: number, rows: TabularRow[], endsWithLineBreak: boolean): TabularRow[] {
  const problems: Problem[] = [];
  const fitted = rows.map((row, i) => {
    const nulAt = row.cells.findIndex(holdsNul);
    if (nulAt >= 0) problems.push({ file, line: row.line, column: nulAt + 1, message: nulMessage });
    const extra = row.cells.slice(width);
    const lastFilled = extra.findLastIndex((cell) => cell.trim() !== '');
    if (lastFilled >= 0) problems.push({ file, line: row.line, column: width + 1, message: `this row has ${width + lastFilled + 1} fields but the header has ${width}: a value holding a comma must be in double quotes` });
    else if (row.cells.length < width && i === rows.length - 1 && !endsWithLineBreak) {
      problems.push({ file, line: row.line, column: row.cells.length + 1, message: `the file ends part-way through this row (${row.cells.length} of the header's ${width} fields): it may have been cut short, so nothing was imported` });
    }
    return extra.length ? { ...row, cells: row.cells.slice(0, width) } : row;
  });
  if (problems.length) throw new AppError('invalid', `${file} is not valid CSV: ${problems.length === 1 ? '1 row does' : `${problems.length} rows do`} not fit its header or cannot be read`, { problems });
  return fitted;
}

function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The 0-based index of the first header that matches one of `names` (case and spacing ignored), or -1. */
export function columnIndex(table: TabularInput, names: readonly string[]): number {
  const wanted = names.map(normaliseHeader);
  return table.header.findIndex((name) => wanted.includes(normaliseHeader(name)));
}

export function cellAt(row: TabularRow, index: number): string {
  return index < 0 ? '' : (row.cells[index] ?? '').trim();
}

/** A located problem in a table; columns count from 1 and the message names the column's header. */
export function cellProblem(table: TabularInput, row: TabularRow | 'header', index: number, message: string): Problem {
  const columnName = index >= 0 ? table.header[index] : undefined;
  return {
    file: table.file,
    line: row === 'header' ? 1 : row.line,
    ...(index >= 0 ? { column: index + 1 } : {}),
    message: columnName ? `${message} (column "${columnName}")` : message,
  };
}

/**
 * Reads a number as people type it in a spreadsheet: "1,234", "£93,860", "12.5". Blank is null;
 * anything else that is not a number is NaN, for the caller to report.
 */
export function parseNumberCell(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let cleaned = trimmed.replace(/^(-?)£/, '$1');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replaceAll(',', '');
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Reads a take-part flag: Yes / No / ? as the seeds write them. Blank is null; anything else is undefined. */
export function parseParticipation(text: string): Participation | null | undefined {
  const value = text.trim().toLowerCase();
  if (value === '') return null;
  if (['yes', 'y', 'true', '1'].includes(value)) return 'yes';
  if (['no', 'n', 'false', '0'].includes(value)) return 'no';
  if (['?', 'unknown', 'not known', 'tbc'].includes(value)) return 'unknown';
  return undefined;
}
