import type { Problem } from '../errors.js';
import { formatLongDate } from '../iso-date.js';
import { parseNhsDate } from './nhs-dates.js';

/**
 * GP registration files repeat the extract date on every row. A file is one snapshot, so every
 * row must carry the same date; a second date means two extracts were concatenated.
 */
export interface ExtractDateCheck {
  /** A problem when `raw` is not a date or differs from the date seen first; null when it agrees. */
  check(raw: string, line: number, column: number): Problem | null;
  /** The file's extract date as ISO, or '' when no row had a valid one. */
  readonly date: string;
}

export function createExtractDateCheck(file: string): ExtractDateCheck {
  let first: { date: string; line: number } | null = null;
  // Every row repeats the same text: once it has been read as the first date, it agrees.
  let firstRaw: string | null = null;
  return {
    check(raw, line, column) {
      if (raw === firstRaw) return null;
      const date = parseNhsDate(raw);
      if (date === null) return { file, line, column, message: `extract date '${raw}' is not a date` };
      if (first === null) {
        first = { date, line };
        firstRaw = raw;
        return null;
      }
      if (date === first.date) return null;
      return { file, line, column, message: `extract date ${formatLongDate(date)} differs from ${formatLongDate(first.date)} on line ${first.line}: one file must hold one extract` };
    },
    get date() {
      return first?.date ?? '';
    },
  };
}
