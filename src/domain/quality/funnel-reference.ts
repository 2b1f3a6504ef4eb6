import { countOf } from '../words.js';

/**
 * The fewest practices with figures a group needs to set its own funnel: its pooled value as the
 * centre line, and φ and τ² from its practices' spread. Fewer, and the funnel takes both from a larger
 * reference (its federation, else every practice held) and plots the group's practices against it.
 *
 * Why 20: overdispersion is estimated from the spread of the units themselves, which needs a
 * reasonable number of them (Spiegelhalter 2005b). With m units and no overdispersion, mφ is roughly
 * χ² on m degrees of freedom, so φ is 1 ± √(2/m) by chance alone: ±0.7 from 4 practices, ±0.3 from 20.
 * 10% winsorising moves only the single most extreme z at each end until there are more than 11.
 * And a locality of a few practices is a large part of its own pooled value, so each practice is
 * compared largely with itself; with 2, φ absorbs any real difference between them.
 */
export const MINIMUM_PRACTICES_FOR_OWN_FUNNEL = 20;

/** Where a funnel's centre line and overdispersion come from: the plotted practices themselves, their group's federation, or every practice held. */
export type FunnelReferenceKind = 'own' | 'federation' | 'all';

export interface FunnelCentre {
  kind: FunnelReferenceKind;
  /** Whose pooled value the centre line is. */
  name: string;
  /** How many practices' figures set the centre line and overdispersion. */
  practices: number;
  /** Why the centre line is not the plotted practices' own; null when it is. */
  reason: string | null;
}

/** Whether a group with this many practices with figures is too small to set its own funnel. */
export const needsFunnelReference = (practicesWithFigures: number) => practicesWithFigures < MINIMUM_PRACTICES_FOR_OWN_FUNNEL;

/** Why a small group's practices are plotted against a larger set, in a sentence the page, the chart and the API share. */
export function funnelReferenceReason(group: string, practicesWithFigures: number, reference: { name: string; practices: number }): string {
  const tooFewToo = needsFunnelReference(reference.practices) ? `, the most atscale holds, though that is also fewer than ${MINIMUM_PRACTICES_FOR_OWN_FUNNEL}` : '';
  return `${group} has ${countOf(practicesWithFigures, 'practice')} with figures: too few to set its own centre line and overdispersion (at least ${MINIMUM_PRACTICES_FOR_OWN_FUNNEL} are needed), so its practices are plotted against ${reference.name} (${countOf(reference.practices, 'practice')}${tooFewToo}).`;
}
