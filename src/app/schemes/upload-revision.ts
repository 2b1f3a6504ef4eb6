import { createHash } from 'node:crypto';
import { staleChange } from '../../domain/errors.js';

/**
 * What a user saw of a version's returns or hand schedule, as a short fingerprint of the figures.
 * The page reads it with the figures and sends it back with a replacement; if the figures changed
 * in between (someone else recorded theirs), the replacement is refused rather than silently
 * overwriting them. Figures, not times: recording the same figures again is no change.
 */
export const revisionOf = (figures: unknown): string => createHash('sha256').update(JSON.stringify(figures)).digest('base64url').slice(0, 16);

/** Refuses a replacement made from figures that have changed since they were read. No `basedOn`: the caller replaces knowingly (the CLI, a script). */
export function refuseStale(basedOn: string | undefined, current: string, changed: string): void {
  if (basedOn !== undefined && basedOn !== current) {
    throw staleChange(`${changed} after you opened this page: someone else has recorded figures since. Reload the page to see what is recorded now, then send yours again if they should still replace those.`, basedOn, current);
  }
}
