import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { financeTables } from '../../app/finance/finance-reports.js';
import { type FinanceQuery, financeAbout, financeQuerySchema, financeReports, financeTablesFile, reportNotes, runFinanceReport } from '../../app/finance/finance-requests.js';
import { parseOrRefuse } from '../../app/records/zod-problems.js';
import { readInUseCase } from './read-in-use-case.js';
import { financeFileType, importFinanceCsv } from '../../app/finance/import-finance.js';
import { practiceMoney } from '../../app/finance/practice-money.js';
import { financeFileKinds, type FinanceFileKind } from '../../domain/finance/finance-csv.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { readUpload } from './uploads.js';
import { sendFile } from './send-file.js';
import { fileAnswer, tableFile, xlsx, type UploadForm } from '../route-docs.js';
import { closeFinancialYear, closeYearSchema, financialYearStates, reopenFinancialYear, reopenYearSchema } from '../../app/finance/year-closing.js';

const tags = ['finance'];
const yearClosure = z.object({ financialYear: z.string(), closedOn: z.iso.date(), closedBy: z.string(), words: z.string().describe('"Closed on 30 April 2019 by Jo Walker"') });
const financialYearsAnswer = z.array(z.object({ financialYear: z.string(), closed: yearClosure.nullable(), rowVersion: z.number().int() }));
const reportParams = z.object({ report: z.enum(financeReports) });
const exportParams = reportParams.extend({ format: z.enum(['csv', 'xlsx']) });

/**
 * Finance reports (income streams by funder and year, savings, running costs, the I&E, the cash
 * flow, scenarios), their CSV/XLSX exports and the imports of the finance files. The plan's
 * records themselves (streams, amounts, lines, savings, years) use the generic record routes.
 */
const financeUpload: UploadForm = { extensions: ['.csv'], fields: { year: 'the financial year (2018/19) the rows are for, where the file has no year column' } };

export async function registerFinanceRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/practices/:code/money', { schema: { tags, summary: 'What a practice receives and pays: scheme payments and contributions, sub-contracts, fund applications', params: z.object({ code: z.string().min(3).max(10) }) } }, async (request) =>
    practiceMoney(ctxOf(request), request.params.code),
  );
  r.get('/api/finance/export.xlsx', { schema: { tags, summary: 'Every finance table of a year as one workbook', answers: { 200: fileAnswer(xlsx, 'a workbook: a sheet for each table') }, querystring: financeQuerySchema } }, async (request, reply) => {
    const year = request.query.year ?? '';
    const { tables, cashFlow } = await financeTables(ctxOf(request), year);
    const file = await financeTablesFile(`finance-${year.replace('/', '-')}`, { tables }, 'xlsx', [...(await financeAbout(ctxOf(request), 'The finance plan: every table of the year', year)), ...reportNotes(cashFlow)]);
    return sendFile(reply, file.type, file);
  });
  r.get('/api/finance/year-ends', { schema: { tags, summary: 'The plan’s financial years, each open or closed (on what day, by whom)', answers: { 200: financialYearsAnswer } } }, async (request) => financialYearStates(ctxOf(request)));
  // The body is the use case's to read (readInUseCase), so a year written wrongly is refused in the same words as at the command line.
  r.post('/api/finance/year-ends/close', { preValidation: refuseUnlessMay('finance_year', 'update'), validatorCompiler: readInUseCase, schema: { tags, summary: 'Close a financial year’s accounts (admins): its figures then cannot change. Refused (409) while something in it is open, naming each, unless `anyway`', body: closeYearSchema } }, async (request) =>
    closeFinancialYear(ctxOf(request), request.body),
  );
  r.post('/api/finance/year-ends/reopen', { preValidation: refuseUnlessMay('finance_year', 'update'), validatorCompiler: readInUseCase, schema: { tags, summary: 'Reopen a closed financial year (admins), saying why; the audit keeps the reason', body: reopenYearSchema } }, async (request) =>
    reopenFinancialYear(ctxOf(request), request.body),
  );
  const reportOf = (request: FastifyRequest) => parseOrRefuse(reportParams, request.params, 'The address is not valid').report;
  const queryOf = (request: FastifyRequest) => request.query as FinanceQuery;
  r.get('/api/finance/:report', { validatorCompiler: readInUseCase, schema: { tags, summary: 'A finance report: streams, savings, running-costs, ie, cash-flow or scenario', params: reportParams, querystring: financeQuerySchema } }, async (request) =>
    runFinanceReport(ctxOf(request), reportOf(request), queryOf(request)),
  );
  r.get('/api/finance/:report/export.:format', { validatorCompiler: readInUseCase, schema: { tags, summary: 'A finance report’s tables: CSV (the main table) or XLSX (every table)', answers: { 200: tableFile }, params: exportParams, querystring: financeQuerySchema } }, async (request, reply) => {
    const { report, format } = parseOrRefuse(exportParams, request.params, 'The address is not valid');
    const query = queryOf(request);
    const result = await runFinanceReport(ctxOf(request), report, query);
    const year = typeof query.year === 'string' && query.year ? query.year : undefined;
    const about = [...(await financeAbout(ctxOf(request), result.tables[0]!.title, year)), ...reportNotes(result)];
    const file = await financeTablesFile(`${report}${year ? `-${year.replace('/', '-')}` : ''}`, result, format, about);
    return sendFile(reply, file.type, file);
  });
  // Refused by the kind's record type before the file is read (the path is checked after this hook, so an unknown kind is read as the I&E's, admins' too).
  r.post('/api/finance/import/:kind', { preValidation: async (request) => refuseUnlessMay(financeFileType((request.params as { kind: FinanceFileKind }).kind), 'import')(request), schema: { tags, summary: 'Import a finance file (admins): streams, savings, running-costs or ie; a year field where the file has none. All or nothing', params: z.object({ kind: z.enum(financeFileKinds) }), upload: financeUpload } }, async (request) => {
    const upload = await readUpload(request, financeUpload.extensions);
    return importFinanceCsv(ctxOf(request), request.params.kind, upload, upload.fields.year ? { year: upload.fields.year } : {});
  });
}
