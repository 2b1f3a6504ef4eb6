import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, schemeInvoiceReferences, schemeVersions } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makeSchemeRequest, managerOf } from '../../../test/support/factories.js';
import type { Settlement } from '../../domain/schemes/settlement.js';
import { loadDemo } from '../demo/load-demo.js';
import { gatherMyItems } from '../reminders/my-items.js';
import { importDeliveredCsv, listDelivered, recordDeliveredEntries } from './delivered-activity.js';
import { recordHandSchedule } from './hand-schedule.js';
import { activityReturnItems, setReturnsDue } from './returns-due.js';
import { listSchemeVersions, runStoredScheme, schemeStatement } from './run-stored-scheme.js';
import { approveScheme, createScheme, updateScheme } from './save-scheme.js';
import { schemesOverview } from './schemes-overview.js';
import { recordSettlement } from './settlement.js';

const none: Settlement = { invoiced: null, paid: null };
/** Invoiced, and paid, under a reference of each test's own: a reference names one invoice, of one scheme. */
const under = (reference: string) => {
  const invoiced: Settlement = { invoiced: { on: '2018-05-15', reference }, paid: null };
  return { invoiced, paid: { ...invoiced, paid: { on: '2018-05-30', reference: 'BACS run 77' } } as Settlement };
};
const settledMessage = 'Version 1’s payments were invoiced to the commissioner on 15 May 2018, so its activity returns and hand schedule are settled and can no longer change. To change them, the federation must first undo “invoiced”.';
const kibworth = (nurse: number) => ({ practice: 'C82001', takesPart: 'yes' as const, units: { nurse, gp: 0 } });
// Activity paid for, and a cost over one financial year with a hand schedule to check: both are settled by the invoice.
const costed = { period: { weeks: 8, financialYears: ['2017/18'] }, costModel: { base: [{ label: 'Clinics', amount: 9000 }], annualUpliftPercent: 0, fixedLines: [] } };

