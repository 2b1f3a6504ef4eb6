import { describe, expect, it } from 'vitest';
import { findSchemeBySlug } from '../../db/repos/schemes.js';
import { loadIncomeStreams } from '../../db/repos/finance.js';
import { paymentSchedule } from '../../domain/finance/cash-flow.js';
import { datedMoneyNote } from '../../domain/finance/dated-money.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useDemoDatabase } from '../../../test/support/demo-database.js';
import { adminActor, contextFor } from '../../../test/support/factories.js';
import { recordSettlement } from '../schemes/settlement.js';
import { runStoredScheme } from '../schemes/run-stored-scheme.js';
import { cashFlowReport } from './finance-reports.js';

describe.each(databaseKinds)('the cash flow once a linked scheme is invoiced and paid (%s)', (kind) => {
  const demo = useDemoDatabase(kind);
  const admin = () => contextFor(demo(), adminActor);
  const invoiced = { on: '2018-05-15', reference: 'INV-0042' };
  const paid = { on: '2018-05-30', reference: null };
  const month = (flow: Awaited<ReturnType<typeof cashFlowReport>>, m: string) => flow.months.find((row) => row.month === m)!;

  it('moves the winter access scheme’s money from its terms to the invoice and payment dates, and says so', async () => {
    const scheme = (await findSchemeBySlug(demo().db, 'winter-access-2017-18'))!;
    const totals = (await runStoredScheme(admin(), scheme.id)).run.payments!.totals;
    const [invoicePence, practicesPence] = [totals.grandTotal.total, totals.amount.sumOfRoundedRows];
    const stream = (await loadIncomeStreams(demo().db)).find((s) => s.schemeId === scheme.id)!;
    const winterIn = (flow: Awaited<ReturnType<typeof cashFlowReport>>) => flow.receipts.find((r) => r.streamId === stream.id)?.byMonth ?? {};
    const april = (pence: number) => paymentSchedule('2017/18', pence, stream)[11]!.amountPence;
    const [earlier, later] = [await cashFlowReport(admin(), '2017/18'), await cashFlowReport(admin(), '2018/19')];
    // Before the invoice: the scheme gives weeks but no dates, so the stream's terms spread it over 2017/18, the last claim arriving in April 2018.
    expect(Object.values(winterIn(earlier)).reduce((a, b) => a + b, 0)).toBe(invoicePence - april(invoicePence));
    expect(later.datedNote).toBeNull();

    await recordSettlement(admin(), scheme.id, { version: 1, invoiced, paid: null, basedOn: { invoiced: null, paid: null } }, '2026-03-01');
    const [earlierInvoiced, laterInvoiced] = [await cashFlowReport(admin(), '2017/18'), await cashFlowReport(admin(), '2018/19')];
    expect(winterIn(earlierInvoiced)).toEqual({});
    expect(Object.entries(winterIn(laterInvoiced)).filter(([, pence]) => pence !== 0)).toEqual([['2018-06', invoicePence]]);
    expect(month(laterInvoiced, '2018-06').practicePaymentsPence - month(later, '2018-06').practicePaymentsPence).toBe(practicesPence);
    expect(earlierInvoiced.datedNote).toBe(datedMoneyNote(earlierInvoiced));
    expect(earlierInvoiced.datedNote).toContain('expected in June 2018 (2018/19), invoiced on 15 May 2018 (on claim, 1 month in arrears)');
    expect(laterInvoiced.tables[0]!.rows.find((r) => r.month === '2018-06')!.recorded_dates).toBe(`${stream.name}: invoiced 15 May 2018`);

    await recordSettlement(admin(), scheme.id, { version: 1, invoiced, paid, basedOn: { invoiced, paid: null } }, '2026-03-01');
    const laterPaid = await cashFlowReport(admin(), '2018/19');
    expect(month(laterPaid, '2018-05').practicePaymentsPence - month(later, '2018-05').practicePaymentsPence).toBe(practicesPence);
    expect(month(laterPaid, '2018-06').practicePaymentsPence).toBe(month(later, '2018-06').practicePaymentsPence);
    // The year gains the invoice less the practices' payments, and loses the April 2018 claim the terms had put in it.
    expect(laterPaid.closingPence - later.closingPence).toBe(invoicePence - practicesPence - (april(invoicePence) - april(practicesPence)));
    expect(laterPaid.datedNote).toContain('paid to practices in May 2018, on 30 May 2018');

    // Undone again, so the demo's scheme reads as the public plans leave it for the other tests.
    await recordSettlement(admin(), scheme.id, { version: 1, invoiced, paid: null, basedOn: { invoiced, paid } }, '2026-03-01');
    await recordSettlement(admin(), scheme.id, { version: 1, invoiced: null, paid: null, basedOn: { invoiced, paid: null } }, '2026-03-01');
    expect((await cashFlowReport(admin(), '2018/19')).months).toEqual(later.months);
  });
});
