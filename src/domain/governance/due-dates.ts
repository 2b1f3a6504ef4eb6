/** The rules for what is due or overdue. (Dates as boards and spreadsheets write them are read by `parseDateText`, in iso-date.) */

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
