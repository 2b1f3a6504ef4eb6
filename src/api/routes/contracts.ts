import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { documentExtensions, downloadContractDocument, removeContractDocument, uploadContractDocument } from '../../app/contracts/contract-documents.js';
import { contractDetail, contractRegister } from '../../app/contracts/contract-register.js';
import { registerColumns } from '../../app/contracts/register-columns.js';
import { addSubContracts, addSubContractsSchema } from '../../app/contracts/add-sub-contracts.js';
import { formatLongDate, isoDateSchema } from '../../domain/iso-date.js';
import { formatCount } from '../../domain/schemes/format-money.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { sendTable } from './send-table.js';
import { readUpload } from './uploads.js';
import { sendFile } from './send-file.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { fileAnswer, pdf, tableFile } from '../route-docs.js';

const idParams = z.object({ id: recordIdSchema });
const registerQuery = z.object({
  expiring: z.coerce.number().int().min(0).max(3650).optional(),
  today: isoDateSchema.optional(),
});
const tags = ['contracts'];

/**
 * The contract register beyond plain records: reminders and unsigned practices, one contract with
 * its sub-contracts, and its documents. Contracts and sub-contracts themselves are created, edited,
 * exported and imported through the generic record routes (/api/contracts, /api/sub-contracts).
 */
export async function registerContractRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/contract-register', { schema: { tags, summary: 'Every contract with notice, renewal and end dates due within ?expiring= days (90 unless given) and the practices that have not signed', querystring: registerQuery } }, async (request) =>
    contractRegister(ctxOf(request), { expiringWithinDays: request.query.expiring, today: request.query.today }),
  );
  r.get('/api/contract-register/export.:format', { schema: { tags, summary: 'The contract register as CSV or XLSX, with key dates, reminders and unsigned practices', answers: { 200: tableFile }, params: z.object({ format: z.enum(['csv', 'xlsx']) }), querystring: registerQuery } }, async (request, reply) => {
    const register = await contractRegister(ctxOf(request), { expiringWithinDays: request.query.expiring, today: request.query.today });
    const filters = request.query.expiring === undefined ? [] : [`Contracts with a notice, renewal or end date within ${formatCount(register.withinDays)} days of ${formatLongDate(register.today)}`];
    return sendTable(reply, { name: 'contract-register', title: 'Contracts register', filters }, request.params.format, register.items, registerColumns);
  });
  r.get('/api/contracts/:id/overview', { schema: { tags, summary: 'One contract: terms, reminders, sub-contracts (a practice manager sees their own), documents', params: idParams, querystring: registerQuery } }, async (request) =>
    contractDetail(ctxOf(request), request.params.id, { expiringWithinDays: request.query.expiring, today: request.query.today }),
  );
  r.post('/api/contracts/:id/sub-contracts', { preValidation: refuseUnlessMay('sub_contract', 'create'), schema: { tags, summary: 'Put several footprint practices under a contract at once, all or none (admins)', params: idParams, body: addSubContractsSchema } }, async (request, reply) => {
    reply.status(201);
    return addSubContracts(ctxOf(request), request.params.id, request.body);
  });
  r.post('/api/contracts/:id/documents', { preValidation: refuseUnlessMay('contract_document', 'create'), schema: { tags, summary: 'Add a signed copy or schedule (admins): a PDF or .docx, at most 10 MB', params: idParams, upload: { extensions: documentExtensions } } }, async (request, reply) => {
    reply.status(201);
    return uploadContractDocument(ctxOf(request), request.params.id, await readUpload(request, documentExtensions));
  });
  r.delete('/api/contracts/:id/documents/:documentId', { preValidation: refuseUnlessMay('contract_document', 'delete'), schema: { tags, summary: 'Remove a document added by mistake (admins); the audit log keeps its name and size, not its contents', params: idParams.extend({ documentId: recordIdSchema }) } }, async (request) =>
    removeContractDocument(ctxOf(request), request.params.id, request.params.documentId),
  );
  r.get('/api/contracts/:id/documents/:documentId', { schema: { tags, summary: 'Download a contract document', answers: { 200: fileAnswer([...pdf, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], 'the document as it was added: a PDF or Word file') }, params: idParams.extend({ documentId: recordIdSchema }) } }, async (request, reply) => {
    const file = await downloadContractDocument(ctxOf(request), request.params.id, request.params.documentId);
    return sendFile(reply, file.contentType, file);
  });
}
