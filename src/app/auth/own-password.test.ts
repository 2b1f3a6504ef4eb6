import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { cliActor } from '../context.js';
import { contextFor } from '../../../test/support/factories.js';
import { demoUsers, loadDemo } from '../demo/load-demo.js';
import { changeOwnPassword, ownPasswordSchema } from './own-password.js';
import { resolveSession, signIn } from './sessions.js';

describe.each(databaseKinds)('changing your own password (%s)', (kind) => {
  let database: Database;
  const { email, password } = demoUsers.find((u) => u.role === 'commissioner')!;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('takes a new password once the current one is said, ends the other sign-ins and keeps this one', async () => {
    const here = await signIn(database.db, email, password);
    const elsewhere = await signIn(database.db, email, password);
    const me = { ...(await resolveSession(database.db, here.token))!.actor };
    await expect(changeOwnPassword(contextFor(database, me), { currentPassword: 'not it', newPassword: 'green kettle window 42' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'currentPassword', message: 'is not right' }] });
    const [guess] = await database.query<{ action: string; summary: string }>("SELECT action, summary FROM audit_log WHERE record_type = 'session' ORDER BY id DESC LIMIT 1");
    expect(guess).toEqual({ action: 'refuse', summary: 'password change refused: the current password was wrong' });
    expect(await changeOwnPassword(contextFor(database, me), { currentPassword: password, newPassword: 'green kettle window 42' })).toEqual({ changed: true });
    expect(await resolveSession(database.db, here.token)).toMatchObject({ actor: { userId: me.userId } });
    expect(await resolveSession(database.db, elsewhere.token)).toBeUndefined();
    await expect(signIn(database.db, email, password)).rejects.toMatchObject({ kind: 'unauthenticated' });
    await expect(signIn(database.db, email, 'green kettle window 42')).resolves.toMatchObject({ actor: { userId: me.userId } });
    const [audit] = await database.query<{ summary: string; before: unknown; after: unknown }>(`SELECT summary, before, after FROM audit_log WHERE record_type = 'user' AND record_id = '${me.userId}' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ summary: 'Changed their own password (other sign-ins ended)', before: null, after: null });
  });

  it('is for people signed in: the command line sets a user’s password with users set-password', async () => {
    await expect(changeOwnPassword(contextFor(database, cliActor('ops')), { currentPassword: 'x', newPassword: 'green kettle window 42' })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('a new password', () => {
  it.each([
    ['too short (said once, not twice)', 'short one', 'must be at least 12 characters'],
    ['one letter repeated', 'aaaaaaaaaaaa', 'must use at least 5 different characters: a few words you will remember make a good password'],
    ['two letters repeated', 'abababababab', 'must use at least 5 different characters: a few words you will remember make a good password'],
  ])('%s is refused', (_name, newPassword, message) => {
    const result = ownPasswordSchema.safeParse({ currentPassword: 'x', newPassword });
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it('a few words are taken', () => {
    expect(ownPasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'green kettle window 42' }).success).toBe(true);
  });
});
