import type { Db } from '../../db/client.js';
import type { Actor, Role } from '../context.js';

/**
 * One thing a person must do soon: a work-plan task, a board action, a risk review, a policy
 * review or acknowledgement, a contract's key date, a sub-contract to sign, a fund application to decide, an activity return due. Each area gives its
 * own items through a `MyItemsSource`; the "my items" page and the daily digest gather them all.
 */
export interface MyItem {
  kind: 'task' | 'action' | 'risk_review' | 'policy_review' | 'policy_acknowledgement' | 'contract_date' | 'sub_contract_signature' | 'fund_decision' | 'fund_drawdown' | 'activity_return';
  /** The plan's own reference: "1.13", "A4", "R2". */
  ref: string;
  title: string;
  /** ISO date the item is due; overdue when before today. */
  dueDate: string;
  /** No deadline (a fund application to decide): `dueDate` is the day it began waiting, and it is never overdue. */
  waitingSince?: boolean;
  /** Where the web app shows it, e.g. "/plan/tasks/12". */
  href: string;
}

export interface MyItemsQuery {
  /** The person the items are for: items owned by them (by person id). */
  personId: number;
  /** The signed-in user, for items assigned to users (e.g. acknowledgements by practice). */
  userId: number | null;
  practiceCodes: readonly string[];
  /** The user's role: some items belong to a role (a federation admin runs the contract register). */
  role: Role;
  /** Today's ISO date, for sources that warn further ahead than `until` (contract notice dates). */
  today: string;
  /** Items due on or before this ISO date, overdue ones included. */
  until: string;
}

export type MyItemsSource = (db: Db, query: MyItemsQuery) => Promise<MyItem[]>;

/** The user a query is for, as permission checks take them: a source asks "may they do this?" of it. */
export const actorOfQuery = (query: MyItemsQuery): Actor => ({ userId: query.userId, label: '', role: query.role, practiceCodes: query.practiceCodes });
