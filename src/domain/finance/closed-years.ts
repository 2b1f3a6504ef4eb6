import { formatLongDate } from '../iso-date.js';
import { actorName, formatList } from '../words.js';
import { financialYearOfDate, financialYearStart, formatFinancialYear } from './financial-year.js';

/**
 * A financial year whose accounts are signed: once closed, nothing that would change its figures
 * (its finance lines, the money of schemes paid in it) may be written until an admin reopens it.
 */
export interface YearClosure {
  financialYear: string;
  /** The day it was closed, in England (YYYY-MM-DD). */
  closedOn: string;
  /** Who closed it, as the audit names people ("Name <address>"). */
  closedBy: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The financial year a date or a year's name falls in: 2019-03-31 → "2018/19", 2019-04-01 →
 * "2019/20", "18/19" → "2018/19". Null for anything else (an empty value, a missing date).
 */
export function yearOfDateOrYear(value: string | null | undefined): string | null {
  if (!value) return null;
  if (isoDate.test(value)) return financialYearOfDate(value);
  const start = financialYearStart(value);
  return start === null ? null : formatFinancialYear(start);
}

/** The closures among `closures` whose year holds any of the dates or years given, each once, earliest year first. */
export function closuresCovering(datesOrYears: Iterable<string | null | undefined>, closures: readonly YearClosure[]): YearClosure[] {
  const years = new Set([...datesOrYears].map(yearOfDateOrYear).filter((y): y is string => y !== null));
  return closures.filter((c) => years.has(c.financialYear)).sort((a, b) => a.financialYear.localeCompare(b.financialYear));
}

/** "Closed on 30 April 2019 by Jo Walker", as the year's pages and downloads say it. */
export const closedWords = (closure: YearClosure): string => `Closed on ${formatLongDate(closure.closedOn)} by ${actorName(closure.closedBy)}`;

/**
 * Why a change is refused: "This change would alter the figures of a closed financial year: 2018/19
 * was closed on 30 April 2019 by Jo Walker. An admin may reopen that year, giving a reason, if its
 * accounts must be put right."
 */
export function closedYearMessage(closures: readonly YearClosure[], what = 'This change'): string {
  const each = closures.map((c) => `${c.financialYear} was ${closedWords(c).charAt(0).toLowerCase()}${closedWords(c).slice(1)}`);
  const years = closures.length === 1 ? 'that year' : 'those years';
  return `${what} would alter the figures of a closed financial year: ${formatList(each)}. An admin may reopen ${years}, giving a reason, if its accounts must be put right.`;
}

/** A year's accounts are closed once it has ended: refuses closing 2019/20 before 1 April 2020 (today in England). */
export function closingTooEarly(financialYear: string, today: string): string | null {
  const start = financialYearStart(financialYear);
  if (start === null) return `"${financialYear}" is not a financial year`;
  const ends = `${start + 1}-03-31`;
  return today > ends ? null : `${financialYear} runs until ${formatLongDate(ends)}: a year is closed after it has ended`;
}

/** A scheme version that pays in the year, as the closing check reads it. */
export interface SchemeVersionAtClosing {
  scheme: string;
  version: number;
  invoicedOn: string | null;
  paidOn: string | null;
  /** Whether it pays practices at all (a scheme paying nothing for activity has nothing to pay). */
  paysPractices: boolean;
}

/**
 * What is still open in a year about to close: an approved scheme version of the year not yet
 * invoiced to the commissioner, or invoiced but not paid to practices. Each is a sentence, so the
 * refusal (and a closing made anyway) names them.
 */
export function openAtClosing(versions: readonly SchemeVersionAtClosing[]): string[] {
  return versions.flatMap((v) => {
    const name = `${v.scheme} version ${v.version}`;
    if (!v.invoicedOn) return [`${name} is approved but not invoiced to the commissioner`];
    if (v.paysPractices && !v.paidOn) return [`${name} was invoiced on ${formatLongDate(v.invoicedOn)} but not paid to practices`];
    return [];
  });
}

/** The days a scheme version was invoiced and paid on, as the closed-year rule reads a settlement. */
export interface SettlementDays {
  invoicedOn: string | null | undefined;
  paidOn: string | null | undefined;
}

/**
 * The days whose years a change of invoice and payment alters: both the old and new day of whichever
 * moves (recorded, undone or redated). A corrected reference moves no money, so it names none.
 */
export function settlementDaysMoved(before: SettlementDays, after: SettlementDays): string[] {
  const moved = (a: string | null | undefined, b: string | null | undefined) => ((a ?? null) === (b ?? null) ? [] : [a, b]);
  return [...moved(before.invoicedOn, after.invoicedOn), ...moved(before.paidOn, after.paidOn)].filter((d): d is string => !!d);
}
