import type { Problem } from '../errors.js';

/**
 * One CSV reader for every NHS text file, so line numbers in problems mean the same thing
 * everywhere. It scans characters once (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes) and counts lines as it goes: the national files parse several times faster than with a
 * general-purpose parser plus a separate line count, which matters for the import benchmark.
 */
export interface CsvRow {
  fields: string[];
  /** 1-based line on which the row starts. */
  line: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Calls `onRow` for each non-empty row of `input` in order and returns a problem for each row
 * the CSV grammar itself rejects (an unterminated quote, text after a closing quote); those rows
 * skip `onRow`. Accepts CRLF, LF or CR line breaks (even mixed), with or without a final one; a
 * line break inside a quoted field comes back as LF.
 */
export function readCsvRows(input: string, file: string, onRow: (row: CsvRow) => void): Problem[] {
  const text = input;
  const n = text.length;
  const problems: Problem[] = [];
  let i = 0;
  let line = 1;
  // Looked for once: a NUL is never in a real text file, so rows are searched only when there is one.
  const hasNul = text.includes('\u0000');

  const lineBreakAt = (at: number): number => {
    const c = text.charCodeAt(at);
    if (c === CR) return text.charCodeAt(at + 1) === LF ? 2 : 1;
    return c === LF ? 1 : 0;
  };

  // Where the next LF and CR are (-1: none left), found with indexOf and kept until passed, so a
  // quoted field is only scanned character by character when a line break really lies inside it.
  let nextLf = 0;
  let nextCr = 0;
  const breakInside = (from: number, to: number): boolean => {
    if (nextLf !== -1 && nextLf < from) nextLf = text.indexOf('\n', from);
    if (nextCr !== -1 && nextCr < from) nextCr = text.indexOf('\r', from);
    return (nextLf !== -1 && nextLf < to) || (nextCr !== -1 && nextCr < to);
  };

  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    let fault: string | null = null;
    // One row: fields until an unquoted line break or the end of the text.
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let parts = '';
        let start = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          const end = q === -1 ? n : q;
          // Line breaks inside the quotes: count them and normalise them to LF.
          if (breakInside(i, end)) for (let j = i; j < end; j++) {
            const c = text.charCodeAt(j);
            if (c === LF || c === CR) {
              parts += text.slice(start, j) + '\n';
              if (c === CR && text.charCodeAt(j + 1) === LF) j++;
              start = j + 1;
              line++;
            }
          }
          if (q === -1) {
            fault = 'a quoted field is not closed';
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += text.slice(start, q + 1);
            i = start = q + 2;
            continue;
          }
          parts += text.slice(start, q);
          i = q + 1;
          break;
        }
        value = parts;
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== LF && next !== CR && fault === null) {
          fault = `unexpected text after a closing quote in field ${fields.length + 1}`;
          while (i < n && lineBreakAt(i) === 0) i++;
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          i++;
        }
        value = text.slice(start, i);
      }
      fields.push(value);
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    const br = i < n ? lineBreakAt(i) : 0;
    i += br;
    if (br) line++;
    const nulAt = hasNul && fault === null ? fields.findIndex(holdsNul) : -1;
    if (nulAt >= 0) problems.push({ file, line: rowLine, column: nulAt + 1, message: nulMessage });
    else if (fault !== null) problems.push({ file, line: rowLine, message: `not valid CSV: ${fault}` });
    else if (!(fields.length === 1 && fields[0] === '')) onRow({ fields, line: rowLine });
  }
  return problems;
}

export const holdsNul = (value: string): boolean => value.includes('\u0000');

/** No text stored can hold a NUL (byte 0): the file is damaged, or is not text (a UTF-16 file without its byte-order mark). */
export const nulMessage = 'this value holds a NUL character (byte 0), which text cannot hold: the file may be damaged, or saved as UTF-16 without its byte-order mark; save it as CSV UTF-8';

/**
 * Number of non-blank lines: a cheap upper bound on rows, used only to report progress. Lines are
 * found with indexOf, not a character loop: this runs over the whole national file before parsing.
 */
export function countNonBlankLines(text: string): number {
  const n = text.length;
  let count = 0;
  let start = 0;
  let nextCr = text.indexOf('\r');
  while (start < n) {
    const lf = text.indexOf('\n', start);
    const next = lf === -1 ? n : lf;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
    // A CR inside the line is a line break of its own (old Mac files): count those pieces one by one.
    if (nextCr !== -1 && nextCr < end) count += countCrSeparated(text, start, end);
    else if (end > start) count++;
    start = next + 1;
  }
  return count;
}

function countCrSeparated(text: string, from: number, to: number): number {
  let count = 0;
  let blank = true;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === CR) {
      if (!blank) count++;
      blank = true;
    } else blank = false;
  }
  return blank ? count : count + 1;
}
