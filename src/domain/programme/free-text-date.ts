import { financialYearStart } from '../finance/financial-year.js';

/**
 * Plans write target dates as people say them: "Nov 16", "Q4 17/18", "Autumn 17", "Q4 17/18 to
 * Q3 18/19", "Dec 17/Jan 18", several at once ("Sept 17 | Oct 17"), or not at all ("TBA",
 * "Ongoing"). The text is always kept; this reads what it can into dates. A month means its last
 * day ("Nov 16" is 30 November 2016), a financial year (April to March, "2018/19" or "2018-19")
 * or a quarter or half of one its last day ("Q4 17/18" is 31 March 2018). Anything else is flagged for a person to read.
 */

export type DatePartKind = 'date' | 'undated' | 'unreadable' | 'impossible';

export interface DatePart {
  text: string;
  kind: DatePartKind;
  /** First day the part covers (ISO), for a date or range. */
  start?: string;
  /** Last day the part covers (ISO): the date the work is due. */
  end?: string;
  /** Why a part could not be read. */
  reason?: string;
}

export interface FreeTextDate {
  text: string;
  parts: DatePart[];
  /** The earliest start and the latest end of the readable parts; null when none could be read. */
  start: string | null;
  end: string | null;
  /** Parts that are neither dates nor an accepted "no date yet" word: a person should look. */
  flagged: DatePart[];
  /** Parts that look like dates but cannot exist (31/02/2018): input to refuse, not keep. */
  impossible: DatePart[];
}

const months: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
/** Seasons as the months they end in (meteorological): autumn is September to November. */
const seasons: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };
const undatedWords = new Set(['tba', 'tbc', 'tbd', 'ongoing', 'on-going', 'on going', 'n/a', 'none']);

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthEnd = (y: number, m: number) => iso(y, m, lastDay(y, m));

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** Months 1–12 of a financial year's quarter or half: Q1 is April to June, H2 October to March. */
function financialPeriod(startYear: number, period: string): { start: string; end: string } | null {
  const kind = period[0]!.toUpperCase();
  const n = Number(period.slice(1));
  const size = kind === 'Q' ? 3 : 6;
  if (n < 1 || n > 12 / size) return null;
  const firstMonth = 4 + (n - 1) * size;
  const lastMonth = firstMonth + size - 1;
  const at = (month: number) => (month > 12 ? { y: startYear + 1, m: month - 12 } : { y: startYear, m: month });
  const a = at(firstMonth);
  const b = at(lastMonth);
  return { start: iso(a.y, a.m, 1), end: monthEnd(b.y, b.m) };
}

function readOne(raw: string): DatePart {
  const text = raw.trim();
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (undatedWords.has(lower)) return { text, kind: 'undated' };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return exactDate(text, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) return exactDate(text, fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(?:(\d{1,2})(?:st|nd|rd|th)? )?([a-z]+)\.? (\d{2}|\d{4})$/.exec(lower);
  if (m && months[m[2]!]) {
    const y = fullYear(m[3]!);
    const month = months[m[2]!]!;
    if (m[1]) return exactDate(text, y, month, Number(m[1]));
    return { text, kind: 'date', start: iso(y, month, 1), end: monthEnd(y, month) };
  }
  if (m && seasons[m[2]!]) {
    const y = fullYear(m[3]!);
    const [first, last] = seasons[m[2]!]!;
    return { text, kind: 'date', start: iso(y, first, 1), end: monthEnd(y, last) };
  }
  m = /^(?:([qh]\d) (\d{2,4}[/-]\d{2,4})|(\d{2,4}[/-]\d{2,4}) ([qh]\d))$/i.exec(text.replace(/\s+/g, ' '));
  if (m) {
    const period = (m[1] ?? m[4])!;
    const year = financialYearStart((m[2] ?? m[3])!);
    const range = year === null ? null : financialPeriod(year, period);
    if (range) return { text, kind: 'date', ...range };
    return { text, kind: 'impossible', reason: `"${text}" is not a quarter or half of a financial year` };
  }
  // A whole financial year ("2019/20", "2019-20", "FY19/20"): 1 April to 31 March.
  const wholeYear = /^(?:fy ?)?\d{2,4}[/-]\d{2,4}$/i.test(text) ? financialYearStart(text) : null;
  if (wholeYear !== null) return { text, kind: 'date', start: iso(wholeYear, 4, 1), end: iso(wholeYear + 1, 3, 31) };
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(lower);
  if (m && months[m[1]!]) return exactDate(text, Number(m[3]), months[m[1]!]!, Number(m[2]));
  if (/^\d{4}$/.test(text)) return { text, kind: 'date', start: iso(Number(text), 1, 1), end: iso(Number(text), 12, 31) };
  return writtenDateInside(text) ?? { text, kind: 'unreadable', reason: `"${text}" is not a date atscale can read; the text is kept as written` };
}

/**
 * Free text may hold a date written in figures ("by 30/02/2019", "30 / 02 / 2019"): one that
 * cannot exist is a mistake to refuse, not words to keep. A real one leaves the text to be flagged.
 */
function writtenDateInside(text: string): DatePart | undefined {
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/g)) {
    const part = exactDate(m[0], fullYear(m[4]!), Number(m[3]), Number(m[1]));
    if (part.kind === 'impossible') return { ...part, text };
  }
  return undefined;
}

function exactDate(text: string, y: number, m: number, d: number): DatePart {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return { text, kind: 'impossible', reason: `"${text}" is not a real date` };
  return { text, kind: 'date', start: iso(y, m, d), end: iso(y, m, d) };
}

/** A range "A to B" or "A/B" where both sides are dates becomes one part from A's start to B's end. */
function readRange(text: string): DatePart | null {
  const sides = text.split(/\s+(?:to|until|-|–)\s+|(?<=[a-z]{3,} ?\d{2})\/(?=[a-z])/i);
  if (sides.length !== 2) return null;
  const [a, b] = sides.map(readOne) as [DatePart, DatePart];
  // "30/02/2019 to 31/03/2019": a side that cannot exist makes the whole range a mistake.
  const impossible = [a, b].find((side) => side.kind === 'impossible');
  if (impossible) return { ...impossible, text: text.trim() };
  if (a.kind !== 'date' || b.kind !== 'date') return null;
  return { text: text.trim(), kind: 'date', start: a.start!, end: b.end! };
}

/** Reads a target-date text; parts are separated by " | " (one per step of the plan line). */
export function parseFreeTextDate(text: string | null | undefined): FreeTextDate {
  const parts = (text ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => readRange(p) ?? readOne(p));
  const dated = parts.filter((p) => p.kind === 'date');
  return {
    text: text ?? '',
    parts,
    start: dated.length ? dated.map((p) => p.start!).sort()[0]! : null,
    end: dated.length ? dated.map((p) => p.end!).sort().at(-1)! : null,
    flagged: parts.filter((p) => p.kind === 'unreadable'),
    impossible: parts.filter((p) => p.kind === 'impossible'),
  };
}
