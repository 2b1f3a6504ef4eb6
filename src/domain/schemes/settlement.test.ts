import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors.js';
import { checkSettlementChange, earlierInvoiceWords, invoicedAmountWords, invoiceReferenceProblem, isPaid, keptSettlement, isSettled, periodStart, practicePaymentWords, sameSettlement, settledMessage, settlementChangeWords, settledMoney, settlementStatus, settlementWords, type InvoiceUnderReference, type SettledMoney, type Settlement, type SettlementFacts } from './settlement.js';

const none: Settlement = { invoiced: null, paid: null };
const invoiced: Settlement = { invoiced: { on: '2018-05-15', reference: 'INV-0042' }, paid: null };
const paid: Settlement = { ...invoiced, paid: { on: '2018-05-30', reference: 'BACS run 77' } };
const winter: SettlementFacts = { version: 1, status: 'approved', paysForActivity: true, period: { weeks: 8, financialYears: ['2017/18'] } as SettlementFacts['period'], today: '2026-03-01' };

/** The refusal a change gets: its message and each problem's field and message, or null when it is allowed. */
function refusal(before: Settlement, after: Settlement, facts: Partial<SettlementFacts> = {}, referenceProblem: Problem | null = null) {
  try {
    checkSettlementChange(before, after, { ...winter, ...facts }, referenceProblem);
    return null;
  } catch (error) {
    const { message, problems } = error as { message: string; problems: { field?: string; message: string }[] };
    return { message, problems: problems.map((p) => `${p.field}: ${p.message}`) };
  }
}

describe('checkSettlementChange', () => {
  it.each([
    { case: 'invoicing the version in force', before: none, after: invoiced },
    { case: 'recording the invoice and the payment at once', before: none, after: paid },
    { case: 'paying practices once invoiced', before: invoiced, after: paid },
    { case: 'correcting the invoice’s reference', before: invoiced, after: { ...invoiced, invoiced: { on: '2018-05-15', reference: 'INV-0043' } } },
    { case: 'undoing the payment', before: paid, after: invoiced },
    { case: 'undoing the invoice once nothing is paid', before: invoiced, after: none },
    { case: 'an invoice dated today', before: none, after: { invoiced: { on: '2026-03-01', reference: null }, paid: null } },
    { case: 'an invoice on the day the scheme began', before: none, after: { invoiced: { on: '2017-04-01', reference: null }, paid: null } },
    { case: 'practices paid on the day it was invoiced', before: invoiced, after: { ...invoiced, paid: { on: '2018-05-15', reference: null } } },
    { case: 'paying on a superseded version that was invoiced', before: invoiced, after: paid, facts: { status: 'superseded' } },
    { case: 'undoing the invoice of a superseded version', before: invoiced, after: none, facts: { status: 'superseded' } },
  ])('allows $case', ({ before, after, facts }) => {
    expect(refusal(before, after, facts)).toBeNull();
  });

  it.each([
    { case: 'an invoice dated after today', after: { invoiced: { on: '2026-03-02', reference: null }, paid: null }, problems: ['invoiced.on: must be today or in the past (today is 1 March 2026)'] },
    { case: 'an invoice before the scheme began', after: { invoiced: { on: '2017-03-31', reference: null }, paid: null }, problems: ['invoiced.on: must not be before the scheme began (1 April 2017)'] },
    { case: 'a payment with no invoice', after: { invoiced: null, paid: { on: '2018-05-30', reference: null } }, problems: ['paid: record the invoice first: practices are paid on the figures invoiced'] },
    { case: 'a payment before the invoice', after: { ...invoiced, paid: { on: '2018-05-14', reference: null } }, problems: ['paid.on: must not be before the invoice date (15 May 2018)'] },
    { case: 'a payment dated after today', after: { ...invoiced, paid: { on: '2027-01-01', reference: null } }, problems: ['paid.on: must be today or in the past (today is 1 March 2026)'] },
  ])('refuses $case, naming the field', ({ after, problems }) => {
    expect(refusal(none, after)).toEqual({ message: 'The invoice and payment of version 1 were not recorded', problems });
  });

  it('refuses undoing "invoiced" while a payment is recorded, even with the payment in the same change', () => {
    expect(refusal(paid, none)?.problems).toEqual(['invoiced: undo “paid to practices” first']);
  });

  it.each([
    { case: 'a draft', facts: { status: 'draft' }, message: 'Version 1 is a draft: only an approved version’s payments are invoiced' },
    { case: 'a superseded version not yet invoiced', facts: { status: 'superseded' }, message: 'Version 1 has been superseded: invoice the approved version in force' },
    { case: 'a scheme that pays for no activity', facts: { paysForActivity: false }, message: 'Version 1 pays practices for no delivered activity, so there is no invoice or payment to record' },
  ])('refuses invoicing $case', ({ facts, message }) => {
    expect(refusal(none, invoiced, facts)?.message).toBe(message);
  });
});

