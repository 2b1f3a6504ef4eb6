import { z } from 'zod';

/**
 * Financial years run April to March and are named "2018/19". People also write "2018-19",
 * "18/19" and "FY18/19"; each is read as "2018/19". Anything else is refused, never guessed.
 */
const pattern = /^(?:FY\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{2}|\d{4})$/i;

/** The calendar year a financial year starts in: "2018/19" → 2018. */
export function parseFinancialYear(input: string): number {
  const match = pattern.exec(input.trim());
  if (!match) throw new Error(`"${input}" is not a financial year (write it like 2018/19)`);
  const start = match[1]!.length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  const end = match[2]!.length === 2 ? Number(match[2]) : Number(match[2]) % 100;
  if ((start + 1) % 100 !== end || (match[2]!.length === 4 && Number(match[2]) !== start + 1)) {
    throw new Error(`"${input}" is not a financial year: the second year must follow the first (write it like 2018/19)`);
  }
  return start;
}

/** 2018 → "2018/19". */
export const formatFinancialYear = (start: number): string => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

/** Any accepted spelling → "2018/19". */
export const normaliseFinancialYear = (input: string): string => formatFinancialYear(parseFinancialYear(input));

/** The year's months as "YYYY-MM", April to March. */
export function monthsOf(financialYear: string): string[] {
  const start = parseFinancialYear(financialYear);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((3 + i) % 12) + 1;
    return `${month >= 4 ? start : start + 1}-${String(month).padStart(2, '0')}`;
  });
}

/** Months since April 2000, so months can be shifted and compared as numbers. */
export const monthIndex = (month: string): number => (Number(month.slice(0, 4)) - 2000) * 12 + Number(month.slice(5, 7)) - 1;
export const monthOfIndex = (index: number): string => `${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

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
