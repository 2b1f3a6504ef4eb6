import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { zodProblems } from '../../app/records/zod-problems.js';
import { importDeliveredCsv, listDelivered, recordDeliveredEntries } from '../../app/schemes/delivered-activity.js';
import { getHandSchedule, importHandScheduleCsv, recordHandSchedule } from '../../app/schemes/hand-schedule.js';
import { setReturnsDue } from '../../app/schemes/returns-due.js';
import { recordSettlement } from '../../app/schemes/settlement.js';
import { schemePracticesOn } from '../../app/schemes/scheme-practices-on.js';
import { schemesOverview } from '../../app/schemes/schemes-overview.js';
import { listSchemeVersions, runStoredScheme, schemeStatement } from '../../app/schemes/run-stored-scheme.js';
import { approveScheme, createScheme, updateScheme } from '../../app/schemes/save-scheme.js';
import { schemeStatementPdf, schemeWorkbook } from '../../app/schemes/scheme-exports.js';
import { approveSchemeSchema, createSchemeSchema, deliveredEntriesSchema, handScheduleSchema, returnsDueSchema, runQuerySchema, settlementSchema, statementPracticeCodeSchema, updateSchemeSchema, versionQuerySchema } from '../../app/schemes/scheme-requests.js';
import { AppError } from '../../domain/errors.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { readUpload } from './uploads.js';
import { sendFile, xlsxType } from './send-file.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { fileAnswer, pdf, xlsx } from '../route-docs.js';

const idParams = z.object({ id: recordIdSchema });
const statementParams = idParams.extend({ practiceCode: statementPracticeCodeSchema });
const tags = ['schemes'];
const practicesOnQuery = z.object({ groupId: recordIdSchema, on: isoDateSchema });

/** A JSON body checked by the use case's schema, for routes that also take a multipart upload (so no body schema on the route). */
function parseJsonBody<T extends z.ZodType>(schema: T, body: unknown): z.input<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('invalid', 'The request is not valid', { problems: zodProblems(parsed.error).map((p) => ({ ...p, field: `body.${p.field ?? ''}`.replace(/\.$/, '') })) });
  return body as z.input<T>;
}

/**
 * Schemes kept in the database: create and edit (versioned), approve, run, record activity and
 * hand schedules, statements and the workbook. Lists, get, CSV/XLSX lists and audit history of
 * schemes come from the generic record routes.
 */
