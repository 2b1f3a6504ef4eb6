import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { forbidden, invalid } from '../../domain/errors.js';
import { users } from '../../db/schema/index.js';
import { endSignInsOf } from './sessions.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { hashPassword, verifyPassword } from '../users/passwords.js';
import { passwordSchema } from '../users/user-record.js';

export const ownPasswordSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(200),
  newPassword: passwordSchema,
});

/**
 * Anyone signed in changes their own password, saying their current one first (someone at a desk
 * left signed in cannot), so an admin who set it no longer knows it. Their other sign-ins end; this
 * one goes on. Audited without either password or hash.
 */
export async function changeOwnPassword(ctx: AppContext, input: z.infer<typeof ownPasswordSchema>): Promise<{ changed: true }> {
  if (ctx.actor.userId === null) throw forbidden('The command line has no password of its own: atscale users set-password sets a user’s');
  const userId = ctx.actor.userId;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabled) throw forbidden('Sign in again to change your password');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    // Audited as a refused sign-in is: someone at a desk left signed in may be guessing it.
    await recordAudit(ctx.db, ctx.actor, { recordType: 'session', recordId: userId, action: 'refuse', summary: 'password change refused: the current password was wrong' });
    throw invalid('Your current password is not right', [{ field: 'currentPassword', message: 'is not right' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const db = tx as never as AppContext['db'];
    await db.update(users).set({ passwordHash, rowVersion: user.rowVersion + 1, updatedAt: new Date() }).where(eq(users.id, userId));
    await endSignInsOf(db, userId, ctx.actor.sessionId);
    await recordAudit(db, ctx.actor, { recordType: 'user', recordId: userId, action: 'update', summary: 'Changed their own password (other sign-ins ended)' });
  });
  return { changed: true };
}
