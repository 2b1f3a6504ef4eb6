import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type AppError, conflict, invalid } from '../../domain/errors.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { formatList } from '../../domain/words.js';
import type { Db } from '../../db/client.js';
import { people, policyAcknowledgements, practices, userOverview, userPractices, users } from '../../db/schema/index.js';
import { type Role, roleLabels, roles, roleWords } from '../context.js';
import { keptInAudit, parseSerialId, type RecordType } from '../records/record-type.js';
import { hashPassword } from './passwords.js';
import { endSignInsOf } from '../auth/sessions.js';

/** At least 12 characters, and not one or two repeated ("aaaaaaaaaaaa"): a few words make a good one. */
export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200)
  .refine((password) => password.length < 12 || new Set(password).size >= 5, 'must use at least 5 different characters: a few words you will remember make a good password');

const practiceCodes = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[;,\s]+/)).map((c) => c.trim().toUpperCase()).filter(Boolean));

const userInput = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address such as name@nhs.net'),
  name: z.string().trim().min(1, 'Enter a name').max(120),
  role: z.enum(roles, { message: 'Choose admin, practice_manager, commissioner or clinician' }),
  password: passwordSchema,
  practiceCodes: practiceCodes.optional(),
  disabled: z.boolean().optional(),
});

/** Roles that see every practice, so are given none of their own. */
const wholeFederationRoles: readonly string[] = ['admin', 'commissioner'];

type UserInput = Partial<z.infer<typeof userInput>>;

/** Everything wrong with a user as given, each as the error it would be on its own. */
async function userRefusals(db: Db, input: UserInput, existing: Record<string, unknown> | undefined): Promise<AppError[]> {
  const refusals: AppError[] = [];
  if (input.email && input.email !== existing?.email) {
    const [clash] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    // Named as a problem with the email field, so a form puts it beside the email box.
    if (clash) refusals.push(conflict(`There is already a user with the email ${input.email}`, {}, [{ field: 'email', message: 'is already used by another user' }]));
  }
  const role = (input.role ?? existing?.role) as Role | undefined;
  // A practice manager sees only their practices' records, so one with none could do nothing.
  const keptCodes = async () => (existing ? (await db.select({ code: userPractices.practiceCode }).from(userPractices).where(eq(userPractices.userId, existing.id as number))).map((r) => r.code) : []);
  if (role === 'practice_manager' && (input.practiceCodes ?? (await keptCodes())).length === 0) {
    refusals.push(invalid('A practice manager must work for at least one practice', [{ field: 'practiceCodes', message: 'Choose at least one practice' }]));
  }
  // An admin or a commissioner sees every practice: practices named for them would mean nothing.
  if (role && wholeFederationRoles.includes(role) && input.practiceCodes?.length) {
    const who = roleWords(role);
    refusals.push(invalid(`A ${who} sees every practice, so has no practices of their own`, [{ field: 'practiceCodes', message: `must be blank for a ${who}: practices are for practice managers and clinicians` }]));
  } else if (input.practiceCodes?.length) {
    const found = await db.select({ code: practices.odsCode, closeDate: practices.closeDate, status: practices.status }).from(practices).where(inArray(practices.odsCode, input.practiceCodes));
    const missing = input.practiceCodes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length) refusals.push(invalid(`Unknown practice ${missing.join(', ')}`, [{ field: 'practiceCodes', message: `unknown practice ${missing.join(', ')}` }]));
    // A practice that has closed has no one to manage it now; one the user already had stays (their history is theirs).
    const kept = await keptCodes();
    const closed = found.filter((f) => f.status === 'closed' && !kept.includes(f.code));
    if (closed.length) {
      const said = closed.map((f) => `${f.code}${f.closeDate ? ` closed on ${formatLongDate(f.closeDate)}` : ' has closed'}`);
      refusals.push(invalid(`${formatList(said)}: choose practices that are open`, [{ field: 'practiceCodes', message: `${formatList(said)}: choose practices that are open` }]));
    }
  }
  return refusals;
}

