import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { AppError } from '../../domain/errors.js';
import type { Db } from '../../db/client.js';
import { sessions, userPractices, users } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { Actor, Role } from '../context.js';
import { decoyHash, verifyPassword } from '../users/passwords.js';

/**
 * A sign-in ends after an hour unused (someone left a shared practice PC signed in), and twelve hours
 * after signing in however busy (a working day; then sign in again). Both are the Data Security and
 * Protection Toolkit's expectations for a system holding personal data.
 */
export const sessionIdleMs = 60 * 60 * 1000;
export const sessionMaxMs = 12 * 60 * 60 * 1000;
/** A session is renewed only once this much of its idle time has passed, not on every request. */
const renewAfterMs = 5 * 60 * 1000;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export interface SignedIn {
  token: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

async function actorFor(db: Db, user: { id: number; name: string; email: string; role: string }): Promise<Actor> {
  const codes = await db.select({ code: userPractices.practiceCode }).from(userPractices).where(eq(userPractices.userId, user.id));
  return { userId: user.id, label: `${user.name} <${user.email}>`, role: user.role as Role, practiceCodes: codes.map((c) => c.code) };
}

/** Where a sign-in came from, for its audit row: the address (the user's own behind a trusted proxy) and the browser. */
export interface SignInFrom {
  address: string;
  browser?: string;
}

/**
 * A refused sign-in, audited with where it came from, so an admin sees someone guessing a user's
 * password. An email no user has is not kept: people type their password into the email box.
 */
async function auditRefusal(db: Db, user: typeof users.$inferSelect | undefined, reason: string, from: SignInFrom | undefined): Promise<void> {
  // Not made by the user it names (it may be someone guessing their password): "someone signing in as" them.
  const actor: Actor = { userId: null, label: user ? `someone signing in as ${user.name} <${user.email}>` : 'someone with an email address no user has', role: 'clinician', practiceCodes: [] };
  await recordAudit(db, actor, { recordType: 'session', recordId: user?.id ?? 'unknown', action: 'refuse', after: { ...from, reason }, summary: `sign-in refused: ${reason}` });
}

/** Checks an email and password; the same message whether the email or the password was wrong. */
export async function signIn(db: Db, email: string, password: string, now = new Date(), from?: SignInFrom): Promise<SignedIn> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !ok || user.disabled) {
    await auditRefusal(db, user, !user ? 'no user has that email address' : !ok ? 'the password was wrong' : 'the user is disabled', from);
    throw new AppError('unauthenticated', 'The email address or password is not right');
  }
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + sessionIdleMs);
  // The session, the user's last sign-in and its audit row are stored together or not at all.
  const actor = await db.transaction(async (tx) => {
    const txDb = tx as never as Db;
    await txDb.delete(sessions).where(lt(sessions.expiresAt, now));
    await txDb.insert(sessions).values({ id: tokenHash(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
    await txDb.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    const signedIn = await actorFor(txDb, user);
    await recordAudit(txDb, signedIn, { recordType: 'session', recordId: user.id, action: 'create', ...(from ? { after: from } : {}), summary: 'signed in' });
    return signedIn;
  });
  return { token, csrfToken, actor, expiresAt };
}

/**
 * The signed-in user a session token stands for, while it lasts. A session in use is kept going: a
 * request more than five minutes after its last renewal gives it an hour from now (`renewedUntil`),
 * but never past twelve hours after signing in.
 */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<{ actor: Actor; csrfToken: string; renewedUntil?: Date } | undefined> {
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, tokenHash(token)), gt(sessions.expiresAt, now)));
  if (!row || row.user.disabled) return undefined;
  const until = Math.min(now.getTime() + sessionIdleMs, row.createdAt.getTime() + sessionMaxMs);
  const renewedUntil = until - row.expiresAt.getTime() > renewAfterMs ? new Date(until) : undefined;
  if (renewedUntil) await db.update(sessions).set({ expiresAt: renewedUntil }).where(eq(sessions.id, tokenHash(token)));
  return { actor: { ...(await actorFor(db, row.user)), sessionId: tokenHash(token) }, csrfToken: row.csrfToken, ...(renewedUntil ? { renewedUntil } : {}) };
}

/** Ends the sign-in, and audits it as its sign-in was (an unknown or ended one leaves no row). */
export async function signOut(db: Db, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    const txDb = tx as never as Db;
    const [ended] = await txDb.delete(sessions).where(eq(sessions.id, tokenHash(token))).returning({ userId: sessions.userId });
    const [user] = ended ? await txDb.select().from(users).where(eq(users.id, ended.userId)) : [];
    if (user) await recordAudit(txDb, await actorFor(txDb, user), { recordType: 'session', recordId: user.id, action: 'delete', summary: 'signed out' });
  });
}

/** Ends a user's sign-ins, all but the one that asked (`keep`, a session's id): a new password signs its user out everywhere else. */
export async function endSignInsOf(db: Db, userId: number, keep?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), keep ? ne(sessions.id, keep) : undefined));
}
