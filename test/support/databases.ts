import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, migrationsFolder, openPglite, openPostgres } from '../../src/db/client.js';

export const databaseKinds = ['pglite', 'postgres'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

const root = join(import.meta.dirname, '../..');

/** A hash of the migrations, so a cached template is rebuilt whenever they change. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const path = join(migrationsFolder, name);
    if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(name).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A fresh, migrated PGlite in memory. Creating one runs initdb (~5 s), so the first test process
 * saves a migrated data directory as a template in tmp/ and every later one loads it (~1 s).
 */
async function freshPglite(): Promise<Database> {
  const dir = join(root, 'tmp');
  const template = join(dir, `pglite-template-${migrationsHash()}.tar.gz`);
  if (existsSync(template)) {
    return openPglite('memory://', { loadDataDir: new Blob([readFileSync(template)]) });
  }
  const database = await openPglite('memory://');
  await database.migrate();
  const dump = await database.pglite!.dumpDataDir('gzip');
  mkdirSync(dir, { recursive: true });
  const partial = `${template}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, template);
  return database;
}

/** A fresh database on the throwaway PostgreSQL cluster that `npm test` starts (TEST_DATABASE_URL), migrated unless told not to. */
async function freshPostgres(migrated = true): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set. Run the tests with `npm test`, which starts a throwaway PostgreSQL cluster.');
  const name = `atscale_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openPostgres(url.replace(/\/[^/]*$/, `/${name}`));
  if (migrated) await database.migrate();
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  return kind === 'pglite' ? freshPglite() : freshPostgres();
}

/** A fresh database with no migrations applied, for a test that migrates it step by step. */
export function openEmptyTestDatabase(kind: DatabaseKind): Promise<Database> {
  return kind === 'pglite' ? openPglite('memory://') : freshPostgres(false);
}
