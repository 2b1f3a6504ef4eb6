import { keepPrivate } from './private-dir.js';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { projectRoot } from '../project-root.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The database handle every repository takes: the same Drizzle API over PGlite or PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where it lives: the PGlite directory, or the PostgreSQL URL without its password. */
  location: string;
  /** Applies the migrations not yet applied: the app's own, or those in `folder` (a test stopping before one). */
  migrate(folder?: string): Promise<void>;
  /** Runs plain SQL (used by backup/restore and tests). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** PGlite only: the raw client, for dumpDataDir/COPY. */
  pglite?: PGlite;
}

export const migrationsFolder = join(projectRoot, 'src/db/migrations');

/** Opens PGlite in a directory (created if missing), or in memory when `dataDir` is 'memory://'. */
export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  if (!dataDir.startsWith('memory://')) keepPrivate(dataDir);
  const client = await PGlite.create(dataDir.startsWith('memory://') ? undefined : dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    pglite: client,
    migrate: (folder = migrationsFolder) => migratePglite(db as never, { migrationsFolder: folder }),
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}

/** How many migrations the database has had applied: 0 for a new one, which has no migrations table yet. */
export async function appliedMigrations(database: Database): Promise<number> {
  const [table] = await database.query<{ name: string | null }>("SELECT to_regclass('drizzle.__drizzle_migrations')::text AS name");
  if (!table?.name) return 0;
  return (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations'))[0]?.n ?? 0;
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A server that ends a connection (restart, admin command) must not crash the process: the pool
  // drops that connection and the next query opens a fresh one. Errors on a query still reach its caller.
  const dropped = (error: Error) => console.error(`PostgreSQL connection lost: ${error.message}`);
  pool.on('error', dropped);
  pool.on('connect', (client) => client.on('error', dropped));
  // Fail fast with a clear message rather than on the first query.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    location: url.replace(/:[^:@/]*@/, ':***@'),
    migrate: (folder = migrationsFolder) => migratePostgres(db as never, { migrationsFolder: folder }),
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    close: () => pool.end(),
  };
}
