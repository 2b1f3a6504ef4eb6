import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { myItems } from '../../app/reminders/my-items.js';
import { sendDigest } from '../../app/reminders/send-digest.js';
import { itemKindLabels, isItemOverdue } from '../../domain/governance/digest.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { sendTable } from './send-table.js';
import { tableFile } from '../route-docs.js';

/** "My items" for whoever is signed in, and the daily digest on demand. */
export async function registerReminderRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/my-items', { schema: { tags: ['reminders'], summary: 'Your items: overdue, and due in the next 14 days (actions, risk and policy reviews, acknowledgements, tasks)' } }, async (request) => myItems(ctxOf(request)));
  r.get('/api/my-items/export.:format', { schema: { tags: ['reminders'], summary: 'Your items as CSV or XLSX', answers: { 200: tableFile }, params: z.object({ format: z.enum(['csv', 'xlsx']) }) } }, async (request, reply) => {
    const { items, today } = await myItems(ctxOf(request));
    return sendTable(reply, { name: 'my-items', title: 'My items' }, request.params.format, items, [
      { header: 'Kind', value: (i) => itemKindLabels[i.kind] ?? i.kind },
      { header: 'Ref', value: (i) => i.ref },
      { header: 'Item', value: (i) => i.title },
      { header: 'Due', value: (i) => (i.waitingSince ? null : i.dueDate), date: true },
      { header: 'Waiting since', value: (i) => (i.waitingSince ? i.dueDate : null), date: true },
      // As the page marks them.
      { header: 'Overdue', value: (i) => (isItemOverdue(i, today) ? 'Yes' : 'No') },
    ]);
  });
  // Someone who may not even compose it is refused before the body is read; sending it for real is checked by the use case.
  r.post('/api/digest/send', { preValidation: refuseUnlessMay('digest', 'read'), schema: { tags: ['reminders'], summary: 'Send the daily digest now (admins); dryRun composes it without sending', body: z.object({ dryRun: z.boolean().default(false) }) } }, async (request) =>
    sendDigest(ctxOf(request), { ...deps.digest, dryRun: request.body.dryRun }),
  );
}
