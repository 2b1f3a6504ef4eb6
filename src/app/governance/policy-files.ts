import { and, desc, eq, sql } from 'drizzle-orm';
import { detectDocumentType, maxPolicyFileBytes } from '../../domain/governance/document-type.js';
import { AppError, notFound } from '../../domain/errors.js';
import { policies, policyFiles } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Stores a new file for a policy, with the policy's version; earlier files are kept. The type is read from the file's first bytes:
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
    const [policy] = await tx.select({ id: policies.id, version: policies.version }).from(policies).where(eq(policies.id, policyId));
    if (!policy) throw notFound(`Policy ${policyId}`);
    await tx.insert(policyFiles).values({ policyId, version: policy.version, fileName, mediaType: type.mediaType, size: file.content.length, content: file.content, uploadedBy: ctx.actor.label, uploadedAt: new Date() });
    const summary = { fileName, mediaType: type.mediaType, size: file.content.length };
    await recordAudit(tx as never, ctx.actor, { recordType: 'policy', recordId: policyId, action: 'update', after: { file: summary }, summary: `file ${fileName} uploaded` });
    return summary;
  });
}

const fileColumns = { id: policyFiles.id, version: policyFiles.version, fileName: policyFiles.fileName, mediaType: policyFiles.mediaType, size: policyFiles.size, uploadedBy: policyFiles.uploadedBy, uploadedAt: policyFiles.uploadedAt };

/** A policy's files without their content, newest (the current one) first. */
export async function policyFileList(ctx: AppContext, policyId: number) {
  authorize(ctx.actor, 'policy', 'read');
  return ctx.db.select(fileColumns).from(policyFiles).where(eq(policyFiles.policyId, policyId)).orderBy(desc(policyFiles.uploadedAt), desc(policyFiles.id));
}

/** A policy's current file, or an earlier one by its id. */
export async function downloadPolicyFile(ctx: AppContext, policyId: number, fileId?: number) {
  authorize(ctx.actor, 'policy', 'read');
  const [file] = await ctx.db
    .select()
    .from(policyFiles)
    .where(and(eq(policyFiles.policyId, policyId), fileId === undefined ? undefined : eq(policyFiles.id, fileId)))
    .orderBy(desc(policyFiles.uploadedAt), desc(policyFiles.id))
    .limit(1);
  if (!file) throw notFound(fileId === undefined ? `A file for policy ${policyId}` : `File ${fileId} of policy ${policyId}`);
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