describe.each(databaseKinds)('invoicing a version and paying practices (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const manager = () => contextFor(database, managerOf('C82001'));
  const settle = (schemeId: number, from: Settlement, to: Settlement, version = 1, today = '2026-03-01') => recordSettlement(admin(), schemeId, { version, ...to, basedOn: from }, today);
  const sendAsManager = async (schemeId: number, nurse: number) => recordDeliveredEntries(manager(), schemeId, { entries: [kibworth(nurse)], basedOn: (await listDelivered(manager(), schemeId)).practiceRevisions });
  const approvedScheme = async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest(costed));
    await approveScheme(admin(), scheme.id, 1);
    await recordDeliveredEntries(admin(), scheme.id, { entries: [kibworth(40)] });
    return scheme;
  };
  const auditOf = async (schemeId: number) =>
    (await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'scheme'), eq(auditLog.recordId, String(schemeId)))).orderBy(auditLog.id)).map((a) => a.summary ?? '');

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('records the invoice without a new version, then refuses every change to the returns and hand schedule it was worked from, for everyone', async () => {
    const { invoiced } = under('INV-0042');
    const scheme = await approvedScheme();
    const result = await settle(scheme.id, none, invoiced);
    expect(result).toMatchObject({ changed: true, scheme: { rowVersion: 2, currentVersion: 1 }, version: { version: 1, ...invoiced } });
    expect(await settle(scheme.id, invoiced, invoiced)).toMatchObject({ changed: false });
    const statement = await schemeStatement(manager(), scheme.id, 'C82001');
    expect(statement.version).toMatchObject(invoiced);
    const before = await runStoredScheme(admin(), scheme.id);

    await expect(sendAsManager(scheme.id, 41)).rejects.toMatchObject({ kind: 'forbidden', message: settledMessage });
    await expect(recordDeliveredEntries(admin(), scheme.id, { entries: [kibworth(41)] })).rejects.toMatchObject({ kind: 'forbidden', message: settledMessage });
    const file = { name: 'returns.csv', content: new TextEncoder().encode('practice,nurse_delivered,gp_delivered\nC82002,10,0\n') };
    await expect(importDeliveredCsv(admin(), scheme.id, file)).rejects.toMatchObject({ kind: 'forbidden', message: settledMessage });
    await expect(recordHandSchedule(admin(), scheme.id, { label: 'Spreadsheet', entries: [{ year: '2017/18', amount: 9000 }] })).rejects.toMatchObject({ kind: 'forbidden', message: settledMessage });
    // The payments, the invoice to the commissioner and everything that reads them stay as invoiced.
    expect((await runStoredScheme(admin(), scheme.id)).run.payments).toEqual(before.run.payments);
    // Settled is said first, even once the due date has passed too.
    await setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-04-30' });
    await expect(sendAsManager(scheme.id, 41)).rejects.toMatchObject({ message: settledMessage });
  });

  it('records the payment to practices after the invoice, refuses undoing the invoice until the payment is undone, and reopens returns when it is', async () => {
    const { invoiced, paid } = under('INV-0043');
    const scheme = await approvedScheme();
    await settle(scheme.id, none, invoiced);
    await expect(settle(scheme.id, invoiced, { ...invoiced, paid: { on: '2018-05-14', reference: null } })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'paid.on', message: 'must not be before the invoice date (15 May 2018)' }] });
    await settle(scheme.id, invoiced, paid);
    await expect(settle(scheme.id, paid, none)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'invoiced', message: 'undo “paid to practices” first' }] });
    await expect(settle(scheme.id, paid, { ...paid, paid: null })).resolves.toMatchObject({ changed: true, version: invoiced });
    await settle(scheme.id, invoiced, none);
    expect(await sendAsManager(scheme.id, 41)).toMatchObject({ changed: true });
    // Kibworth's 40 nurse appointments, at 4 an hour and £50 an hour, are £500; the 5% fee £25.
    const invoiceWords = 'for £525 (delivered cost £500 and fee £25)';
    expect((await auditOf(scheme.id)).filter((s) => s.startsWith('Version 1:'))).toEqual([
      `Version 1: Invoiced: not recorded → 15 May 2018 (ref INV-0043) ${invoiceWords}`,
      'Version 1: Paid to practices: not recorded → 30 May 2018 (BACS run 77): £500 to 1 practice',
      'Version 1: Paid to practices: 30 May 2018 (BACS run 77): £500 to 1 practice → not recorded',
      `Version 1: Invoiced: 15 May 2018 (ref INV-0043) ${invoiceWords} → not recorded`,
    ]);
  });

  it('keeps in the audit what each invoice and payment was for, so an invoice undone, its return changed and invoiced again shows both amounts', async () => {
    const { invoiced, paid } = under('INV-0044');
    const scheme = await approvedScheme();
    await settle(scheme.id, none, paid);
    await settle(scheme.id, paid, invoiced);
    await settle(scheme.id, invoiced, none);
    // 80 appointments instead of 40: £1,000, and a fee of £50.
    await recordDeliveredEntries(admin(), scheme.id, { entries: [kibworth(80)] });
    // INV-0044 was the invoice for £525: the invoice for £1,050 is another, with its own reference.
    const again = under('INV-0044a');
    await settle(scheme.id, none, again.paid);
    const rows = (await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'scheme'), eq(auditLog.recordId, String(scheme.id)))).orderBy(auditLog.id)).filter((a) => a.summary?.startsWith('Version 1:'));
    const invoicedFor = rows.map((a) => (a.after as { money?: { invoicePence: number; payments: unknown[] } }).money ?? null);
    expect(invoicedFor.map((m) => m?.invoicePence ?? null)).toEqual([52_500, 52_500, null, 105_000]);
    expect(invoicedFor.at(-1)!.payments).toContainEqual({ practiceCode: 'C82001', amountPence: 100_000 });
    // Undoing says what was undone: the invoice for £525 and its payment.
    expect((rows[2]!.before as { money: { invoicePence: number } }).money.invoicePence).toBe(52_500);
    expect(rows.at(-1)!.summary).toBe('Version 1: Invoiced: not recorded → 15 May 2018 (ref INV-0044a) for £1,050 (delivered cost £1,000 and fee £50); Paid to practices: not recorded → 30 May 2018 (BACS run 77): £1,000 to 1 practice');
  });

  it('keeps on the version what it was invoiced and paid for, as the scheme page’s run gives it, and refuses a reference another recorded invoice holds', async () => {
    const { invoiced, paid } = under('INV-0048');
    const scheme = await approvedScheme();
    const totals = (await runStoredScheme(admin(), scheme.id)).run.payments!.totals;
    const amount = { totalPence: totals.grandTotal.total, deliveredPence: totals.amount.total, feePence: totals.fee!.total };
    const kept = { invoiced: { ...invoiced.invoiced, amount }, paid: { ...paid.paid, amountPence: totals.amount.sumOfRoundedRows } };
    expect((await settle(scheme.id, none, paid)).version).toMatchObject(kept);
    expect((await listSchemeVersions(admin(), scheme.id)).items[0]).toMatchObject(kept);
    expect((await schemeStatement(manager(), scheme.id, 'C82001')).version).toMatchObject(kept);
    // A correction of the day or reference keeps what the invoice and payment were for.
    const corrected = { invoiced: { on: '2018-05-16', reference: 'INV-0048' }, paid: { on: '2018-05-31', reference: null } };
    expect((await settle(scheme.id, paid, corrected)).version).toMatchObject({ invoiced: { on: '2018-05-16', amount }, paid: { on: '2018-05-31', amountPence: kept.paid.amountPence } });
    // While it stands, INV-0048 is refused to another scheme, whatever its total.
    const other = await approvedScheme();
    await expect(settle(other.id, none, under('inv-0048').invoiced)).rejects.toMatchObject({ problems: [{ field: 'invoiced.reference', message: `inv-0048 is the invoice of version 1 of ${scheme.name}, recorded on 16 May 2018 for £525. A reference names one invoice: give this invoice its own reference, or first undo that one` }] });
    // Undone, the version keeps no amount, and the reference is free: recorded again, after a return changed, it is for the new total.
    await settle(scheme.id, corrected, { ...corrected, paid: null });
    expect((await settle(scheme.id, { ...corrected, paid: null }, none)).version).toMatchObject(none);
    await recordDeliveredEntries(admin(), scheme.id, { entries: [kibworth(80)] });
    expect((await settle(scheme.id, none, invoiced)).version).toMatchObject({ invoiced: { amount: { totalPence: 105_000 } } });
    await expect(settle(other.id, none, under('INV-0049').invoiced)).resolves.toMatchObject({ changed: true });
  });

  it('shows no amount for an invoice recorded before amounts were kept, never one worked out afresh, and refuses its reference to another scheme while it stands', async () => {
    const { invoiced, paid } = under('INV-0050');
    const scheme = await approvedScheme();
    await settle(scheme.id, none, paid);
    // As migration 0029 found a version invoiced and paid before: the days and references, no amounts.
    await database.db.update(schemeVersions).set({ invoicedPence: null, invoicedDeliveredPence: null, invoicedFeePence: null, paidPence: null }).where(eq(schemeVersions.schemeId, scheme.id));
    await database.db.delete(schemeInvoiceReferences).where(eq(schemeInvoiceReferences.schemeId, scheme.id));
    const old = { invoiced: { ...invoiced.invoiced, amount: null }, paid: { ...paid.paid, amountPence: null } };
    expect((await listSchemeVersions(admin(), scheme.id)).items[0]).toMatchObject(old);
    expect((await schemeStatement(manager(), scheme.id, 'C82001')).version).toMatchObject(old);
    // Corrected, it still has none.
    const corrected = { ...paid, paid: { on: '2018-05-31', reference: null } };
    expect((await settle(scheme.id, paid, corrected)).version).toMatchObject({ invoiced: { amount: null }, paid: { amountPence: null } });
    const other = await approvedScheme();
    await expect(settle(other.id, none, invoiced)).rejects.toMatchObject({ problems: [{ field: 'invoiced.reference', message: `INV-0050 is the invoice of version 1 of ${scheme.name}, recorded on 15 May 2018. A reference names one invoice: give this invoice its own reference, or first undo that one` }] });
  });

  it('refuses a stale page, a practice manager, a draft, an invoice dated after today and a scheme that pays for no activity', async () => {
    const { invoiced } = under('INV-0045');
    const scheme = await approvedScheme();
    await settle(scheme.id, none, invoiced);
    await expect(settle(scheme.id, none, { invoiced: { on: '2018-05-16', reference: null }, paid: null })).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('it now reads “Invoiced on 15 May 2018 (ref INV-0045) for £525; not yet paid to practices”'),
    });
    await expect(recordSettlement(manager(), scheme.id, { version: 1, ...none, basedOn: invoiced })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(settle(scheme.id, invoiced, { ...invoiced, paid: { on: '2026-03-02', reference: null } })).rejects.toMatchObject({ problems: [{ field: 'paid.on', message: 'must be today or in the past (today is 1 March 2026)' }] });
    await expect(recordSettlement(admin(), scheme.id, { version: 1, invoiced: { on: '15/05/2018', reference: null }, paid: null, basedOn: invoiced })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'invoiced.on' }] });
    const { scheme: draft } = await createScheme(admin(), makeSchemeRequest());
    await expect(settle(draft.id, none, invoiced)).rejects.toMatchObject({ message: 'Version 1 is a draft: only an approved version’s payments are invoiced' });
    const { scheme: sharing } = await createScheme(admin(), makeSchemeRequest({ ...costed, deliveryModels: [] }));
    await approveScheme(admin(), sharing.id, 1);
    await expect(settle(sharing.id, none, invoiced)).rejects.toMatchObject({ problems: [{ field: 'version', message: 'the scheme has no delivery models and shares no money' }] });
  });

  it('keeps an invoiced version’s terms: no new version is made or approved over it until “invoiced” is undone', async () => {
    const { invoiced } = under('INV-0046');
    const scheme = await approvedScheme();
    const request = makeSchemeRequest(costed);
    const edit = (rowVersion: number) => updateScheme(admin(), scheme.id, { rowVersion, definition: { ...request.definition, id: scheme.slug, fee: { percent: 4 } } });
    // A draft made before the invoice is kept, but cannot be approved over the invoiced version.
    await edit(2);
    await settle(scheme.id, none, invoiced);
    const refusal = { kind: 'conflict', message: expect.stringMatching(/^Version 1 of .+ was invoiced to the commissioner on 15 May 2018, so its terms and activity are settled: a new version would ask for the same activity to be invoiced and paid again\. To run the scheme for another year, start a new scheme from its terms/) };
    await expect(approveScheme(admin(), scheme.id, 3)).rejects.toMatchObject(refusal);
    expect((await listSchemeVersions(admin(), scheme.id)).items.map((v) => [v.version, v.status, v.invoiced?.on ?? null])).toEqual([[1, 'approved', '2018-05-15'], [2, 'draft', null]]);
    // Undone, the correction can be approved, and then invoiced itself: version 2's fee is 4%, £20 on the £500; INV-0046 no longer names version 1's invoice, and the audit says it did (the scheme named as it now is).
    await settle(scheme.id, invoiced, none);
    expect((await approveScheme(admin(), scheme.id, 3)).superseded).toEqual([1]);
    await settle(scheme.id, none, invoiced, 2);
    expect((await auditOf(scheme.id)).at(-1)).toBe(`Version 2: Invoiced: not recorded → 15 May 2018 (ref INV-0046) for £520 (delivered cost £500 and fee £20); INV-0046 was earlier the invoice of version 1 of ${request.definition.name}, recorded on 15 May 2018 for £525, since undone`);
    // The version in force, invoiced, makes no new version either.
    await expect(edit(4)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^Version 2 of .+ was invoiced/) });
    expect((await listSchemeVersions(admin(), scheme.id)).items.map((v) => [v.version, v.status])).toEqual([[1, 'superseded'], [2, 'approved']]);
  });

  it('takes a settled version off the schemes list’s returns and My items, and says whether it was invoiced and paid', async () => {
    const { paid } = under('INV-0047');
    const scheme = await approvedScheme();
    await setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-05-11' });
    const items = async (role: 'admin' | 'practice_manager', practiceCodes: string[]) =>
      (await gatherMyItems(database.db, { personId: 0, userId: null, practiceCodes, role, today: '2018-05-01', until: '2018-05-14' }, [activityReturnItems])).filter((i) => new RegExp(`^/schemes/${scheme.id}[?#]`).test(i.href));
    expect(await items('admin', [])).toHaveLength(1);
    expect(await items('practice_manager', ['C82002'])).toHaveLength(1);
    const overview = async () => (await schemesOverview(admin(), '2018-05-01')).items.find((i) => i.id === scheme.id)!;
    expect(await overview()).toMatchObject({ returns: { kind: 'due' }, payments: { version: 1, ...none } });
    await settle(scheme.id, none, paid);
    expect(await items('admin', [])).toEqual([]);
    expect(await items('practice_manager', ['C82002'])).toEqual([]);
    expect(await overview()).toMatchObject({ returns: { kind: 'settled', invoicedOn: '2018-05-15' }, payments: { version: 1, ...paid } });
  });
});
