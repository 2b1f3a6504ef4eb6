import { and, asc, eq, isNotNull, lte, notInArray } from 'drizzle-orm';
import { splitOwnerText } from '../../domain/people/owner-text.js';
import { people, planTasks, workPlans } from '../../db/schema/index.js';
import type { MyItemsSource } from '../reminders/my-item.js';

/**
 * Work-plan tasks the person leads (by initials or name in the lead text), not done or stopped, due
 * on or before `until`; each names its plan when they come from more than one (two plans' task 2.1).
 */
export const workPlanItems: MyItemsSource = async (db, query) => {
  const [person] = await db.select().from(people).where(eq(people.id, query.personId));
  if (!person) return [];
  const names = new Set([person.name, person.initials].filter((n): n is string => !!n).map((n) => n.toLowerCase()));
  const tasks = await db
    .select({ id: planTasks.id, ref: planTasks.ref, description: planTasks.description, lead: planTasks.lead, targetDate: planTasks.targetDate, planId: planTasks.planId, plan: workPlans.name })
    .from(planTasks)
    .innerJoin(workPlans, eq(workPlans.id, planTasks.planId))
    .where(and(isNotNull(planTasks.targetDate), lte(planTasks.targetDate, query.until), notInArray(planTasks.status, ['done', 'stopped'])))
    .orderBy(asc(planTasks.targetDate), asc(planTasks.id));
  const theirs = tasks.filter((t) => splitOwnerText(t.lead).some((part) => names.has(part.toLowerCase())));
  const severalPlans = new Set(theirs.map((t) => t.planId)).size > 1;
  return theirs.map((t) => ({ kind: 'task' as const, ref: t.ref, title: severalPlans ? `${t.description} (${t.plan})` : t.description, dueDate: t.targetDate!, href: `/programme/tasks/${t.id}` }));
};
