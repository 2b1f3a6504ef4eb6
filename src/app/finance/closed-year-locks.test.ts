import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { financeYears } from '../../db/schema/index.js';
import { openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor } from '../../../test/support/factories.js';
import { createRecord } from '../records/records.js';
import { financeYearRecord } from './stream-records.js';

/**
 * The closed-year guard reads each year's row locked, so a closing cannot slip between a write's check
 * and its commit. Saving the plan's year itself, the guard's lock must be the write's own (FOR UPDATE):
 * two saves each holding the row FOR SHARE would each wait for the other to let go before writing it,
 * and PostgreSQL would abort one as a deadlock. Only PostgreSQL runs two transactions side by side.
 */
describe('two saves of one plan year at the same moment (postgres)', () => {
  let database: Database;
  const year = { financialYear: '2030/31' };
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await createRecord(contextFor(database, adminActor), financeYearRecord, year);
  });
  afterAll(() => database?.close());

  const waiting = async () => {
    for (let tries = 0; Number((await database.query<{ n: string }>('select count(*) as n from pg_locks where not granted'))[0]!.n) < 1; tries++) {
      if (tries > 400) throw new Error('the second save never waited for the first');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const save = (tx: unknown, notes: string) => (tx as Database['db']).update(financeYears).set({ notes, rowVersion: sql`${financeYears.rowVersion} + 1` }).where(eq(financeYears.financialYear, year.financialYear));

  it('waits for the first to commit, then saves, and neither is aborted', async () => {
    let guarded!: () => void;
    let release!: () => void;
    const firstGuarded = new Promise<void>((resolve) => (guarded = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = database.db.transaction(async (tx) => {
      await financeYearRecord.guardClosedYears!(tx as never, year, year);
      guarded();
      await released;
      await save(tx, 'first');
    });
    await firstGuarded;
    const second = database.db.transaction(async (tx) => {
      await financeYearRecord.guardClosedYears!(tx as never, year, year);
      await save(tx, 'second');
    });
    await waiting();
    release();
    expect((await Promise.allSettled([first, second])).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [stored] = await database.db.select({ notes: financeYears.notes }).from(financeYears).where(eq(financeYears.financialYear, year.financialYear));
    expect(stored).toEqual({ notes: 'second' });
  });
});
