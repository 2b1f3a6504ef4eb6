import Papa from 'papaparse';
import type { Problem } from '../errors.js';

/**
 * One CSV reader for every NHS text file, so line numbers in problems mean the same thing
 * everywhere. Line numbers are counted from the parser's cursor rather than the row index,
 * because quoted fields may hold line breaks (RFC 4180) and blank lines are skipped.
 */
export interface CsvRow {
  fields: string[];
  /** 1-based line on which the row starts. */
  line: number;
}

/**
 * Calls `onRow` for each non-empty row of `input` in order and returns a problem for each row
 * the CSV grammar itself rejects (e.g. an unterminated quote); those rows skip `onRow`.
 * Accepts CRLF, LF or CR line breaks (even mixed), with or without a final one; a line break
 * inside a quoted field comes back as LF.
 */
export function readCsvRows(input: string, file: string, onRow: (row: CsvRow) => void): Problem[] {
  // One line-break style, so a file with mixed endings (edited by hand) parses like any other.
  const text = input.replace(/\r\n?/g, '\n');
  const problems: Problem[] = [];
  let position = 0;
  let line = 1;

  const advanceTo = (to: number): void => {
    for (; position < to; position++) if (text.charCodeAt(position) === 0x0a) line++;
  };

  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: true,
    step: (result) => {
      // Empty lines skipped before this row sit between the last cursor and the row itself.
      let start = position;
      while (text.charCodeAt(start) === 0x0a) start++;
      advanceTo(start);
      const rowLine = line;
      advanceTo(result.meta.cursor);
      if (result.errors.length > 0) {
        for (const error of result.errors) problems.push({ file, line: rowLine, message: `not valid CSV: ${error.message}` });
        return;
      }
      onRow({ fields: result.data, line: rowLine });
    },
  });
  return problems;
}

/** Number of non-blank lines: a cheap upper bound on rows, used only to report progress. */
export function countNonBlankLines(text: string): number {
  let count = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (!blank) count++;
      blank = true;
    } else {
      blank = false;
    }
  }
  return blank ? count : count + 1;
}
