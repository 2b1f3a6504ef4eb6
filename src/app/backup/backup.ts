import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:buffer';
import { gunzipSync, gzipSync } from 'node:zlib';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../../domain/errors.js';
import { formatDateTime } from '../../domain/iso-date.js';
import { appliedMigrations, type Database, type Db, migrationsFolder } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import { type Actor, systemActor } from '../context.js';
import * as schema from '../../db/schema/index.js';
import { authorize } from '../permissions.js';

/** Tables in an order that restores cleanly: each after the tables its foreign keys point to. */
function parentsFirst(all: PgTable[]): PgTable[] {
  const ordered: PgTable[] = [];
  const visit = (table: PgTable, path: Set<PgTable>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const key of getTableConfig(table).foreignKeys) visit(key.reference().foreignTable, path);
    ordered.push(table);
  };
  for (const table of all) visit(table, new Set());
  return ordered;
}

/**
 * Every table the schema declares, found from the schema itself so that a new area's tables are
 * backed up without being listed here. Sessions are not backed up: a restore signs everyone out.
 */
const tables: PgTable[] = parentsFirst((Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable) && value !== schema.sessions));

export interface BackupFile {
  format: 'atscale-backup';
  version: 1;
  createdAt: string;
  migrations: number;
  tables: Record<string, Record<string, unknown>[]>;
}

/**
 * A logical backup (every row of every table as JSON, gzipped): the same on PGlite and PostgreSQL, and
 * movable between them. Every table is read in one repeatable-read transaction, so a backup taken while
 * people work is one moment's data: a scheme version saved between two tables' reads is in neither or
 * both, never pointing at a scheme the file does not hold.
 */
export async function createBackup(database: Database, actor: Actor): Promise<Buffer> {
  authorize(actor, 'backup', 'read');
  const file: BackupFile = { format: 'atscale-backup', version: 1, createdAt: new Date().toISOString(), migrations: await appliedMigrations(database), tables: {} };
  await database.db.transaction(
    async (tx) => {
      for (const table of tables) {
        const name = getTableName(table);
        const result = await tx.execute(sql.raw(`SELECT row_to_json(t)::text AS j FROM "${name}" t`));
        file.tables[name] = (result as unknown as { rows: { j: string }[] }).rows.map((r) => JSON.parse(r.j));
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  // Who took a copy of everything (password hashes included), and when: not a change, but the one read an admin must be able to account for.
  const rows = Object.values(file.tables).reduce((sum, table) => sum + table.length, 0);
  await recordAudit(database.db, actor, { recordType: 'backup', recordId: file.createdAt, action: 'create', after: { rows }, summary: `Took a backup of every record (${rows.toLocaleString('en-GB')} rows, password hashes included)` });
  return gzipSync(JSON.stringify(file));
}

type AuditRow = typeof schema.auditLog.$inferSelect;

/**
 * A row as JSON with its keys in one order and its time as a number, so the same row reads the same from a file and from either database.
 * Its place and seal are left out: the seal check answers for those, and a backup made before sealing began has neither, while
 * the same rows in the upgraded database are marked unsealed.
 */
function sameRowText({ seq: _seq, hash: _hash, ...row }: Record<string, unknown>): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])])) : value;
  return JSON.stringify(sorted({ ...row, at: new Date(String(row.at)).getTime() }));
}

/**
 * The audit rows held now that the backup does not hold (matched on id and time): what happened
 * after it was made, or in another database. A row the backup holds under the same id and time but
 * saying something else (`altered`: the file was edited, as an audit row never is here) is kept too,
 * so a restore cannot be used to rewrite what the log says.
 */
async function auditSinceBackup(db: Db, backedUp: readonly Record<string, unknown>[]): Promise<{ kept: AuditRow[]; altered: number }> {
  const inBackup = new Map(backedUp.map((r) => [`${r.id} ${new Date(String(r.at)).getTime()}`, sameRowText(r)]));
  const current = await db.select().from(schema.auditLog);
  const asStored = await db.execute(sql`SELECT id, row_to_json(t)::text AS j FROM audit_log t`);
  const textOf = new Map((asStored as unknown as { rows: { id: number; j: string }[] }).rows.map((r) => [Number(r.id), sameRowText(JSON.parse(r.j) as Record<string, unknown>)]));
  let altered = 0;
  const kept = current.filter((r) => {
    const backedUpText = inBackup.get(`${r.id} ${r.at.getTime()}`);
    if (backedUpText === undefined) return true;
    if (backedUpText === textOf.get(r.id)) return false;
    altered += 1;
    return true;
  });
  return { kept, altered };
}

const keptWords = (since: number) => (since === 1 ? '; the audit row written since it is kept before this one' : since ? `; the ${since} audit rows written since it are kept before this one` : '');
const alteredWords = (altered: number) =>
  altered === 0 ? '' : `; ${altered === 1 ? '1 audit row in the backup differs' : `${altered} audit rows in the backup differ`} from the log it replaced (the file was changed): the log’s ${altered === 1 ? 'row is' : 'rows are'} kept before this one too`;

