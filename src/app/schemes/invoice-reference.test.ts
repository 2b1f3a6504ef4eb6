import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, schemeVersions } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makeSchemeRequest } from '../../../test/support/factories.js';
import type { Settlement } from '../../domain/schemes/settlement.js';
import { loadDemo } from '../demo/load-demo.js';
import { recordDeliveredEntries } from './delivered-activity.js';
import { runStoredScheme } from './run-stored-scheme.js';
import { approveScheme, createScheme } from './save-scheme.js';
import { recordSettlement } from './settlement.js';

const none: Settlement = { invoiced: null, paid: null };
const invoicedAs = (reference: string, on = '2018-05-15'): Settlement => ({ invoiced: { on, reference }, paid: null });
const costed = { period: { weeks: 8, financialYears: ['2017/18'] } };

/** Two schemes, each approved with a return to invoice, and what settling one says. */
function schemesOn(database: () => Database) {
  const admin = () => contextFor(database(), adminActor);
  const settle = (schemeId: number, from: Settlement, to: Settlement) => recordSettlement(admin(), schemeId, { version: 1, ...to, basedOn: from }, '2026-03-01');
  const approvedScheme = async (nurse = 40) => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest(costed));
    await approveScheme(admin(), scheme.id, 1);
    await recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse, gp: 0 } }] });
    return { ...scheme, totalPence: (await runStoredScheme(admin(), scheme.id)).run.payments!.totals.grandTotal.total };
  };
  /** The versions a recorded invoice under the reference is on, in any case. */
  const holders = async (reference: string) =>
    (await database().db.select({ schemeId: schemeVersions.schemeId }).from(schemeVersions).where(and(isNotNull(schemeVersions.invoicedOn), sql`upper(${schemeVersions.invoiceReference}) = upper(${reference})`))).map((v) => v.schemeId);
  return { settle, approvedScheme, holders };
}

const refusedNaming = (scheme: { name: string; totalPence: number }, reference: string) => ({
  kind: 'invalid',
  problems: [{ field: 'invoiced.reference', message: expect.stringMatching(new RegExp(`^${reference} is the invoice of version 1 of ${scheme.name}, recorded on 15 May 2018 for £[0-9,]+\\. A reference names one invoice`)) }],
});

