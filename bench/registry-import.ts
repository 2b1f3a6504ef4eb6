import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { systemActor } from '../src/app/context.js';
import { importNhsFile } from '../src/app/registry/import-file.js';
import type { ImportKind } from '../src/app/registry/import-report.js';
import { type Database, openPglite, openPostgres } from '../src/db/client.js';
import { nhsFile, nhsDir } from '../test/support/nhs-files.js';
import { fmt, medianMs } from './timing.js';

/**
 * Issue "Foundation", performance: import of the national epraccur and patients-registered files
 * with full validation, against plain PostgreSQL COPY of the same rows into a bare table.
 * Ratio = COPY time / our time (1.0 = as fast as COPY; the target is at least 0.5).
 */
const cases: { kind: ImportKind; file: string; columns: number; header: boolean; table: string; before?: string }[] = [
  { kind: 'ods', file: 'epraccur-2026-06.csv', columns: 27, header: false, table: 'practices' },
  { kind: 'list-sizes', file: 'gp-reg-pat-prac-all-2025-04.csv', columns: 10, header: true, table: 'list_sizes', before: 'epraccur-2025-09.csv' },
];

export async function freshDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `atscale_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: url.replace(/\/[^/]*$/, `/${name}`),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function timeOurImport(open: () => Promise<Database>, kind: ImportKind, file: string, before?: string): Promise<number> {
  let database: Database | undefined;
  const ctx = () => ({ db: database!.db, actor: systemActor });
  const time = await medianMs(
    3,
    async () => {
      const report = await importNhsFile(ctx(), kind, nhsFile(file), { skipUnknown: true });
      if (report.rejected) throw new Error(`${file} was rejected: ${report.errors[0]?.message}`);
    },
    async () => {
      database = await open();
      await database.migrate();
      if (before) await importNhsFile(ctx(), 'ods', nhsFile(before));
    },
    () => database!.close(),
  );
  return time;
}

/**
 * The floor under any import that keeps these rows: COPY of the rows our import stored (typed,
 * already valid) back into the real table, with its primary key and indexes. No parsing, no
 * validation, no history: what is left is PostgreSQL's own cost of storing them.
 */
async function timeCopyIntoTable(postgresUrl: string, kind: ImportKind, file: string, table: string, before?: string): Promise<number> {
  const db = await freshDatabase(postgresUrl);
  const database = await openPostgres(db.url);
  try {
    await database.migrate();
    const ctx = { db: database.db, actor: systemActor };
    if (before) await importNhsFile(ctx, 'ods', nhsFile(before));
    await importNhsFile(ctx, kind, nhsFile(file), { skipUnknown: true });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const chunks: Buffer[] = [];
    await pipeline(client.query(copyTo(`COPY ${table} TO STDOUT`)), async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) chunks.push(chunk);
    });
    const rows = Buffer.concat(chunks);
    const time = await medianMs(
      3,
      () => pipeline(Readable.from([rows]), client.query(copyFrom(`COPY ${table} FROM STDIN`))),
      async () => {
        await client.query(`TRUNCATE ${table} CASCADE`);
      },
    );
    await client.end();
    return time;
  } finally {
    await database.close();
    await db.drop();
  }
}

export async function benchRegistryImport(postgresUrl: string): Promise<string[]> {
  const floors: string[] = [];
  const lines = ['Registry import (median of 3): ours with full validation vs plain COPY FROM STDIN of the same file into a bare table', `${'file'.padEnd(34)} ${'rows'.padStart(6)} ${'COPY (PG)'.padStart(11)} ${'ours (PG)'.padStart(11)} ${'ratio'.padStart(6)} ${'ours (PGlite)'.padStart(14)}`];
  for (const c of cases) {
    const rows = nhsFile(c.file).content.toString('latin1').split('\n').filter((l) => l.trim()).length - (c.header ? 1 : 0);
    const copyDb = await freshDatabase(postgresUrl);
    const client = new pg.Client({ connectionString: copyDb.url });
    await client.connect();
    const columns = Array.from({ length: c.columns }, (_, i) => `c${i + 1} text`).join(', ');
    const copy = await medianMs(
      3,
      () => pipeline(Readable.from([readFileSync(`${nhsDir}/${c.file}`)]), client.query(copyFrom(`COPY bare FROM STDIN WITH (FORMAT csv${c.header ? ', HEADER true' : ''})`))),
      async () => {
        await client.query(`DROP TABLE IF EXISTS bare; CREATE TABLE bare (${columns})`);
      },
    );
    await client.end();
    await copyDb.drop();
    const oursPg = await (async () => {
      const dbs: { drop(): Promise<void> }[] = [];
      const t = await timeOurImport(async () => {
        const d = await freshDatabase(postgresUrl);
        dbs.push(d);
        return openPostgres(d.url);
      }, c.kind, c.file, c.before);
      for (const d of dbs) await d.drop();
      return t;
    })();
    const oursPglite = await timeOurImport(() => openPglite('memory://'), c.kind, c.file, c.before);
    const floor = await timeCopyIntoTable(postgresUrl, c.kind, c.file, c.table, c.before);
    lines.push(`${c.file.padEnd(34)} ${String(rows).padStart(6)} ${fmt(copy)} ${fmt(oursPg)} ${(copy / oursPg).toFixed(2).padStart(6)} ${fmt(oursPglite).padStart(14)}`);
    floors.push(`  ${c.table}: COPY of the stored rows into the table itself ${fmt(floor).trim()}, so even an import with no parsing or validation would score ${(copy / floor).toFixed(2)}`);
  }
  lines.push('ratio = COPY time / our time on PostgreSQL (target: at least 0.50)', 'The floor, from its keys and indexes:', ...floors);
  return lines;
}
