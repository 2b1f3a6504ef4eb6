import { formatLongDate, isOverdue } from './due-dates.js';

/** What the digest needs of an item (the same shape as a "my items" entry). */
export interface DigestItem {
  kind: string;
  ref: string;
  title: string;
  dueDate: string;
  href: string;
  /** The item has no deadline (a fund application to decide): `dueDate` is the day it began waiting, and it is never overdue. */
  waitingSince?: boolean;
}

/** Overdue: due before today, unless it has no deadline and is only waiting. */
export const isItemOverdue = (item: Pick<DigestItem, 'dueDate' | 'waitingSince'>, today: string): boolean => !item.waitingSince && isOverdue(item.dueDate, today);

/** "due 1 December 2026", or "waiting since 25 November 2026" for an item with no deadline. */
export const itemDueWords = (item: Pick<DigestItem, 'dueDate' | 'waitingSince'>): string => `${item.waitingSince ? 'waiting since' : 'due'} ${formatLongDate(item.dueDate)}`;

export const itemKindLabels: Record<string, string> = {
  task: 'Work-plan task',
  action: 'Board action',
  risk_review: 'Risk review',
  policy_review: 'Policy review',
  policy_acknowledgement: 'Policy to acknowledge',
  contract_date: 'Contract date',
  sub_contract_signature: 'Sub-contract to sign',
  fund_decision: 'Fund application to decide',
  fund_drawdown: 'Fund money to draw',
  activity_return: 'Activity return',
};

/**
 * The daily email: overdue items first, then what is due in the window, each with its link.
 * Plain text, so it reads the same in every mail client. Nothing is sent when there is nothing due.
 */
export function composeDigest(input: { name: string; items: readonly DigestItem[]; today: string; baseUrl: string; windowDays: number }): { subject: string; text: string } | null {
  if (!input.items.length) return null;
  const overdue = input.items.filter((i) => isItemOverdue(i, input.today));
  const waiting = input.items.filter((i) => i.waitingSince);
  const upcoming = input.items.filter((i) => !i.waitingSince && !isItemOverdue(i, input.today));
  const line = (i: DigestItem) => `- ${itemKindLabels[i.kind] ?? i.kind} ${i.ref}: ${i.title} (${itemDueWords(i)})\n  ${input.baseUrl}${i.href}`;
  const parts = [`Dear ${input.name},`, '', `Your atscale items on ${formatLongDate(input.today)}.`];
  if (overdue.length) parts.push('', `Overdue (${overdue.length}):`, ...overdue.map(line));
  if (upcoming.length) parts.push('', `Due in the next ${input.windowDays} days (${upcoming.length}):`, ...upcoming.map(line));
  if (waiting.length) parts.push('', `Waiting for you, with no deadline (${waiting.length}):`, ...waiting.map(line));
  parts.push('', `All your items: ${input.baseUrl}/my-items`, '');
  const counts = [overdue.length ? `${overdue.length} overdue` : '', upcoming.length ? `${upcoming.length} due soon` : '', waiting.length ? `${waiting.length} waiting` : ''].filter(Boolean).join(', ');
  return { subject: `atscale: your items (${counts})`, text: parts.join('\n') };
}
