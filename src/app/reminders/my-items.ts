import { todayInEngland, addDays } from '../../domain/iso-date.js';
import { eq, or, sql } from 'drizzle-orm';
import { byDueDate, reminderWindowDays } from '../../domain/governance/due-dates.js';
import { people, users } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { contractItems } from '../contracts/my-items-source.js';
import { fundDecisionItems, fundDrawdownItems } from '../funds/my-items-source.js';
import { governanceItemSources } from '../governance/my-items-sources.js';
import { workPlanItems } from '../programme/my-items-source.js';
import { activityReturnItems } from '../schemes/returns-due.js';
import type { MyItem, MyItemsQuery, MyItemsSource } from './my-item.js';

/**
 * Every source of "my items". Another area adds its own with one line here (e.g. the work plan's
 * `workPlanItems` from src/app/programme/my-items-source.ts, below).
 */
export const myItemsSources: readonly MyItemsSource[] = [...governanceItemSources, workPlanItems, contractItems, fundDecisionItems, fundDrawdownItems, activityReturnItems];

/** Items from every source, due soonest first (so overdue ones lead). */
export async function gatherMyItems(db: Db, query: MyItemsQuery, sources: readonly MyItemsSource[] = myItemsSources): Promise<MyItem[]> {
  const lists = [];
  // One after another: PGlite serves one query at a time anyway.
  for (const source of sources) lists.push(await source(db, query));
  return lists.flat().sort(byDueDate);
}

export interface PersonOfUser {
  id: number;
  name: string;
  initials: string | null;
}

/**
 * The person a user is: the people row whose user_id is the user's id, or failing that the one
 * with the user's email. A user who is nobody on the People page still sees their practices'
 * acknowledgements.
 */
export async function personOfUser(db: Db, userId: number): Promise<PersonOfUser | null> {
  const [person] = await db
    .select({ id: people.id, name: people.name, initials: people.initials, linked: sql<boolean>`${people.userId} = ${userId}` })
    .from(people)
    .leftJoin(users, eq(users.id, userId))
    .where(or(eq(people.userId, userId), sql`lower(${people.email}) = lower(${users.email})`))
    .orderBy(sql`${people.userId} = ${userId} desc nulls last`)
    .limit(1);
  return person ? { id: person.id, name: person.name, initials: person.initials } : null;
}

/** The signed-in user's items: everything due within the next 14 days, and everything overdue. */
export async function myItems(ctx: AppContext, today = todayInEngland()) {
  const person = ctx.actor.userId ? await personOfUser(ctx.db, ctx.actor.userId) : null;
  const until = addDays(today, reminderWindowDays);
  const items = await gatherMyItems(ctx.db, { personId: person?.id ?? 0, userId: ctx.actor.userId, practiceCodes: ctx.actor.practiceCodes, role: ctx.actor.role, today, until });
  return { person, today, until, items };
}
