import { formatLongDate } from '../iso-date.js';
import type { SchemePractice } from './practices.js';

/** A stored figure of a return, as far as whether it answers the scheme matters. */
export interface ReturnedFigure {
  practiceCode: string;
  quantity: number | null;
  takesPart: string | null;
}

/**
 * The practices that have answered: with a figure (0 counts), or saying they did not take part.
 * A row with every figure blank and "yes" (or nothing) is not a return yet: the seed's practices
 * that said yes but sent no figures are still to be chased.
 */
export function practicesThatReturned(figures: readonly ReturnedFigure[]): Set<string> {
  return new Set(figures.filter((f) => f.quantity !== null || f.takesPart === 'no').map((f) => f.practiceCode));
}

/** A practice is asked for a return when it takes part, or is not yet known to (participation yes or unknown). */
const isAsked = (practice: SchemePractice) => practice.participation !== 'no';

/**
 * Whose activity return a scheme still waits for: every practice asked that has returned nothing
 * yet. A practice that said no is not asked; a practice whose return says it did not take part has answered.
 */
export function awaitedReturns(practices: readonly SchemePractice[], returned: ReadonlySet<string>): SchemePractice[] {
  return practices.filter((p) => isAsked(p) && !returned.has(p.key));
}

/** How many practices are asked for a return. */
export const practicesAskedToReturn = (practices: readonly SchemePractice[]): number => practices.filter(isAsked).length;

/**
 * Practices are asked for returns once the scheme is agreed: some version approved. Only an
 * approved version makes the next one, so the latest is approved or is not version 1.
 */
export const hasBeenApproved = (scheme: { status: string; currentVersion: number }): boolean => scheme.status === 'approved' || scheme.currentVersion > 1;

/**
 * A practice manager may send or change their practice's return up to and including the day returns
 * are due; after it the return is closed to them (the federation has worked out the payments) and
 * only the federation records or corrects it. No due date: never closed.
 */
export const returnsClosed = (dueOn: string | null, today: string): boolean => dueOn !== null && today > dueOn;

/** What a practice manager is told, on the page and by the API, once returns have closed. */
export const returnsClosedMessage = (dueOn: string): string => `Returns closed on ${formatLongDate(dueOn)}. Ask the federation to change your return.`;

/** A return first received after the day it was due is late. One received on the day is on time. */
export const isLateReturn = (receivedOn: string | null, dueOn: string | null): boolean => receivedOn !== null && dueOn !== null && receivedOn > dueOn;

/** A stored figure with the day its practice's return was first received. */
export interface ReceivedFigure extends ReturnedFigure {
  receivedOn: string | null;
}

/**
 * The day each practice that has returned first did so: the earliest day on its figures (null when
 * its return was recorded before the day was kept). Practices with nothing returned are not in it.
 */
export function firstReceived(figures: readonly ReceivedFigure[]): Map<string, string | null> {
  const returned = practicesThatReturned(figures);
  const days = new Map<string, string | null>([...returned].map((code) => [code, null]));
  for (const f of figures) {
    if (!returned.has(f.practiceCode) || f.receivedOn === null) continue;
    const earlier = days.get(f.practiceCode);
    if (earlier === null || earlier === undefined || f.receivedOn < earlier) days.set(f.practiceCode, f.receivedOn);
  }
  return days;
}

/**
 * Dates the figures about to be saved. A practice that had already returned keeps the day it first
 * did (a correction is not a new return); one returning now is received `today`; figures that are
 * not yet a return (every one blank, not a "no") carry no date. `today` is null when the day is not
 * known (old returns loaded from a file).
 */
export function stampReceived<T extends ReturnedFigure>(rows: readonly T[], before: ReadonlyMap<string, string | null>, today: string | null): (T & { receivedOn: string | null })[] {
  const returning = practicesThatReturned(rows);
  return rows.map((row) => ({ ...row, receivedOn: before.has(row.practiceCode) ? before.get(row.practiceCode)! : returning.has(row.practiceCode) ? today : null }));
}

/** Where a scheme's activity returns stand, for the schemes list: one of these, worked out on the server's today. */
export type ReturnsState =
  | { kind: 'no_activity' }
  | { kind: 'not_yet_asked' }
  | { kind: 'not_asked' }
  | { kind: 'settled'; invoicedOn: string }
  | { kind: 'all_in'; asked: number }
  | { kind: 'no_date'; awaited: number }
  | { kind: 'due'; dueOn: string; awaited: number }
  | { kind: 'overdue'; dueOn: string; awaited: number };

export interface ReturnsFacts {
  /** The scheme pays for delivered activity (it has delivery models). */
  paysForActivity: boolean;
  /** Some version has been approved, so practices are asked. */
  approved: boolean;
  asked: number;
  awaited: number;
  dueOn: string | null;
  /** The day the version's payments were invoiced: its returns are then settled, closed to everyone. */
  invoicedOn: string | null;
  today: string;
}

export function returnsState(facts: ReturnsFacts): ReturnsState {
  if (!facts.paysForActivity) return { kind: 'no_activity' };
  if (!facts.approved) return { kind: 'not_yet_asked' };
  if (facts.invoicedOn !== null) return { kind: 'settled', invoicedOn: facts.invoicedOn };
  if (facts.asked === 0) return { kind: 'not_asked' };
  if (facts.awaited === 0) return { kind: 'all_in', asked: facts.asked };
  if (facts.dueOn === null) return { kind: 'no_date', awaited: facts.awaited };
  return returnsClosed(facts.dueOn, facts.today) ? { kind: 'overdue', dueOn: facts.dueOn, awaited: facts.awaited } : { kind: 'due', dueOn: facts.dueOn, awaited: facts.awaited };
}

/** The state in words a practice manager reads at a glance: "Returns due 14 March 2026", "Returns overdue: 3 awaited". */
export function returnsStateWords(state: ReturnsState): string {
  switch (state.kind) {
    case 'no_activity':
      return 'No activity to return';
    case 'not_yet_asked':
      return 'Asked for once the scheme is approved';
    case 'not_asked':
      return 'No return asked for';
    case 'settled':
      return 'Closed: payments invoiced';
    case 'all_in':
      // A practice manager is asked for one return, their own: "Return received", not "All returns received".
      return state.asked === 1 ? 'Return received' : `All ${state.asked} returns received`;
    case 'no_date':
      return `No due date set: ${state.awaited} awaited`;
    case 'due':
      return `Returns due ${formatLongDate(state.dueOn)}: ${state.awaited} awaited`;
    case 'overdue':
      return `Returns overdue: ${state.awaited} awaited`;
  }
}
