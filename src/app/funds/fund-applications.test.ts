import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor } from '../../../test/support/factories.js';
import type { Database } from '../../db/client.js';
import { auditLog, drawdowns, fundApplications } from '../../db/schema/index.js';
import { loadDemo } from '../demo/load-demo.js';
import { decideApplication, recordDrawdown, removeDrawdown, submitApplication, withdrawApplication } from './fund-applications.js';
import { fundsOverview } from './fund-report.js';

/** Two changes to one application at once: whichever interleaving, one is saved and the other refused, never both. */
describe.each(databaseKinds)('fund applications changed at once (%s)', (kind) => {
  let database: Database;
  let fundId: number;
  const admin = () => contextFor(database, adminActor);
  const commissioner = () => contextFor(database, commissionerActor);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
    fundId = (await fundsOverview(admin())).items.find((f) => f.name.startsWith('ELR transformation fund'))!.id;
  });
  afterAll(() => database?.close());

  /** Countesthorpe's (C82002) application of summer 2018, waiting for a decision. */
  const waiting = (pence: number) => submitApplication(admin(), fundId, { practiceCode: 'C82002', title: 'Shared phlebotomy', purpose: 'Clinics', lines: [{ description: 'Phlebotomist', amount: pence }], submittedOn: '2018-07-02' });
  const approved = async (pence: number) => decideApplication(commissioner(), (await waiting(pence)).id, { outcome: 'approve', decidedOn: '2018-08-15', rowVersion: 1 });
  const draw = (applicationId: number, pence: number, evidence: string) => recordDrawdown(admin(), applicationId, { amount: pence, drawnOn: '2018-09-01', evidence });
  const drawnAgainst = (applicationId: number) => database.db.select().from(drawdowns).where(eq(drawdowns.applicationId, applicationId));
  const stored = async (applicationId: number) => (await database.db.select().from(fundApplications).where(eq(fundApplications.id, applicationId)))[0]!;

  it('never draws down more than was approved when two drawdowns come at once', async () => {
    const application = await approved(10_000);
    // Each is more than half of the £100 approved: both together would overdraw it.
    const outcomes = await Promise.allSettled([draw(application.id, 6_000, 'Invoice A'), draw(application.id, 6_000, 'Invoice B')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const { reason } = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    // The one that read after the other was saved is over what is left; one that read alongside it loses the compare-and-set.
    const refusal =
      reason.kind === 'conflict'
        ? { kind: 'conflict', message: 'Someone else drew down against this application at the same time. Reload it and try again.', details: { stale: true, sent: application.rowVersion, current: application.rowVersion + 1 } }
        : { kind: 'invalid', message: expect.stringContaining('more than was approved') };
    expect(reason).toMatchObject(refusal);
    expect((await drawnAgainst(application.id)).map((d) => d.amountPence)).toEqual([6_000]);
    expect(await stored(application.id)).toMatchObject({ approvedPence: 10_000, rowVersion: application.rowVersion + 1 });
  });

  /**
   * Holds the application's row while `change` reads it and waits to write, then saves another
   * change (its row version moves on), so `change` loses the compare-and-set it read for.
   * PostgreSQL only: PGlite serves one transaction at a time, so two never interleave there.
   */
  async function loseTheRace(applicationId: number, change: () => Promise<unknown>): Promise<unknown> {
    const waitingOnTheRow = async () => (await database.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))[0]!.n;
    let outcome!: Promise<unknown>;
    await database.db.transaction(async (tx) => {
      await tx.select({ id: fundApplications.id }).from(fundApplications).where(eq(fundApplications.id, applicationId)).for('update');
      outcome = change().then(
        () => 'saved',
        (error: unknown) => error,
      );
      await expect.poll(waitingOnTheRow, { timeout: 10_000 }).toBe(1);
      await tx.update(fundApplications).set({ rowVersion: sql`${fundApplications.rowVersion} + 1` }).where(eq(fundApplications.id, applicationId));
    });
    return outcome;
  }

  const races: { change: string; make: () => Promise<{ id: number; rowVersion: number; drawdownId?: number }>; act: (id: number, rowVersion: number, drawdownId?: number) => Promise<unknown>; message: string }[] = [
    { change: 'a drawdown', make: () => approved(10_000), act: (id) => draw(id, 1_000, 'Invoice C'), message: 'Someone else drew down against this application at the same time. Reload it and try again.' },
    { change: 'a decision', make: () => waiting(10_000), act: (id, rowVersion) => decideApplication(commissioner(), id, { outcome: 'approve', decidedOn: '2018-08-15', rowVersion }), message: 'This application was changed by someone else since you opened it. Reload it and decide again.' },
    { change: 'a withdrawal', make: () => waiting(10_000), act: (id, rowVersion) => withdrawApplication(admin(), id, { rowVersion }), message: 'This application was changed at the same moment. Reload it to see where it stands.' },
    {
      change: 'taking a drawdown back',
      make: async () => {
        const application = await approved(10_000);
        const drawdown = await draw(application.id, 1_000, 'Invoice D');
        return { ...(await stored(application.id)), drawdownId: drawdown.id };
      },
      act: (id, rowVersion, drawdownId) => removeDrawdown(admin(), id, drawdownId!, rowVersion),
      message: 'Someone else changed this application’s drawdowns. Reload it and try again.',
    },
  ];
  // Only PostgreSQL runs two transactions side by side; PGlite's one connection takes them in turn, so no change can lose a race there.
  for (const race of kind === 'postgres' ? races : []) {
    it(`refuses ${race.change} that lost the race as stale, with the version it read and the one saved since, and saves nothing`, async () => {
      const { id, rowVersion, drawdownId } = await race.make();
      const before = { application: await stored(id), drawdowns: await drawnAgainst(id), audit: (await database.db.select().from(auditLog)).length };
      const outcome = await loseTheRace(id, () => race.act(id, rowVersion, drawdownId));
      expect(outcome).toMatchObject({ kind: 'conflict', message: race.message, details: { stale: true, sent: rowVersion, current: rowVersion + 1 } });
      expect(await stored(id)).toEqual({ ...before.application, rowVersion: rowVersion + 1 });
      expect(await drawnAgainst(id)).toEqual(before.drawdowns);
      expect((await database.db.select().from(auditLog)).length).toBe(before.audit);
    });
  }
});
