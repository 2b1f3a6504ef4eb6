import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor } from '../../../test/support/factories.js';
import { type AuditEntry, recordAudit } from '../audit.js';
import { checkAuditSeals, readKeptSeal } from '../audit-seals.js';
import { type BackupFile, createBackup, restoreBackup } from './backup.js';

const change = (n: number): AuditEntry => ({ recordType: 'risk', recordId: n, action: 'update', after: { n }, summary: `change ${n}` });
const latestSeal = async (database: Database) => (await database.query<{ kept: string }>("SELECT seq || ':' || hash AS kept FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1"))[0]!.kept;
const fileOf = (backup: Buffer) => JSON.parse(gunzipSync(backup).toString('utf8')) as BackupFile;
const gzipped = (file: BackupFile) => gzipSync(JSON.stringify(file));

describe.each(databaseKinds)('restores and the audit log’s seals (%s)', (kind) => {
  const opened: Database[] = [];
  const open = async () => {
    const database = await openTestDatabase(kind);
    opened.push(database);
    for (let n = 1; n <= 3; n++) await recordAudit(database.db, adminActor, change(n));
    return database;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
  });
  const check = (database: Database, kept?: string) => checkAuditSeals(contextFor(database, adminActor), kept ? readKeptSeal(kept) : undefined);

  it('keeps the chain whole through a restore, so a seal kept before it still matches', async () => {
    const database = await open();
    const backup = await createBackup(database, adminActor);
    // Written after the backup: the restore keeps them after the backup's rows, and seals them again in the same places.
    await database.db.transaction(async (tx) => recordAudit(tx as never, adminActor, [change(4), change(5)]));
    const kept = await latestSeal(database);
    await restoreBackup(database, backup, adminActor);
    expect(await check(database, kept)).toMatchObject({ ok: true, failures: [], kept: { matches: true } });
    const [restore] = await database.query<{ action: string; seq: number }>('SELECT action, seq::int FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(restore).toEqual({ action: 'restore', seq: Number(kept.split(':')[0]) + 1 });
  });

  it('restores a backup made before sealing began with its rows outside the chain, and seals what follows', async () => {
    const database = await open();
    const file = fileOf(await createBackup(database, adminActor));
    const rows = file.tables.audit_log!.length;
    file.tables.audit_log = file.tables.audit_log!.map(({ seq: _seq, hash: _hash, ...row }) => row);
    const target = await open();
    await restoreBackup(target, gzipped(file), adminActor);
    const result = await check(target);
    // The target's own three rows, written since (in another database), are kept and sealed, and the restore after them.
    expect(result).toMatchObject({ ok: true, unsealed: rows, sealed: 4 });
  });

  it('restores, into the database it came from once upgraded, a backup made before sealing began: no row reads as changed, none is kept twice', async () => {
    const database = await open();
    // As migration 0032 leaves the rows written before it: outside the chain.
    await database.query("UPDATE audit_log SET seq = NULL, hash = 'unsealed'");
    const file = fileOf(await createBackup(database, adminActor));
    file.tables.audit_log = file.tables.audit_log!.map(({ seq: _seq, hash: _hash, ...row }) => row);
    await restoreBackup(database, gzipped(file), adminActor);
    const summaries = (await database.query<{ summary: string }>('SELECT summary FROM audit_log ORDER BY id')).map((r) => r.summary);
    expect(summaries.filter((s) => s === 'change 1')).toHaveLength(1);
    expect(summaries.at(-1)).not.toMatch(/differ/);
    expect(await check(database)).toMatchObject({ ok: true, unsealed: file.tables.audit_log!.length });
  });

  it('restores a backup whose audit rows were edited, and the check names the first of them', async () => {
    const database = await open();
    const file = fileOf(await createBackup(database, adminActor));
    const edited = file.tables.audit_log!.find((r) => r.summary === 'change 2')!;
    edited.summary = 'nothing happened';
    const target = await open();
    await restoreBackup(target, gzipped(file), adminActor);
    const result = await check(target);
    expect(result.failures[0]).toMatchObject({ id: Number(edited.id), seq: Number(edited.seq), fault: 'altered' });
  });
});
