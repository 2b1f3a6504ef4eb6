import type { SchemePractice } from './practices.js';

/**
 * Whose activity return a scheme still waits for: every practice taking part, or not yet known to
 * (participation yes or unknown), that has returned nothing yet. A practice that said no is not
 * asked; a practice whose return says it did not take part has answered.
 */
export function awaitedReturns(practices: readonly SchemePractice[], returned: ReadonlySet<string>): SchemePractice[] {
  return practices.filter((p) => p.participation !== 'no' && !returned.has(p.key));
}

/** How many practices are asked for a return: those taking part or not yet known to. */
export const practicesAskedToReturn = (practices: readonly SchemePractice[]): number => practices.filter((p) => p.participation !== 'no').length;
