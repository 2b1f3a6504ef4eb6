import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { listIndicators } from '../../app/quality/catalogue.js';
import { dashboardQuerySchema, getDashboard } from '../../app/quality/dashboard.js';
import { getPracticeIndicator, practiceIndicatorQuerySchema } from '../../app/quality/practice-indicator.js';
import { dashboardTable, funnelSvg, reviewPackWorkbook, spcSvg, type SvgExport } from '../../app/quality/quality-exports.js';
import { getReviewPack, reviewPackQuerySchema } from '../../app/quality/review-pack.js';
import { evaluateLocalScheme, evaluationQuerySchema } from '../../app/quality/scheme-evaluation.js';
import { AppError } from '../../domain/errors.js';
import { actorOf } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { sendTable } from './send-table.js';
import { sendFile, xlsxType } from './send-file.js';
import { GP_PRACTICE_CODE } from '../../domain/registry/ods-codes.js';
import { fileAnswer, svg, tableFile, xlsx } from '../route-docs.js';

const tags = ['quality'];
const practiceParams = z.object({ code: z.string().trim().toUpperCase().regex(GP_PRACTICE_CODE, 'an ODS practice code, e.g. C82001') });

/**
 * The quality dashboard: the indicator catalogue, one indicator across a group (funnel, outliers,
 * practices below the minimum), a practice's series with its SPC chart and peers, scheme
 * evaluation, and a locality's review pack (JSON and XLSX). Imports go through /api/imports/qof
 * and /api/imports/indicators; thresholds are records under /api/thresholds.
 */
export async function registerQualityRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.get('/api/quality/indicators', { schema: { tags, summary: 'The indicator catalogue with each indicator’s threshold and the periods that have figures' } }, async (request) => ({ items: await listIndicators(ctxOf(request)) }));
  r.get('/api/quality/dashboard', { schema: { tags, summary: 'One indicator in one period across a group (England when no group): funnel, figures, outliers, practices below the minimum', querystring: dashboardQuerySchema } }, async (request) =>
    getDashboard(ctxOf(request), request.query),
  );
  r.get('/api/quality/dashboard/export.:format', { schema: { tags, summary: 'The dashboard’s table of every practice (same indicator, period and group) as CSV or XLSX', answers: { 200: tableFile }, params: z.object({ format: z.enum(['csv', 'xlsx']) }), querystring: dashboardQuerySchema } }, async (request, reply) => {
    const table = await dashboardTable(ctxOf(request), request.query);
    return sendTable(reply, { name: table.name, title: table.title, filters: table.filters }, request.params.format, table.rows, table.columns);
  });
  const sendSvg = (reply: FastifyReply, svg: SvgExport) => {
    if ('reason' in svg) throw new AppError('invalid', svg.reason);
    return sendFile(reply, 'image/svg+xml', svg, 'inline');
  };
  r.get('/api/quality/funnel.svg', { schema: { tags, summary: 'The dashboard’s funnel plot as SVG (rendered on the server), for packs and PDFs', answers: { 200: fileAnswer(svg, 'the funnel plot') }, querystring: dashboardQuerySchema } }, async (request, reply) =>
    sendSvg(reply, await funnelSvg(ctxOf(request), request.query)),
  );
  r.get('/api/quality/practices/:code/spc.svg', { schema: { tags, summary: 'A practice’s SPC chart on one indicator as SVG (rendered on the server), for packs and PDFs', answers: { 200: fileAnswer(svg, 'the SPC chart') }, params: practiceParams, querystring: practiceIndicatorQuerySchema } }, async (request, reply) =>
    sendSvg(reply, await spcSvg(ctxOf(request), request.params.code, request.query)),
  );
  r.get('/api/quality/practices/:code', { schema: { tags, summary: 'A practice’s series on one indicator with its SPC chart, and its figure against its locality, federation, PCN, sub-ICB, England and a chosen group', params: practiceParams, querystring: practiceIndicatorQuerySchema } }, async (request) =>
    getPracticeIndicator(ctxOf(request), request.params.code, request.query),
  );
  r.get('/api/quality/evaluation', { schema: { tags, summary: 'A local scheme’s signed-up practices against the others, before against after, on one indicator', querystring: evaluationQuerySchema } }, async (request) =>
    evaluateLocalScheme(ctxOf(request), request.query),
  );
  r.get('/api/quality/review-pack', { schema: { tags, summary: 'A locality’s peer review pack: every practice on every indicator against its peers, with funnels and SPC charts', querystring: reviewPackQuerySchema } }, async (request) =>
    getReviewPack(ctxOf(request), request.query.locality),
  );
  r.get('/api/quality/review-pack.xlsx', { schema: { tags, summary: 'A locality’s peer review pack as a workbook', answers: { 200: fileAnswer(xlsx, 'the review pack as a workbook') }, querystring: reviewPackQuerySchema } }, async (request, reply) => {
    const file = await reviewPackWorkbook(ctxOf(request), request.query.locality);
    return sendFile(reply, xlsxType, file);
  });
}
