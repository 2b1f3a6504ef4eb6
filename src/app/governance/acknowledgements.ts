import { and, desc, eq, inArray } from 'drizzle-orm';
import { AppError, conflict, notFound } from '../../domain/errors.js';
import { policies, policyAcknowledgements, policyFiles, practices } from '../../db/schema/index.js';
import { registryPractices } from '../../db/repos/schemes.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { policyFileList } from './policy-files.js';

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

/**
 * Whether a policy's files (newest first) include one for `version`: a practice reads the document
 * before it says it has, so a version with no file yet cannot be acknowledged (nor is anyone asked
 * to). A newest file with no version was uploaded before versions were kept, as the one current file.
 */
export const filesCoverVersion = (files: readonly { version: string | null }[], version: string) => files.some((f) => f.version === version) || (files.length > 0 && files[0]!.version === null);

async function versionHasFile(db: Db, policy: { id: number; version: string }): Promise<boolean> {
  return filesCoverVersion(await db.select({ version: policyFiles.version }).from(policyFiles).where(eq(policyFiles.policyId, policy.id)).orderBy(desc(policyFiles.uploadedAt), desc(policyFiles.id)), policy.version);
}

/** A practice confirms it has read the current version of a policy it must acknowledge: only once that version's file is there to read. */
export async function acknowledgePolicy(ctx: AppContext, policyId: number, practiceCode: string) {
  authorize(ctx.actor, 'policy_acknowledgement', 'create', practiceCode);
  return ctx.db.transaction(async (tx) => {
    const policy = await policyOf(tx as never, policyId);
    if (!(await openPracticeCodes(tx as never, policy.practiceCodes)).includes(practiceCode)) {
      throw new AppError('invalid', `${policy.title} does not ask ${practiceCode} to acknowledge it`, { problems: [{ field: 'practiceCode', message: 'is not one of the practices that must acknowledge this document' }] });
    }
    if (!(await versionHasFile(tx as never, policy))) {
      throw conflict(`Version ${policy.version} of ${policy.title} cannot be acknowledged yet: it has no file to read. The federation uploads the document first.`);
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
  return acknowledgementsOf(ctx, await policyOf(ctx.db, policyId));
}

/**
 * A policy's page below its details: its files (current first), whether its current version can be
 * acknowledged (it has its file), and each practice that must acknowledge it with who did and when.
 */
export async function policyAcknowledgementStatus(ctx: AppContext, policyId: number) {
  authorize(ctx.actor, 'policy_acknowledgement', 'read');
  const policy = await policyOf(ctx.db, policyId);
  const files = await policyFileList(ctx, policyId);
  return { file: files[0] ?? null, earlierFiles: files.slice(1), version: policy.version, versionHasFile: filesCoverVersion(files, policy.version), items: await acknowledgementsOf(ctx, policy) };
}

async function acknowledgementsOf(ctx: AppContext, policy: typeof policies.$inferSelect) {
  const policyId = policy.id;
  const done = await ctx.db.select().from(policyAcknowledgements).where(and(eq(policyAcknowledgements.policyId, policyId), eq(policyAcknowledgements.version, policy.version)));
  // Practices by the name the federation knows them by, as every page names them.
  const required = await openPracticeCodes(ctx.db, policy.practiceCodes);
  const names = await registryPractices(ctx.db, required);
  return required.map((code) => {
    const ack = done.find((d) => d.practiceCode === code);
    return { practiceCode: code, practiceName: names.get(code)?.displayName ?? code, version: policy.version, acknowledgedBy: ack?.acknowledgedBy ?? null, acknowledgedAt: ack?.acknowledgedAt ?? null };
  });
}