/** The audit columns a row keeps when added again after a restore: all but its id and its place in the sealed chain, which it is given anew. */
const auditContent = Object.values(getTableColumns(schema.auditLog))
  .map((column) => column.name)
  .filter((name) => !['id', 'seq', 'hash'].includes(name))
  .map((name) => `"${name}"`)
  .join(', ');

/** Holds the rows to keep, exactly as stored (times to the microsecond), in a table that lasts until the restore commits. */
async function holdAudit(db: Db, rows: readonly AuditRow[]): Promise<void> {
  await db.execute(sql`CREATE TEMP TABLE audit_kept ON COMMIT DROP AS SELECT * FROM audit_log WHERE id = ANY(${`{${rows.map((r) => r.id).join(',')}}`}::bigint[])`);
}

/**
 * Adds the held audit rows after those restored, in the order they were sealed, with their own times,
 * under new ids; each is sealed again on commit after the backup's last. Restoring a backup of this
 * database so gives them the seals they had, so a seal kept elsewhere still matches.
 */
async function appendAudit(db: Db): Promise<void> {
  await db.execute(sql.raw(`INSERT INTO audit_log (${auditContent}) SELECT ${auditContent} FROM audit_kept ORDER BY seq NULLS FIRST, id`));
}

/** A backup made before the log was sealed (migration 0032) holds rows without seals: they stay outside the chain, as they were. */
const outsideChainUnlessSealed = (rows: readonly Record<string, unknown>[]) => rows.map((row) => (row.hash ? row : { ...row, hash: 'unsealed' }));

/**
 * Migrations that correct stored rows rather than change tables (0018 gives each scheme its approved
 * version's name, not a draft's). A backup made before one holds the rows it corrected, so restoring
 * it makes the same correction again, as upgrading the database did.
 */
const dataMigrations: readonly string[] = ['0018_scheme-name-from-approved-version', '0028_import-bases-and-closing-days'];

