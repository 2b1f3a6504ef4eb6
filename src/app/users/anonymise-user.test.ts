import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor } from '../../../test/support/factories.js';
import { demoUsers, loadDemo } from '../demo/load-demo.js';
import { signIn } from '../auth/sessions.js';
import { listRecords, updateRecord } from '../records/records.js';
import { recordTypes } from '../records/registry.js';
import { anonymiseUser, formerUserName } from './anonymise-user.js';
import { checkAuditSeals } from '../audit-seals.js';

describe.each(databaseKinds)('anonymising a user who has left (%s)', (kind) => {
  let database: Database;
  const manager = demoUsers.find((u) => u.role === 'practice_manager')!;
  const admin = () => contextFor(database, adminActor);
  /** Every table and column, text or JSON, that holds `text` anywhere: where a person's details are kept. */
  async function placesHolding(text: string): Promise<string[]> {
    const columns = await database.query<{ table_name: string; column_name: string }>("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb')");
    const found: string[] = [];
    for (const c of columns) {
      const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${c.table_name}" WHERE strpos("${c.column_name}"::text, $1) > 0`, [text]);
      if (row!.n) found.push(`${c.table_name}.${c.column_name}`);
    }
    return found.sort();
  }
  const userRow = async () => (await listRecords(admin(), recordTypes.users!, { page: 1, pageSize: 1, filters: { email: manager.email } })).items[0]!;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
    // Signing in writes the manager's sign-in label into the audit log too.
    await signIn(database.db, manager.email, manager.password, new Date(), { address: '192.0.2.1' });
  });
  afterAll(() => database?.close());

  it('refuses someone who can still sign in', async () => {
    const user = await userRow();
    await expect(anonymiseUser(admin(), user.id as number)).rejects.toMatchObject({ kind: 'invalid', message: expect.stringContaining('disable them first') });
  });

  it('refuses, changing nothing, while the audit log fails its check: sealing it again would hide what failed', async () => {
    const user = await userRow();
    await updateRecord(admin(), recordTypes.users!, String(user.id), { disabled: true }, user.rowVersion as number);
    const [row] = await database.query<{ seq: number; summary: string }>('SELECT seq::int, summary FROM audit_log WHERE seq IS NOT NULL ORDER BY seq LIMIT 1');
    await database.query("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = $1", [row!.seq]);
    await expect(anonymiseUser(admin(), user.id as number)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^The audit log fails its check: Audit row \d+ .* does not match its seal.* nothing was changed/) });
    expect(await placesHolding(manager.email)).toContain('users.email');
    // Put back as it was, the row matches its seal again.
    await database.query('UPDATE audit_log SET summary = $2 WHERE seq = $1', [row!.seq, row!.summary]);
    const again = await userRow();
    await updateRecord(admin(), recordTypes.users!, String(again.id), { disabled: false }, again.rowVersion as number);
  });

  it('replaces their name and email wherever their sign-in was recorded, keeping what they did under “Former user N”', async () => {
    const user = await userRow();
    const before = await placesHolding(manager.email);
    // Their user, and the records and audit rows their sign-in label was copied into.
    expect(before).toEqual(expect.arrayContaining(['audit_log.actor_label', 'users.email']));
    expect(before.length).toBeGreaterThan(2);
    await updateRecord(admin(), recordTypes.users!, String(user.id), { disabled: true }, user.rowVersion as number);
    const done = await anonymiseUser(admin(), user.id as number);
    expect(done).toMatchObject({ name: formerUserName(user.id as number) });
    expect(done.places).toBeGreaterThan(0);
    // Only the People page's contact list, a record of its own, may still hold the address (it holds none for this manager).
    expect(await placesHolding(manager.email)).toEqual([]);
    // Nor their name: the audit of their own user record said it too.
    expect(await placesHolding(manager.name)).toEqual([]);
    expect(await placesHolding(`${formerUserName(user.id as number)}`)).toEqual(expect.arrayContaining(['audit_log.actor_label', 'users.name']));
    const [audit] = await database.query<{ summary: string; after: unknown }>("SELECT summary, after FROM audit_log WHERE record_type = 'user' ORDER BY id DESC LIMIT 1");
    // Rewriting their name in the log breaks the seals of the rows that held it: it seals again from the first, says so, and keeps the latest seal from before.
    expect(audit!.summary).toMatch(/^Anonymised a former user: their name and email are now “Former user \d+” in \d+ places; the audit log was sealed again from place \d+ \(\d+ rows; the latest seal before was \d+:[0-9a-f]{64}\)$/);
    expect(audit!.after).toMatchObject({ resealed: { from: expect.any(Number), rows: expect.any(Number), latestBefore: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
    expect(await checkAuditSeals(admin())).toMatchObject({ ok: true, failures: [] });
    await expect(anonymiseUser(admin(), user.id as number)).rejects.toMatchObject({ kind: 'conflict' });
  });
});
