import { z } from 'zod';

/**
 * Financial years run April to March and are named "2018/19". People also write "2018-19",
 * "18/19" and "FY18/19"; each is read as "2018/19". Anything else is refused, never guessed.
 */
const pattern = /^(?:FY\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4})$/i;

/** The calendar year a financial year starts in ("2018/19" → 2018), or null if the text is not one. */
export function financialYearStart(input: string): number | null {
  const match = pattern.exec(input.trim());
  if (!match) return null;
  const start = match[1]!.length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  const followed = match[2]!.length === 2 ? Number(match[2]) === (start + 1) % 100 : Number(match[2]) === start + 1;
  return followed ? start : null;
}

/** The calendar year a financial year starts in: "2018/19" → 2018; anything else is refused with the reason. */
export function parseFinancialYear(input: string): number {
  const start = financialYearStart(input);
  if (start !== null) return start;
  if (!pattern.test(input.trim())) throw new Error(`"${input}" is not a financial year (write it like 2018/19)`);
  throw new Error(`"${input}" is not a financial year: the second year must follow the first (write it like 2018/19)`);
}

/** 2018 → "2018/19". */
export const formatFinancialYear = (start: number): string => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

/** Any accepted spelling → "2018/19". */
export const normaliseFinancialYear = (input: string): string => formatFinancialYear(parseFinancialYear(input));

/** The financial year a date falls in: 2018-03-31 → "2017/18", 2018-04-01 → "2018/19". */
export function financialYearOfDate(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  return formatFinancialYear(Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1);
}

/** The year's months as "YYYY-MM", April to March. */
export function monthsOf(financialYear: string): string[] {
  const start = parseFinancialYear(financialYear);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((3 + i) % 12) + 1;
    return `${month >= 4 ? start : start + 1}-${String(month).padStart(2, '0')}`;
  });
}

/** Months since January 2000, so months can be shifted and compared as numbers. */
export const monthIndex = (month: string): number => (Number(month.slice(0, 4)) - 2000) * 12 + Number(month.slice(5, 7)) - 1;
/** The month of an index; before April 2000 an index is negative, and its month still runs 1 to 12. */
export const monthOfIndex = (index: number): string => `${2000 + Math.floor(index / 12)}-${String((((index % 12) + 12) % 12) + 1).padStart(2, '0')}`;

/** "2018-04" → "April 2018". */
export function monthLabel(month: string): string {
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

export const financialYearSchema = z.string().transform((value, ctx) => {
  try {
    return normaliseFinancialYear(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});