async function reapplyDataMigrations(db: Db, backupMigrations: number): Promise<void> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  // The backup counted the migrations applied: those numbered from that count on came after it.
  for (const { tag } of journal.entries.filter((e) => e.idx >= backupMigrations && dataMigrations.includes(e.tag))) {
    for (const statement of readFileSync(join(migrationsFolder, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) await db.execute(sql.raw(statement));
  }
}

/** The tables (other than sessions) the schema had after the backup's migrations, from drizzle-kit's snapshot of them; undefined for one this atscale has not. */
function tablesAt(migrations: number): Set<string> | undefined {
  const snapshot = join(migrationsFolder, 'meta', `${String(migrations - 1).padStart(4, '0')}_snapshot.json`);
  if (migrations < 1 || !existsSync(snapshot)) return undefined;
  const names = Object.keys((JSON.parse(readFileSync(snapshot, 'utf8')) as { tables: Record<string, unknown> }).tables).map((key) => key.replace(/^public\./, ''));
  return new Set(names.filter((name) => name !== getTableName(schema.sessions)));
}

/**
 * A backup holds every table its atscale had, each one even when empty. One missing a table (a file
 * edited, or put together by hand) would restore that table empty — no users, no one able to sign in —
 * and one holding a table its atscale did not have would lose it without a word: both are refused.
 */
function refuseIncomplete(file: BackupFile): void {
  const expected = tablesAt(file.migrations);
  if (!expected || typeof file.tables !== 'object' || file.tables === null) return;
  const missing = [...expected].filter((name) => !Array.isArray(file.tables[name]));
  const unknown = Object.keys(file.tables).filter((name) => !expected.has(name));
  const words = (names: string[]) => names.map((name) => name.replaceAll('_', ' ')).join(', ');
  if (missing.length) throw new AppError('invalid', `The backup is incomplete: it has no ${words(missing)}, which every backup made by its version of atscale holds. It may have been edited. Nothing was restored.`);
  if (unknown.length) throw new AppError('invalid', `The backup holds what its version of atscale did not have (${words(unknown)}): it may have been edited or made by another program. Nothing was restored.`);
}

/** The most a backup may unpack to: the longest string this Node.js can hold (about 512 MB). */
const largestBackupText = constants.MAX_STRING_LENGTH;

/** A backup file read and checked: when it was made, and what it holds. */
export function readBackup(content: Buffer, largest = largestBackupText): BackupFile {
  let text: string;
  try {
    // Unpacked only as far as one string can hold: a small file that unpacks to gigabytes (a
    // "zip bomb", or a file that is not a backup) is refused before it fills the memory.
    text = gunzipSync(content, { maxOutputLength: largest }).toString('utf8');
  } catch (error) {
    // A gzip stream that stops early: copied while it was written, or the disk filled.
    if ((error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR') throw new AppError('invalid', 'That backup is cut short: the file ends before the backup does (was it copied before it was complete?). Nothing was restored.');
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new AppError('invalid', `That file unpacks to more than ${Math.floor(largest / 1024 / 1024)} MB, the most atscale can restore from one backup; it is not a backup atscale could have made. Nothing was restored.`);
    throw new AppError('invalid', 'That file is not an atscale backup (expected a gzipped JSON file made by atscale backup)');
  }
  let file: BackupFile;
  try {
    file = JSON.parse(text) as BackupFile;
  } catch {
    throw new AppError('invalid', 'That file is not an atscale backup (expected a gzipped JSON file made by atscale backup)');
  }
  if (file?.format !== 'atscale-backup') throw new AppError('invalid', 'That file is not an atscale backup');
  refuseIncomplete(file);
  return file;
}

/** What a person would miss if it were replaced: the practices, groups and users held, by table name. */
export const tablesPeopleCount = ['practices', 'practice_groups', 'users'] as const;

/** The rows of `tablesPeopleCount` a database holds now; all zero on a new one, which a restore cannot harm. */
export async function heldNow(database: Database): Promise<Record<(typeof tablesPeopleCount)[number], number>> {
  const counts = await Promise.all(tablesPeopleCount.map(async (name) => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`))[0]!.n));
  return Object.fromEntries(tablesPeopleCount.map((name, i) => [name, counts[i]!])) as Record<(typeof tablesPeopleCount)[number], number>;
}

/** A backup made by a newer atscale holds tables this one does not know: refused, saying what to do. */
export async function refuseNewerBackup(database: Database, file: BackupFile): Promise<void> {
  const migrations = await appliedMigrations(database);
  if (file.migrations > migrations) throw new AppError('invalid', `The backup was made by a newer atscale (${file.migrations} migrations; this database has ${migrations}). Update atscale first.`);
}

/** Replaces everything stored with the backup's contents, in one transaction: all of it or none. */
export async function restoreBackup(database: Database, content: Buffer | BackupFile, actor: Actor = systemActor): Promise<Record<string, number>> {
  authorize(actor, 'backup', 'import');
  const file = Buffer.isBuffer(content) ? readBackup(content) : content;
  await refuseNewerBackup(database, file);
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    const { kept, altered } = await auditSinceBackup(tx as never, file.tables.audit_log ?? []);
    await holdAudit(tx as never, kept);
    await tx.execute(sql.raw(`TRUNCATE ${[...tables.map((t) => `"${getTableName(t)}"`), '"sessions"'].join(', ')}`));
    for (const table of tables) {
      const name = getTableName(table);
      const rows = name === getTableName(schema.auditLog) ? outsideChainUnlessSealed(file.tables[name] ?? []) : (file.tables[name] ?? []);
      counts[name] = rows.length;
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = JSON.stringify(rows.slice(i, i + 2000));
        await tx.execute(sql`INSERT INTO ${sql.raw(`"${name}"`)} SELECT * FROM json_populate_recordset(NULL::${sql.raw(`"${name}"`)}, ${chunk}::json)`).catch((error: unknown) => {
          // The database's own words, not the query with every row it was given.
          const cause = (error as { cause?: { message?: string } }).cause?.message ?? 'the database refused them';
          throw new AppError('invalid', `The backup's ${name.replaceAll('_', ' ')} cannot be restored into this version of atscale (${cause}). Nothing was restored.`);
        });
      }
      const serial = await tx.execute(sql`SELECT pg_get_serial_sequence(table_name, column_name) AS seq FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${name} AND column_name = 'id'`);
      const seq = (serial as unknown as { rows: { seq: string | null }[] }).rows[0]?.seq;
      // An id handed out since the backup is never handed out again: the audit rows kept from then point
      // at it, and would be pinned on a new record. So the next id is past the backup's rows and past what
      // the sequence had reached (TRUNCATE leaves a sequence where it was).
      if (seq) {
        await tx.execute(
          sql.raw(`SELECT setval('${seq}', GREATEST(COALESCE((SELECT max(id) FROM "${name}"), 0) + 1, (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM ${seq})), false)`),
        );
      }
    }
    await reapplyDataMigrations(tx as never, file.migrations);
    // The backup's own audit log came back with it. What was audited since, and the restore undid,
    // follows it (the audit is never lost), and this last row says when, and from what, it restored.
    await appendAudit(tx as never);
    await recordAudit(tx as never, actor, {
      recordType: 'backup',
      recordId: file.createdAt,
      action: 'restore',
      after: { rows: counts, auditKept: kept.length, auditAltered: altered },
      summary: `Restored the backup made on ${formatDateTime(file.createdAt)}${keptWords(kept.length - altered)}${alteredWords(altered)}`,
    });
  });
  return counts;
}
