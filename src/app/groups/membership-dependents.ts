import { and, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { conflict } from '../../domain/errors.js';
import { liesWithin, spanPhrase } from '../../domain/groups/membership-dates.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { formatList } from '../../domain/words.js';
import type { Db } from '../../db/client.js';
import { contracts, fundApplications, funds, groupMemberships, schemes, schemeVersions, subContracts } from '../../db/schema/index.js';
import { findGroup, localitiesOf, type MembershipValues, membershipsOf, practiceNamed } from './membership-rules.js';

type Stored = MembershipValues & { id: number };

/** The day a record's date falls within the membership's dates. */
const within = (column: Parameters<typeof gte>[0], m: Stored): SQL => and(gte(column, m.startDate), m.endDate ? lte(column, m.endDate) : undefined)!;

/** Memberships of the group's localities that only this membership holds (the practice's others of the group do not). */
async function localityMembershipsHeld(db: Db, m: Stored): Promise<string[]> {
  const localities = await membershipsOf(db, m.practiceCode, inArray(groupMemberships.groupId, localitiesOf(db, m.groupId)));
  if (!localities.length) return [];
  const others = await membershipsOf(db, m.practiceCode, eq(groupMemberships.groupId, m.groupId), m.id);
  return localities.filter((l) => !liesWithin(l, others)).map((l) => `it holds its membership of ${l.groupName} ${spanPhrase(l)}`);
}

/** Scheme versions that took the practice from the group's members (or, for a locality, its place in the locality) on a day of the membership. */
async function schemeVersionsTaken(db: Db, m: Stored, localityOf: { parentId: number; name: string } | null): Promise<string[]> {
  const entry = JSON.stringify([{ odsCode: m.practiceCode, ...(localityOf ? { locality: localityOf.name } : {}) }]);
  const rows = await db
    .select({ name: schemes.name, version: schemeVersions.version, on: schemeVersions.listSnapshotDate })
    .from(schemeVersions)
    .innerJoin(schemes, eq(schemes.id, schemeVersions.schemeId))
    .where(and(inArray(schemes.groupId, localityOf ? [m.groupId, localityOf.parentId] : [m.groupId]), within(schemeVersions.listSnapshotDate, m), sql`${schemeVersions.definition} -> 'practices' @> ${entry}::jsonb`))
    .orderBy(schemes.name, schemeVersions.version);
  return rows.map((r) => `version ${r.version} of the scheme “${r.name}” counts it among its practices (members on ${formatLongDate(r.on!)})`);
}

/** Sub-contracts with the practice under a contract whose footprint is the group, running while the membership did. */
async function subContractsRelying(db: Db, m: Stored): Promise<string[]> {
  const rows = await db
    .select({ title: contracts.title })
    .from(subContracts)
    .innerJoin(contracts, eq(contracts.id, subContracts.contractId))
    .where(and(eq(subContracts.practiceCode, m.practiceCode), eq(contracts.footprintGroupId, m.groupId), m.endDate ? lte(contracts.startDate, m.endDate) : undefined, or(isNull(contracts.endDate), gte(contracts.endDate, m.startDate))));
  return rows.map((r) => `the contract “${r.title}” has a sub-contract with it`);
}

/** Fund applications made on a share that counted the practice: its own, or (for a locality) the locality's. */
async function fundApplicationsRelying(db: Db, m: Stored, isLocality: boolean): Promise<string[]> {
  const rows = await db
    .select({ title: fundApplications.title, fund: funds.name })
    .from(fundApplications)
    .innerJoin(funds, eq(funds.id, fundApplications.fundId))
    .where(and(within(funds.listSnapshotDate, m), isLocality ? eq(fundApplications.localityGroupId, m.groupId) : and(eq(fundApplications.practiceCode, m.practiceCode), eq(funds.footprintGroupId, m.groupId))));
  return rows.map((r) => `the application “${r.title}” to ${r.fund} was made on a share that counts it`);
}

/**
 * A membership recorded in error may be removed (not just ended, which leaves a "former member"
 * for good), unless something else was worked out from it: a locality membership within it, a
 * scheme version's practices, a sub-contract, a fund application. Then it is refused, in one
 * sentence naming each, and the membership can be ended instead.
 */
export async function refuseRemovalWhileRelied(db: Db, existing: Record<string, unknown>): Promise<void> {
  const m = existing as unknown as Stored;
  const group = await findGroup(db, m.groupId);
  const localityOf = group?.kind === 'locality' && group.parentId !== null ? { parentId: group.parentId, name: group.name } : null;
  const reasons = [
    ...(await localityMembershipsHeld(db, m)),
    ...(await schemeVersionsTaken(db, m, localityOf)),
    ...(await subContractsRelying(db, m)),
    ...(await fundApplicationsRelying(db, m, localityOf !== null)),
  ];
  if (!reasons.length) return;
  const practice = await practiceNamed(db, m.practiceCode);
  throw conflict(`${practice}’s membership of ${group?.name ?? `group ${m.groupId}`} ${spanPhrase(m)} cannot be removed, because ${formatList(reasons)}; end it instead`);
}