describe.each(databaseKinds)('an invoice reference names one invoice across all schemes (%s)', (kind) => {
  let database: Database;
  const { settle, approvedScheme, holders } = schemesOn(() => database);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('records one of two invoices sent at the same moment under one new reference on two schemes, and refuses the other naming it', async () => {
    const [first, second] = [await approvedScheme(), await approvedScheme()];
    for (const round of [1, 2, 3, 4, 5]) {
      const reference = `INV-RACE-${round}`;
      const outcomes = await Promise.allSettled([settle(first.id, none, invoicedAs(reference)), settle(second.id, none, invoicedAs(reference.toLowerCase()))]);
      const recorded = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [[first, second][i]!] : []));
      expect(recorded).toHaveLength(1);
      expect(await holders(reference)).toEqual([recorded[0]!.id]);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject(refusedNaming(recorded[0]!, recorded[0] === first ? reference.toLowerCase() : reference));
      // Undone, ready for the next round.
      await settle(recorded[0]!.id, invoicedAs(recorded[0] === first ? reference : reference.toLowerCase()), none);
    }
  });

  it('frees a reference once no recorded invoice holds it: a number typed on the wrong scheme, undone, goes to the invoice it belongs to, and the audit says what it named before', async () => {
    const [wrong, right] = [await approvedScheme(40), await approvedScheme(80)];
    await settle(wrong.id, none, invoicedAs('INV-0043'));
    await expect(settle(right.id, none, invoicedAs('inv-0043'))).rejects.toMatchObject(refusedNaming(wrong, 'inv-0043'));
    await settle(wrong.id, invoicedAs('INV-0043'), none);
    await expect(settle(right.id, none, invoicedAs('INV-0043'))).resolves.toMatchObject({ changed: true, version: { invoiced: { reference: 'INV-0043', amount: { totalPence: right.totalPence } } } });
    expect(await holders('INV-0043')).toEqual([right.id]);
    const [line] = await database.db.select({ summary: auditLog.summary }).from(auditLog).where(and(eq(auditLog.recordType, 'scheme'), eq(auditLog.recordId, String(right.id)), sql`${auditLog.summary} like 'Version 1: Invoiced%'`));
    expect(line!.summary).toMatch(new RegExp(`; INV-0043 was earlier the invoice of version 1 of ${wrong.name}, recorded on 15 May 2018 for £[0-9,]+, since undone$`));
    // The scheme that had it may now be invoiced under its own number, and a correction to a number held elsewhere is refused.
    await settle(wrong.id, none, invoicedAs('INV-0042'));
    await expect(settle(wrong.id, invoicedAs('INV-0042'), invoicedAs('INV-0043'))).rejects.toMatchObject(refusedNaming(right, 'INV-0043'));
  });

  it('keeps the rule in the database itself: a second recorded invoice under a reference is refused however it is written', async () => {
    const [first, second] = [await approvedScheme(), await approvedScheme()];
    await settle(first.id, none, invoicedAs('INV-DB-1'));
    const write = database.db.update(schemeVersions).set({ invoicedOn: '2018-05-16', invoiceReference: 'inv-db-1' }).where(eq(schemeVersions.schemeId, second.id));
    await expect(write).rejects.toMatchObject({ cause: { code: '23505', constraint: 'scheme_versions_invoice_reference_key' } });
    // Undone, the version no longer holds it: the row may keep nothing, or be written again.
    await settle(first.id, invoicedAs('INV-DB-1'), none);
    await database.db.update(schemeVersions).set({ invoicedOn: '2018-05-16', invoiceReference: 'inv-db-1' }).where(eq(schemeVersions.schemeId, second.id));
    expect(await holders('INV-DB-1')).toEqual([second.id]);
  });
});

/**
 * PGlite runs one transaction at a time, so there two requests never overlap (the test above). On
 * PostgreSQL they do: here one is held, after writing its invoice and before committing, while the
 * other checks the reference (seeing nothing yet) and writes its own. Only the database can refuse it.
 */
describe('two invoices under one reference overlapping on PostgreSQL', () => {
  let database: Database;
  const { settle, approvedScheme, holders } = schemesOn(() => database);

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  const locks = async (where: string) => Number((await database.query<{ n: string }>(`select count(*) as n from pg_locks where ${where}`))[0]!.n);
  /** Waits until `count` locks are as `where` says: held, or waited for. */
  const until = async (where: string, count: number) => {
    for (let tries = 0; (await locks(where)) < count; tries++) {
      if (tries > 400) throw new Error(`never ${count} locks where ${where}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const waitingFor = (count: number) => until('not granted', count);

  it('commits the first and refuses the second, naming the first, though its own check found the reference free', async () => {
    const [first, second] = [await approvedScheme(), await approvedScheme()];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Holding the audit log keeps the first request's transaction open after it has written its invoice.
    const holding = database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table audit_log in share mode`);
      await released;
    });
    await until(`granted and mode = 'ShareLock' and relation = 'audit_log'::regclass`, 1);
    const firstRequest = settle(first.id, none, invoicedAs('INV-OVERLAP'));
    await waitingFor(1);
    const secondRequest = settle(second.id, none, invoicedAs('INV-OVERLAP'));
    // The second waits on the first's uncommitted invoice under the same reference.
    await waitingFor(2);
    release();
    await holding;
    await expect(firstRequest).resolves.toMatchObject({ changed: true });
    await expect(secondRequest).rejects.toMatchObject(refusedNaming(first, 'INV-OVERLAP'));
    expect(await holders('INV-OVERLAP')).toEqual([first.id]);
  });
});
