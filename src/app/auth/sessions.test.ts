import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { contextFor } from '../../../test/support/factories.js';
import { demoUsers, loadDemo } from '../demo/load-demo.js';
import { resolveSession, sessionLifetimeMs, signIn } from './sessions.js';

const hours = (n: number) => n * 60 * 60 * 1000;

describe.each(databaseKinds)('how long a sign-in lasts (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('lasts 12 hours from when it was last used, not from signing in, and ends after 12 hours unused', async () => {
    const { email, password } = demoUsers.find((u) => u.role === 'clinician')!;
    const start = new Date('2026-11-26T08:00:00Z');
    const { token, expiresAt } = await signIn(database.db, email, password, start);
    expect(expiresAt.getTime() - start.getTime()).toBe(sessionLifetimeMs);
    const at = (h: number) => resolveSession(database.db, token, new Date(start.getTime() + hours(h)));
    // More than half its time left: used, but not renewed.
    expect(await at(1)).toMatchObject({ actor: { label: expect.stringContaining(email) } });
    expect((await at(1))!.renewedUntil).toBeUndefined();
    // Used in the afternoon: renewed for 12 hours from then, so still signed in at 8pm.
    expect((await at(7))!.renewedUntil).toEqual(new Date(start.getTime() + hours(19)));
    // Still the clinician at 6pm, an hour before then, and renewed again: until 6am.
    expect(await at(18)).toMatchObject({ actor: { role: 'clinician', label: expect.stringContaining(email) }, renewedUntil: new Date(start.getTime() + hours(30)) });
    // Then left unused overnight: ended.
    expect(await at(18 + 12 + 1)).toBeUndefined();
  });
});
