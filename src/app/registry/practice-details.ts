import { todayInEngland } from '../../domain/iso-date.js';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { notFound } from '../../domain/errors.js';
import { latestFirst, membershipChanges } from '../../domain/registry/membership-changes.js';
import { listSizes, membershipOverview, organisations, pcnMemberships, practiceGroups, practiceHistory, practiceOverview } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { authorize, isAllowed } from '../permissions.js';
import { type PlaceOn, placesOn } from './practice-on-date.js';
import { listTotalDepartureSentences } from '../../domain/groups/departures.js';

/** Everything the practice page shows: ODS facts, list sizes over time, its groups, PCN history and changes. */
export async function getPracticeDetails(ctx: AppContext, odsCode: string) {
  authorize(ctx.actor, 'practice', 'read');
  const code = odsCode.trim().toUpperCase();
  const [practice] = await ctx.db.select().from(practiceOverview).where(eq(practiceOverview.odsCode, code));
  if (!practice) throw notFound(`Practice ${code}`);
  const [sizes, history, pcns, groups] = await Promise.all([
    ctx.db.select({ snapshotDate: listSizes.snapshotDate, patients: listSizes.patients, commissionerCode: listSizes.commissionerCode }).from(listSizes).where(eq(listSizes.odsCode, code)).orderBy(desc(listSizes.snapshotDate)),
    ctx.db.select().from(practiceHistory).where(eq(practiceHistory.odsCode, code)).orderBy(desc(practiceHistory.validFrom), desc(practiceHistory.id)),
    ctx.db
      .select({ pcnCode: pcnMemberships.pcnCode, pcnName: organisations.name, startDate: pcnMemberships.startDate, endDate: pcnMemberships.endDate, source: pcnMemberships.source })
      .from(pcnMemberships)
      .leftJoin(organisations, eq(organisations.code, pcnMemberships.pcnCode))
      .where(eq(pcnMemberships.practiceCode, code))
      .orderBy(desc(pcnMemberships.startDate)),
    ctx.db.select().from(membershipOverview).where(eq(membershipOverview.practiceCode, code)).orderBy(asc(membershipOverview.groupKind), desc(membershipOverview.startDate)),
  ]);
  // Memberships are their own record type: shown with the practice to whoever may read them.
  const memberships = isAllowed(ctx.actor, 'membership', 'read', code) ? groups : [];
  const nhsChanges = history.map((h) => ({ kind: 'nhs_file' as const, date: h.validFrom, changedFields: h.changedFields, snapshot: h.snapshot }));
  return {
    practice,
    canEdit: isAllowed(ctx.actor, 'practice', 'update', code),
    listSizes: sizes,
    /** Changes from the NHS files and the groups it joined and left, latest first. */
    history: latestFirst([...nhsChanges, ...membershipChanges(memberships, todayInEngland())]),
    pcnMemberships: pcns,
    groups: memberships,
  };
}

/** Commissioners (sub-ICB locations), PCNs, ICBs and regions by kind, for choosing a footprint. */
export async function listOrganisations(ctx: AppContext, kind?: string) {
  authorize(ctx.actor, 'practice', 'read');
  return ctx.db
    .select()
    .from(organisations)
    .where(kind ? eq(organisations.kind, kind) : undefined)
    .orderBy(asc(organisations.name));
}

/**
 * Each practice's list size on a date: the latest snapshot on or before it, or, for a date before
 * any snapshot, the earliest one there is (the page names the snapshot dates it used). A practice
 * that the latest of those files leaves out (it was closing, its patients moving to another
 * practice) has none: its older size would count its patients twice.
 */
async function listSizesOn(ctx: AppContext, codes: string[], onDate: string): Promise<Map<string, { patients: number; snapshotDate: string }>> {
  const sizes = await latestSizesOn(ctx, codes, onDate);
  const latestFile = [...sizes.values()].reduce((latest, r) => (r.snapshotDate <= onDate && r.snapshotDate > latest ? r.snapshotDate : latest), '');
  return new Map([...sizes].filter(([, r]) => r.snapshotDate > onDate || r.snapshotDate === latestFile));
}

async function latestSizesOn(ctx: AppContext, codes: string[], onDate: string): Promise<Map<string, { patients: number; snapshotDate: string }>> {
  const onOrBefore = sql`${listSizes.snapshotDate} <= ${onDate}`;
  const rows = await ctx.db
    .selectDistinctOn([listSizes.odsCode], { odsCode: listSizes.odsCode, patients: listSizes.patients, snapshotDate: listSizes.snapshotDate })
    .from(listSizes)
    .where(inArray(listSizes.odsCode, codes))
    .orderBy(listSizes.odsCode, desc(onOrBefore), sql`CASE WHEN ${onOrBefore} THEN ${listSizes.snapshotDate} END DESC`, asc(listSizes.snapshotDate));
  return new Map(rows.map((r) => [r.odsCode, r]));
}

