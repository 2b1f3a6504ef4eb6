import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * A record field worked out from the newest entry of a log kept beside the record (a task's
 * position updates, a board action's dated updates): `value` of the entry that `newestFirst` puts
 * first. Written with plain names (the log as `e`), because in a one-table select Drizzle drops
 * the table from each column, which would tie the subquery to itself rather than to the record.
 */
export function newestEntry(log: { table: PgTable; recordColumn: string; newestFirst: string }, record: PgTable, value: string): SQL {
  return sql`(select ${sql.raw(value)} from ${log.table} e where e.${sql.identifier(log.recordColumn)} = ${sql.identifier(getTableName(record))}.id order by ${sql.raw(log.newestFirst)} limit 1)`;
}
