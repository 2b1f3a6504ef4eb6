import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditColumns, auditedRecordTypes, exportAudit, listAudit } from '../../app/audit-log.js';
import { checkAuditSeals, readKeptSeal } from '../../app/audit-seals.js';
import type { AppContext } from '../../app/context.js';
import { exportColumns } from '../../app/records/export-columns.js';
import { importRecordsCsv } from '../../app/records/import-csv.js';
import { referencedNames } from '../../app/records/export-names.js';
import { listQuerySchema } from '../../app/records/list-query.js';
import { checkRecord, createRecord, deleteRecord, getRecord, listRecords, updateRecord } from '../../app/records/records.js';
import { downloadRecords } from '../../app/downloads.js';
import { sheetTitle } from '../../app/export/tabular.js';
import { recordTypes } from '../../app/records/registry.js';
import { refuseUnlessMayChange } from '../../app/records/owner-changes.js';
import { auditFilterWords, filterWords } from './filter-words.js';
import { parseOrRefuse, zodProblems } from '../../app/records/zod-problems.js';
import { invalid } from '../../domain/errors.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { readUpload } from './uploads.js';
import { readInUseCase } from './read-in-use-case.js';
import { listQueryDoc } from './list-query-doc.js';
import { sendTable } from './send-table.js';
import { auditPageAnswer, auditRowAnswer, checkAnswer, csvImportAnswer, pageOf, recordAnswer, updatedAnswer } from '../record-answers.js';
import { tableFile } from '../route-docs.js';
import { MAX_INT4, pageNumberSchema, rowVersionSchema } from '../../domain/record-id.js';
import { isoDateSchema } from '../../domain/iso-date.js';

const versionBody = z.object({ rowVersion: rowVersionSchema });
/** `?check=true`: say what is wrong with the record without saving it (a form asks while it has problems of its own to show). */
const checkQuery = z.object({ check: z.enum(['true']).optional() });
const idParams = z.object({ id: z.string().min(1).max(40) });

const formatParams = z.object({ format: z.enum(['csv', 'xlsx']) });

/**
 * Query parameters other than paging/sorting are field filters (e.g. ?commissioner=03W&status=active).
 * A parameter sent twice is refused by name; an export holds every row, so it takes no page.
 */
function splitQuery(query: Record<string, string | string[]>, paged = true) {
  const twice = Object.keys(query).find((name) => Array.isArray(query[name]));
  if (twice) throw invalid(`The list query gives "${twice}" more than once`, [{ field: twice, message: 'is given more than once' }]);
  if (!paged && (query.page !== undefined || query.pageSize !== undefined)) throw invalid('An export holds every row that matches, so it takes no page or pageSize', [{ field: query.page !== undefined ? 'page' : 'pageSize', message: 'is not an option here' }]);
  const { q, sort, dir, page, pageSize, ...filters } = query as Record<string, string>;
  const base = listQuerySchema.safeParse({ q, sort, dir, page, pageSize });
  if (!base.success) throw invalid('The list query is not valid', zodProblems(base.error));
  return { base: base.data, filters };
}

/** One set of routes serves every record type: list, export, get, create, update, delete, import, audit history. */
const sealedRow = z.object({ id: z.number().int(), seq: z.number().int(), hash: z.string(), at: z.string() });
/** What a check of the audit log's seals answers (AuditSealCheck). */
const sealCheckAnswer = z.object({
  ok: z.boolean(),
  sealed: z.number().int(),
  unsealed: z.number().int(),
  first: sealedRow.nullable(),
  head: sealedRow.nullable(),
  failures: z.array(z.object({ id: z.number().int(), seq: z.number().int().nullable(), at: z.string(), fault: z.enum(['altered', 'missing_before', 'not_sealed']), message: z.string() })),
  kept: z.object({ seq: z.number().int(), hash: z.string(), matches: z.boolean(), message: z.string() }).optional(),
  sentences: z.array(z.string()),
});

