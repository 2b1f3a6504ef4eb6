import { z } from 'zod';
import { invalid } from './errors.js';

/** A YYYY-MM-DD text that names a day on the calendar (no 30 February). */
export const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

/**
 * The years a date someone types can sensibly fall in: the NHS began in 1948 and no contract, plan
 * or review runs to 2100. A year outside them (2062 for 2026, 9999) is a slip of the keyboard.
 */
export const sensibleYears = { from: 1900, to: 2099 } as const;
export const sensibleYearsMessage = `must be a year from ${sensibleYears.from} to ${sensibleYears.to}`;

/** True when a real YYYY-MM-DD date falls within the sensible years. */
export const isSensibleDate = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= sensibleYears.from && year <= sensibleYears.to;
};

/** A calendar date written YYYY-MM-DD that exists (no 30 February) in a sensible year: one message per problem. */
export const isoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isRealDate, { message: 'is not a real date', abort: true })
  .refine(isSensibleDate, sensibleYearsMessage);

/**
 * Reads a date written YYYY-MM-DD or DD/MM/YYYY (as British spreadsheets do). Empty is null.
 * Anything else, or a date that does not exist (30/02/2018), is an error message.
 */
export function parseDateText(text: string | null | undefined): { date: string | null } | { error: string } {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return { date: null };
  let iso: string | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) iso = trimmed;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (uk) iso = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  if (!iso) return { error: `"${trimmed}" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD` };
  if (!isRealDate(iso)) return { error: `"${trimmed}" is not a real date` };
  if (!isSensibleDate(iso)) return { error: `"${trimmed}" ${sensibleYearsMessage}` };
  return { date: iso };
}

/** An optional date the user typed (an import's as-of date): undefined when blank, else a real YYYY-MM-DD date or an invalid error naming `field`. */
export function optionalIsoDate(raw: string | undefined, field: string, label = 'The as-of date'): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const parsed = isoDateSchema.safeParse(raw);
  if (!parsed.success) throw invalid(`${label} "${raw}" is not valid`, [{ field, message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}

/** 23 November 2026, as NHS pages write dates (in documents and messages the server writes). */
export function formatLongDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A stored text that is a date (YYYY-MM-DD) in words, "1 April 2025"; any other text as it is. */
export const dateInWords = (text: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? formatLongDate(text) : text);

/**
 * Refuses a date after today for something that has already happened (an update, a position): "The
 * update is dated 2 January 2026, after today (1 January 2026)", its field "must be today or in the past".
 */
export function refuseFutureDate(date: string | null | undefined, today: string, what: string, field: string): void {
  if (date && date > today) throw invalid(`${what} is dated ${formatLongDate(date)}, after today (${formatLongDate(today)})`, [{ field, message: 'must be today or in the past' }]);
}

/** The date in England (YYYY-MM-DD) at an instant, whatever the server's time zone: 00:30 on 1 June BST is 1 June, not 31 May. */
export function dayInEngland(instant: Date): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const englandClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });

/** How far clocks in England are ahead of UTC at an instant, in milliseconds: none in winter, an hour in summer (BST). */
function englandOffsetMs(at: number): number {
  const p = Object.fromEntries(englandClock.formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at / 60_000) * 60_000;
}

/**
 * The instant clocks in England read `time` (HH:MM) on `date` (YYYY-MM-DD), whatever the server's time
 * zone. On the night the clocks go back a time that comes twice is its first; on the night they go
 * forward a time that never comes (01:30) is the hour after it (02:30 BST).
 */
export function instantInEngland(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const [before, after] = [englandOffsetMs(wall - 43_200_000), englandOffsetMs(wall + 43_200_000)];
  const readsRight = (at: number) => at + englandOffsetMs(at) === wall;
  const first = [wall - Math.max(before, after), wall - Math.min(before, after)].find(readsRight);
  return new Date(first ?? wall - before);
}

/** A moment as people in England read it, whatever the server's time zone: "23 November 2026 at 5:45pm". */
export function formatDateTime(at: string | Date | null | undefined): string {
  if (!at) return '';
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return String(at);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }).formatToParts(instant).map((p) => [p.type, p.value]));
  return `${formatLongDate(dayInEngland(instant))} at ${parts.hour}:${parts.minute}${String(parts.dayPeriod ?? '').toLowerCase().replace(/\s|\./g, '')}`;
}

/** Today's date in England: the day due dates are counted against and a dated entry may not pass. */
export const todayInEngland = (now = new Date()): string => dayInEngland(now);

const dayMs = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / dayMs;
const fromDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

/** The calendar date `days` after (or before) a YYYY-MM-DD date. (For the day of a moment, use dayInEngland: a UTC day is wrong for an hour each summer night.) */
export const addDays = (iso: string, days: number): string => fromDay(toDay(iso) + days);
/** Calendar days from one YYYY-MM-DD date to another: negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => toDay(to) - toDay(from);
