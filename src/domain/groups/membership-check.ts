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
}

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
    const say = (message: string) => problems.push({ membershipId: m.id, groupId: m.groupId, groupName: m.groupName, practiceCode: m.practiceCode, message });
    const closed = afterClosingRefusal(m.practice, m.practiceCloseDate, m);
    if (closed) say(closed.message);
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
