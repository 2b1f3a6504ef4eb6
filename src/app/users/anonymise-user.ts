import { eq, getTableName, is, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { conflict, invalid, notFound } from '../../domain/errors.js';
import type { Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import { rewritingAudit } from '../audit-seals.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';

/** What a former user is called once anonymised, and the address that stands for theirs (a reserved domain, never delivered). */
export const formerUserName = (id: number) => `Former user ${id}`;
const formerUserEmail = (id: number) => `former-user-${id}@anonymised.invalid`;

/**
 * Every text and JSON column of every table but users' and the People page's (a contact list an admin
 * keeps, changes or deletes as a record of its own): wherever a user's sign-in label or address may
 * have been copied.
 */
function labelColumns(): { table: string; column: string; json: boolean }[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable) && value !== schema.users && value !== schema.people);
  return tables.flatMap((table) =>
    getTableConfig(table)
      .columns.filter((c) => c.getSQLType() === 'text' || c.getSQLType() === 'jsonb')
      .map((c) => ({ table: getTableName(table), column: c.name, json: c.getSQLType() === 'jsonb' })),
  );
}

/** Replaces `from` with `to` in one column, as text or inside JSON; returns how many rows changed. */
async function replaceIn(db: Db, place: { table: string; column: string; json: boolean }, from: string, to: string, only?: SQL): Promise<number> {
  const table = sql.raw(`"${place.table}"`);
  const column = sql.raw(`"${place.column}"`);
  // Inside JSON the label is a string's contents: escaped as JSON writes it (a quote in a name, say).
  const [find, put] = place.json ? [JSON.stringify(from).slice(1, -1), JSON.stringify(to).slice(1, -1)] : [from, to];
  const where = only ? sql` AND ${only}` : sql``;
  const changed = place.json
    ? await db.execute(sql`UPDATE ${table} SET ${column} = replace(${column}::text, ${find}, ${put})::jsonb WHERE strpos(${column}::text, ${find}) > 0${where}`)
    : await db.execute(sql`UPDATE ${table} SET ${column} = replace(${column}, ${find}, ${put}) WHERE strpos(${column}, ${find}) > 0${where}`);
  // node-postgres counts the rows changed as rowCount, PGlite as affectedRows.
  const { rowCount, affectedRows } = changed as unknown as { rowCount?: number | null; affectedRows?: number };
  return rowCount ?? affectedRows ?? 0;
}

/**
 * A disabled user who has left is anonymised (their right to erasure, as far as the federation's
 * accountability allows): their name and email are replaced by "Former user 12" in their user and
 * wherever their sign-in label ("Priya Patel <pm.kibworth@…>") was copied: fund applications,
 * acknowledgements, uploads, updates and the audit log. What they did stays, under that name and
 * their user id. One transaction; the audit row says it was done and where, never the name.
 */
export async function anonymiseUser(ctx: AppContext, userId: number): Promise<{ name: string; places: number }> {
  authorize(ctx.actor, 'user', 'update');
  return ctx.db.transaction(async (tx) => {
    const db = tx as never as Db;
    const [user] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
    if (!user) throw notFound(`User ${userId}`);
    if (user.email === formerUserEmail(user.id)) throw conflict(`${user.name} is anonymised already`);
    if (!user.disabled) throw invalid(`${user.name} can still sign in: disable them first, then anonymise them once they have left`, [{ field: 'disabled', message: 'must be disabled first' }]);
    const label = `${user.name} <${user.email}>`;
    const name = formerUserName(user.id);
    const { result: places, resealed } = await rewritingAudit(db, async () => {
      let places = 0;
      // The label first, then the address wherever it stands alone, then the name in the audit of their own user record.
      for (const place of labelColumns()) places += await replaceIn(db, place, label, name);
      for (const place of labelColumns()) places += await replaceIn(db, place, user.email, formerUserEmail(user.id));
      const ownAudit = sql`record_type = 'user' AND record_id = ${String(user.id)}`;
      for (const column of ['before', 'after', 'summary']) places += await replaceIn(db, { table: 'audit_log', column, json: column !== 'summary' }, user.name, name, ownAudit);
      return places;
    });
    await db.update(schema.users).set({ name, email: formerUserEmail(user.id), rowVersion: user.rowVersion + 1, updatedAt: new Date() }).where(eq(schema.users.id, user.id));
    const sealedAgain = resealed ? `; the audit log was sealed again from place ${resealed.from} (${resealed.rows} rows; the latest seal before was ${resealed.latestBefore.seq}:${resealed.latestBefore.hash})` : '';
    await recordAudit(db, ctx.actor, {
      recordType: 'user',
      recordId: user.id,
      action: 'update',
      after: { name, places, ...(resealed ? { resealed } : {}) },
      summary: `Anonymised a former user: their name and email are now “${name}” in ${places} ${places === 1 ? 'place' : 'places'}${sealedAgain}`,
    });
    return { name, places };
  });
}