export async function registerSchemeRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/schemes/overview', { schema: { tags, summary: 'Beside each scheme: the version the reader reads (admins the latest, anyone else the latest approved; none while it is being prepared) and where its activity returns stand (due, overdue with how many awaited, all in, settled once invoiced), over the practices the reader sees, and whether the version in force was invoiced and paid' } }, async (request) =>
    schemesOverview(ctxOf(request)),
  );
  r.get('/api/schemes/practices-on', { schema: { tags, summary: 'For the scheme builder (admins): a group’s member practices on a list-size snapshot date, each with its list size on exactly that date, and the one message saving would give if the date holds no list sizes for some or all of them', querystring: practicesOnQuery } }, async (request) =>
    schemePracticesOn(ctxOf(request), request.query.groupId, request.query.on),
  );
  r.post('/api/schemes', { preValidation: refuseUnlessMay('scheme', 'create'), schema: { tags, summary: 'Create a scheme (admins): version 1, a draft; the definition is the scheme-file format with practices inline or from a list snapshot', body: createSchemeSchema } }, async (request, reply) => {
    reply.status(201);
    return createScheme(ctxOf(request), request.body);
  });
  r.patch('/api/schemes/:id', { preValidation: refuseUnlessMay('scheme', 'update'), schema: { tags, summary: 'Change a scheme’s terms (admins): a draft is edited; an approved version makes the next version. Send the rowVersion you read', params: idParams, body: updateSchemeSchema } }, async (request) =>
    updateScheme(ctxOf(request), request.params.id, request.body),
  );
  r.post('/api/schemes/:id/approve', { preValidation: refuseUnlessMay('scheme', 'update'), schema: { tags, summary: 'Approve the latest version (admins)', params: idParams, body: approveSchemeSchema } }, async (request) => approveScheme(ctxOf(request), request.params.id, request.body.rowVersion));
  r.put('/api/schemes/:id/returns-due', { preValidation: refuseUnlessMay('scheme', 'update'), schema: { tags, summary: 'Set (or clear, with null) the day practices’ activity returns are due (admins; one date for the scheme); no new version. Send basedOn: the date you read (null for none), so a date changed meanwhile is refused', params: idParams, body: returnsDueSchema } }, async (request) =>
    setReturnsDue(ctxOf(request), request.params.id, request.body),
  );
  r.put('/api/schemes/:id/settlement', {
    preValidation: refuseUnlessMay('scheme', 'update'),
    schema: {
      tags,
      summary: 'Record that an approved version’s payments were invoiced to the commissioner, and later paid to practices (admins), or correct or undo either: { version, invoiced: { on, reference } | null, paid: { on, reference } | null, basedOn: the invoiced and paid you read }. Once invoiced, the version’s activity returns and hand schedule are settled and refused to everyone (403) until “invoiced” is undone; undoing it is refused while a payment is recorded. The amounts are never sent: recording “invoiced” keeps on the version what its run gives (invoiced.amount: { totalPence, deliveredPence, feePence }), recording “paid” the total paid to practices (paid.amountPence); a correction of a day or reference keeps them, an undo clears them. A reference names one invoice: one that another recorded invoice holds, on any scheme, is refused (400, invoiced.reference, naming that invoice, its date and total), even when both are sent at the same moment; once that invoice is undone the reference is free again. No new version',
      params: idParams,
      body: settlementSchema,
    },
  }, async (request) => recordSettlement(ctxOf(request), request.params.id, request.body));
  r.get('/api/schemes/:id/versions', { schema: { tags, summary: 'Every version of a scheme with its status, list snapshot and definition, and whether it was invoiced and paid: invoiced { on, reference, amount: { totalPence, deliveredPence, feePence } | null } and paid { on, reference, amountPence | null }, the amounts as kept when each was recorded (null for one recorded before amounts were kept)', params: idParams } }, async (request) => listSchemeVersions(ctxOf(request), request.params.id));
  r.get('/api/schemes/:id/run', { schema: { tags, summary: 'Run a version (the latest unless ?version=): allocation, payments, schedule, differences, footing notes and warnings', params: idParams, querystring: runQuerySchema } }, async (request) =>
    runStoredScheme(ctxOf(request), request.params.id, request.query),
  );
  r.post('/api/schemes/:id/delivered', { preValidation: refuseUnlessMay('activity_return', 'create'), schema: { tags, summary: 'Record delivered activity. JSON: { entries: [{ practice: ODS code, week?, units: { <delivery model id>: number } }], replace?: boolean, basedOn: { <ODS code>: the practiceRevisions GET gave } } (a practice manager: their own practices, basedOn required). Or, admins, a CSV upload (multipart fields file and basedOn: the revision GET gave), which replaces the version’s returns. A return changed since the revision sent is refused (409), not overwritten', params: idParams, querystring: versionQuerySchema, upload: { extensions: ['.csv'], fields: { basedOn: 'the revision GET …/delivered gave' }, json: deliveredEntriesSchema } } }, async (request) => {
    const ctx = ctxOf(request);
    if (request.isMultipart()) {
      const upload = await readUpload(request, ['.csv']);
      return importDeliveredCsv(ctx, request.params.id, upload, request.query.version, upload.fields.basedOn);
    }
    return recordDeliveredEntries(ctx, request.params.id, parseJsonBody(deliveredEntriesSchema, request.body), request.query.version);
  });
  r.get('/api/schemes/:id/delivered', { schema: { tags, summary: 'Delivered activity of a version (a practice manager sees their own practices)', params: idParams, querystring: versionQuerySchema } }, async (request) =>
    listDelivered(ctxOf(request), request.params.id, request.query.version),
  );
  r.post('/api/schemes/:id/hand-schedule', { preValidation: refuseUnlessMay('scheme', 'import'), schema: { tags, summary: 'Record a hand schedule to check against the cost model (admins): JSON, or a CSV upload with label and description fields', params: idParams, querystring: versionQuerySchema, upload: { extensions: ['.csv'], fields: { label: 'what the schedule is', description: 'more about it', basedOn: 'the revision GET …/hand-schedule gave (none the first time)' }, json: handScheduleSchema } } }, async (request) => {
    const ctx = ctxOf(request);
    if (request.isMultipart()) {
      const upload = await readUpload(request, ['.csv']);
      return importHandScheduleCsv(ctx, request.params.id, upload, { label: upload.fields.label, description: upload.fields.description, basedOn: upload.fields.basedOn, version: request.query.version });
    }
    return recordHandSchedule(ctx, request.params.id, parseJsonBody(handScheduleSchema, request.body), request.query.version);
  });
  r.get('/api/schemes/:id/hand-schedule', { schema: { tags, summary: 'The hand schedule recorded against a version (admins), with the revision to send back as basedOn when replacing it', params: idParams, querystring: versionQuerySchema } }, async (request) =>
    getHandSchedule(ctxOf(request), request.params.id, request.query.version),
  );
  r.get('/api/schemes/:id/statements/:practiceCode', { schema: { tags, summary: 'One practice’s statement (a practice manager: their own practices only)', params: statementParams, querystring: versionQuerySchema } }, async (request) =>
    schemeStatement(ctxOf(request), request.params.id, request.params.practiceCode, request.query),
  );
  r.get('/api/schemes/:id/statements/:practiceCode.pdf', { schema: { tags, summary: 'One practice’s statement as a PDF', answers: { 200: fileAnswer(pdf, 'the statement') }, params: statementParams, querystring: versionQuerySchema } }, async (request, reply) =>
    sendFile(reply, 'application/pdf', await schemeStatementPdf(ctxOf(request), request.params.id, request.params.practiceCode, request.query), 'inline'),
  );
  r.get('/api/schemes/:id/export.xlsx', { schema: { tags, summary: 'A version’s report tables as a workbook: allocation, payments, statements, schedule, differences…', answers: { 200: fileAnswer(xlsx, 'the version’s report tables') }, params: idParams, querystring: versionQuerySchema } }, async (request, reply) =>
    sendFile(reply, xlsxType, await schemeWorkbook(ctxOf(request), request.params.id, request.query)),
  );
}
