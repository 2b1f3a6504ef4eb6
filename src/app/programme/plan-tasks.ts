import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../domain/errors.js';
import { formatLongDate, isoDateSchema, refuseFutureDate } from '../../domain/iso-date.js';
import { findDuplicateIds, findMissingIds } from '../../domain/programme/duplicate-ids.js';
import { isOverdue } from '../../domain/programme/task-status.js';
import type { Db } from '../../db/client.js';
import { planSections, planTasks, taskPositionUpdates, workPlans } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { matchOwners } from '../people/match-owners.js';
import { authorize } from '../permissions.js';
import { parseOrRefuse } from '../records/zod-problems.js';
import { planTaskRecord, todayIso } from './plan-task-record.js';

export const positionUpdateSchema = z.object({
  date: isoDateSchema.optional(),
  text: z.string().trim().min(1, 'Enter the update').max(4000),
});

async function loadTask(db: Db, id: number) {
  const [task] = await db.select().from(planTasks).where(eq(planTasks.id, id));
  if (!task) throw notFound(`Task ${id}`);
  return task;
}

/** A task's position log, newest first: later dates first, and within a date the later entry first. */
export function positionLog(db: Db, taskId: number) {
  return db.select().from(taskPositionUpdates).where(eq(taskPositionUpdates.taskId, taskId)).orderBy(desc(taskPositionUpdates.entryDate), desc(taskPositionUpdates.sequence));
}

/** Everything the task page shows: the task, its section and plan, who its owner texts name, its log and the other lines with its id. */
export async function getTaskDetail(ctx: AppContext, id: number) {
  authorize(ctx.actor, 'plan_task', 'read');
  const task = await loadTask(ctx.db, id);
  const [section] = await ctx.db.select().from(planSections).where(eq(planSections.id, task.sectionId));
  const [plan] = await ctx.db.select({ id: workPlans.id, name: workPlans.name, asOf: workPlans.asOf }).from(workPlans).where(eq(workPlans.id, task.planId));
  const sameRef = await ctx.db.select({ id: planTasks.id, description: planTasks.description, sourceLine: planTasks.sourceLine }).from(planTasks).where(and(eq(planTasks.planId, task.planId), eq(planTasks.ref, task.ref), ne(planTasks.id, id))).orderBy(asc(planTasks.id));
  return {
    task: planTaskRecord.present(task),
    section: section ? { id: section.id, ref: section.ref, title: section.title } : null,
    plan: plan ?? null,
    owners: { allocatedTo: await matchOwners(ctx.db, task.allocatedTo), lead: await matchOwners(ctx.db, task.lead), involved: await matchOwners(ctx.db, task.involved) },
    updates: await positionLog(ctx.db, id),
    sameRef,
  };
}

/** Adds a dated position update to a task's log; earlier updates are never changed. */
export async function addPositionUpdate(ctx: AppContext, id: number, input: unknown) {
  const update = parseOrRefuse(positionUpdateSchema, input, 'The position update is not valid');
  authorize(ctx.actor, 'plan_task', 'update');
  const today = todayIso();
  // A position says where a task stands; it cannot yet stand anywhere tomorrow.
  refuseFutureDate(update.date, today, 'The position update', 'date');
  return ctx.db.transaction(async (tx) => {
    const db = tx as never as Db;
    const task = await loadTask(db, id);
    const [last] = await db.select({ n: sql<number>`coalesce(max(${taskPositionUpdates.sequence}), 0)` }).from(taskPositionUpdates).where(eq(taskPositionUpdates.taskId, id));
    const [entry] = await db
      .insert(taskPositionUpdates)
      .values({ taskId: id, entryDate: update.date ?? today, sequence: Number(last?.n ?? 0) + 1, text: update.text, source: 'person', createdBy: ctx.actor.label })
      .returning();
    await recordAudit(db, ctx.actor, { recordType: 'plan_task', recordId: id, action: 'update', after: entry, summary: `Position update added to ${task.ref} for ${formatLongDate(entry!.entryDate)}` });
    return entry!;
  });
}

/** A plan at a glance: its sections, the ids to resolve (used twice, or skipped), dates to check, owners not yet known, and counts. */
export async function getPlanSummary(ctx: AppContext, planId: number) {
  authorize(ctx.actor, 'work_plan', 'read');
  const [plan] = await ctx.db.select().from(workPlans).where(eq(workPlans.id, planId));
  if (!plan) throw notFound(`Work plan ${planId}`);
  const sections = await ctx.db.select({ id: planSections.id, ref: planSections.ref, title: planSections.title }).from(planSections).where(eq(planSections.planId, planId)).orderBy(asc(planSections.id));
  const tasks = await ctx.db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.id));
  const today = todayIso();
  const count = (predicate: (t: (typeof tasks)[number]) => boolean) => tasks.filter(predicate).length;
  const owners = await matchOwners(ctx.db, tasks.flatMap((t) => [t.allocatedTo, t.lead, t.involved]).filter(Boolean).join(';'));
  return {
    plan,
    sections: sections.map((s) => ({ ...s, tasks: count((t) => t.sectionId === s.id) })),
    tasks: tasks.length,
    statuses: Object.fromEntries(['not_started', 'in_progress', 'done', 'stopped'].map((s) => [s, count((t) => t.status === s)])),
    overdue: count((t) => isOverdue(t, today)),
    /** Tasks with a RAG rating: none when the plan's file had no RAG column and nobody has rated one yet. */
    rated: count((t) => t.rag !== null),
    duplicateIds: findDuplicateIds(tasks).map((d) => ({ ref: d.ref, tasks: d.items.map((t) => ({ id: t.id, description: t.description, sourceLine: t.sourceLine })) })),
    missingIds: findMissingIds(tasks.map((t) => t.ref)),
    datesToCheck: tasks.filter((t) => t.dateFlag).map((t) => ({ id: t.id, ref: t.ref, timeText: t.timeText, dateFlag: t.dateFlag })),
    unknownOwners: owners.unknown,
  };
}
