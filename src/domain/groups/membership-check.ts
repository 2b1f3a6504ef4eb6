import { formatLongDate } from '../iso-date.js';
import { namesInOrder } from '../words.js';
import { afterClosingRefusal, outsideParentRefusal, overlapMessage, sharesADay, type Span } from './membership-dates.js';

/** A stored membership, with what the rules need to know of its group and practice. */
export interface CheckedMembership extends Span {
  id: number;
  groupId: number;
  groupName: string;
  /** The group a locality is part of (null for a federation, footprint or peer group). */
  parent: { id: number; name: string } | null;
  practiceCode: string;
  /** "Kibworth Medical Centre (C82001)". */
  practice: string;
  practiceCloseDate: string | null;
}

export interface MembershipProblem {
  membershipId: number;
  groupId: number;
  groupName: string;
  practiceCode: string;
  message: string;
  /** The practice's close date, when the membership runs past it but began before it: ending it then puts it right. */
  endOn: string | null;
}

/**
 * The memberships that run past their practice's close date but began on or before it, each with
 * the date to end it on (the close date). Ending every one of them together keeps the other rules:
 * a shorter membership overlaps nothing new, and a locality membership ending with its group's
 * still lies within it. One that began after the closing cannot be ended then: it is left to a person.
 */
export function endingAtClosing(memberships: readonly CheckedMembership[]): { membership: CheckedMembership; endDate: string }[] {
  return memberships.flatMap((m) => (endOnClosing(m) ? [{ membership: m, endDate: m.practiceCloseDate! }] : []));
}

/** A membership ended on its practice's close date. */
export interface EndedMembership {
  membershipId: number;
  groupId: number;
  groupName: string;
  practiceCode: string;
  /** "Two Shires Medical Practice (C82660)". */
  practice: string;
  endDate: string;
}

/** Memberships ending at their practices' closings, a practice at a time in code order, with the groups it is in (in name order). */
function closingsByPractice(ending: readonly Pick<EndedMembership, 'practiceCode' | 'practice' | 'groupName' | 'endDate'>[]) {
  const practices = new Map<string, { practice: string; closeDate: string; groups: string[] }>();
  for (const e of ending) {
    const entry = practices.get(e.practiceCode) ?? { practice: e.practice, closeDate: e.endDate, groups: [] };
    entry.groups.push(e.groupName);
    practices.set(e.practiceCode, entry);
  }
  return [...practices.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, p]) => ({ ...p, groups: namesInOrder(p.groups) }));
}

/** "Two Shires Medical Practice (C82660) closed on 30 June 2020 and is still in ELR federation and Wigston", a sentence per practice. */
export const stillMembersSentences = (ending: readonly { membership: CheckedMembership; endDate: string }[]): string[] =>
  closingsByPractice(ending.map((e) => ({ ...e.membership, endDate: e.endDate }))).map((p) => `${p.practice} closed on ${formatLongDate(p.closeDate)} and is still in ${p.groups}`);

/** "Two Shires Medical Practice (C82660) left ELR federation and Wigston on 30 June 2020, when it closed", a sentence per practice. */
export const endedSentences = (ended: readonly EndedMembership[]): string[] =>
  closingsByPractice(ended).map((p) => `${p.practice} left ${p.groups} on ${formatLongDate(p.closeDate)}, when it closed`);

const endOnClosing = (m: CheckedMembership): string | null =>
  m.practiceCloseDate !== null && m.startDate <= m.practiceCloseDate && (m.endDate === null || m.endDate > m.practiceCloseDate) ? m.practiceCloseDate : null;

/**
 * The rules a membership is held to when it is made or changed, checked over every stored one: a
 * database made before a rule existed may hold memberships that break it, and nothing else looks
 * until each is next edited. A practice is a member of nothing after it closed; a locality
 * membership lies within the practice's membership of the locality's group; a practice is in a
 * group, and in one locality of a group, once at a time. Each clash is named once, on the later
 * membership. In group, then practice, then date order.
 */
export function membershipProblems(memberships: readonly CheckedMembership[]): MembershipProblem[] {
  const problems: MembershipProblem[] = [];
  const byPractice = new Map<string, CheckedMembership[]>();
  for (const m of memberships) byPractice.set(m.practiceCode, [...(byPractice.get(m.practiceCode) ?? []), m]);
  const ordered = [...memberships].sort((a, b) => a.groupName.localeCompare(b.groupName) || a.practiceCode.localeCompare(b.practiceCode) || a.startDate.localeCompare(b.startDate) || a.id - b.id);
  for (const m of ordered) {
    const say = (message: string, endOn: string | null = null) => problems.push({ membershipId: m.id, groupId: m.groupId, groupName: m.groupName, practiceCode: m.practiceCode, message, endOn });
    const closed = afterClosingRefusal(m.practice, m.practiceCloseDate, m);
    if (closed) say(closed.message, endOnClosing(m));
    const own = byPractice.get(m.practiceCode) ?? [];
    if (m.parent) {
      const parentMemberships = own.filter((o) => o.groupId === m.parent!.id);
      const outside = outsideParentRefusal({ practice: m.practice, locality: m.groupName, parent: m.parent.name, membership: m, parentMemberships });
      if (outside) say(outside.message);
    }
    // Only an earlier one (by start, then id) is named, so each pair is said once.
    const sameGroups = (o: CheckedMembership) => o.groupId === m.groupId || (m.parent !== null && o.parent?.id === m.parent.id);
    const earlier = own.find((o) => o.id !== m.id && sameGroups(o) && sharesADay(o, m) && (o.startDate < m.startDate || (o.startDate === m.startDate && o.id < m.id)));
    if (earlier) say(overlapMessage(m.practice, earlier, m));
  }
  return problems;
}
