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
});
