/**
 * NHS files write the same date three ways: ODS uses `YYYYMMDD`, recent GP registration files
 * use ISO `2025-04-01`, and older ones use SAS-style `01JAN2021` (or `01Aug2026` in the mapping
 * file). Everything downstream works with ISO strings, which sort and compare as text.
 */
const MONTHS: Readonly<Record<string, number>> = {
  JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12,
};

// Years outside this window are typing errors, not NHS history (ODS records start in 1948).
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2199;

/** ISO `YYYY-MM-DD` for a date in any NHS style, or null when it is not a real calendar date. */
export function parseNhsDate(text: string): string | null {
  // Fast path for ODS's YYYYMMDD, which national files hold tens of thousands of times.
  if (text.length === 8 && isDigits(text)) {
    const year = Number(text.slice(0, 4));
    const month = Number(text.slice(4, 6));
    const day = Number(text.slice(6, 8));
    return isValidDate(year, month, day) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : null;
  }
  const s = text.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{2})([A-Za-z]{3})(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toUpperCase()];
    return month === undefined ? null : isoDate(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isoDate(year: number, month: number, day: number): string | null {
  if (!isValidDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
