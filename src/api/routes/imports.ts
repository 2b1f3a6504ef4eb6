import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { authorizeImport, importNhsFile } from '../../app/registry/import-file.js';
import { importKinds, type ImportKind, importOutcome } from '../../app/registry/import-report.js';
import { actorOf } from '../auth.js';
import type { ServerDeps } from '../server.js';
import { readUpload } from './uploads.js';
import { sendFile } from './send-file.js';
import { jobProblemsCsv } from '../../app/jobs/job-problems.js';
import { optionalIsoDate, todayInEngland } from '../../domain/iso-date.js';
import { AppError } from '../../domain/errors.js';
import { csv, fileAnswer } from '../route-docs.js';

const extensionsFor: Record<ImportKind, string[]> = { ods: ['.csv'], 'list-sizes': ['.csv'], pcns: ['.csv', '.xlsx'], qof: ['.csv'], indicators: ['.csv'] };

/** A background job as GET /api/jobs/{id} shows it: its progress while it runs, then its outcome and (an import's) report. */
const jobAnswer = z
  .object({
    id: z.string(),
    kind: z.string(),
    fileName: z.string().nullable(),
    status: z.enum(['running', 'succeeded', 'failed']),
    progressDone: z.number().int(),
    progressTotal: z.number().int(),
    message: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable().describe('an import’s report: inserted, updated, unchanged, rejected, skipped, notes, problems…'),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Job' });

/** NHS file uploads run as background jobs; the client follows /api/jobs/:id for progress and the report. */
export async function registerImportRoutes(app: FastifyInstance, deps: ServerDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): AppContext => ({ db: deps.db, actor: actorOf(request) });

  r.post('/api/imports/:kind', { schema: { tags: ['imports'], summary: 'Upload an NHS file (ODS epraccur, patients registered, ePCN or PCN mapping, QOF) or local indicators; returns a job', answers: { 202: jobAnswer }, params: z.object({ kind: z.enum(importKinds) }), upload: { extensions: [...new Set(Object.values(extensionsFor).flat())], fields: { skipUnknown: 'true: import the rows of the practices the registry holds and list the others, instead of refusing the file (not for ods)', asOf: 'YYYY-MM-DD: the date the file describes, where the file does not say' } } } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const kind = request.params.kind;
    authorizeImport(ctx.actor, kind);
    const upload = await readUpload(request, extensionsFor[kind]);
    const options = { skipUnknown: upload.fields.skipUnknown === 'true', asOf: optionalIsoDate(upload.fields.asOf, 'asOf') };
    const job = await deps.jobs.start(ctx.actor, `import ${kind}`, upload.name, async (progress) => {
      const report = await importNhsFile(ctx, kind, upload, { ...options, onProgress: (done, total, phase) => progress(done, total, phase) });
      return { result: report as unknown as Record<string, unknown>, ...importOutcome(report) };
    });
    reply.status(202);
    return job;
  });
  // A backup holds every user's password hash: it is taken on the server's own machine (atscale backup,
  // which comes here while the server holds the database), never downloaded in a browser.
  r.get('/api/backup', { schema: { tags: ['imports'], summary: 'Everything stored, as a backup file (the atscale backup command on the server’s machine only)', answers: { 200: fileAnswer(['application/gzip'], 'every row as gzipped JSON') } } }, async (request, reply) => {
    const actor = actorOf(request);
    if (!request.fromCli) throw new AppError('forbidden', 'A backup holds every user’s password hash, so it is taken on the server’s machine: run atscale backup <file> there');
    const { createBackup } = await import('../../app/backup/backup.js');
    return sendFile(reply, 'application/gzip', { fileName: `atscale-backup-${todayInEngland()}.json.gz`, content: await createBackup(deps.database, actor) });
  });
  r.get('/api/jobs/:id', { schema: { tags: ['imports'], summary: 'A job: status, progress and result', params: z.object({ id: z.string().uuid() }), answers: { 200: jobAnswer } } }, async (request) => deps.jobs.get(actorOf(request), request.params.id));
  r.get('/api/jobs/:id/problems.csv', { schema: { tags: ['imports'], summary: 'Every problem that stopped a job (a rejected file’s rows), as CSV with file, line and column', params: z.object({ id: z.string().uuid() }), answers: { 200: fileAnswer(csv, 'one row a problem: file, line, column and what is wrong') } } }, async (request, reply) =>
    sendFile(reply, 'text/csv; charset=utf-8', await jobProblemsCsv(deps.jobs, actorOf(request), request.params.id)),
  );
  r.get('/api/jobs', { schema: { tags: ['imports'], summary: 'Recent jobs', answers: { 200: z.object({ items: z.array(jobAnswer) }) } } }, async (request) => ({ items: await deps.jobs.recent(actorOf(request)) }));
}
