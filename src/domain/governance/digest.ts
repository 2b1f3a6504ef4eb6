import { formatLongDate, isOverdue } from './due-dates.js';

/** What the digest needs of an item (the same shape as a "my items" entry). */
export interface DigestItem {
  kind: string;
  ref: string;
  title: string;
  dueDate: string;
  href: string;
}

export const itemKindLabels: Record<string, string> = {
  task: 'Work-plan task',
  action: 'Board action',
  risk_review: 'Risk review',
  policy_review: 'Policy review',
  policy_acknowledgement: 'Policy to acknowledge',
  contract_date: 'Contract date',
  sub_contract_signature: 'Sub-contract to sign',
  fund_decision: 'Fund application to decide',
  activity_return: 'Activity return',
};

/**
 * The daily email: overdue items first, then what is due in the window, each with its link.
 * Plain text, so it reads the same in every mail client. Nothing is sent when there is nothing due.
 */
export function composeDigest(input: { name: string; items: readonly DigestItem[]; today: string; baseUrl: string; windowDays: number }): { subject: string; text: string } | null {
  if (!input.items.length) return null;
  const overdue = input.items.filter((i) => isOverdue(i.dueDate, input.today));
  const upcoming = input.items.filter((i) => !isOverdue(i.dueDate, input.today));
  const line = (i: DigestItem) => `- ${itemKindLabels[i.kind] ?? i.kind} ${i.ref}: ${i.title} (due ${formatLongDate(i.dueDate)})\n  ${input.baseUrl}${i.href}`;
  const parts = [`Dear ${input.name},`, '', `Your atscale items on ${formatLongDate(input.today)}.`];
  if (overdue.length) parts.push('', `Overdue (${overdue.length}):`, ...overdue.map(line));
  if (upcoming.length) parts.push('', `Due in the next ${input.windowDays} days (${upcoming.length}):`, ...upcoming.map(line));
  parts.push('', `All your items: ${input.baseUrl}/my-items`, '');
  const counts = [overdue.length ? `${overdue.length} overdue` : '', upcoming.length ? `${upcoming.length} due soon` : ''].filter(Boolean).join(', ');
  return { subject: `atscale: your items (${counts})`, text: parts.join('\n') };
}
