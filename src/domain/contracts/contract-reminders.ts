import { addDays, daysBetween } from '../iso-date.js';
import { daysFromToday } from '../words.js';

/**
 * What a contract register must warn about: the date to give notice by (the end date less the
 * notice period, unless a notice date is written in the contract), the renewal date and the end
 * date. Pure date arithmetic on calendar dates written YYYY-MM-DD.
 */

export interface ContractDates {
  startDate: string;
  endDate: string | null;
  renewalDate: string | null;
  /** Days of notice either side must give before the end date. */
  noticePeriodDays: number | null;
}

/** How far ahead the register, My items and the contract page warn of notice, renewal and end dates unless asked otherwise. */
export const defaultReminderDays = 90;

export type ReminderKind = 'notice' | 'renewal' | 'end';

export interface Reminder {
  kind: ReminderKind;
  date: string;
  /** Days from today: 0 is today, negative is past. */
  daysLeft: number;
  message: string;
}

/** The last day to give notice: the end date less the notice period; null without both. */
export function noticeDateOf(contract: ContractDates): string | null {
  if (!contract.endDate || contract.noticePeriodDays === null) return null;
  return addDays(contract.endDate, -contract.noticePeriodDays);
}

export const reminderLabels: Record<ReminderKind, string> = { notice: 'Last day to give notice', renewal: 'Renewal due', end: 'Contract ends' };

/** Every key date of a contract that falls between today and `withinDays` ahead (past dates are not reminders). */
export function remindersDue(contract: ContractDates, today: string, withinDays: number): Reminder[] {
  const dates: [ReminderKind, string | null][] = [
    ['notice', noticeDateOf(contract)],
    ['renewal', contract.renewalDate],
    ['end', contract.endDate],
  ];
  return dates
    .filter((entry): entry is [ReminderKind, string] => entry[1] !== null)
    .map(([kind, date]) => ({ kind, date, daysLeft: daysBetween(today, date) }))
    .filter((r) => r.daysLeft >= 0 && r.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft)
    .map((r) => ({ ...r, message: `${reminderLabels[r.kind]} ${daysFromToday(r.daysLeft)}` }));
}

/**
 * A contract's dates out of order: an end or a renewal before the start, each named by its field.
 * The server refuses them; the contract form lists them beside its other problems.
 */
export function contractDateProblems(dates: { startDate: string | null; endDate: string | null; renewalDate: string | null }): { field: 'endDate' | 'renewalDate'; message: string }[] {
  const start = dates.startDate;
  if (!start) return [];
  return (['endDate', 'renewalDate'] as const).flatMap((field) => {
    const date = dates[field];
    return date && date < start ? [{ field, message: 'must be on or after the start date' }] : [];
  });
}
