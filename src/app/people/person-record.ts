import { and, eq, ne, or } from 'drizzle-orm';
import { z } from 'zod';
import { conflict } from '../../domain/errors.js';
import { boardActions, people, policies, risks } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { type RecordType, storedIn } from '../records/record-type.js';
import { recordIdSchema } from '../../domain/record-id.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));

const personInput = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(120),
  initials: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,5}$/, 'must be up to five letters, such as GC')
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  jobTitle: optionalText(120),
  organisation: optionalText(120),
  email: z.string().trim().toLowerCase().email('must be an email address such as name@nhs.net').nullable().optional().or(z.literal('').transform(() => null)),
  userId: recordIdSchema.nullable().optional(),
});

async function assertUnique(db: Db, name: string, initials: string | null | undefined, existingId: number | undefined): Promise<void> {
  const [clash] = await db
    .select({ name: people.name, initials: people.initials })
    .from(people)
    .where(and(or(eq(people.name, name), initials ? eq(people.initials, initials) : undefined), existingId ? ne(people.id, existingId) : undefined));
  if (!clash) return;
  if (clash.name === name) throw conflict(`There is already a person called ${name}`);
  throw conflict(`${clash.name} already has the initials ${initials}`);
}

/** People named as owners, leads and attendees (see src/db/schema/people.ts). */
export const personRecord: RecordType<z.infer<typeof personInput>> = {
  name: 'person',
  label: 'person',
  ...storedIn(people),
  createdByPeople: true,
  personalData: 'names, job titles, organisations and email addresses of the people named as owners, leads and attendees',
  fields: {
    id: { header: 'ID', column: people.id, kind: 'integer', filter: 'exact', sortable: true },
    name: { header: 'Name', column: people.name, kind: 'text', filter: 'search', sortable: true },
    initials: { header: 'Initials', column: people.initials, kind: 'text', filter: 'exact', sortable: true },
    jobTitle: { header: 'Job title', column: people.jobTitle, kind: 'text', filter: 'search', sortable: true },
    organisation: { header: 'Organisation', column: people.organisation, kind: 'text', filter: 'search', sortable: true },
    email: { header: 'Email', column: people.email, kind: 'text', filter: 'search', sortable: true },
  },
  defaultSort: 'name',
  createSchema: personInput,
  updateSchema: personInput.partial(),
  async prepare(db, input, existing) {
    const name = input.name ?? (existing?.name as string);
    const initials = input.initials === undefined ? (existing?.initials as string | null) : input.initials?.toUpperCase();
    await assertUnique(db, name, initials, existing?.id as number | undefined);
    return { ...input, ...(input.initials !== undefined ? { initials } : {}) };
  },
  // Risks, board actions and policies name their owners by id: a person still named as one is kept.
  dependents: [
    { column: risks.ownerPersonIds, one: 'risk they own', many: 'risks they own', array: true },
    { column: boardActions.ownerPersonIds, one: 'board action they own', many: 'board actions they own', array: true },
    { column: policies.ownerPersonIds, one: 'policy they own', many: 'policies they own', array: true },
  ],
  present: (row) => row,
};
