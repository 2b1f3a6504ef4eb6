import { AppError, notFound } from '../../domain/errors.js';
import { deleteDocument, findContract, findDocument, insertDocument } from '../../db/repos/contracts.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';

/** Contract documents are signed copies and schedules: PDF or Word, at most 10 MB each. */
export const maxDocumentBytes = 10 * 1024 * 1024;
export const documentExtensions = ['.pdf', '.docx'];

const contentTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Checks the bytes, not only the name: a PDF starts "%PDF-", a .docx is a zip that holds word/document.xml. */
function checkContent(name: string, content: Uint8Array): string {
  const extension = name.toLowerCase().slice(name.lastIndexOf('.'));
  const head = Buffer.from(content.subarray(0, 5)).toString('latin1');
  const isPdf = head === '%PDF-';
  const isDocx = head.startsWith('PK\u0003\u0004') && Buffer.from(content).includes('word/');
  if ((extension === '.pdf' && isPdf) || (extension === '.docx' && isDocx)) return contentTypes[extension]!;
  throw new AppError('unsupported', `${name} is not a PDF or Word (.docx) document`, { problems: [{ file: name, message: 'the file’s contents are not a PDF or a Word document' }] });
}

export async function uploadContractDocument(ctx: AppContext, contractId: number, file: { name: string; content: Uint8Array }) {
  authorize(ctx.actor, 'contract_document', 'create');
  if (file.content.length > maxDocumentBytes) throw new AppError('too_large', `${file.name} is larger than 10 MB`);
  const contentType = checkContent(file.name, file.content);
  return ctx.db.transaction(async (tx) => {
    const db = tx as never;
    const contract = await findContract(db, contractId);
    if (!contract) throw notFound(`Contract ${contractId}`);
    const id = await insertDocument(db, { contractId, fileName: file.name, contentType, sizeBytes: file.content.length, content: file.content, uploadedBy: ctx.actor.label });
    const after = { id, contractId, fileName: file.name, contentType, sizeBytes: file.content.length };
    await recordAudit(db, ctx.actor, { recordType: 'contract_document', recordId: id, action: 'create', after, summary: `Added ${file.name} to ${contract.title}` });
    return after;
  });
}

/**
 * Removes a document added by mistake (the wrong contract, or a file that should never have been
 * uploaded, such as one naming patients): gone from the database at once; the audit log keeps who
 * added and removed it, its name and size, never its contents.
 */
export async function removeContractDocument(ctx: AppContext, contractId: number, documentId: number) {
  authorize(ctx.actor, 'contract_document', 'delete');
  return ctx.db.transaction(async (tx) => {
    const db = tx as never;
    const contract = await findContract(db, contractId);
    const document = await findDocument(db, contractId, documentId);
    if (!contract || !document) throw notFound(`Document ${documentId} of contract ${contractId}`);
    await deleteDocument(db, documentId);
    const before = { id: document.id, contractId, fileName: document.fileName, contentType: document.contentType, sizeBytes: document.sizeBytes, uploadedBy: document.uploadedBy, uploadedAt: document.uploadedAt };
    await recordAudit(db, ctx.actor, { recordType: 'contract_document', recordId: documentId, action: 'delete', before, summary: `Removed ${document.fileName} from ${contract.title}` });
    return { removed: documentId };
  });
}

export async function downloadContractDocument(ctx: AppContext, contractId: number, documentId: number) {
  authorize(ctx.actor, 'contract_document', 'read');
  const document = await findDocument(ctx.db, contractId, documentId);
  if (!document) throw notFound(`Document ${documentId} of contract ${contractId}`);
  return { fileName: document.fileName, contentType: document.contentType, content: Buffer.from(document.content) };
}
