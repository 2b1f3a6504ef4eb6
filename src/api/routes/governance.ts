import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { acknowledgePolicy, policyAcknowledgementStatus } from '../../app/governance/acknowledgements.js';
import { addActionUpdate, listActionUpdates, refuseUnlessMayAddUpdate } from '../../app/governance/action-updates.js';
import { downloadPolicyFile, searchPolicies, uploadPolicyFile } from '../../app/governance/policy-files.js';
import { riskHeatMap, riskScoreHistoryOf } from '../../app/governance/risk-views.js';
import { matchOwnerText } from '../../app/people/match-owners.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { readUpload } from './uploads.js';
import { sendFile } from './send-file.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { fileAnswer, pdf, type UploadForm } from '../route-docs.js';
import { columnsAnswer } from '../record-answers.js';
import { boardActionUpdates, riskScoreHistory } from '../../db/schema/index.js';

const idParams = z.object({ id: recordIdSchema });

/**
 * Governance beyond plain records: the risk heat map and score history, dated action updates,
 * owner matching, policy files, search and acknowledgements. Lists, edits, exports, imports and
 * audit history of risks, meetings, board actions and policies come from the generic record routes.
 */
const policyUpload: UploadForm = { extensions: ['.pdf', '.docx'] };

export async function registerGovernanceRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/risks/heat-map', { schema: { tags: ['risks'], summary: 'The 5 × 5 heat map of open risks (likelihood × impact)' } }, async (request) => riskHeatMap(ctxOf(request)));
  r.get('/api/risks/:id/history', { schema: { tags: ['risks'], summary: 'Every score a risk has had, with date and who; mayReview: whether the reader may record its review (an admin, or one of its owners)', params: idParams, answers: { 200: z.object({ items: z.array(z.object(columnsAnswer(riskScoreHistory))), mayReview: z.boolean() }) } } }, async (request) => riskScoreHistoryOf(ctxOf(request), request.params.id));

  r.get('/api/board-actions/:id/updates', { schema: { tags: ['board-actions'], summary: 'Dated updates of an action, oldest first, and whether you may add one (mayAdd)', params: idParams, answers: { 200: z.object({ items: z.array(z.object(columnsAnswer(boardActionUpdates))), mayAdd: z.boolean() }) } } }, async (request) => listActionUpdates(ctxOf(request), request.params.id));
  r.post('/api/board-actions/:id/updates', { preValidation: async (request) => refuseUnlessMayAddUpdate(ctxOf(request), Number((request.params as { id: unknown }).id) || 0), schema: { tags: ['board-actions'], summary: 'Add a dated update (admins, and the action’s owners); earlier updates are never changed', params: idParams, body: z.object({ text: z.string(), enteredOn: z.string().nullable().optional() }) } }, async (request, reply) => {
    reply.status(201);
    return addActionUpdate(ctxOf(request), request.params.id, request.body);
  });

  r.get('/api/owners/match', { schema: { tags: ['people'], summary: 'The people an owner text such as "GC/RB" names, and the parts that name nobody known', querystring: z.object({ text: z.string().max(200) }), answers: { 200: z.object({ people: z.array(z.object({ id: z.number().int(), name: z.string(), initials: z.string().nullable() })), unknown: z.array(z.string()) }) } } }, async (request) => matchOwnerText(ctxOf(request), request.query.text));

  r.get('/api/policies/search', { schema: { tags: ['policies'], summary: 'Full-text search of policy titles and descriptions', querystring: z.object({ q: z.string().trim().min(1).max(200) }), answers: { 200: z.object({ items: z.array(z.object({ id: z.number().int(), title: z.string(), kind: z.string(), version: z.string(), reviewDate: z.iso.date().nullable(), rank: z.number() })) }) } } }, async (request) => ({ items: await searchPolicies(ctxOf(request), request.query.q) }));
  r.post('/api/policies/:id/file', { preValidation: refuseUnlessMay('policy', 'update'), schema: { tags: ['policies'], summary: 'Upload the policy’s file (admins): PDF or DOCX, checked by content, up to 10 MB', params: idParams, upload: policyUpload } }, async (request) =>
    uploadPolicyFile(ctxOf(request), request.params.id, await readUpload(request, policyUpload.extensions)),
  );
  r.get('/api/policies/:id/file', { schema: { tags: ['policies'], summary: 'Download the policy’s current file, or an earlier one (?file=id)', answers: { 200: fileAnswer([...pdf, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], 'the policy’s file: a PDF or Word file') }, params: idParams, querystring: z.object({ file: recordIdSchema.optional() }) } }, async (request, reply) => {
    const file = await downloadPolicyFile(ctxOf(request), request.params.id, request.query.file);
    return sendFile(reply, file.mediaType, file);
  });
  r.get('/api/policies/:id/acknowledgements', { schema: { tags: ['policies'], summary: 'The policy’s files (current first), whether its current version has its file (and so can be acknowledged), and each practice that must acknowledge it with who did and when', params: idParams } }, async (request) =>
    policyAcknowledgementStatus(ctxOf(request), request.params.id),
  );
  r.post('/api/policies/:id/acknowledgements', { preValidation: refuseUnlessMay('policy_acknowledgement', 'create'), schema: { tags: ['policies'], summary: 'Acknowledge the current version for a practice (admins, or that practice’s manager); refused (409) while that version has no file', params: idParams, body: z.object({ practiceCode: z.string().trim().toUpperCase() }) } }, async (request, reply) => {
    reply.status(201);
    return acknowledgePolicy(ctxOf(request), request.params.id, request.body.practiceCode);
  });
}
