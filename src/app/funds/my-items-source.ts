import { eq } from 'drizzle-orm';
import { isoDay } from '../../domain/governance/due-dates.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { fundApplications, funds } from '../../db/schema/index.js';
import { isAllowed } from '../permissions.js';
import { actorOfQuery, type MyItem, type MyItemsSource } from '../reminders/my-item.js';

/**
 * Fund applications waiting for a decision, for whoever decides them (the commissioner). There
 * is no deadline for a decision: each is listed from the day it was submitted, so the longest
 * waiting come first, and says it is waiting rather than overdue.
 */
export const fundDecisionItems: MyItemsSource = async (db, query) => {
  if (!isAllowed(actorOfQuery(query), 'fund_application', 'update')) return [];
  const waiting = await db
    .select({ id: fundApplications.id, title: fundApplications.title, requestedPence: fundApplications.requestedPence, submittedAt: fundApplications.createdAt, fund: funds.name })
    .from(fundApplications)
    .innerJoin(funds, eq(funds.id, fundApplications.fundId))
    .where(eq(fundApplications.status, 'submitted'));
  return waiting.map((a): MyItem => ({ kind: 'fund_decision', ref: String(a.id), title: `${a.title}: ${formatPence(a.requestedPence)} from ${a.fund}`, dueDate: isoDay(a.submittedAt), waitingSince: true, href: `/fund-applications/${a.id}` }));
};