const membershipOf = (m: typeof membershipOverview.$inferSelect) => ({ membershipId: m.id, startDate: m.startDate, endDate: m.endDate, membershipVersion: m.rowVersion });

/** A group (federation or locality) with its members on a date (today unless asked), their list sizes then and the total. */
export async function getGroupSummary(ctx: AppContext, groupId: number, onDate = todayInEngland()) {
  authorize(ctx.actor, 'group', 'read');
  const [group] = await ctx.db.select().from(practiceGroups).where(eq(practiceGroups.id, groupId));
  if (!group) throw notFound(`Group ${groupId}`);
  const children = await ctx.db.select().from(practiceGroups).where(eq(practiceGroups.parentId, groupId)).orderBy(asc(practiceGroups.name));
  const memberships = await ctx.db.select().from(membershipOverview).where(eq(membershipOverview.groupId, groupId));
  const codes = memberships.map((m) => m.practiceCode);
  // A past date reads each practice's commissioner and PCN as they were then; today's are the registry's own.
  const past = onDate < todayInEngland();
  const [practiceRows, sizesOn, places] = codes.length ? await Promise.all([ctx.db.select().from(practiceOverview).where(inArray(practiceOverview.odsCode, codes)), listSizesOn(ctx, codes, onDate), past ? placesOn(ctx.db, codes, onDate) : new Map<string, PlaceOn>()]) : [[], new Map(), new Map<string, PlaceOn>()];
  // Each practice's list size as it was on the date asked about, not its latest.
  const byCode = new Map(practiceRows.map((p) => [p.odsCode, { ...p, ...places.get(p.odsCode), listSize: sizesOn.get(p.odsCode)?.patients ?? null, listSizeDate: sizesOn.get(p.odsCode)?.snapshotDate ?? null }]));
  const members = memberships
    .map((membership) => ({ membership, practice: byCode.get(membership.practiceCode)! }))
    .filter((m) => m.practice)
    .sort((a, b) => a.practice.displayName.localeCompare(b.practice.displayName));
  const current = members.filter((m) => m.membership.startDate <= onDate && (!m.membership.endDate || m.membership.endDate >= onDate));
  const childIds = children.map((c) => c.id);
  const childMembers = childIds.length
    ? await ctx.db.select().from(membershipOverview).where(and(inArray(membershipOverview.groupId, childIds), sql`${membershipOverview.startDate} <= ${onDate}`, sql`(${membershipOverview.endDate} IS NULL OR ${membershipOverview.endDate} >= ${onDate})`))
    : [];
  const localityOf = new Map(childMembers.map((m) => [m.practiceCode, m.groupName]));
  const sizeDates = [...new Set(current.map((m) => m.practice.listSizeDate).filter(Boolean))].sort();
  const former = members.filter((m) => !current.includes(m));
  // The file the total is read from: a member that went between it and the date shown is in the file but not in the total.
  const totalFrom = sizeDates.filter((d) => d! <= onDate).at(-1) ?? null;
  const departures = former.map((m) => ({ practiceKey: m.practice.odsCode, practice: `${m.practice.displayName} (${m.practice.odsCode})`, closedOn: m.practice.closeDate, leftOn: m.membership.endDate, group: group.name }));
  return {
    group,
    onDate,
    children,
    // Each member's locality in this group (another group's localities are not this one's business).
    practices: current.map((m) => ({ ...m.practice, locality: localityOf.get(m.practice.odsCode) ?? (group.kind === 'locality' ? group.name : null), ...membershipOf(m.membership) })),
    // With its close date, so a membership that ended when the practice closed says so.
    formerPractices: former.map((m) => ({ odsCode: m.practice.odsCode, name: m.practice.displayName, closeDate: m.practice.closeDate, ...membershipOf(m.membership) })),
    totalListSize: current.reduce((sum, m) => sum + (m.practice.listSize ?? 0), 0),
    listSizeDates: sizeDates,
    // Members the total leaves out, as no list-size file holds them (one closed before the first imported), named so the page can say so.
    withoutListSize: current.filter((m) => m.practice.listSize === null).map((m) => `${m.practice.displayName} (${m.practice.odsCode})`),
    // Why the total is below the file's own count for the group: members that closed or left since that file.
    goneSinceListSizes: totalFrom ? listTotalDepartureSentences(departures, totalFrom, onDate, (code) => (byCode.get(code)?.listSizeDate === totalFrom ? byCode.get(code)!.listSize : null)) : [],
  };
}
