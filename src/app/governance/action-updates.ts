import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatLongDate } from '../../domain/governance/due-dates.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { todayInEngland, refuseFutureDate } from '../../domain/iso-date.js';
import { boardActions, boardActionUpdates } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import type { Actor, AppContext } from '../context.js';
import { authorize, isAllowed } from '../permissions.js';
import { isOwner } from '../people/owners.js';
import { parseOrRefuse } from '../records/zod-problems.js';
import { dateText } from './fields.js';

export const actionUpdateInput = z.object({
  text: z.string().trim().min(1, 'Enter the update').max(4000),
  enteredOn: dateText,
});

/**
 * Who may add an update: the federation (admins), and the action's owners, who report their own
 * progress (its My items and digest ask them to). A commissioner reads only.
 */
async function mayAddUpdate(db: Db, actor: Actor, ownerPersonIds: readonly number[]): Promise<boolean> {
  return isAllowed(actor, 'board_action', 'update') || isOwner(db, actor, ownerPersonIds);
}

/** The action an update is for (undefined if there is none), refused to someone who may not add one to it. */
async function actionToUpdate(db: Db, actor: Actor, actionId: number) {
  const [action] = await db.select({ ref: boardActions.ref, owners: boardActions.ownerPersonIds }).from(boardActions).where(eq(boardActions.id, actionId));
  if (action && !(await mayAddUpdate(db, actor, action.owners ?? []))) throw forbidden(`Only the federation and the owners of action ${action.ref} can add an update to it`);
  return action;
}

/** Refuses, before what was sent is read, someone who may not add an update to this action (a missing action is left to the use case to say). */
export async function refuseUnlessMayAddUpdate(ctx: AppContext, actionId: number): Promise<void> {
  authorize(ctx.actor, 'board_action', 'read');
  await actionToUpdate(ctx.db, ctx.actor, actionId);
}

/**
 * Appends a dated update (never changes an earlier one); `enteredOn` defaults to today. An update
 * says what has happened, so it cannot be dated after today. Audited on the action.
 */
export async function addActionUpdate(ctx: AppContext, actionId: number, body: unknown) {
  authorize(ctx.actor, 'board_action', 'read');
  const update = parseOrRefuse(actionUpdateInput, body, 'The update is not valid');
  const today = todayInEngland();
  refuseFutureDate(update.enteredOn, today, 'The update', 'enteredOn');
  return ctx.db.transaction(async (tx) => {
    if (!(await actionToUpdate(tx as never, ctx.actor, actionId))) throw notFound(`Board action ${actionId}`);
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

/** An action's updates, oldest first, and whether the reader may add one (an admin, or an owner). */
export async function listActionUpdates(ctx: AppContext, actionId: number) {
  authorize(ctx.actor, 'board_action', 'read');
  const [action] = await ctx.db.select({ owners: boardActions.ownerPersonIds }).from(boardActions).where(eq(boardActions.id, actionId));
  if (!action) throw notFound(`Board action ${actionId}`);
  const items = await ctx.db.select().from(boardActionUpdates).where(eq(boardActionUpdates.actionId, actionId)).orderBy(asc(boardActionUpdates.enteredOn), asc(boardActionUpdates.id));
  return { items, mayAdd: await mayAddUpdate(ctx.db, ctx.actor, action.owners ?? []) };
}
