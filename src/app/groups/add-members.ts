import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { invalid } from '../../domain/errors.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { practices } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { membershipRecord } from './membership-record.js';
import { insertPrepared } from '../records/records.js';
import { parseOrRefuse } from '../records/zod-problems.js';

/** How a customer chooses member practices: all of a commissioner's, all of a PCN's, or one by one. */
export const addMembersSchema = z
  .object({
    commissionerCode: z.string().trim().toUpperCase().optional(),
    pcnCode: z.string().trim().toUpperCase().optional(),
    practiceCodes: z.array(z.string().trim().toUpperCase()).optional(),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().optional(),
    /** Active GP practices only (the usual wish); false adds every matching cost centre. */
    gpPracticesOnly: z.boolean().default(true),
  })
  .refine((v) => v.commissionerCode || v.pcnCode || v.practiceCodes?.length, { message: 'Choose a commissioner, a PCN or at least one practice', path: ['practiceCodes'] });

/** Points "nothing matched" at the box the choice was made in, so the form shows it there. */
function noMatchProblem(choice: z.infer<typeof addMembersSchema>) {
  const practicesMeant = choice.gpPracticesOnly ? 'active GP practice' : 'practice';
  if (choice.practiceCodes?.length) return { field: 'practiceCodes', message: `match no ${practicesMeant} with the other choices` };
  if (choice.pcnCode) return { field: 'pcnCode', message: `matches no ${practicesMeant} in the registry` };
  return { field: 'commissionerCode', message: `matches no ${practicesMeant} in the registry` };
}

export async function addMembers(ctx: AppContext, groupId: number, input: unknown) {
  authorize(ctx.actor, 'membership', 'create');
  const choice = parseOrRefuse(addMembersSchema, input, 'Choose which practices to add');
  const where: SQL[] = [];
  if (choice.commissionerCode) where.push(eq(practices.commissionerCode, choice.commissionerCode));
  if (choice.pcnCode) where.push(eq(practices.pcnCode, choice.pcnCode));
  if (choice.practiceCodes?.length) where.push(inArray(practices.odsCode, choice.practiceCodes));
  if (choice.gpPracticesOnly && !choice.practiceCodes?.length) where.push(eq(practices.isGpPractice, true), eq(practices.status, 'active'));
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never };
    const found = await tx.select({ odsCode: practices.odsCode }).from(practices).where(and(...where));
    const missing = (choice.practiceCodes ?? []).filter((c) => !found.some((f) => f.odsCode === c));
    if (missing.length) throw invalid(`Unknown practice ${missing.join(', ')}`, [{ field: 'practiceCodes', message: `not in the registry: ${missing.join(', ')}` }]);
    if (!found.length) throw invalid('No practices match that choice', [noMatchProblem(choice)]);
    const created = await insertPrepared(
      txCtx,
      membershipRecord,
      found.map((f) => ({ groupId, practiceCode: f.odsCode, startDate: choice.startDate, endDate: choice.endDate ?? null })),
    );
    return { added: created.length, memberships: created };
  });
}
