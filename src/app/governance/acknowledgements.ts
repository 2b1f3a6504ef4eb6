import { and, eq, inArray } from 'drizzle-orm';
import { AppError, conflict, notFound } from '../../domain/errors.js';
import { policies, policyAcknowledgements, practices } from '../../db/schema/index.js';
import { registryPractices } from '../../db/repos/schemes.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';

async function policyOf(db: Db, policyId: number) {
  const [policy] = await db.select().from(policies).where(eq(policies.id, policyId));
  if (!policy) throw notFound(`Policy ${policyId}`);
  return policy;
}

/** The practices of a list that are open: one that has closed since a policy named it is no longer asked to acknowledge it. */
export async function openPracticeCodes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const open = new Set((await db.select({ code: practices.odsCode }).from(practices).where(and(inArray(practices.odsCode, [...codes]), eq(practices.status, 'active')))).map((p) => p.code));
  return codes.filter((code) => open.has(code));
}

/** A practice confirms it has read the current version of a policy it must acknowledge. */
export async function acknowledgePolicy(ctx: AppContext, policyId: number, practiceCode: string) {
  authorize(ctx.actor, 'policy_acknowledgement', 'create', practiceCode);
  return ctx.db.transaction(async (tx) => {
    const policy = await policyOf(tx as never, policyId);
    if (!(await openPracticeCodes(tx as never, policy.practiceCodes)).includes(practiceCode)) {
      throw new AppError('invalid', `${policy.title} does not ask ${practiceCode} to acknowledge it`, { problems: [{ field: 'practiceCode', message: 'is not one of the practices that must acknowledge this document' }] });
    }
    const [row] = await tx
      .insert(policyAcknowledgements)
      .values({ policyId, version: policy.version, practiceCode, acknowledgedBy: ctx.actor.label, userId: ctx.actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`${practiceCode} has already acknowledged version ${policy.version} of ${policy.title}`);
    await recordAudit(tx as never, ctx.actor, { recordType: 'policy', recordId: policyId, action: 'update', after: { acknowledgement: row }, summary: `acknowledged by ${practiceCode}` });
    return row;
  });
}

/** Each open practice that must acknowledge the policy, and who acknowledged its current version when (or nobody yet). */
export async function listAcknowledgements(ctx: AppContext, policyId: number) {
  authorize(ctx.actor, 'policy_acknowledgement', 'read');
  const policy = await policyOf(ctx.db, policyId);
  const done = await ctx.db.select().from(policyAcknowledgements).where(and(eq(policyAcknowledgements.policyId, policyId), eq(policyAcknowledgements.version, policy.version)));
  // Practices by the name the federation knows them by, as every page names them.
  const required = await openPracticeCodes(ctx.db, policy.practiceCodes);
  const names = await registryPractices(ctx.db, required);
  return required.map((code) => {
    const ack = done.find((d) => d.practiceCode === code);
    return { practiceCode: code, practiceName: names.get(code)?.displayName ?? code, version: policy.version, acknowledgedBy: ack?.acknowledgedBy ?? null, acknowledgedAt: ack?.acknowledgedAt ?? null };
  });
}
