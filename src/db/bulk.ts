import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.js';

/**
 * Writes many rows in one statement by passing each column as one array parameter and letting
 * PostgreSQL unnest them: close to COPY speed, works the same on PGlite and PostgreSQL, and keeps
 * the parameter count at one per column however many rows there are.
 */
export interface BulkColumn<T> {
  name: string;
  type: 'text' | 'int' | 'float8' | 'bool' | 'date' | 'jsonb';
  value: (row: T) => unknown;
}

export async function bulkUpsert<T>(
  db: Db,
  table: string,
  columns: readonly BulkColumn<T>[],
  rows: readonly T[],
  onConflict: { target: string[]; update: string[] } | 'nothing' | undefined,
  chunkSize = 5000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const arrays = columns.map((c) => {
      const values = chunk.map((r) => {
        const v = c.value(r);
        return c.type === 'jsonb' && v !== null && v !== undefined ? JSON.stringify(v) : (v ?? null);
      });
      return sql`${sql.param(values)}::${sql.raw(c.type === 'jsonb' ? 'text' : c.type)}[]`;
    });
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    const selects = columns.map((c, i) => (c.type === 'jsonb' ? `c${i}::jsonb` : `c${i}`)).join(', ');
    const aliases = columns.map((_, i) => `c${i}`).join(', ');
    let conflict: SQL = sql``;
    if (onConflict === 'nothing') conflict = sql` ON CONFLICT DO NOTHING`;
    else if (onConflict) {
      const sets = onConflict.update.map((n) => `"${n}" = EXCLUDED."${n}"`).join(', ');
      conflict = sql.raw(` ON CONFLICT (${onConflict.target.map((t) => `"${t}"`).join(', ')}) DO UPDATE SET ${sets}`);
    }
    await db.execute(sql`INSERT INTO ${sql.raw(`"${table}"`)} (${sql.raw(names)}) SELECT ${sql.raw(selects)} FROM unnest(${sql.join(arrays, sql`, `)}) AS t(${sql.raw(aliases)})${conflict}`);
  }
}

/**
 * Inserts new rows. On PostgreSQL it streams them with COPY through the transaction's own
 * connection (the fastest way in); on PGlite, or outside a transaction, it uses bulkUpsert.
 */
export async function bulkInsert<T>(db: Db, table: string, columns: readonly BulkColumn<T>[], rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const client = transactionClientOf(db);
  if (!client) return bulkUpsert(db, table, columns, rows, undefined);
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const lines = function* () {
    for (let i = 0; i < rows.length; i += 1000) {
      let chunk = '';
      for (const row of rows.slice(i, i + 1000)) chunk += `${columns.map((c) => csvCell(c, c.value(row))).join(',')}\n`;
      yield chunk;
    }
  };
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY "${table}" (${names}) FROM STDIN WITH (FORMAT csv)`)));
}

/** The pg client a Drizzle node-postgres transaction runs on; undefined for PGlite or a pool. */
function transactionClientOf(db: Db): pg.PoolClient | undefined {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as pg.PoolClient | undefined;
  return client && typeof client.query === 'function' && typeof client.release === 'function' ? client : undefined;
}

/** One CSV cell for COPY: an unquoted empty cell is NULL, so an empty string is written as "". */
function csvCell<T>(column: BulkColumn<T>, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'bool') return value ? 't' : 'f';
  const text = column.type === 'jsonb' ? JSON.stringify(value) : String(value);
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