describe('periodStart', () => {
  it.each([
    { case: 'a start date', period: { start: '2018-11-01', financialYears: ['2018/19'] }, start: '2018-11-01' },
    { case: 'the first financial year', period: { financialYears: ['2018/19', '2019/20'] }, start: '2018-04-01' },
    { case: 'weeks only', period: {}, start: null },
  ])('$case', ({ period, start }) => {
    expect(periodStart(period)).toBe(start);
  });
});

describe('words', () => {
  it.each([
    { settlement: none, words: 'Not invoiced yet: the figures can change until the federation invoices the commissioner' },
    { settlement: invoiced, words: 'Invoiced on 15 May 2018 (ref INV-0042); not yet paid to practices' },
    { settlement: paid, words: 'Invoiced on 15 May 2018 (ref INV-0042); paid to practices on 30 May 2018 (BACS run 77)' },
    { settlement: { invoiced: { on: '2018-05-15', reference: null }, paid: null }, words: 'Invoiced on 15 May 2018; not yet paid to practices' },
    // The amounts the version kept when each was recorded; none for those recorded before amounts were kept.
    { settlement: { invoiced: { ...invoiced.invoiced!, amount: { totalPence: 7_002_400, deliveredPence: 6_668_900, feePence: 333_400 } }, paid: null }, words: 'Invoiced on 15 May 2018 (ref INV-0042) for £70,024; not yet paid to practices' },
    { settlement: { invoiced: { ...invoiced.invoiced!, amount: { totalPence: 7_002_400, deliveredPence: 6_668_900, feePence: 333_400 } }, paid: { ...paid.paid!, amountPence: 6_669_200 } }, words: 'Invoiced on 15 May 2018 (ref INV-0042) for £70,024; paid £66,692 to practices on 30 May 2018 (BACS run 77)' },
    { settlement: { invoiced: { ...invoiced.invoiced!, amount: null }, paid: { ...paid.paid!, amountPence: null } }, words: 'Invoiced on 15 May 2018 (ref INV-0042); paid to practices on 30 May 2018 (BACS run 77)' },
  ])('says "$words"', ({ settlement, words }) => {
    expect(settlementWords(settlement)).toBe(words);
  });

  it.each([
    { amount: { totalPence: 7_002_400, deliveredPence: 6_668_900, feePence: 333_400 }, words: '£70,024 (delivered cost £66,689 and fee £3,334)' },
    { amount: { totalPence: 19_752_000, deliveredPence: 19_752_000, feePence: null }, words: '£197,520' },
  ])('says an invoice was for $words', ({ amount, words }) => {
    expect(invoicedAmountWords(amount)).toBe(words);
  });

  it.each([
    { before: none, after: invoiced, words: ['Invoiced: not recorded → 15 May 2018 (ref INV-0042)'] },
    { before: invoiced, after: paid, words: ['Paid to practices: not recorded → 30 May 2018 (BACS run 77)'] },
    { before: paid, after: invoiced, words: ['Paid to practices: 30 May 2018 (BACS run 77) → not recorded'] },
    { before: invoiced, after: { invoiced: { on: '2018-05-16', reference: null }, paid: null }, words: ['Invoiced: 15 May 2018 (ref INV-0042) → 16 May 2018'] },
    { before: invoiced, after: invoiced, words: [] },
  ])('audits $words', ({ before, after, words }) => {
    expect(settlementChangeWords(before, after)).toEqual(words);
    expect(sameSettlement(before, after)).toBe(words.length === 0);
  });

  // Two practices paid £2,600 and £0, a third £1,130.50; a 5% fee on £3,730.50 is £186.53: £3,917.03 invoiced.
  const money: SettledMoney = {
    invoicePence: 391_703,
    deliveredPence: 373_050,
    feePence: 18_653,
    practicesPence: 373_050,
    payments: [
      { practiceCode: 'C82001', amountPence: 260_000 },
      { practiceCode: 'C82002', amountPence: 0 },
      { practiceCode: 'C82009', amountPence: 113_050 },
    ],
  };
  it.each([
    { before: none, after: invoiced, words: ['Invoiced: not recorded → 15 May 2018 (ref INV-0042) for £3,917.03 (delivered cost £3,730.50 and fee £186.53)'] },
    { before: invoiced, after: none, words: ['Invoiced: 15 May 2018 (ref INV-0042) for £3,917.03 (delivered cost £3,730.50 and fee £186.53) → not recorded'] },
    { before: none, after: paid, words: ['Invoiced: not recorded → 15 May 2018 (ref INV-0042) for £3,917.03 (delivered cost £3,730.50 and fee £186.53)', 'Paid to practices: not recorded → 30 May 2018 (BACS run 77): £3,730.50 to 2 practices'] },
    { before: paid, after: invoiced, words: ['Paid to practices: 30 May 2018 (BACS run 77): £3,730.50 to 2 practices → not recorded'] },
    { before: invoiced, after: { invoiced: { on: '2018-05-16', reference: null }, paid: null }, words: ['Invoiced: 15 May 2018 (ref INV-0042) → 16 May 2018 for £3,917.03 (delivered cost £3,730.50 and fee £186.53)'] },
  ])('audits $words with the money it was for', ({ before, after, words }) => {
    expect(settlementChangeWords(before, after, money)).toEqual(words);
  });

  const amount = { totalPence: money.invoicePence, deliveredPence: money.deliveredPence, feePence: money.feePence };
  const withAmounts = (s: Settlement, invoiceAmount: typeof amount | null, paidPence: number | null): Settlement => ({
    invoiced: s.invoiced ? { ...s.invoiced, amount: invoiceAmount } : null,
    paid: s.paid ? { ...s.paid, amountPence: paidPence } : null,
  });
  const corrected: Settlement = { invoiced: { on: '2018-05-16', reference: 'INV-0043' }, paid: { on: '2018-05-31', reference: null } };
  it.each([
    { case: 'recording the invoice keeps its total and split', before: none, after: invoiced, kept: withAmounts(invoiced, amount, null) },
    { case: 'recording both keeps the total paid to practices too', before: none, after: paid, kept: withAmounts(paid, amount, money.practicesPence) },
    { case: 'paying keeps the invoice’s amount as it was recorded', before: withAmounts(invoiced, { ...amount, totalPence: 1 }, null), after: paid, kept: withAmounts(paid, { ...amount, totalPence: 1 }, money.practicesPence) },
    { case: 'a correction keeps the amounts it was recorded with', before: withAmounts(paid, amount, 5), after: corrected, kept: withAmounts(corrected, amount, 5) },
    { case: 'a correction of one recorded before amounts were kept keeps none', before: withAmounts(paid, null, null), after: corrected, kept: withAmounts(corrected, null, null) },
    { case: 'an undo keeps none', before: withAmounts(paid, amount, 5), after: none, kept: none },
  ])('keptSettlement: $case', ({ before, after, kept }) => {
    expect(keptSettlement(before, after, money)).toEqual(kept);
  });

  const invoice = (e: Partial<InvoiceUnderReference>): InvoiceUnderReference => ({ schemeId: 7, schemeName: 'Winter access scheme 2017/18', version: 1, on: '2018-05-15', totalPence: 7_002_400, ...e });
  it.each([
    { case: 'a reference no recorded invoice holds', holder: null, message: null },
    { case: 'held by an invoice of another scheme', holder: invoice({ schemeId: 8, schemeName: 'Flu 2018/19', on: '2018-11-02' }), message: 'INV-0042 is the invoice of version 1 of Flu 2018/19, recorded on 2 November 2018 for £70,024. A reference names one invoice: give this invoice its own reference, or first undo that one' },
    { case: 'held by another version of this scheme', holder: invoice({ version: 2 }), message: 'INV-0042 is the invoice of version 2 of Winter access scheme 2017/18, recorded on 15 May 2018 for £70,024. A reference names one invoice: give this invoice its own reference, or first undo that one' },
    { case: 'held by an invoice whose amount is not known', holder: invoice({ totalPence: null }), message: 'INV-0042 is the invoice of version 1 of Winter access scheme 2017/18, recorded on 15 May 2018. A reference names one invoice: give this invoice its own reference, or first undo that one' },
  ])('invoiceReferenceProblem: $case', ({ holder, message }) => {
    expect(invoiceReferenceProblem('INV-0042', holder)).toEqual(message === null ? null : { field: 'invoiced.reference', message });
  });

  it.each([
    { case: 'a reference not used before', earlier: [], words: null },
    { case: 'one invoice, undone', earlier: [invoice({})], words: 'INV-0042 was earlier the invoice of version 1 of Winter access scheme 2017/18, recorded on 15 May 2018 for £70,024, since undone' },
    {
      case: 'two, one of an amount not known',
      earlier: [invoice({ totalPence: null, on: '2018-05-01' }), invoice({ schemeId: 8, schemeName: 'Flu 2018/19', totalPence: 52_500 })],
      words: 'INV-0042 was earlier the invoice of version 1 of Winter access scheme 2017/18, recorded on 1 May 2018 and version 1 of Flu 2018/19, recorded on 15 May 2018 for £525, since undone',
    },
  ])('earlierInvoiceWords: $case', ({ earlier, words }) => {
    expect(earlierInvoiceWords('INV-0042', earlier)).toBe(words);
  });

  it('names the reference’s problem with the rest of a change’s', () => {
    const problem = { field: 'invoiced.reference', message: 'INV-0042 was recorded…' };
    expect(refusal(none, { invoiced: { on: '2026-03-02', reference: 'INV-0042' }, paid: null }, {}, problem)?.problems).toEqual(['invoiced.on: must be today or in the past (today is 1 March 2026)', 'invoiced.reference: INV-0042 was recorded…']);
  });

  it('takes the money from the run: the invoice and fee from the payments’ totals, each practice’s payment from its row; money per head from the shares', () => {
    const total = (value: number) => ({ total: value, sumOfRoundedRows: value });
    const rows = money.payments.map((p) => ({ practiceKey: p.practiceCode, amountPence: p.amountPence }));
    const withActivity = { allocation: { rows: [] }, payments: { rows, totals: { grandTotal: total(money.invoicePence), fee: total(money.feePence!), amount: total(money.practicesPence) } } };
    expect(settledMoney(withActivity as never)).toEqual(money);
    // Each total is rounded once from the unrounded figures, so the rows paid can add up to more than the delivered cost invoiced: both are kept.
    const unfooted = { ...withActivity, payments: { ...withActivity.payments, totals: { ...withActivity.payments.totals, amount: { total: 373_000, sumOfRoundedRows: 373_050 } } } };
    expect(settledMoney(unfooted as never)).toMatchObject({ deliveredPence: 373_000, practicesPence: 373_050 });
    const perHead = { payments: null, allocation: { rows: [{ practiceKey: 'C82001', quantityPence: 93_010 }, { practiceKey: 'C82002', quantityPence: 104_510 }, { practiceKey: 'C82003', quantityPence: null }] } };
    expect(settledMoney(perHead as never)).toEqual({ invoicePence: 197_520, deliveredPence: 197_520, feePence: null, practicesPence: 197_520, payments: [{ practiceCode: 'C82001', amountPence: 93_010 }, { practiceCode: 'C82002', amountPence: 104_510 }] });
  });

  it('tells everyone why a settled version’s returns cannot change, and what would reopen them', () => {
    expect(isSettled(invoiced)).toBe(true);
    expect(isSettled(none)).toBe(false);
    expect(settledMessage(1, '2018-05-15')).toBe(
      'Version 1’s payments were invoiced to the commissioner on 15 May 2018, so its activity returns and hand schedule are settled and can no longer change. To change them, the federation must first undo “invoiced”.',
    );
  });
});

