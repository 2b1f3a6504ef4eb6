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
import { type Contender, fmt, interleavedMediansMs } from './timing.js';

/**
 * Issue "Foundation", performance: import of the national epraccur and patients-registered files
 * with full validation, against plain PostgreSQL COPY of the same rows into a bare table.
 * Ratio = COPY time / our time (1.0 = as fast as COPY; the target is at least 0.5).
 */
const cases: { kind: ImportKind; file: string; columns: number; header: boolean; table: string; before?: string }[] = [
  { kind: 'ods', file: 'epraccur-2026-06.csv', columns: 27, header: false, table: 'practices' },
  { kind: 'list-sizes', file: 'gp-reg-pat-prac-all-2025-04.csv', columns: 10, header: true, table: 'list_sizes', before: 'epraccur-2025-09.csv' },
];
const ROUNDS = 7;

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

type Case = (typeof cases)[number];

/** Our import of the file into a freshly migrated database (holding the ODS release a list-size file needs), opened untimed before each run. */
function ourImport(open: () => Promise<Database & { drop?(): Promise<void> }>, c: Case): Contender {
  let database: (Database & { drop?(): Promise<void> }) | undefined;
  const ctx = () => ({ db: database!.db, actor: systemActor });
  return {
    async setup() {
      database = await open();
      await database.migrate();
      if (c.before) await importNhsFile(ctx(), 'ods', nhsFile(c.before));
    },
    async work() {
      const report = await importNhsFile(ctx(), c.kind, nhsFile(c.file), { skipUnknown: true });
      if (report.rejected) throw new Error(`${c.file} was rejected: ${report.errors[0]?.message}`);
    },
    async teardown() {
      await database!.close();
      await database!.drop?.();
    },
  };
}

async function freshPostgres(url: string): Promise<Database & { url: string; drop(): Promise<void> }> {
  const db = await freshDatabase(url);
  return Object.assign(await openPostgres(db.url), { url: db.url, drop: db.drop });
}

/** Plain COPY of the file, as published, into a table of text columns with no keys. */
function bareCopy(client: pg.Client, c: Case): Contender {
  const columns = Array.from({ length: c.columns }, (_, i) => `c${i + 1} text`).join(', ');
  return {
    setup: async () => void (await client.query(`DROP TABLE IF EXISTS bare; CREATE TABLE bare (${columns})`)),
    work: () => pipeline(Readable.from([readFileSync(`${nhsDir}/${c.file}`)]), client.query(copyFrom(`COPY bare FROM STDIN WITH (FORMAT csv${c.header ? ', HEADER true' : ''})`))),
  };
}

/**
 * The floor under any import that keeps these rows: binary COPY (as our import sends them) of the
 * rows our import stored, typed and already valid, back into the real table with its primary key
 * and indexes. No parsing, no validation, no history: what is left is PostgreSQL's own cost of
 * storing them.
 */
async function copyIntoTable(client: pg.Client, database: Database, c: Case): Promise<Contender> {
  const ctx = { db: database.db, actor: systemActor };
  if (c.before) await importNhsFile(ctx, 'ods', nhsFile(c.before));
  await importNhsFile(ctx, c.kind, nhsFile(c.file), { skipUnknown: true });
  const chunks: Buffer[] = [];
  await pipeline(client.query(copyTo(`COPY ${c.table} TO STDOUT (FORMAT binary)`)), async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) chunks.push(chunk);
  });
  const rows = Buffer.concat(chunks);
  return {
    setup: async () => void (await client.query(`TRUNCATE ${c.table} CASCADE`)),
    work: () => pipeline(Readable.from([rows]), client.query(copyFrom(`COPY ${c.table} FROM STDIN (FORMAT binary)`))),
  };
}

export async function benchRegistryImport(postgresUrl: string): Promise<string[]> {
  const floors: string[] = [];
  const lines = [
    `Registry import (median of ${ROUNDS}, the contenders taking turns): ours with full validation vs plain COPY FROM STDIN of the same file into a bare table`,
    `${'file'.padEnd(34)} ${'rows'.padStart(6)} ${'COPY (PG)'.padStart(11)} ${'ours (PG)'.padStart(11)} ${'ratio'.padStart(6)} ${'ours (PGlite)'.padStart(14)}`,
  ];
  for (const c of cases) {
    const rows = nhsFile(c.file).content.toString('latin1').split('\n').filter((l) => l.trim()).length - (c.header ? 1 : 0);
    const scratch = await freshPostgres(postgresUrl);
    await scratch.migrate();
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const t = await interleavedMediansMs(ROUNDS, {
        copy: bareCopy(client, c),
        floor: await copyIntoTable(client, scratch, c),
        oursPg: ourImport(() => freshPostgres(postgresUrl), c),
        oursPglite: ourImport(() => openPglite('memory://'), c),
      });
      lines.push(`${c.file.padEnd(34)} ${String(rows).padStart(6)} ${fmt(t.copy)} ${fmt(t.oursPg)} ${(t.copy / t.oursPg).toFixed(2).padStart(6)} ${fmt(t.oursPglite).padStart(14)}`);
      floors.push(`  ${c.table}: COPY of the stored rows into the table itself ${fmt(t.floor).trim()}, so even an import with no parsing or validation would score ${(t.copy / t.floor).toFixed(2)}`);
    } finally {
      await client.end();
      await scratch.close();
      await scratch.drop();
    }
  }
  lines.push('ratio = COPY time / our time on PostgreSQL (target: at least 0.50)', 'The floor, from its keys and indexes:', ...floors);
  return lines;
}
