import { invalid } from '../errors.js';
import { formatLongDate } from '../iso-date.js';

export interface ClosingState {
  /** The status after the change, and before it (none for a new record). */
  status: string;
  was?: { status: string; closedOn: string | null };
  /** The date typed (null or left out: none typed). */
  given: string | null | undefined;
  today: string;
}

/**
 * The day a risk or action was closed: the one typed, else the one it had while already closed,
 * else today. Only something closed has one, so reopening clears it. Not after today.
 */
export function closedOnFor({ status, was, given, today }: ClosingState): string | null {
  if (status !== 'closed') return null;
  const closedOn = given ?? (was?.status === 'closed' ? was.closedOn : null) ?? today;
  if (closedOn > today) throw invalid(`The date closed cannot be after today (${formatLongDate(today)})`, [{ field: 'closedOn', message: 'must be today or before' }]);
  return closedOn;
}
