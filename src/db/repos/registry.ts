import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Departure } from '../../domain/groups/departures.js';
import type { Db } from '../client.js';
import { groupMemberships, practiceGroups, practiceOverview } from '../schema/index.js';

/**
 * Which of these practice codes the registry does not hold. Asked of the database, so checking a
 * national file (thousands of codes, nearly all known) does not load every practice into memory.
 */
export async function unknownPracticeCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const result = await db.execute(sql`SELECT c AS ods_code FROM unnest(${sql.param([...new Set(codes)])}::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM practices p WHERE p.ods_code = c)`);
  return new Set((result as unknown as { rows: { ods_code: string }[] }).rows.map((r) => r.ods_code));
}

/**
 * Each member's locality on a date: the locality groups directly under the footprint group, or,
 * when the footprint is itself a locality, that locality for every member.
 */
export async function localitiesOn(db: Db, footprintGroupId: number, date: string): Promise<Map<string, { id: number; name: string }>> {
  const [footprint] = await db.select({ kind: practiceGroups.kind }).from(practiceGroups).where(eq(practiceGroups.id, footprintGroupId));
  const groups = footprint?.kind === 'locality' ? eq(practiceGroups.id, footprintGroupId) : and(eq(practiceGroups.parentId, footprintGroupId), eq(practiceGroups.kind, 'locality'));
  const rows = await db
    .select({ code: groupMemberships.practiceCode, id: practiceGroups.id, name: practiceGroups.name })
    .from(groupMemberships)
    .innerJoin(practiceGroups, eq(practiceGroups.id, groupMemberships.groupId))
    .where(and(groups, lte(groupMemberships.startDate, date), or(isNull(groupMemberships.endDate), gte(groupMemberships.endDate, date))));
  return new Map(rows.map((r) => [r.code, { id: r.id, name: r.name }]));
}

/**
 * Of these practices, counted in a group on `date`, those that have closed since or whose membership
 * of the group has ended (none of its memberships from that date on is open): the day each went.
 * A practice that left and came back is counted as leaving on its last membership's end. Without a
 * group, closings only.
 */
export async function departuresOf(db: Db, codes: readonly string[], groupId: number | null, date: string): Promise<Departure[]> {
  if (!codes.length) return [];
  const practices = await db.select({ odsCode: practiceOverview.odsCode, name: practiceOverview.displayName, closeDate: practiceOverview.closeDate }).from(practiceOverview).where(inArray(practiceOverview.odsCode, [...codes]));
  const [group] = groupId ? await db.select({ name: practiceGroups.name }).from(practiceGroups).where(eq(practiceGroups.id, groupId)) : [];
  const spans = groupId
    ? await db
        .select({ code: groupMemberships.practiceCode, endDate: groupMemberships.endDate })
        .from(groupMemberships)
        .where(and(eq(groupMemberships.groupId, groupId), inArray(groupMemberships.practiceCode, [...codes]), or(isNull(groupMemberships.endDate), gte(groupMemberships.endDate, date))))
    : [];
  const leftOn = (code: string): string | null => {
    const own = spans.filter((s) => s.code === code);
    if (!own.length || own.some((s) => s.endDate === null)) return null;
    return own.map((s) => s.endDate!).sort().at(-1)!;
  };
  return practices
    .map((p) => ({ practiceKey: p.odsCode, practice: `${p.name} (${p.odsCode})`, closedOn: p.closeDate, leftOn: leftOn(p.odsCode), group: group?.name ?? null }))
    .filter((d) => d.closedOn !== null || d.leftOn !== null)
    .sort((a, b) => a.practiceKey.localeCompare(b.practiceKey));
}
