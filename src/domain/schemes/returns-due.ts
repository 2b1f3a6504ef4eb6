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
