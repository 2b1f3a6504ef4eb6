import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { loadDemo } from '../../app/demo/load-demo.js';
import { addMembers, addMembersSchema } from '../../app/groups/add-members.js';
import { checkMemberships, endMembershipsAtClosing } from '../../app/groups/check-memberships.js';
import { getGroupSummary, getPracticeDetails, listOrganisations } from '../../app/registry/practice-details.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { columnsAnswer } from '../record-answers.js';
import { organisations } from '../../db/schema/index.js';

/** What the membership check found: each stored membership the rules now refuse, and notes on members the NHS files have changed. */
const membershipCheckAnswer = z.object({
  checked: z.number().int(),
  problems: z.array(z.object({ membershipId: z.number().int(), groupId: z.number().int(), groupName: z.string(), practiceCode: z.string(), message: z.string(), endOn: z.iso.date().nullable().describe('the practice’s close date, where ending the membership then puts it right') })),
  notes: z.array(z.string()),
});

export async function registerRegistryRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/practices/:code/details', { schema: { tags: ['practices'], summary: 'A practice with its list sizes over time, groups, PCN history, and its history: changes from the NHS files and the groups it joined and left', params: z.object({ code: z.string().min(3).max(10) }) } }, async (request) =>
    getPracticeDetails(ctxOf(request), request.params.code),
  );
  r.get('/api/organisations', { schema: { tags: ['registry'], summary: 'Commissioners, PCNs, ICBs and regions', querystring: z.object({ kind: z.enum(['region', 'icb', 'sub_icb', 'pcn']).optional() }), answers: { 200: z.object({ items: z.array(z.object(columnsAnswer(organisations))) }) } } }, async (request) => ({
    items: await listOrganisations(ctxOf(request), request.query.kind),
  }));
  r.get('/api/groups/:id/summary', { schema: { tags: ['groups'], summary: 'A federation or locality: its localities, current member practices and total list', params: z.object({ id: recordIdSchema }), querystring: z.object({ on: isoDateSchema.optional() }) } }, async (request) =>
    getGroupSummary(ctxOf(request), request.params.id, request.query.on),
  );
  r.post('/api/groups/:id/members', { preValidation: refuseUnlessMay('membership', 'create'), schema: { tags: ['groups'], summary: 'Add member practices by commissioner, by PCN or one by one', params: z.object({ id: recordIdSchema }), body: addMembersSchema } }, async (request, reply) => {
    reply.status(201);
    return addMembers(ctxOf(request), request.params.id, request.body);
  });
  r.get('/api/membership-check', { preValidation: refuseUnlessMay('membership', 'update'), schema: { tags: ['groups'], summary: 'Every stored membership checked against the membership rules (admins): what an older database holds that the rules now refuse', answers: { 200: membershipCheckAnswer } } }, async (request) =>
    checkMemberships(ctxOf(request)),
  );
  r.post('/api/membership-check/end-at-closing', { preValidation: refuseUnlessMay('membership', 'update'), schema: { tags: ['groups'], summary: 'End every membership that runs past its practice’s close date on that date (admins); running it again ends nothing more' } }, async (request) =>
    endMembershipsAtClosing(ctxOf(request)),
  );
  r.post('/api/demo', { schema: { tags: ['registry'], summary: 'Load the demo federation (admins)' } }, async (request) => loadDemo(ctxOf(request)));
}
