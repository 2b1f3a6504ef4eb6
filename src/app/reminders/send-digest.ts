import { todayInEngland, addDays } from '../../domain/iso-date.js';
import { eq } from 'drizzle-orm';
import { composeDigest } from '../../domain/governance/digest.js';
import { AppError } from '../../domain/errors.js';
import { reminderWindowDays } from '../../domain/governance/due-dates.js';
import { userPractices, users } from '../../db/schema/index.js';
import type { AppContext, Role } from '../context.js';
import { authorize } from '../permissions.js';
import { gatherMyItems, personOfUser } from './my-items.js';
import { type MailMessage, sendMail } from './smtp-client.js';

export interface DigestOptions {
  /** smtp://user:pass@host:port or smtps://…; not needed for a dry run. */
  smtpUrl?: string;
  from: string;
  /** The web app's address, for links in the email. */
  baseUrl: string;
  dryRun?: boolean;
  today?: string;
  /** How mail goes out; tests and the dry run replace it. */
  send?: (message: MailMessage) => Promise<void>;
}

/**
 * The daily digest: one email per active user with items overdue or due in the next 14 days.
 * A dry run composes the emails and returns them without sending. Users with nothing due get none.
 */
export async function sendDigest(ctx: AppContext, options: DigestOptions) {
  authorize(ctx.actor, 'digest', options.dryRun ? 'read' : 'create');
  const today = options.today ?? todayInEngland();
  const until = addDays(today, reminderWindowDays);
  const send = options.send ?? (options.smtpUrl ? (message: MailMessage) => sendMail(options.smtpUrl!, message) : undefined);
  if (!options.dryRun && !send) throw new AppError('unavailable', 'Set SMTP_URL (e.g. smtp://mail.example.nhs.uk:25) to send the digest, or use --dry-run');
  const active = await ctx.db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.disabled, false)).orderBy(users.id);
  const memberships = await ctx.db.select().from(userPractices);
  const messages: MailMessage[] = [];
  for (const user of active) {
    const person = await personOfUser(ctx.db, user.id);
    const practiceCodes = memberships.filter((m) => m.userId === user.id).map((m) => m.practiceCode);
    const items = await gatherMyItems(ctx.db, { personId: person?.id ?? 0, userId: user.id, practiceCodes, role: user.role as Role, today, until });
    const digest = composeDigest({ name: person?.name ?? user.name, items, today, baseUrl: options.baseUrl.replace(/\/$/, ''), windowDays: reminderWindowDays });
    if (digest) messages.push({ from: options.from, to: user.email, ...digest });
  }
  if (!options.dryRun) for (const message of messages) await send!(message);
  return { today, sent: options.dryRun ? 0 : messages.length, messages };
}
