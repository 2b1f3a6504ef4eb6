import { type FigureRow, figuresForPeriod, findGroup } from '../../db/repos/quality.js';
import type { Db } from '../../db/client.js';
import { ALL_PRACTICES_HELD } from '../../domain/quality/comparator-words.js';
import type { PracticeFigure } from '../../domain/quality/comparisons.js';
import { funnelReferenceReason, needsFunnelReference } from '../../domain/quality/funnel-reference.js';
import { funnelUnitsOf, type FunnelScope } from '../../domain/quality/indicator-funnel.js';
import { type Indicator, unitMultiplier } from '../../domain/quality/indicators.js';

/** A figure row as the funnel reads it; rows without a practice (a group with no figures) are left out. */
export const practiceFiguresOf = (rows: readonly FigureRow[]): (PracticeFigure & { label: string })[] =>
  rows.filter((r) => r.practice_code !== null).map((r) => ({ practiceCode: r.practice_code, label: r.practice_name, numerator: r.numerator, denominator: r.denominator, value: r.value }));

/** The first federation above a group (a locality's parent, or further up), if there is one. */
async function federationAbove(db: Db, groupId: number): Promise<{ id: number; name: string } | null> {
  const seen = new Set([groupId]);
  let group = await findGroup(db, groupId);
  while (group?.parentId != null && !seen.has(group.parentId)) {
    seen.add(group.parentId);
    group = await findGroup(db, group.parentId);
    if (group?.kind === 'federation') return group;
  }
  return null;
}

/**
 * What a small group's funnel takes its centre line and overdispersion from (domain/quality/funnel-reference.ts):
 * the federation the group is part of, when that has enough practices with figures, else every
 * practice held. Undefined when the group can set its own, has no practice with figures to plot, or
 * the indicator has no funnel.
 */
export async function funnelReferenceFor(db: Db, indicator: Indicator, period: string, group: { id: number; name: string } | null, groupFigures: readonly FigureRow[]): Promise<FunnelScope['reference']> {
  if (!group || unitMultiplier(indicator.unit) === null) return undefined;
  const own = funnelUnitsOf(practiceFiguresOf(groupFigures)).length;
  if (own === 0 || !needsFunnelReference(own)) return undefined;
  const federation = await federationAbove(db, group.id);
  if (federation) {
    const figures = practiceFiguresOf(await figuresForPeriod(db, indicator.code, period, federation.id));
    const practices = funnelUnitsOf(figures).length;
    if (!needsFunnelReference(practices)) return { kind: 'federation', name: federation.name, figures, reason: funnelReferenceReason(group.name, own, { name: federation.name, practices }) };
  }
  const figures = practiceFiguresOf(await figuresForPeriod(db, indicator.code, period, null));
  const name = ALL_PRACTICES_HELD.toLowerCase();
  return { kind: 'all', name, figures, reason: funnelReferenceReason(group.name, own, { name, practices: funnelUnitsOf(figures).length }) };
}
