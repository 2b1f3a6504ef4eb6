import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatLongDate } from '../../domain/governance/due-dates.js';
import { notFound } from '../../domain/errors.js';
import { todayInEngland, refuseFutureDate } from '../../domain/iso-date.js';
import { boardActions, boardActionUpdates } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import type { Actor, AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { parseOrRefuse } from '../records/zod-problems.js';
import { dateText } from './fields.js';

export const actionUpdateInput = z.object({
  text: z.string().trim().min(1, 'Enter the update').max(4000),
  enteredOn: dateText,
});

/**
 * Appends a dated update (never changes an earlier one); `enteredOn` defaults to today. An update
 * says what has happened, so it cannot be dated after today. Audited on the action.
 */
export async function addActionUpdate(ctx: AppContext, actionId: number, body: unknown) {
  authorize(ctx.actor, 'board_action', 'update');
  const update = parseOrRefuse(actionUpdateInput, body, 'The update is not valid');
  const today = todayInEngland();
  refuseFutureDate(update.enteredOn, today, 'The update', 'enteredOn');
  return ctx.db.transaction(async (tx) => {
    const [action] = await tx.select({ id: boardActions.id }).from(boardActions).where(eq(boardActions.id, actionId));
    if (!action) throw notFound(`Board action ${actionId}`);
    return appendUpdate(tx as never, ctx.actor, actionId, update.text, update.enteredOn ?? today);
  });
}

/** Inside the caller's transaction: one dated update and its audit row. */
export async function appendUpdate(db: Db, actor: Actor, actionId: number, text: string, enteredOn: string) {
  const [update] = await db.insert(boardActionUpdates).values({ actionId, text, enteredOn, enteredBy: actor.label }).returning();
  await recordAudit(db, actor, { recordType: 'board_action', recordId: actionId, action: 'update', after: { update }, summary: `Update dated ${formatLongDate(enteredOn)} added` });
  return update!;
}

export async function hasUpdate(db: Db, actionId: number, text: string): Promise<boolean> {
  const [found] = await db.select({ id: boardActionUpdates.id }).from(boardActionUpdates).where(and(eq(boardActionUpdates.actionId, actionId), eq(boardActionUpdates.text, text))).limit(1);
  return !!found;
}

export async function listActionUpdates(ctx: AppContext, actionId: number) {
  authorize(ctx.actor, 'board_action', 'read');
  return ctx.db.select().from(boardActionUpdates).where(eq(boardActionUpdates.actionId, actionId)).orderBy(asc(boardActionUpdates.enteredOn), asc(boardActionUpdates.id));
}
