import { and, eq, inArray } from 'drizzle-orm';
import { drawnPenceOfApplication } from '../../db/repos/contracts.js';
import { dayInEngland } from '../../domain/iso-date.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { fundApplications, funds } from '../../db/schema/index.js';
import { isAllowed } from '../permissions.js';
import { actorOfQuery, type MyItem, type MyItemsSource } from '../reminders/my-item.js';

/**
 * Fund applications waiting for a decision, for whoever decides them (the commissioner). There
 * is no deadline for a decision: each is listed from the day it was submitted (the day the
 * applicant gave, or the day in England it was entered), so the longest waiting come first, and
 * says it is waiting rather than overdue.
 */
export const fundDecisionItems: MyItemsSource = async (db, query) => {
  if (!isAllowed(actorOfQuery(query), 'fund_application', 'update')) return [];
  const waiting = await db
    .select({ id: fundApplications.id, title: fundApplications.title, requestedPence: fundApplications.requestedPence, submittedOn: fundApplications.submittedOn, createdAt: fundApplications.createdAt, fund: funds.name })
    .from(fundApplications)
    .innerJoin(funds, eq(funds.id, fundApplications.fundId))
    .where(eq(fundApplications.status, 'submitted'));
  return waiting.map((a): MyItem => ({ kind: 'fund_decision', ref: String(a.id), title: `${a.title}: ${formatPence(a.requestedPence)} from ${a.fund}`, dueDate: a.submittedOn ?? dayInEngland(a.createdAt), waitingSince: true, href: `/fund-applications/${a.id}` }));
};

/**
 * Money approved for a practice's own application and not yet drawn, for its practice manager: the
 * federation records a drawdown against evidence of what was spent, so the manager is asked for the
 * evidence. No deadline: listed from the day it was decided, until every approved pound is drawn.
 */
export const fundDrawdownItems: MyItemsSource = async (db, query) => {
  if (query.role !== 'practice_manager' || !query.practiceCodes.length) return [];
  const approved = await db
    .select({ id: fundApplications.id, title: fundApplications.title, approvedPence: fundApplications.approvedPence, decidedAt: fundApplications.decidedAt, decidedOn: fundApplications.decidedOn, drawnPence: drawnPenceOfApplication(), fund: funds.name })
    .from(fundApplications)
    .innerJoin(funds, eq(funds.id, fundApplications.fundId))
    .where(and(inArray(fundApplications.status, ['approved', 'part_approved']), inArray(fundApplications.practiceCode, [...query.practiceCodes])));
  return approved
    .filter((a) => (a.approvedPence ?? 0) > a.drawnPence && a.decidedAt !== null)
    .map((a): MyItem => ({
      kind: 'fund_drawdown',
      ref: String(a.id),
      title: `Send the federation evidence of spending to draw the ${formatPence((a.approvedPence ?? 0) - a.drawnPence)} left of ${a.title} (${a.fund})`,
      dueDate: a.decidedOn ?? dayInEngland(a.decidedAt!),
      waitingSince: true,
      href: `/fund-applications/${a.id}`,
    }));
};
