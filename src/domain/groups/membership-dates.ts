import { formatLongDate, addDays } from '../iso-date.js';
import { formatList } from '../words.js';

/** A membership's dates: from its start until its end (inclusive), or open-ended. */
export interface Span {
  startDate: string;
  endDate: string | null;
}

const far = '9999-12-31';
const endOf = (s: Span) => s.endDate ?? far;

/** "from 1 April 2024 to 31 March 2026", or "from 1 April 2024 (no end date)". */
export const spanPhrase = (s: Span) => `from ${formatLongDate(s.startDate)}${s.endDate ? ` to ${formatLongDate(s.endDate)}` : ' (no end date)'}`;

/** Whether two spans share at least one day. */
export const sharesADay = (a: Span, b: Span) => a.startDate <= endOf(b) && b.startDate <= endOf(a);

/** Spans joined where they touch or overlap (one ending 31 March, the next starting 1 April), in date order. */
export function joinSpans(spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    const last = joined.at(-1);
    if (last && last.endDate !== null && addDays(last.endDate, 1) < s.startDate) joined.push({ ...s });
    else if (last) last.endDate = last.endDate === null || s.endDate === null ? null : endOf(s) > last.endDate ? s.endDate : last.endDate;
    else joined.push({ ...s });
  }
  return joined;
}

/** The joined span of `cover` that holds a day, if any. */
export const spanHolding = (cover: readonly Span[], day: string) => joinSpans(cover).find((c) => c.startDate <= day && day <= endOf(c));

/** Whether every day of `span` lies within one of `cover`'s spans (touching spans count as one). */
export const liesWithin = (span: Span, cover: readonly Span[]) => {
  const holding = spanHolding(cover, span.startDate);
  return holding !== undefined && endOf(span) <= endOf(holding);
};

/**
 * The parts of `span` no span of `cover` holds, in date order: what adding a practice to a group
 * for `span` still has to add when it is a member for some of that time already.
 */
export function uncoveredParts(span: Span, cover: readonly Span[]): Span[] {
  const parts: Span[] = [];
  let from: string | null = span.startDate;
  for (const c of joinSpans(cover)) {
    if (from === null || (span.endDate !== null && c.startDate > span.endDate)) break;
    if (endOf(c) < from) continue;
    if (c.startDate > from) parts.push({ startDate: from, endDate: addDays(c.startDate, -1) });
    from = c.endDate === null ? null : addDays(c.endDate, 1);
  }
  if (from !== null && (span.endDate === null || from <= span.endDate)) parts.push({ startDate: from, endDate: span.endDate });
  return parts;
}

/** A refusal a form can show beside its field: the API's one error type is made from it. */
export interface DateRefusal {
  field: 'practiceCode' | 'startDate' | 'endDate';
  message: string;
}

export interface LocalityMembershipCheck {
  /** "Kibworth Medical Centre (C82001)". */
  practice: string;
  locality: string;
  /** The group the locality is part of. */
  parent: string;
  membership: Span;
  /** The practice's memberships of the parent group. */
  parentMemberships: readonly Span[];
}

/**
 * A practice is in a locality only while it is a member of the locality's group: otherwise the
 * locality's page counts a practice its group's page does not, and their totals disagree. The
 * refusal names the practice, the group and the dates it is a member (or that it is not one).
 */
export function outsideParentRefusal({ practice, locality, parent, membership, parentMemberships }: LocalityMembershipCheck): DateRefusal | null {
  if (liesWithin(membership, parentMemberships)) return null;
  if (!parentMemberships.length) return { field: 'practiceCode', message: `${practice} is not a member of ${parent}, so it cannot be in ${locality}, one of its localities: add it to ${parent} first` };
  const field = spanHolding(parentMemberships, membership.startDate) ? 'endDate' : 'startDate';
  return { field, message: `${practice} is a member of ${parent} ${formatList(joinSpans(parentMemberships).map(spanPhrase))}, so it can be in ${locality} only within those dates` };
}

/**
 * Why a membership clashes with another of the same practice (in the same group, or in a sibling
 * locality) and what would fit: only an open-ended one needs ending first; an ended one leaves room
 * before or after it.
 */
export function overlapMessage(practice: string, other: Span & { groupName: string }, membership: Span): string {
  const where = `${practice} is${other.endDate === null && other.startDate <= membership.startDate ? ' already' : ''} in ${other.groupName} ${spanPhrase(other)}`;
  if (membership.startDate < other.startDate) {
    const after = other.endDate ? `, or start it on or after ${formatLongDate(addDays(other.endDate, 1))}` : '';
    return `${where}; end this membership by ${formatLongDate(addDays(other.startDate, -1))}${after}`;
  }
  if (other.endDate === null) return `${where}; end that membership first`;
  return `${where}; start this membership on or after ${formatLongDate(addDays(other.endDate, 1))}, or end that one earlier`;
}

/** What a change to a practice's membership of a group means for its memberships of that group's localities. */
export interface LocalityFit<T extends Span> {
  /** Locality memberships that ran past the group membership's new end: ended on that day. */
  end: { membership: T; endDate: string }[];
  /** Locality memberships the group membership no longer holds at all (they start outside it). */
  outside: T[];
}

/**
 * Brings a practice's locality memberships into line with its memberships of their group after one
 * of those changes: a locality membership that started while the practice was a member but runs on
 * after it left ends on the day it left (leaving a federation leaves its locality too); one that
 * starts outside every membership cannot be put right by ending it, so it is named instead.
 */
export function fitLocalitiesToParent<T extends Span>(parentMemberships: readonly Span[], localityMemberships: readonly T[]): LocalityFit<T> {
  const fit: LocalityFit<T> = { end: [], outside: [] };
  for (const membership of localityMemberships) {
    if (liesWithin(membership, parentMemberships)) continue;
    const holding = spanHolding(parentMemberships, membership.startDate);
    if (holding?.endDate) fit.end.push({ membership, endDate: holding.endDate });
    else fit.outside.push(membership);
  }
  return fit;
}

/**
 * A practice that has closed is a member of nothing after its close date: a membership starting
 * later is refused, and one running past it (or with no end) must end by then, or the group would
 * count a closed practice, with its last list size, as a member today.
 */
export function afterClosingRefusal(practice: string, closeDate: string | null, membership: Span): DateRefusal | null {
  if (!closeDate || endOf(membership) <= closeDate) return null;
  if (membership.startDate > closeDate) return { field: 'startDate', message: `${practice} closed on ${formatLongDate(closeDate)}, before this membership would start` };
  return { field: 'endDate', message: `${practice} closed on ${formatLongDate(closeDate)}: end this membership on or before that date` };
}
