import { formatLongDate } from '../iso-date.js';

/**
 * No policy a federation keeps was approved, or falls due for review, before 2000: an earlier date
 * (1 January 1900, 01/01/0019 read as a year) is a slip of the keyboard, not a fact to keep.
 */
export const earliestPolicyDate = '2000-01-01';

/** The policy dates given (YYYY-MM-DD or empty) that are too early to be real, each with its field's problem. */
export function implausiblePolicyDates(dates: Record<string, string | null | undefined>): { field: string; message: string }[] {
  return Object.entries(dates)
    .filter(([, date]) => !!date && date < earliestPolicyDate)
    .map(([field]) => ({ field, message: `must be on or after ${formatLongDate(earliestPolicyDate)}` }));
}
