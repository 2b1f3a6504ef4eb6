import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../domain/errors.js';
import type { Db } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import type { Actor } from '../context.js';
import { authorize } from '../permissions.js';

export interface JobView {
  id: string;
  kind: string;
  fileName: string | null;
  status: 'running' | 'succeeded' | 'failed';
  progressDone: number;
  progressTotal: number;
  message: string | null;
  result: Record<string, unknown> | null;
  createdAt: string;
  finishedAt: string | null;
}

/**
 * Long work runs in the background of the server and reports progress. Progress lives in memory
 * (an import holds the database in a transaction, and PGlite serves one transaction at a time);
 * the start and the outcome are stored.
 */
export class JobRunner {
  private readonly live = new Map<string, JobView>();

  /** `onUnexpected` hears an error the job's work did not mean (not an AppError): the job says only that it failed, so the server's log keeps the error. */
  constructor(
    private readonly db: Db,
    private readonly onUnexpected: (error: unknown, job: JobView) => void = () => undefined,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  async start(actor: Actor, kind: string, fileName: string | null, work: (progress: (done: number, total: number, message: string) => void) => Promise<{ result: Record<string, unknown>; failed?: boolean; message: string }>): Promise<JobView> {
    const id = randomUUID();
    const job: JobView = { id, kind, fileName, status: 'running', progressDone: 0, progressTotal: 0, message: 'Starting', result: null, createdAt: new Date().toISOString(), finishedAt: null };
    this.live.set(id, job);
    await this.db.insert(jobs).values({ id, kind, fileName, status: 'running', createdBy: actor.userId });
    const stopBeating = keepBeating(this.db, id, this.heartbeatMs);
    const finish = async (status: JobView['status'], message: string, result: Record<string, unknown>) => {
      stopBeating();
      Object.assign(job, { status, message, result, finishedAt: new Date().toISOString() });
      await storeOutcome(this.db, id, { status, message, result, progressDone: job.progressDone, progressTotal: job.progressTotal });
      setTimeout(() => this.live.delete(id), 60_000).unref();
    };
    void (async () => {
      try {
        const outcome = await work((done, total, message) => Object.assign(job, { progressDone: done, progressTotal: total, message }));
        await finish(outcome.failed ? 'failed' : 'succeeded', outcome.message, outcome.result);
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'The job failed on the server: nothing was imported. The server’s log says why.';
        const problems = error instanceof AppError ? error.problems : [];
        if (!(error instanceof AppError)) this.onUnexpected(error, job);
        await finish('failed', message, { problems }).catch(() => undefined);
      }
    })();
    return { ...job };
  }

  async get(actor: Actor, id: string): Promise<JobView> {
    authorize(actor, 'job', 'read');
    const live = this.live.get(id);
    if (live) return { ...live };
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    if (!row) throw notFound(`Job ${id}`);
    return present(row);
  }

  async recent(actor: Actor, limit = 20): Promise<JobView[]> {
    authorize(actor, 'job', 'read');
    const rows = await this.db.select().from(jobs).orderBy(desc(jobs.createdAt)).limit(limit);
    return rows.map((r) => this.live.get(r.id) ?? present(r));
  }

  /** Resolves when a job has finished (used by the CLI and tests). */
  async wait(actor: Actor, id: string, onProgress?: (job: JobView) => void): Promise<JobView> {
    for (;;) {
      const job = await this.get(actor, id);
      onProgress?.(job);
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Work done in the foreground (an import the CLI runs on the database itself), kept in the jobs list
 * beside the server's, so the imports page lists every import however it was run. Its errors are
 * the caller's: recorded as the job's outcome, then thrown on.
 */
export async function recordedAsJob<T>(db: Db, actor: Actor, kind: string, fileName: string | null, work: () => Promise<T>, outcome: (result: T) => { failed: boolean; message: string }): Promise<T> {
  const id = randomUUID();
  await db.insert(jobs).values({ id, kind, fileName, status: 'running', createdBy: actor.userId });
  const stopBeating = keepBeating(db, id, HEARTBEAT_MS);
  const finish = (status: JobView['status'], message: string, result: Record<string, unknown>) => {
    stopBeating();
    return storeOutcome(db, id, { status, message, result });
  };
  try {
    const result = await work();
    const { failed, message } = outcome(result);
    await finish(failed ? 'failed' : 'succeeded', message, result as Record<string, unknown>);
    return result;
  } catch (error) {
    await finish('failed', error instanceof AppError ? error.message : 'The job failed: nothing was imported.', { problems: error instanceof AppError ? error.problems : [] });
    throw error;
  }
}

/** How a job ended, stored: its status, the sentence its list shows, its report, and when. */
async function storeOutcome(db: Db, id: string, outcome: { status: JobView['status']; message: string; result: Record<string, unknown>; progressDone?: number; progressTotal?: number }): Promise<void> {
  await db.update(jobs).set({ ...outcome, finishedAt: new Date() }).where(eq(jobs.id, id));
}

/** What a job the server stopped in the middle of says: its import was one transaction, so none of it was kept. */
export const INTERRUPTED = 'Interrupted: the server stopped before it finished, so nothing was imported. Run it again.';

/** How often a process working on a job says it still is. */
export const HEARTBEAT_MS = 30_000;

/** How long a running job's heartbeat may be silent before the job counts as left by a stopped process. */
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS;

/**
 * Renews the job's heartbeat until the returned function is called. One renewal at a time: with
 * PGlite a renewal waits behind the import's own transaction, and should not queue up behind it.
 */
function keepBeating(db: Db, id: string, everyMs: number): () => void {
  let pending = false;
  const timer = setInterval(() => {
    if (pending) return;
    pending = true;
    void db
      .update(jobs)
      .set({ heartbeatAt: sql`now()` })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
      .catch(() => undefined)
      .finally(() => (pending = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Jobs left "running" by a process that stopped without finishing them (killed, or the machine
 * restarted) are marked failed, saying so, rather than shown running for ever. A job counts as
 * left once its heartbeat has been silent for `staleAfterMs`, so a server sharing a PostgreSQL
 * database with another leaves the other's live jobs alone. The embedded database has one owner,
 * so the server starting on it marks every running job at once (`staleAfterMs` 0).
 */
export async function markInterruptedJobs(db: Db, staleAfterMs: number): Promise<number> {
  const silentSince = sql`now() - ${staleAfterMs}::integer * interval '1 millisecond'`;
  const marked = await db
    .update(jobs)
    .set({ status: 'failed', message: INTERRUPTED, finishedAt: new Date() })
    .where(and(eq(jobs.status, 'running'), staleAfterMs === 0 ? undefined : lt(jobs.heartbeatAt, silentSince)))
    .returning({ id: jobs.id });
  return marked.length;
}

/**
 * Marks interrupted jobs as the server starts. On a shared PostgreSQL database it then keeps
 * looking, as another server may stop with a job running; the embedded database's sole owner
 * has nothing more to find.
 */
export async function watchForInterruptedJobs(db: Db, soleOwner: boolean, everyMs = HEARTBEAT_MS): Promise<() => void> {
  await markInterruptedJobs(db, soleOwner ? 0 : STALE_AFTER_MS);
  if (soleOwner) return () => undefined;
  const timer = setInterval(() => void markInterruptedJobs(db, STALE_AFTER_MS).catch(() => undefined), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

function present(row: typeof jobs.$inferSelect): JobView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status as JobView['status'],
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    message: row.message,
    result: row.result ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
