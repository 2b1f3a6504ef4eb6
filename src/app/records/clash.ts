import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { AppError } from '../../domain/errors.js';
import { capitalise } from '../../domain/problem-sentence.js';

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

/** What a record is keyed by, as a refusal names it: `{ record: 'risk', key: 'reference', value: 'R1', field: 'ref' }`. */
export interface TakenKey {
  record: string;
  key: string;
  value: string;
  field: string;
  /** Where the key must be unique, when not everywhere: "in this plan". */
  within?: string;
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/**
 * A key another record already has, refused on its field in words that read the same for every
 * record type: "A risk with reference R1 already exists: give another reference".
 */
export function takenKey({ record, key, value, field, within }: TakenKey): AppError {
  const where = within ? ` ${within}` : '';
  return new AppError('invalid', `There is already ${article(record)} ${record} with ${key} ${value}${where}`, {
    problems: [{ field, message: `${capitalise(article(record))} ${record} with ${key} ${value} already exists${where}: give another ${key}` }],
  });
}

/**
 * Refuses a key (a reference, a title) another record of `table` (within `scope`, such as one
 * plan) already has, in `takenKey`'s words; the record being edited does not count. `shown` writes the key as pages show it (R1).
 */
export async function refuseTaken(
  db: Db,
  columns: { table: PgTable; id: AnyPgColumn; key: AnyPgColumn; scope?: SQL },
  value: string | undefined,
  existing: Record<string, unknown> | undefined,
  words: Omit<TakenKey, 'value'> & { shown?: (value: string) => string },
): Promise<void> {
  if (value === undefined) return;
  const { shown = (v: string) => v, ...key } = words;
  await refuseClash(db, columns.table, columns.id, and(columns.scope, eq(columns.key, value)), existing?.id, () => takenKey({ ...key, value: shown(value) }));
}
