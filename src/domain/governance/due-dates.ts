/** Dates as boards and spreadsheets write them, and the rules for what is due or overdue. */
import { isRealDate, isSensibleDate, sensibleYearsMessage } from '../iso-date.js';

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

/** How far ahead "my items" and the digest look. */
export const reminderWindowDays = 14;

/** Overdue: due before today and not finished. */
export function isOverdue(dueDate: string | null | undefined, today: string, done = false): boolean {
  return !done && !!dueDate && dueDate < today;
}

/** Items due soonest first; overdue ones therefore lead. Ties keep a stable order by reference. */
export function byDueDate<T extends { dueDate: string; ref: string }>(a: T, b: T): number {
  return a.dueDate.localeCompare(b.dueDate) || a.ref.localeCompare(b.ref, 'en-GB', { numeric: true });
}

export { formatLongDate } from '../iso-date.js';
