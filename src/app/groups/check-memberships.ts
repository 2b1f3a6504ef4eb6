import { and, countDistinct, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { type CheckedMembership, type EndedMembership, endingAtClosing, type MembershipProblem, membershipProblems, stillMembersSentences } from '../../domain/groups/membership-check.js';
import { type MemberChange, memberChangeSentences } from '../../domain/groups/member-changes.js';
import { formatLongDate, todayInEngland } from '../../domain/iso-date.js';
import { commissionerOn } from '../../db/repos/practice-on-date.js';
import type { Db } from '../../db/client.js';
import { membershipOverview, practiceGroups, practiceOverview, practices } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { endMembership, practiceLabel } from './membership-rules.js';

export interface MembershipCheck {
  checked: number;
  problems: MembershipProblem[];
  /**
   * Members the NHS files have changed since they joined, which breaks no rule but may want an admin:
   * one now dormant, one moved from its group's commissioner to another. A sentence each.
   */
  notes: string[];
}

type StoredMembership = CheckedMembership & { rowVersion: number };

/** The stored memberships (of these practices, or all), with what the rules need of their groups and practices. */
export async function storedMemberships(db: Db, practiceCodes?: readonly string[]): Promise<StoredMembership[]> {
  const [rows, groups] = await Promise.all([
    db
      .select({ id: membershipOverview.id, groupId: membershipOverview.groupId, groupName: membershipOverview.groupName, parentId: membershipOverview.groupParentId, practiceCode: membershipOverview.practiceCode, name: practiceOverview.displayName, closeDate: practiceOverview.closeDate, startDate: membershipOverview.startDate, endDate: membershipOverview.endDate, rowVersion: membershipOverview.rowVersion })
      .from(membershipOverview)
      .leftJoin(practiceOverview, eq(practiceOverview.odsCode, membershipOverview.practiceCode))
      .where(practiceCodes ? inArray(membershipOverview.practiceCode, [...practiceCodes]) : undefined),
    db.select({ id: practiceGroups.id, name: practiceGroups.name, kind: practiceGroups.kind }).from(practiceGroups),
  ]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  return rows.map((r) => {
    const group = byId.get(r.groupId);
    const parent = group?.kind === 'locality' && r.parentId !== null ? byId.get(r.parentId) : undefined;
    return { id: r.id, groupId: r.groupId, groupName: r.groupName, parent: parent ? { id: parent.id, name: parent.name } : null, practiceCode: r.practiceCode, practice: practiceLabel(r.name, r.practiceCode), practiceCloseDate: r.closeDate, startDate: r.startDate, endDate: r.endDate, rowVersion: r.rowVersion };
  });
}

/**
 * Every stored membership checked against the rules a new or changed one is held to: a practice a
 * newer ODS file has closed since its membership was made, or what an older database (or one
 * restored from an older backup) holds that the rules now refuse. For admins, who can put it right.
 */
export async function checkMemberships(ctx: AppContext): Promise<MembershipCheck> {
  authorize(ctx.actor, 'membership', 'update');
  const memberships = await storedMemberships(ctx.db);
  const today = todayInEngland();
  return { checked: memberships.length, problems: membershipProblems(memberships), notes: await memberChangesNotes(ctx.db, await changesSinceJoining(ctx.db, today), today) };
}

/**
 * The changes an ODS import reports of member practices (`memberChangesNotes`), found again from
 * what is stored, for whoever did not read that import's report or set the group up after it: each
 * current member now dormant (ODS gives it no close date yet, as with a practice merging into
 * another), and each that was its group's commissioner's when it joined and is another's now.
 */
async function changesSinceJoining(db: Db, today: string): Promise<MemberChange[]> {
  const rows = await db
    .select({ practiceCode: membershipOverview.practiceCode, startDate: membershipOverview.startDate, groupCommissioner: practiceGroups.commissionerCode, name: practiceOverview.displayName, status: practiceOverview.status, commissionerCode: practiceOverview.commissionerCode })
    .from(membershipOverview)
    .innerJoin(practiceGroups, eq(practiceGroups.id, membershipOverview.groupId))
    .innerJoin(practiceOverview, eq(practiceOverview.odsCode, membershipOverview.practiceCode))
    .where(or(isNull(membershipOverview.endDate), gte(membershipOverview.endDate, today)));
  const changes = new Map<string, MemberChange>();
  for (const r of rows) if (r.status === 'dormant') changes.set(`${r.practiceCode} dormant`, { practiceCode: r.practiceCode, practice: practiceLabel(r.name, r.practiceCode), kind: 'dormant' });
  const elsewhere = rows.filter((r) => r.groupCommissioner && r.groupCommissioner !== r.commissionerCode);
  // One query for each day members joined on: a handful, however many members.
  for (const startDate of [...new Set(elsewhere.map((r) => r.startDate))]) {
    const joining = elsewhere.filter((r) => r.startDate === startDate);
    const was = new Map((await db.select({ odsCode: practices.odsCode, code: commissionerOn(startDate) }).from(practices).where(inArray(practices.odsCode, joining.map((r) => r.practiceCode)))).map((p) => [p.odsCode, p.code]));
    for (const r of joining) {
      if (was.get(r.practiceCode) === r.groupCommissioner) changes.set(`${r.practiceCode} ${r.groupCommissioner}`, { practiceCode: r.practiceCode, practice: practiceLabel(r.name, r.practiceCode), kind: 'moved', from: r.groupCommissioner!, to: r.commissionerCode });
    }
  }
  return [...changes.values()].sort((a, b) => a.practiceCode.localeCompare(b.practiceCode) || a.kind.localeCompare(b.kind));
}

/**
 * Ends every membership that runs past its practice's close date (one begun before the closing)
 * on that date: what an admin does by hand after an ODS file closes a member practice, for all of
 * them at once, in one transaction, each audited. One changed by someone else meanwhile stops the
 * whole change (nothing is ended) rather than overwrite it. Running it again ends nothing more.
 */
export async function endMembershipsAtClosing(ctx: AppContext): Promise<{ ended: EndedMembership[] }> {
  authorize(ctx.actor, 'membership', 'update');
  return ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const ending = endingAtClosing(await storedMemberships(db)) as { membership: StoredMembership; endDate: string }[];
    const ended: EndedMembership[] = [];
    for (const { membership: m, endDate } of ending) {
      await endMembership(db, ctx.actor, m, endDate, `Ended on ${formatLongDate(endDate)}, when the practice closed`);
      ended.push({ membershipId: m.id, groupId: m.groupId, groupName: m.groupName, practiceCode: m.practiceCode, practice: m.practice, endDate });
    }
    return { ended };
  });
}

