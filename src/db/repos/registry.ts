import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { groupMemberships, practiceGroups } from '../schema/index.js';

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
