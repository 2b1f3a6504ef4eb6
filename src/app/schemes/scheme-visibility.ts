import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { groupMemberships, schemes, schemeVersions } from '../../db/schema/index.js';
import { notFound } from '../../domain/errors.js';
import type { Actor } from '../context.js';
import { practiceScope } from '../permissions.js';

/**
 * Which schemes a practice manager has business with: those of a group one of their practices is,
 * or was, a member of, and those with no group whose terms (any version's) name one of their practices. Where one atscale keeps
 * several federations, another federation's schemes, and their totals, are not theirs to read.
 * Everyone else: every scheme (undefined).
 */
export function schemesSeenBy(actor: Actor): SQL | undefined {
  const scope = practiceScope(actor);
  if (!scope) return undefined;
  if (!scope.length) return sql`false`;
  const namesTheirs = or(...scope.map((code) => sql`${schemeVersions.definition}->'practices' @> ${JSON.stringify([{ odsCode: code }])}::jsonb`));
  return or(
    sql`exists (select 1 from ${groupMemberships} where ${groupMemberships.groupId} = ${schemes.groupId} and ${inArray(groupMemberships.practiceCode, [...scope])})`,
    and(isNull(schemes.groupId), sql`exists (select 1 from ${schemeVersions} where ${schemeVersions.schemeId} = ${schemes.id} and ${namesTheirs})`),
  );
}

/** Refuses, as not found, a scheme the person has no business with (`schemesSeenBy`). */
export async function refuseUnseenScheme(db: Db, actor: Actor, schemeId: number): Promise<void> {
  const seen = schemesSeenBy(actor);
  if (!seen) return;
  const [found] = await db.select({ id: schemes.id }).from(schemes).where(sql`${eq(schemes.id, schemeId)} and ${seen}`);
  if (!found) throw notFound(`Scheme ${schemeId}`);
}
