import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { databaseKinds, openEmptyTestDatabase, openTestDatabase } from '../../test/support/databases.js';
import { adminActor, contextFor, managerOf } from '../../test/support/factories.js';
import { migrateBefore } from '../../test/support/migrations.js';
import { type AuditEntry, recordAudit } from './audit.js';
import { checkAuditSeals, readKeptSeal } from './audit-seals.js';

const change = (n: number, summary = `change ${n}`): AuditEntry => ({ recordType: 'risk', recordId: n, action: 'update', before: { title: `was ${n}` }, after: { title: `now ${n}`, score: n }, summary });

describe.each(databaseKinds)('audit seals (%s)', (kind) => {
  const opened: Database[] = [];
  const open = async (migrated = true) => {
    const database = migrated ? await openTestDatabase(kind) : await openEmptyTestDatabase(kind);
    opened.push(database);
    return database;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((d) => d.close()));
  });
  const check = (database: Database, kept?: string) => checkAuditSeals(contextFor(database, adminActor), kept ? readKeptSeal(kept) : undefined);
  /** Rows written: some in one transaction, some one to a transaction. */
  async function written(database: Database, count = 6): Promise<{ id: number; seq: number; hash: string }[]> {
    await database.db.transaction(async (tx) => recordAudit(tx as never, adminActor, [change(1), change(2), change(3)]));
    for (let n = 4; n <= count; n++) await recordAudit(database.db, adminActor, change(n));
    return database.query<{ id: number; seq: number; hash: string }>('SELECT id::int, seq::int, hash FROM audit_log ORDER BY seq');
  }

  it('seals each row as it commits, one place after another, and the check finds every seal matching', async () => {
    const database = await open();
    const rows = await written(database);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const result = await check(database);
    expect(result).toMatchObject({ ok: true, sealed: 6, unsealed: 0, failures: [], head: { seq: 6, hash: rows[5]!.hash } });
    expect(result.sentences).toContain('Every sealed row matches its seal.');
    expect(result.sentences.at(-1)).toBe(`The latest seal, to keep elsewhere: 6:${rows[5]!.hash}`);
    expect(await check(database, `6:${rows[5]!.hash}`)).toMatchObject({ ok: true, kept: { matches: true } });
  });

  it('is SHA-256 over the previous seal and the row as JSON, so it can be checked without atscale', async () => {
    const database = await open();
    const [first, second] = await written(database, 2);
    const [row] = await database.query<{ j: string }>(
      `SELECT jsonb_build_array(seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_id, actor_label, record_type, record_id, action, before, after, summary)::text AS j FROM audit_log WHERE seq = 2`,
    );
    // The row as PostgreSQL writes jsonb: its place, its time in UTC, then who, what and the change.
    expect(JSON.parse(row!.j)).toEqual([2, expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/), null, 'test admin', 'risk', '2', 'update', { title: 'was 2' }, { score: 2, title: 'now 2' }, 'change 2']);
    expect(second!.hash).toBe(createHash('sha256').update(first!.hash + row!.j).digest('hex'));
  });

  it('names the first row changed behind atscale’s back, and when it was written', async () => {
    const database = await open();
    const rows = await written(database);
    await database.query("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 3");
    await database.query("UPDATE audit_log SET after = '{}' WHERE seq = 5");
    const result = await check(database);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([expect.objectContaining({ id: rows[2]!.id, seq: 3, fault: 'altered' })]);
    expect(result.failures[0]!.message).toMatch(new RegExp(`^Audit row ${rows[2]!.id} \\(written \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{1,2}:\\d\\d[ap]m\\), place 3 in the chain, does not match its seal`));
    expect(result.sentences).not.toContain('Every sealed row matches its seal.');
  });

  it('names the row that follows rows removed from the middle, and says when rows are gone from the end', async () => {
    const database = await open();
    const rows = await written(database);
    const kept = `6:${rows[5]!.hash}`;
    await database.query('DELETE FROM audit_log WHERE seq IN (2, 6)');
    const result = await check(database, kept);
    expect(result.failures).toEqual([expect.objectContaining({ id: rows[2]!.id, seq: 3, fault: 'missing_before' })]);
    // Removing the last rows leaves a chain that checks: only a seal kept elsewhere shows they are gone.
    await database.query('DELETE FROM audit_log WHERE seq = 1');
    expect((await check(database)).failures[0]).toMatchObject({ seq: 3, fault: 'missing_before' });
    expect(result.kept).toMatchObject({ matches: false, message: expect.stringContaining('holds no row at place 6') });
  });

  it('shows a chain sealed again from top to bottom only against a seal kept elsewhere', async () => {
    const database = await open();
    const rows = await written(database);
    const kept = `5:${rows[4]!.hash}`;
    // Someone with the database to themselves rewrites a row and seals everything after it again.
    await database.query("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 2");
    await database.query('SELECT audit_reseal(2)');
    expect(await check(database)).toMatchObject({ ok: true, failures: [] });
    const result = await check(database, kept);
    expect(result).toMatchObject({ ok: false, kept: { seq: 5, matches: false } });
    expect(result.sentences).toContain(result.kept!.message);
  });

  it('names a row written with sealing switched off', async () => {
    const database = await open();
    await written(database, 3);
    await database.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_seal');
    await recordAudit(database.db, adminActor, change(4));
    await database.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_seal');
    const [unsealed] = await database.query<{ id: number }>('SELECT id::int FROM audit_log WHERE seq IS NULL');
    expect((await check(database)).failures).toEqual([expect.objectContaining({ id: unsealed!.id, seq: null, fault: 'not_sealed' })]);
  });

  it('joins rows from transactions running side by side into one chain, in the order they commit', async () => {
    const database = await open();
    await Promise.all(
      Array.from({ length: 8 }, (_, t) =>
        database.db.transaction(async (tx) => {
          await recordAudit(tx as never, adminActor, change(t * 10));
          await new Promise((resolve) => setTimeout(resolve, (t % 3) * 15));
          await recordAudit(tx as never, adminActor, [change(t * 10 + 1), change(t * 10 + 2)]);
        }),
      ),
    );
    const seqs = await database.query<{ seq: number }>('SELECT seq::int FROM audit_log ORDER BY seq');
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(await check(database)).toMatchObject({ ok: true, sealed: 24 });
  });

  it('leaves the rows written before sealing began outside the chain, and starts the chain after them', async () => {
    const database = await open(false);
    await migrateBefore(database, '0032_audit-seal');
    await database.query("INSERT INTO audit_log (actor_label, record_type, record_id, action, summary) VALUES ('test admin', 'risk', '1', 'create', 'before sealing'), ('test admin', 'risk', '2', 'create', 'before sealing')");
    await database.migrate();
    await recordAudit(database.db, adminActor, [change(3), change(4)]);
    const result = await check(database);
    expect(result).toMatchObject({ ok: true, sealed: 2, unsealed: 2, first: { seq: 1 } });
    expect(result.sentences).toContain('2 rows were written before sealing began, and cannot be checked.');
    // A row marked as older than sealing, written after it began, is not taken at its word.
    await database.query("UPDATE audit_log SET seq = NULL, hash = 'unsealed' WHERE seq = 2");
    expect((await check(database)).failures).toEqual([expect.objectContaining({ fault: 'not_sealed' })]);
  });

  it('is checked by admins only, and a kept seal must be written as the check prints it', async () => {
    const database = await open();
    await expect(checkAuditSeals(contextFor(database, managerOf('C82001')))).rejects.toMatchObject({ kind: 'forbidden' });
    expect(() => readKeptSeal('6:abc')).toThrow(expect.objectContaining({ kind: 'invalid', problems: [{ field: 'anchor', message: 'must be written place:seal' }] }));
    expect(readKeptSeal(` 6:${'A'.repeat(64)} `)).toEqual({ seq: 6, hash: 'a'.repeat(64) });
  });
});
