import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { planSections, planTasks, taskPositionUpdates } from '../../db/schema/index.js';

/** A work plan's sections, tasks and the tasks' position logs, for the audit row of the plan's delete. */
export async function planContents(db: Db, planId: string | number): Promise<Record<string, unknown>> {
  const id = Number(planId);
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, id)).orderBy(asc(planTasks.id));
  return {
    sections: await db.select().from(planSections).where(eq(planSections.planId, id)).orderBy(asc(planSections.id)),
    tasks,
    positionUpdates: tasks.length ? await db.select().from(taskPositionUpdates).where(inArray(taskPositionUpdates.taskId, tasks.map((t) => t.id))).orderBy(asc(taskPositionUpdates.id)) : [],
  };
}

/** Removes what a deleted work plan held, in the delete's transaction. */
export async function deletePlanContents(db: Db, deleted: Record<string, unknown>): Promise<void> {
  const id = Number(deleted.id);
  const tasks = db.select({ id: planTasks.id }).from(planTasks).where(eq(planTasks.planId, id));
  await db.delete(taskPositionUpdates).where(inArray(taskPositionUpdates.taskId, tasks));
  await db.delete(planTasks).where(eq(planTasks.planId, id));
  await db.delete(planSections).where(eq(planSections.planId, id));
}
