import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { importStpFiles } from '../../app/programme/import-stp.js';
import { importWorkPlan } from '../../app/programme/import-work-plan.js';
import { addPositionUpdate, getPlanSummary, getTaskDetail, positionUpdateSchema } from '../../app/programme/plan-tasks.js';
import { getStpGrid, stpGridColumns } from '../../app/programme/stp-grid.js';
import { actorOf, refuseUnlessMay } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { sendTable } from './send-table.js';
import { readUpload } from './uploads.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { tableFile, type UploadForm } from '../route-docs.js';

const idParams = z.object({ id: recordIdSchema });
const tags = ['programme'];

/**
 * The programme's own routes: importing a work plan or STP files, a plan's summary (ids to
 * resolve), a task with its owners and position log, adding a position update, and the STP
 * milestone grid. Lists, edits, exports and audit history of plans, tasks and the STP records
 * come from the generic record routes (/api/plan-tasks, /api/stp-milestones, …).
 */
const asOf = 'YYYY-MM-DD: the date the file’s positions were written (today unless given)';
const workPlanUpload: UploadForm = { extensions: ['.csv'], fields: { planName: 'the work plan’s name (the file’s name unless given)', asOf } };
const stpUpload: UploadForm = { extensions: ['.csv'], fields: { asOf } };

export async function registerProgrammeRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.post('/api/programme/work-plan-import', { preValidation: refuseUnlessMay('work_plan', 'import'), schema: { tags, summary: 'Import a work plan CSV (admins): fields planName and asOf (YYYY-MM-DD, dates the position updates); all or nothing, re-import changes nothing', upload: workPlanUpload } }, async (request) => {
    const upload = await readUpload(request, workPlanUpload.extensions);
    return importWorkPlan(ctxOf(request), upload, { planName: upload.fields.planName, asOf: upload.fields.asOf || undefined });
  });
  r.post('/api/programme/stp-import', { preValidation: refuseUnlessMay('stp_deliverable', 'import'), schema: { tags, summary: 'Import an STP deliverables, milestones or outcomes CSV (admins), told apart by its header; field asOf dates outcome positions', upload: stpUpload } }, async (request) => {
    const upload = await readUpload(request, stpUpload.extensions);
    return importStpFiles(ctxOf(request), [upload], { asOf: upload.fields.asOf || undefined });
  });
  r.get('/api/programme/work-plans/:id/summary', { schema: { tags, summary: 'A work plan’s sections, ids used twice or skipped, dates to check, owners not yet known and counts', params: idParams } }, async (request) =>
    getPlanSummary(ctxOf(request), request.params.id),
  );
  r.get('/api/programme/tasks/:id', { schema: { tags, summary: 'A task with its section, owners linked to people, position log (newest first) and other lines with the same id', params: idParams } }, async (request) =>
    getTaskDetail(ctxOf(request), request.params.id),
  );
  r.post('/api/programme/tasks/:id/updates', { preValidation: refuseUnlessMay('plan_task', 'update'), schema: { tags, summary: 'Add a dated position update to a task’s log (earlier updates are kept)', params: idParams, body: positionUpdateSchema } }, async (request, reply) => {
    reply.status(201);
    return addPositionUpdate(ctxOf(request), request.params.id, request.body);
  });
  r.get('/api/programme/stp-grid', { schema: { tags, summary: 'STP deliverables, key actions and the milestone grid by quarter and half-year, with a RAG per cell' } }, async (request) => getStpGrid(ctxOf(request)));
  r.get('/api/programme/stp-grid/export.:format', { schema: { tags, summary: 'The STP milestone grid as CSV or XLSX', answers: { 200: tableFile }, params: z.object({ format: z.enum(['csv', 'xlsx']) }) } }, async (request, reply) => {
    const grid = await getStpGrid(ctxOf(request));
    return sendTable(reply, { name: 'stp-milestone-grid', title: 'STP milestone grid' }, request.params.format, grid.rows, stpGridColumns(grid));
  });
}
