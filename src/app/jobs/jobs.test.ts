import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor } from '../../../test/support/factories.js';
import { AppError } from '../../domain/errors.js';
import { INTERRUPTED, JobRunner, STALE_AFTER_MS, markInterruptedJobs, recordedAsJob } from './jobs.js';

describe.each(databaseKinds)('background jobs (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('says a job failed unexpectedly without its error, and gives the error to the log', async () => {
    const logged: unknown[] = [];
    const runner = new JobRunner(database.db, (error) => logged.push(error));
    const crash = new Error('integer out of range');
    const failed = await runner.wait(adminActor, (await runner.start(adminActor, 'list-sizes', 'huge.csv', async () => Promise.reject(crash))).id);
    expect([failed.status, failed.message]).toEqual(['failed', 'The job failed on the server: nothing was imported. The server’s log says why.']);
    expect(logged).toEqual([crash]);
    // A refusal the work meant is the user's to read, and no error for the log.
    const refused = await runner.wait(adminActor, (await runner.start(adminActor, 'list-sizes', 'bad.csv', async () => Promise.reject(new AppError('invalid', 'bad.csv: 1 problem')))).id);
    expect([refused.status, refused.message, logged.length]).toEqual(['failed', 'bad.csv: 1 problem', 1]);
  });

  it('keeps an import the CLI runs itself in the jobs list, with its outcome, and throws its error on', async () => {
    const runner = new JobRunner(database.db);
    const done = await recordedAsJob(database.db, adminActor, 'import ods', 'epraccur.csv', async () => ({ inserted: 2 }), () => ({ failed: false, message: 'Inserted 2' }));
    expect(done).toEqual({ inserted: 2 });
    const refusal = new AppError('invalid', 'bad.csv: 1 problem');
    await expect(recordedAsJob(database.db, adminActor, 'import ods', 'bad.csv', async () => Promise.reject(refusal), () => ({ failed: false, message: '' }))).rejects.toBe(refusal);
    const listed = (await runner.recent(adminActor)).filter((j) => j.kind === 'import ods');
    expect(listed.map((j) => [j.fileName, j.status, j.message])).toEqual(expect.arrayContaining([['epraccur.csv', 'succeeded', 'Inserted 2'], ['bad.csv', 'failed', 'bad.csv: 1 problem']]));
  });

  it('marks a job a stopped server left running as interrupted, when the next server starts on the embedded database', async () => {
    await database.db.insert(jobs).values({ id: 'left-running', kind: 'pcns', fileName: 'map.csv', status: 'running', createdBy: null });
    expect(await markInterruptedJobs(database.db, 0)).toBe(1);
    const job = await new JobRunner(database.db).get(adminActor, 'left-running');
    expect([job.status, job.message, job.finishedAt]).toEqual(['failed', INTERRUPTED, expect.any(String)]);
    expect(await markInterruptedJobs(database.db, 0)).toBe(0);
  });

  it('leaves the live jobs of another server on a shared database alone, and marks those whose heartbeat has stopped', async () => {
    const minutesAgo = (n: number) => sql`now() - ${n}::integer * interval '1 minute'`;
    await database.db.insert(jobs).values([
      { id: 'other-server-live', kind: 'ods', fileName: 'a.csv', status: 'running', createdBy: null, heartbeatAt: minutesAgo(1) },
      { id: 'other-server-gone', kind: 'ods', fileName: 'b.csv', status: 'running', createdBy: null, heartbeatAt: minutesAgo(5) },
    ]);
    expect(STALE_AFTER_MS).toBeGreaterThan(60_000);
    expect(await markInterruptedJobs(database.db, STALE_AFTER_MS)).toBe(1);
    const statuses = await database.db.select({ id: jobs.id, status: jobs.status }).from(jobs).where(inArray(jobs.id, ['other-server-live', 'other-server-gone'])).orderBy(jobs.id);
    expect(statuses).toEqual([{ id: 'other-server-gone', status: 'failed' }, { id: 'other-server-live', status: 'running' }]);
    await database.db.delete(jobs).where(eq(jobs.id, 'other-server-live'));
  });

  it('renews a running job’s heartbeat, so another server does not take it for left', async () => {
    const runner = new JobRunner(database.db, undefined, 20);
    let release: () => void = () => undefined;
    const started = await runner.start(adminActor, 'ods', 'slow.csv', () => new Promise((resolve) => (release = () => resolve({ result: {}, message: 'Done' }))));
    const heartbeat = async () => (await database.db.select({ at: jobs.heartbeatAt }).from(jobs).where(eq(jobs.id, started.id)))[0]!.at.getTime();
    const first = await heartbeat();
    await expect.poll(heartbeat, { timeout: 5_000, interval: 30 }).toBeGreaterThan(first);
    release();
    expect((await runner.wait(adminActor, started.id)).status).toBe('succeeded');
  });
});
