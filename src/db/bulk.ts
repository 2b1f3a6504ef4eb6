import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './client.js';
import { binaryCopyData } from './copy-binary.js';

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

/** How bulkInsert wrote its rows: binary COPY, one INSERT of unnested arrays, or nothing (no rows). */
export type BulkInsertPath = 'copy' | 'insert' | 'none';

/**
 * Inserts new rows. On PostgreSQL it streams them with binary COPY through the transaction's own
 * connection (the fastest way in); on PGlite, or outside a transaction, it uses bulkUpsert. It says
 * which it took, so a test can tell the COPY path from the fallback.
 */
export async function bulkInsert<T>(db: Db, table: string, columns: readonly BulkColumn<T>[], rows: readonly T[]): Promise<BulkInsertPath> {
  if (rows.length === 0) return 'none';
  const client = transactionClientOf(db);
  if (!client) {
    await bulkUpsert(db, table, columns, rows, undefined);
    return 'insert';
  }
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  await pipeline(Readable.from(binaryCopyData(columns, rows)), client.query(copyFrom(`COPY "${table}" (${names}) FROM STDIN WITH (FORMAT binary)`)));
  return 'copy';
}

/** The pg client a Drizzle node-postgres transaction runs on; undefined for PGlite or a pool. */
function transactionClientOf(db: Db): pg.PoolClient | undefined {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as pg.PoolClient | undefined;
  return client && typeof client.query === 'function' && typeof client.release === 'function' ? client : undefined;
}
