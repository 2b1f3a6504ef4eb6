import { and, ne, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { AppError } from '../../domain/errors.js';

/**
 * Refuses a second record that matches `where` (when editing, the record itself does not count),
 * with the refusal the caller words: before the database's unique index refuses it less politely.
 */
export async function refuseClash(db: Db, table: PgTable, idColumn: AnyPgColumn, where: SQL | undefined, existingId: unknown, refusal: () => AppError): Promise<void> {
  const [clash] = await db
    .select({ id: idColumn })
    .from(table as never)
    .where(and(where, existingId !== undefined && existingId !== null ? ne(idColumn, existingId) : undefined))
    .limit(1);
  if (clash) throw refusal();
}