export async function registerRecordRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/audit/record-types', { schema: { tags: ['audit'], summary: 'The kinds of record the audit log holds (admins)', answers: { 200: z.object({ items: z.array(z.string()) }) } } }, async (request) => ({ items: await auditedRecordTypes(ctxOf(request)) }));
  const auditFilters = z.object({ recordType: z.string().optional(), signIns: z.enum(['include', 'exclude']).optional().describe('exclude: leave out sign-ins and sign-outs (session records)'), recordId: z.string().optional().describe('a record ID; an ODS code also finds the records that name that practice, its scheme returns and the invoices and payments that counted them, and the drawdowns against its fund applications'), who: z.string().max(200).optional().describe('part of the name or email of who made the change'), from: isoDateSchema.optional(), to: isoDateSchema.optional() });
  const rowsAtMost = z.coerce.number().int().min(1).max(1000).optional();
  const auditPaging = {
    page: pageNumberSchema.optional().describe('paged as every list is: page (from 1) and pageSize'),
    pageSize: rowsAtMost.describe('100 unless given'),
    limit: rowsAtMost.describe('or by limit and offset, as before'),
    offset: z.coerce.number().int().min(0).max(MAX_INT4).optional(),
  };
  r.get('/api/audit', { schema: { tags: ['audit'], summary: 'Audit log (admins): a page of changes, newest first, and how many match', querystring: auditFilters.extend(auditPaging).strict(), answers: { 200: auditPageAnswer } } }, async (request) =>
    listAudit(ctxOf(request), request.query),
  );
  r.get('/api/audit/export.:format', { schema: { tags: ['audit'], summary: 'The audit log as CSV or XLSX (admins), with the same filters; the download is itself audited', params: formatParams, querystring: auditFilters.strict(), answers: { 200: tableFile } } }, async (request, reply) => {
    const file = { name: 'audit-log', title: 'Audit log', filters: auditFilterWords(request.query) };
    return sendTable(reply, file, request.params.format, await exportAudit(ctxOf(request), request.query, { ...file, format: request.params.format }), auditColumns);
  });

  r.get('/api/audit/seals', { schema: { tags: ['audit'], summary: 'Check the audit log’s seals (admins): the first row that fails, if any, and the latest seal to keep elsewhere', querystring: z.object({ anchor: z.string().max(100).optional().describe('a seal kept elsewhere, place:SHA-256 as `atscale audit verify` prints it') }).strict(), answers: { 200: sealCheckAnswer } } }, async (request) =>
    checkAuditSeals(ctxOf(request), request.query.anchor ? readKeptSeal(request.query.anchor) : undefined),
  );

  for (const [plural, type] of Object.entries(recordTypes)) {
    const tags = [plural];
    const one = recordAnswer(type);
    r.get(`/api/${plural}`, { validatorCompiler: readInUseCase, schema: { tags, summary: `List ${plural}: a page of them, filtered and sorted, with how many match`, querystring: listQueryDoc(type, true), answers: { 200: pageOf(one) } } }, async (request) => {
      const { base, filters } = splitQuery(request.query as Record<string, string>);
      return listRecords(ctxOf(request), type, { ...base, filters });
    });
    r.get(`/api/${plural}/export.:format`, { validatorCompiler: readInUseCase, schema: { tags, summary: `Export every one of ${plural} that matches as CSV or XLSX, sorted as asked`, params: formatParams, querystring: listQueryDoc(type, false), answers: { 200: tableFile } } }, async (request, reply) => {
      const { format } = parseOrRefuse(formatParams, request.params, 'The address is not valid');
      const { base, filters } = splitQuery(request.query as Record<string, string>, false);
      const names = await referencedNames(ctxOf(request), type);
      const file = { name: plural, title: sheetTitle({ name: plural }), filters: filterWords(type, filters, base.q, names) };
      const rows = await downloadRecords(ctxOf(request), type, { ...base, filters }, { ...file, format });
      return sendTable(reply, file, format, rows, exportColumns(type, names));
    });
    r.get(`/api/${plural}/:id`, { schema: { tags, summary: `Get one of ${plural}`, params: idParams, answers: { 200: one } } }, async (request) => getRecord(ctxOf(request), type, request.params.id));
    r.get(`/api/${plural}/:id/audit`, { schema: { tags, summary: `Audit history of one of ${plural}`, params: idParams, answers: { 200: z.object({ items: z.array(auditRowAnswer) }) } } }, async (request) => ({
      items: (await listAudit(ctxOf(request), { recordType: type.name, recordId: String(type.parseId(request.params.id)) })).items,
    }));
    if (type.ownWriteRoutes) continue;
    // Where a record's owners may change some of it, who may is decided from the record.
    const mayChange = async (request: FastifyRequest) => refuseUnlessMayChange(deps.db, actorOf(request), type, (request.params as { id: string }).id);
    r.patch(`/api/${plural}/:id`, { preValidation: mayChange, validatorCompiler: readInUseCase, schema: { tags, summary: `Change one of ${plural}; send the rowVersion you read (?check=true: only say what is wrong)`, params: idParams, querystring: checkQuery, body: z.intersection(versionBody, type.updateSchema as z.ZodType<Record<string, unknown>>), answers: { 200: z.union([updatedAnswer(type), checkAnswer]) } } }, async (request) => {
      const params = parseOrRefuse(idParams, request.params, 'The address is not valid');
      if (parseOrRefuse(checkQuery, request.query, 'The request is not valid').check) return checkRecord(ctxOf(request), type, request.body, params.id);
      const { rowVersion, ...changes } = (request.body ?? {}) as { rowVersion?: unknown };
      return updateRecord(ctxOf(request), type, params.id, changes, parseOrRefuse(versionBody, { rowVersion }, 'The request is not valid').rowVersion);
    });
    if (!type.createdByPeople) continue;
    r.post(`/api/${plural}`, { preValidation: refuseUnlessMay(type.name, 'create'), validatorCompiler: readInUseCase, schema: { tags, summary: `Create one of ${plural} (?check=true: only say what is wrong)`, querystring: checkQuery, body: type.createSchema as z.ZodType<Record<string, unknown>>, answers: { 200: checkAnswer.describe('?check=true: what is wrong, nothing saved'), 201: one } } }, async (request, reply) => {
      if (parseOrRefuse(checkQuery, request.query, 'The request is not valid').check) return checkRecord(ctxOf(request), type, request.body);
      reply.status(201);
      return createRecord(ctxOf(request), type, request.body);
    });
    r.delete(`/api/${plural}/:id`, { preValidation: refuseUnlessMay(type.name, 'delete'), schema: { tags, summary: `Delete one of ${plural}; send the rowVersion you read`, params: idParams, querystring: versionBody, answers: { 200: z.object({ deleted: z.literal(true) }) } } }, async (request) => {
      await deleteRecord(ctxOf(request), type, request.params.id, request.query.rowVersion);
      return { deleted: true };
    });
    r.post(`/api/${plural}/import`, { preValidation: refuseUnlessMay(type.name, 'import'), schema: { tags, summary: `Import ${plural} from a CSV file, multipart field file (all or nothing): new rows are added; a register keyed by reference (risks, board actions) also updates those already here, and reads its own download`, upload: { extensions: ['.csv'] }, answers: { 200: csvImportAnswer } } }, async (request) => {
      const upload = await readUpload(request, ['.csv']);
      return importRecordsCsv(ctxOf(request), type, upload);
    });
  }
}