describe('settlementStatus: a version’s payments at a glance', () => {
  it.each([
    { settlement: none, version: undefined, state: 'Not invoiced', days: '' },
    { settlement: none, version: 1, state: 'Not invoiced', days: 'version 1' },
    { settlement: invoiced, version: undefined, state: 'Invoiced', days: 'on 15 May 2018' },
    { settlement: paid, version: undefined, state: 'Paid', days: 'on 30 May 2018, invoiced 15 May 2018' },
    { settlement: paid, version: 1, state: 'Paid', days: 'version 1 on 30 May 2018, invoiced 15 May 2018' },
  ])('$state $days', ({ settlement, version, state, days }) => {
    expect(settlementStatus(settlement, version)).toEqual({ state, days });
  });
});

describe('practicePaymentWords: a practice’s payment under a scheme', () => {
  it.each([
    { settlement: none, paidYet: false, words: 'Not yet paid: the commissioner has not been invoiced yet' },
    { settlement: invoiced, paidYet: false, words: 'Not yet paid: invoiced to the commissioner on 15 May 2018' },
    { settlement: paid, paidYet: true, words: 'Paid to the practice on 30 May 2018' },
  ])('$words', ({ settlement, paidYet, words }) => {
    expect(practicePaymentWords(settlement)).toBe(words);
    expect(isPaid(settlement)).toBe(paidYet);
  });
});
