import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { financeYears, incomeStreams } from '../../db/schema/index.js';
import { conflict, invalid } from '../../domain/errors.js';
import { parsePounds } from '../../domain/finance/money.js';
import { refuseClash } from '../records/clash.js';
import { type RecordType, storedIn } from '../records/record-type.js';

/** What every finance record type shares: an integer id, a row version, rows shown as stored. */
export function financeTable<T extends PgTable & { id: AnyPgColumn; rowVersion: AnyPgColumn }>(table: T) {
  return {
    ...storedIn(table),
    createdByPeople: true,
    present: (row: Record<string, unknown>) => row,
  } satisfies Partial<RecordType>;
}

/** Refuses a year the plan does not cover (finance years are set up first). */
export async function requirePlanYear(db: Db, financialYear: string, field = 'financialYear'): Promise<void> {
  const [year] = await db.select({ id: financeYears.id }).from(financeYears).where(eq(financeYears.financialYear, financialYear));
  if (!year) {
    const known = (await db.select({ y: financeYears.financialYear }).from(financeYears).orderBy(financeYears.financialYear)).map((r) => r.y);
    throw invalid(`${financialYear} is outside the finance plan`, [{ field, message: `${financialYear} is not a year of the plan${known.length ? ` (${known.join(', ')})` : ''}; add the year first` }]);
  }
}

/** Refuses a second record with the same identifying values (e.g. the same line twice in a year). */
export function requireUnique(db: Db, table: PgTable & { id: AnyPgColumn }, matches: SQL[], existingId: unknown, message: string): Promise<void> {
  return refuseClash(db, table, table.id, and(...matches), existingId, () => conflict(message));
}

/** A column equals a value taken from an input or a stored row (typed loosely there). */
export const equals = (column: AnyPgColumn, value: unknown) => eq(column, value);

/** Refuses an income stream id that does not exist. */
export async function requireStream(db: Db, streamId: number, field = 'streamId'): Promise<void> {
  const [stream] = await db.select({ id: incomeStreams.id }).from(incomeStreams).where(eq(incomeStreams.id, streamId));
  if (!stream) throw invalid('That income stream does not exist', [{ field, message: `no income stream ${streamId}` }]);
}

/** Money as pounds in input (checked by `poundsSchema`), pence when stored: `amount` → `amountPence`. */
export function withPence<T extends Record<string, unknown>>(input: T, from: string, to: string): Record<string, unknown> {
  const { [from]: pounds, ...rest } = input;
  return { ...rest, ...(pounds !== undefined ? { [to]: pounds === null ? null : parsePounds(pounds as string) } : {}) };
}
