import { and, eq, sql } from 'drizzle-orm';
import { detectDocumentType, maxPolicyFileBytes } from '../../domain/governance/document-type.js';
import { AppError, notFound } from '../../domain/errors.js';
import { policies, policyFiles } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Stores a policy's file (replacing the one before). The type is read from the file's first bytes:
 * a PDF or a Word document (DOCX), whatever its name says. Over the size limit or of another type,
 * nothing is stored.
 */
export async function uploadPolicyFile(ctx: AppContext, policyId: number, file: { name: string; content: Uint8Array }) {
  authorize(ctx.actor, 'policy', 'update');
  if (file.content.length > maxPolicyFileBytes) {
    throw new AppError('too_large', `${file.name} is ${megabytes(file.content.length)}; policy files may be up to ${megabytes(maxPolicyFileBytes)}`, { problems: [{ field: 'file', message: `must be ${megabytes(maxPolicyFileBytes)} or smaller` }] });
  }
  const type = detectDocumentType(file.content);
  if (!type) throw new AppError('unsupported', `${file.name} is not a PDF or Word (DOCX) document`, { problems: [{ field: 'file', message: 'must be a PDF or a Word (DOCX) document' }] });
  const fileName = file.name.replace(/\.[^.]*$/, '') + type.extension;
  return ctx.db.transaction(async (tx) => {
    const [policy] = await tx.select({ id: policies.id }).from(policies).where(eq(policies.id, policyId));
    if (!policy) throw notFound(`Policy ${policyId}`);
    const values = { policyId, fileName, mediaType: type.mediaType, size: file.content.length, content: file.content, uploadedBy: ctx.actor.label, uploadedAt: new Date() };
    await tx.insert(policyFiles).values(values).onConflictDoUpdate({ target: policyFiles.policyId, set: { ...values } });
    const summary = { fileName, mediaType: type.mediaType, size: file.content.length };
    await recordAudit(tx as never, ctx.actor, { recordType: 'policy', recordId: policyId, action: 'update', after: { file: summary }, summary: `file ${fileName} uploaded` });
    return summary;
  });
}

export async function policyFileInfo(ctx: AppContext, policyId: number) {
  authorize(ctx.actor, 'policy', 'read');
  const [info] = await ctx.db
    .select({ fileName: policyFiles.fileName, mediaType: policyFiles.mediaType, size: policyFiles.size, uploadedBy: policyFiles.uploadedBy, uploadedAt: policyFiles.uploadedAt })
    .from(policyFiles)
    .where(eq(policyFiles.policyId, policyId));
  return info ?? null;
}

export async function downloadPolicyFile(ctx: AppContext, policyId: number) {
  authorize(ctx.actor, 'policy', 'read');
  const [file] = await ctx.db.select().from(policyFiles).where(and(eq(policyFiles.policyId, policyId)));
  if (!file) throw notFound(`A file for policy ${policyId}`);
  return file;
}

/**
 * Full-text search over titles and descriptions (English stemming: "acknowledging" finds
 * "acknowledge"), best matches first. Works the same on PGlite and PostgreSQL.
 */
export async function searchPolicies(ctx: AppContext, query: string) {
  authorize(ctx.actor, 'policy', 'read');
  const document = sql`to_tsvector('english', ${policies.title} || ' ' || coalesce(${policies.description}, ''))`;
  const terms = sql`plainto_tsquery('english', ${query})`;
  return ctx.db
    .select({ id: policies.id, title: policies.title, kind: policies.kind, version: policies.version, reviewDate: policies.reviewDate, rank: sql<number>`ts_rank(${document}, ${terms})` })
    .from(policies)
    .where(sql`${document} @@ ${terms}`)
    .orderBy(sql`ts_rank(${document}, ${terms}) desc`, policies.title);
}