export const userRecord: RecordType<z.infer<typeof userInput>> = {
  name: 'user',
  label: 'user',
  table: users,
  source: userOverview,
  idColumn: users.id,
  sourceIdColumn: userOverview.id,
  versionColumn: users.rowVersion,
  createdByPeople: true,
  personalData: 'names, email addresses, roles and practices of the people who may sign in, and when each last did',
  parseId: parseSerialId,
  fields: {
    id: { header: 'ID', column: userOverview.id, kind: 'integer', sortable: true },
    email: { header: 'Email', column: userOverview.email, kind: 'text', filter: 'search', sortable: true },
    name: { header: 'Name', column: userOverview.name, kind: 'text', filter: 'search', sortable: true },
    role: { header: 'Role', column: userOverview.role, kind: 'text', filter: 'exact', sortable: true, labels: roleLabels },
    practiceCodes: { header: 'Practices', column: userOverview.practiceCodes, kind: 'text', filter: 'search' },
    disabled: { header: 'Disabled', column: userOverview.disabled, kind: 'boolean', filter: 'exact' },
  },
  defaultSort: 'name',
  createSchema: userInput,
  updateSchema: userInput.partial(),
  async prepare(db, input, existing) {
    const values: Record<string, unknown> = { ...input };
    delete values.practiceCodes;
    delete values.password;
    const refusals = await userRefusals(db, input, existing);
    // One refusal in its own words (a clash of emails is a conflict); several together, so a form shows them all at once.
    if (refusals.length === 1) throw refusals[0]!;
    if (refusals.length) throw invalid('The user is not valid', refusals.flatMap((r) => r.problems));
    if (input.password) values.passwordHash = await hashPassword(input.password);
    return values;
  },
  // A user who has acknowledged policies, or signs in as a person named on the governance records,
  // has history that names them: they are kept (disable them instead, which stops their sign-in).
  dependents: [
    { column: policyAcknowledgements.userId, one: 'policy acknowledgement', many: 'policy acknowledgements' },
    { column: people.userId, one: 'person record they sign in as', many: 'person records they sign in as' },
  ],
  whenDepended: 'Disable the user instead: they can no longer sign in, and what they did keeps their name.',
  // Their practices go with them; sessions and audit rows name them by id and keep their history.
  alsoDeleted: keptInAudit({ practices: { column: userPractices.userId } }),
  async afterDelete(db, deleted) {
    await db.delete(userPractices).where(eq(userPractices.userId, deleted.id as number));
  },
  async afterWrite(db, userId, input, actor) {
    // Made an admin or a commissioner: the practices they had as a manager or clinician go.
    if (input.role && wholeFederationRoles.includes(input.role) && input.practiceCodes === undefined) input = { ...input, practiceCodes: [] };
    // A new password (forgotten, or feared known) signs its user out everywhere, but for the sign-in that set it.
    if (input.password) await endSignInsOf(db, Number(userId), actor.sessionId);
    // Disabled: every sign-in ends now, so enabling them again later does not bring back one left open on a lost or shared machine.
    if (input.disabled === true) await endSignInsOf(db, Number(userId));
    if (input.practiceCodes === undefined) return;
    await db.delete(userPractices).where(eq(userPractices.userId, Number(userId)));
    if (input.practiceCodes.length) await db.insert(userPractices).values(input.practiceCodes.map((practiceCode) => ({ userId: Number(userId), practiceCode })));
  },
  // The hash is never shown, so the before and after of a password reset look alike: say what changed.
  auditSummary: (input) => (input.password ? 'Password changed' : undefined),
  presents: { practiceCodes: z.array(z.string()) },
  present: (row) => {
    const { passwordHash: _hidden, ...rest } = row;
    return { ...rest, practiceCodes: typeof rest.practiceCodes === 'string' ? rest.practiceCodes.split(';').filter(Boolean) : (rest.practiceCodes ?? []) };
  },
};
