import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { applicationDetail, applicationSchema, decideApplication, decisionSchema, drawdownSchema, recordDrawdown, removeDrawdown, submitApplication, withdrawalSchema, withdrawApplication } from '../../app/funds/fund-applications.js';
import { fundOverviewColumns, fundWorkbook } from '../../app/funds/fund-export.js';
import { fundReport, fundsOverview } from '../../app/funds/fund-report.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { sendTable } from './send-table.js';
import { sendFile, xlsxType } from './send-file.js';
import { recordIdSchema, rowVersionSchema } from '../../domain/record-id.js';
import { fileAnswer, tableFile, xlsx } from '../route-docs.js';

const idParams = z.object({ id: recordIdSchema });
const tags = ['funds'];

/**
 * Per-head funds beyond plain records: the calculator and each locality's position, applications
 * with their business cases, the commissioner's decisions and drawdowns. Funds themselves are
 * created and edited through the generic record routes (/api/funds).
 */
export async function registerFundRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/fund-overview', { schema: { tags, summary: 'Every fund with its total by year, and what is approved, drawn and remaining' } }, async (request) => fundsOverview(ctxOf(request)));
  r.get('/api/fund-overview/export.:format', { schema: { tags, summary: 'The funds list as CSV or XLSX', answers: { 200: tableFile }, params: z.object({ format: z.enum(['csv', 'xlsx']) }) } }, async (request, reply) =>
    sendTable(reply, { name: 'fund-overview', title: 'Funds' }, request.params.format, (await fundsOverview(ctxOf(request))).items, fundOverviewColumns),
  );
  r.get('/api/funds/:id/export.xlsx', { schema: { tags, summary: 'A fund as a workbook: each locality’s position, each practice’s share by year, and the applications', answers: { 200: fileAnswer(xlsx, 'the fund as a workbook') }, params: idParams } }, async (request, reply) => {
    const file = await fundWorkbook(ctxOf(request), request.params.id);
    return sendFile(reply, xlsxType, file);
  });
  r.get('/api/funds/:id/report', { schema: { tags, summary: 'A fund’s calculator (each locality’s and practice’s share by list) and each locality’s allocated, approved, drawn and remaining', params: idParams } }, async (request) =>
    fundReport(ctxOf(request), request.params.id),
  );
  r.post('/api/funds/:id/applications', { preValidation: refuseUnlessMay('fund_application', 'create'), schema: { tags, summary: 'Apply for part of a fund with a business case (admins for a locality; a practice manager for their practice)', params: idParams, body: applicationSchema } }, async (request, reply) => {
    reply.status(201);
    return submitApplication(ctxOf(request), request.params.id, request.body);
  });
  r.get('/api/fund-applications/:id', { schema: { tags, summary: 'An application with its costed lines and drawdowns', params: idParams } }, async (request) => applicationDetail(ctxOf(request), request.params.id));
  r.post('/api/fund-applications/:id/decision', { preValidation: refuseUnlessMay('fund_application', 'update'), schema: { tags, summary: 'Approve, part-approve or reject an application (the commissioner); send the rowVersion you read', params: idParams, body: decisionSchema } }, async (request) =>
    decideApplication(ctxOf(request), request.params.id, request.body),
  );
  r.post('/api/fund-applications/:id/withdrawal', { preValidation: refuseUnlessMay('fund_withdrawal', 'create'), schema: { tags, summary: 'Withdraw an application still waiting for a decision (its applicant: a practice manager for their practice, or an admin); send the rowVersion you read', params: idParams, body: withdrawalSchema } }, async (request) =>
    withdrawApplication(ctxOf(request), request.params.id, request.body),
  );
  r.post('/api/fund-applications/:id/drawdowns', { preValidation: refuseUnlessMay('drawdown', 'create'), schema: { tags, summary: 'Draw approved money down against evidence (admins)', params: idParams, body: drawdownSchema } }, async (request, reply) => {
    reply.status(201);
    return recordDrawdown(ctxOf(request), request.params.id, request.body);
  });
  r.delete('/api/fund-applications/:id/drawdowns/:drawdownId', {
    preValidation: refuseUnlessMay('drawdown', 'delete'),
    schema: { tags, summary: 'Take back a drawdown recorded in error (admins); send the application’s rowVersion you read', params: idParams.extend({ drawdownId: recordIdSchema }), querystring: z.object({ rowVersion: rowVersionSchema }) },
  }, async (request) => {
    await removeDrawdown(ctxOf(request), request.params.id, request.params.drawdownId, request.query.rowVersion);
    return { deleted: true };
  });
}
