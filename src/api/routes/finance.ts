import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { financeTables } from '../../app/finance/finance-reports.js';
import { financeQuerySchema, financeReports, financeTablesFile, runFinanceReport } from '../../app/finance/finance-requests.js';
import { financeFileType, importFinanceCsv } from '../../app/finance/import-finance.js';
import { practiceMoney } from '../../app/finance/practice-money.js';
import { financeFileKinds, type FinanceFileKind } from '../../domain/finance/finance-csv.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { readUpload } from './uploads.js';
import { sendFile } from './send-file.js';

const tags = ['finance'];
const reportParams = z.object({ report: z.enum(financeReports) });

/**
 * Finance reports (income streams by funder and year, savings, running costs, the I&E, the cash
 * flow, scenarios), their CSV/XLSX exports and the imports of the finance files. The plan's
 * records themselves (streams, amounts, lines, savings, years) use the generic record routes.
 */
export async function registerFinanceRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/practices/:code/money', { schema: { tags, summary: 'What a practice receives and pays: scheme payments and contributions, sub-contracts, fund applications', params: z.object({ code: z.string().min(3).max(10) }) } }, async (request) =>
    practiceMoney(ctxOf(request), request.params.code),
  );
  r.get('/api/finance/export.xlsx', { schema: { tags, summary: 'Every finance table of a year as one workbook', querystring: financeQuerySchema } }, async (request, reply) => {
    const file = await financeTablesFile(`finance-${(request.query.year ?? '').replace('/', '-')}`, await financeTables(ctxOf(request), request.query.year ?? ''), 'xlsx');
    return sendFile(reply, file.type, file);
  });
  r.get('/api/finance/:report', { schema: { tags, summary: 'A finance report: streams, savings, running-costs, ie, cash-flow or scenario (?year=2018/19&threshold=&won=&lost=)', params: reportParams, querystring: z.record(z.string(), z.string()) } }, async (request) =>
    runFinanceReport(ctxOf(request), request.params.report, request.query),
  );
  r.get('/api/finance/:report/export.:format', { schema: { tags, summary: 'A finance report’s tables: CSV (the main table) or XLSX (every table)', params: reportParams.extend({ format: z.enum(['csv', 'xlsx']) }), querystring: z.record(z.string(), z.string()) } }, async (request, reply) => {
    const { report, format } = request.params;
    const result = await runFinanceReport(ctxOf(request), report, request.query);
    const file = await financeTablesFile(`${report}${request.query.year ? `-${request.query.year.replace('/', '-')}` : ''}`, result.tables, format);
    return sendFile(reply, file.type, file);
  });
  // Refused by the kind's record type before the file is read (the path is checked after this hook, so an unknown kind is read as the I&E's, admins' too).
  r.post('/api/finance/import/:kind', { preValidation: async (request) => refuseUnlessMay(financeFileType((request.params as { kind: FinanceFileKind }).kind), 'import')(request), schema: { tags, summary: 'Import a finance file (admins): streams, savings, running-costs or ie; a year field where the file has none. All or nothing', params: z.object({ kind: z.enum(financeFileKinds) }), consumes: ['multipart/form-data'] } }, async (request) => {
    const upload = await readUpload(request, ['.csv']);
    return importFinanceCsv(ctxOf(request), request.params.kind, upload, upload.fields.year ? { year: upload.fields.year } : {});
  });
}
