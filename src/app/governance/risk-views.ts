import { eq } from 'drizzle-orm';
import { emptyHeatMapReason, heatMap, likelihoodWordNote } from '../../domain/governance/risk-score.js';
import { notFound } from '../../domain/errors.js';
import { risks, riskScoreHistory } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { authorize, isAllowed } from '../permissions.js';
import { isOwner } from '../people/owners.js';

/** The 5 × 5 heat map of open risks; risks without both likelihood and impact are listed apart, and an empty map says why. */
export async function riskHeatMap(ctx: AppContext) {
  authorize(ctx.actor, 'risk', 'read');
  const open = await ctx.db.select({ id: risks.id, ref: risks.ref, likelihood: risks.likelihood, impact: risks.impact }).from(risks).where(eq(risks.status, 'open')).orderBy(risks.ref);
  // Each unplaced risk's id, so the page links to the risk itself, where its impact is set.
  const idOf = Object.fromEntries(open.map((r) => [r.ref, r.id]));
  return { ...heatMap(open), idOf, note: likelihoodWordNote, emptyReason: emptyHeatMapReason(open) };
}

/** Every score a risk has had, oldest first, with the date and who set it; and whether the reader may record its review (an admin, or one of its owners). */
export async function riskScoreHistoryOf(ctx: AppContext, riskId: number) {
  authorize(ctx.actor, 'risk', 'read');
  const [risk] = await ctx.db.select({ id: risks.id, owners: risks.ownerPersonIds }).from(risks).where(eq(risks.id, riskId));
  if (!risk) throw notFound(`Risk ${riskId}`);
  const items = await ctx.db.select().from(riskScoreHistory).where(eq(riskScoreHistory.riskId, riskId)).orderBy(riskScoreHistory.id);
  return { items, mayReview: isAllowed(ctx.actor, 'risk', 'update') || (await isOwner(ctx.db, ctx.actor, risk.owners ?? [])) };
}
