import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { contextFor } from '../../../test/support/factories.js';
import { demoUsers, loadDemo } from '../demo/load-demo.js';
import { resolveSession, sessionIdleMs, signIn } from './sessions.js';

const minutes = (n: number) => n * 60_000;

describe.each(databaseKinds)('how long a sign-in lasts (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('ends after an hour unused, is kept going while used, and ends twelve hours after signing in however busy', async () => {
    const { email, password } = demoUsers.find((u) => u.role === 'clinician')!;
    const start = new Date('2026-11-26T08:00:00Z');
    const { token, expiresAt } = await signIn(database.db, email, password, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(sessionIdleMs);
    const at = (minutes: number) => resolveSession(database.db, token, new Date(start.getTime() + minutes * 60_000));
    // Used a minute in: the clinician, not renewed yet (every request would write otherwise).
    expect(await at(1)).toMatchObject({ actor: { role: 'clinician', label: expect.stringContaining(email) } });
    expect((await at(1))!.renewedUntil).toBeUndefined();
    // Used 50 minutes in: an hour from then.
    expect((await at(50))!.renewedUntil).toEqual(new Date(start.getTime() + minutes(110)));
    // Used every 50 minutes all day, it is still renewed, but never past 8pm, twelve hours after signing in.
    for (let m = 100; m < 12 * 60; m += 50) expect(await at(m), `at ${m} minutes`).toMatchObject({ actor: { role: 'clinician' } });
    expect((await at(11 * 60 + 50))!.renewedUntil).toBeUndefined();
    expect(await at(12 * 60 + 1)).toBeUndefined();
  });

  it('ends after an hour unused', async () => {
    const { email, password } = demoUsers.find((u) => u.role === 'clinician')!;
    const start = new Date('2026-11-26T08:00:00Z');
    const { token } = await signIn(database.db, email, password, start);
    expect(await resolveSession(database.db, token, new Date(start.getTime() + minutes(59)))).toMatchObject({ actor: { role: 'clinician' } });
    // Renewed at 59 minutes: an hour from then, and no longer.
    expect(await resolveSession(database.db, token, new Date(start.getTime() + minutes(59 + 61)))).toBeUndefined();
  });

  it('audits a refused sign-in with where it came from, and a sign-in with where from; never an email no user has', async () => {
    const { email } = demoUsers.find((u) => u.role === 'commissioner')!;
    const from = { address: '203.0.113.9', browser: 'Test browser' };
    await expect(signIn(database.db, email, 'not the password', new Date(), from)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(signIn(database.db, 'my-password-typed-here@example.nhs.uk', 'x', new Date(), from)).rejects.toMatchObject({ kind: 'unauthenticated' });
    const rows = await database.query<{ actor_label: string; record_id: string; action: string; after: Record<string, unknown>; summary: string }>("SELECT actor_label, record_id, action, after, summary FROM audit_log WHERE record_type = 'session' AND action = 'refuse' ORDER BY id");
    expect(rows.map((r) => [r.action, r.summary, r.after])).toEqual([
      ['refuse', 'sign-in refused: the password was wrong', { ...from, reason: 'the password was wrong' }],
      ['refuse', 'sign-in refused: no user has that email address', { ...from, reason: 'no user has that email address' }],
    ]);
    expect(rows[0]!.actor_label).toContain(email);
    expect(JSON.stringify(rows[1])).not.toContain('my-password-typed-here');
    const { password } = demoUsers.find((u) => u.role === 'commissioner')!;
    await signIn(database.db, email, password, new Date(), from);
    const [signedIn] = await database.query<{ after: Record<string, unknown> }>("SELECT after FROM audit_log WHERE record_type = 'session' AND action = 'create' ORDER BY id DESC LIMIT 1");
    expect(signedIn!.after).toEqual(from);
  });
});