/**
 * For an import that has just closed these practices: which of them are still members of a group,
 * and how to end those memberships. Null when none is.
 */
export async function stillMembersNote(db: Db, closedCodes: readonly string[]): Promise<string | null> {
  if (!closedCodes.length) return null;
  const sentences = stillMembersSentences(endingAtClosing(await storedMemberships(db, closedCodes)));
  if (!sentences.length) return null;
  return `${sentences.join('; ')}. End those memberships on the closing date from the groups page, or with atscale check --end-at-closing.`;
}

/**
 * For an import that has just moved these practices to another commissioner or made them dormant:
 * a sentence for each that is still a member of a group it may have left (of its old commissioner),
 * or is a member at all (dormant). Memberships that have not ended by `asOf` count.
 */
export async function memberChangesNotes(db: Db, changes: readonly MemberChange[], asOf: string): Promise<string[]> {
  if (!changes.length) return [];
  const current = or(isNull(membershipOverview.endDate), gte(membershipOverview.endDate, asOf));
  const memberships = await db
    .select({ practiceCode: membershipOverview.practiceCode, groupId: membershipOverview.groupId, groupName: membershipOverview.groupName, groupCommissioner: practiceGroups.commissionerCode })
    .from(membershipOverview)
    .innerJoin(practiceGroups, eq(practiceGroups.id, membershipOverview.groupId))
    .where(and(inArray(membershipOverview.practiceCode, changes.map((c) => c.practiceCode)), current));
  if (!memberships.length) return [];
  const groupIds = [...new Set(memberships.map((m) => m.groupId))];
  const counted = await db.select({ groupId: membershipOverview.groupId, n: countDistinct(membershipOverview.practiceCode) }).from(membershipOverview).where(and(inArray(membershipOverview.groupId, groupIds), current)).groupBy(membershipOverview.groupId);
  return memberChangeSentences(changes, memberships, new Map(counted.map((c) => [c.groupId, c.n]))).map((sentence) => `${sentence}.`);
}
