import { and, asc, eq, gte, inArray, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import { conflict, invalid } from '../../domain/errors.js';
import { afterClosingRefusal, fitLocalitiesToParent, outsideParentRefusal, overlapMessage, type Span, spanPhrase } from '../../domain/groups/membership-dates.js';
import { formatLongDate } from '../../domain/iso-date.js';
import type { Db } from '../../db/client.js';
import { groupMemberships, membershipOverview, practiceGroups, practiceOverview } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { Actor } from '../context.js';

export type Group = typeof practiceGroups.$inferSelect;
export interface MembershipValues extends Span {
  groupId: number;
  practiceCode: string;
}

/** A practice as the rules' sentences name it: "Kibworth Medical Centre (C82001)", or its code alone when the registry has no name for it. */
export const practiceLabel = (name: string | null | undefined, code: string) => (name ? `${name} (${code})` : code);

/** A practice as the rules' sentences name it, "Kibworth Medical Centre (C82001)", and its close date if it has closed. */
async function practiceFacts(db: Db, code: string): Promise<{ named: string; closeDate: string | null }> {
  const [row] = await db.select({ name: practiceOverview.displayName, closeDate: practiceOverview.closeDate }).from(practiceOverview).where(eq(practiceOverview.odsCode, code));
  return { named: practiceLabel(row?.name, code), closeDate: row?.closeDate ?? null };
}

/** A practice as the rules' sentences name it: "Kibworth Medical Centre (C82001)". */
export const practiceNamed = async (db: Db, code: string): Promise<string> => (await practiceFacts(db, code)).named;

export async function findGroup(db: Db, id: number): Promise<Group | undefined> {
  const [row] = await db.select().from(practiceGroups).where(eq(practiceGroups.id, id));
  return row;
}

/** The localities of a group (their ids, as a subquery). */
export const localitiesOf = (db: Db, parentId: number) => db.select({ id: practiceGroups.id }).from(practiceGroups).where(and(eq(practiceGroups.kind, 'locality'), eq(practiceGroups.parentId, parentId)));

/** A practice's memberships of the groups `where` picks, with each group's name, in date order; `exceptId` leaves out the one being changed. */
export function membershipsOf(db: Db, practiceCode: string, where: SQL, exceptId?: number) {
  return db
    .select({ id: groupMemberships.id, groupId: groupMemberships.groupId, groupName: practiceGroups.name, startDate: groupMemberships.startDate, endDate: groupMemberships.endDate, rowVersion: groupMemberships.rowVersion })
    .from(groupMemberships)
    .innerJoin(practiceGroups, eq(practiceGroups.id, groupMemberships.groupId))
    .where(and(where, eq(groupMemberships.practiceCode, practiceCode), exceptId === undefined ? undefined : ne(groupMemberships.id, exceptId)))
    .orderBy(asc(groupMemberships.startDate));
}

/** Memberships that share at least one day with `span`. */
export const sharingADayWith = (span: Span) => and(lte(groupMemberships.startDate, span.endDate ?? '9999-12-31'), or(isNull(groupMemberships.endDate), gte(groupMemberships.endDate, span.startDate)))!;

/** The practice's memberships of the groups `where` picks that share a day with `membership`. */
const overlapping = (db: Db, membership: Span & { practiceCode: string }, where: SQL, exceptId?: number) => membershipsOf(db, membership.practiceCode, and(where, sharingADayWith(membership))!, exceptId);

/**
 * A membership ends by the practice's close date, if it has closed; a locality membership lies within
 * the practice's membership of the locality's group (or the
 * locality's page counts a practice its group's page does not), and a practice is in a group once
 * at a time, and in one locality of a group at a time (or the group's totals count it twice).
 */
export async function refuseMembershipDates(db: Db, group: Group, membership: MembershipValues, exceptId?: number): Promise<void> {
  const { named: practice, closeDate } = await practiceFacts(db, membership.practiceCode);
  const closed = afterClosingRefusal(practice, closeDate, membership);
  if (closed) throw invalid(closed.message, [closed]);
  const parent = group.kind === 'locality' && group.parentId !== null ? await findGroup(db, group.parentId) : undefined;
  if (parent) {
    const parentMemberships = await membershipsOf(db, membership.practiceCode, eq(groupMemberships.groupId, parent.id));
    const refusal = outsideParentRefusal({ practice, locality: group.name, parent: parent.name, membership, parentMemberships });
    if (refusal) throw invalid(refusal.message, [refusal]);
  }
  const sameGroups = parent ? inArray(groupMemberships.groupId, localitiesOf(db, parent.id)) : eq(groupMemberships.groupId, group.id);
  const [clash] = await overlapping(db, membership, sameGroups, exceptId);
  if (clash) {
    const why = parent && clash.groupId !== group.id ? ` (a practice is in one locality of ${parent.name} at a time)` : '';
    const message = `${overlapMessage(practice, clash, membership)}${why}`;
    throw conflict(message, {}, [{ field: membership.startDate < clash.startDate ? 'endDate' : 'startDate', message }]);
  }
}

/**
 * After a practice's membership of a group changes, its memberships of the group's localities
 * follow: one running on after the practice left ends on the day it left (leaving a federation
 * leaves its locality too), audited; one the change would leave wholly outside is refused, naming
 * it. Returns a sentence for each membership ended.
 */
export async function fitLocalityMemberships(db: Db, actor: Actor, changed: MembershipValues): Promise<string[]> {
  const group = await findGroup(db, changed.groupId);
  if (!group) return [];
  const localityMemberships = await membershipsOf(db, changed.practiceCode, inArray(groupMemberships.groupId, localitiesOf(db, group.id)));
  if (!localityMemberships.length) return [];
  const parentMemberships = await membershipsOf(db, changed.practiceCode, eq(groupMemberships.groupId, group.id));
  const fit = fitLocalitiesToParent(parentMemberships, localityMemberships);
  const practice = await practiceNamed(db, changed.practiceCode);
  const [outside] = fit.outside;
  if (outside) {
    const message = `${practice} is in ${outside.groupName} ${spanPhrase(outside)}, which this change would leave outside its membership of ${group.name}: end or remove that membership of ${outside.groupName} first`;
    throw invalid(message, [{ field: outside.startDate < changed.startDate ? 'startDate' : 'endDate', message }]);
  }
  const said: string[] = [];
  for (const { membership, endDate } of fit.end) {
    await endMembership(db, actor, { ...membership, practice }, endDate, `Ended with its membership of ${group.name}`);
    said.push(`${practice}’s membership of ${membership.groupName} ends on ${formatLongDate(endDate)} too`);
  }
  return said;
}

/**
 * Ends a membership on a date as a rule's consequence (its group's membership ended, its practice
 * closed), not as a person's edit of it: its version moves on, so a page that read it before gets
 * a conflict, and the audit keeps its before and after. One changed since its `rowVersion` was
 * read is refused as a conflict, never overwritten.
 */
export async function endMembership(db: Db, actor: Actor, membership: { id: number; rowVersion: number; groupName: string; practice: string }, endDate: string, summary: string): Promise<void> {
  const read = () => db.select().from(membershipOverview).where(eq(membershipOverview.id, membership.id));
  const [before] = await read();
  const changed = await db.update(groupMemberships).set({ endDate, rowVersion: membership.rowVersion + 1, updatedAt: new Date() }).where(and(eq(groupMemberships.id, membership.id), eq(groupMemberships.rowVersion, membership.rowVersion))).returning({ id: groupMemberships.id });
  if (!changed.length) throw conflict(`${membership.practice}’s membership of ${membership.groupName} was changed by someone else just now, so nothing was changed. Check the memberships again.`);
  const [after] = await read();
  await recordAudit(db, actor, { recordType: 'membership', recordId: membership.id, action: 'update', before, after, summary });
}

/**
 * A group made a locality, or a locality moved to another group, keeps its memberships only if each
 * lies within the new group's, and none overlaps the practice's membership of another of its localities
 * (a practice is in one locality of a group at a time).
 */
export async function refuseMembersOutsideParent(db: Db, locality: Pick<Group, 'id' | 'name'>, parentId: number): Promise<void> {
  const parent = await findGroup(db, parentId);
  if (!parent) return;
  const members = await db.select().from(groupMemberships).where(eq(groupMemberships.groupId, locality.id)).orderBy(asc(groupMemberships.practiceCode), asc(groupMemberships.startDate));
  for (const membership of members) {
    const practice = await practiceNamed(db, membership.practiceCode);
    const parentMemberships = await membershipsOf(db, membership.practiceCode, eq(groupMemberships.groupId, parent.id));
    const refusal = outsideParentRefusal({ practice, locality: locality.name, parent: parent.name, membership, parentMemberships });
    if (refusal) throw invalid(refusal.message, [{ field: 'parentId', message: refusal.message }]);
    const [clash] = await overlapping(db, membership, and(inArray(groupMemberships.groupId, localitiesOf(db, parent.id)), ne(groupMemberships.groupId, locality.id))!);
    if (clash) {
      const message = `${practice} is in ${clash.groupName} ${spanPhrase(clash)} and in ${locality.name} ${spanPhrase(membership)}; a practice is in one locality of ${parent.name} at a time, so end one of those memberships first`;
      throw conflict(message, {}, [{ field: 'parentId', message }]);
    }
  }
}
