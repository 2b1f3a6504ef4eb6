import { describe, expect, it } from 'vitest';
import { demoStream } from '../../../test/support/finance-seeds.js';
import { loadExample } from '../../../test/support/scheme-seeds.js';
import { formatLongDate } from '../iso-date.js';
import { runScheme } from '../schemes/run-scheme.js';
import { formatPence } from '../schemes/format-money.js';
import { cashFlow, paymentSchedule } from './cash-flow.js';
import { datedMoneyNote, datedWords } from './dated-money.js';
import { monthsOf } from './financial-year.js';
import { splitPence } from './money.js';
import { cashFlowTable, cashFlowTableWithNote } from './presenters.js';
import { type SchemeMoney, schemePaymentYear, schemePeriodMonths, withSchemeFigures } from './scheme-money.js';
import type { PaymentTerms, SchemeTiming } from './types.js';

/**
 * The demo's winter access scheme 2017/18 and the stream that pays for it (on claim, one month in
 * arrears, 95% to practices), with the figures the schemes engine works out from its returns.
 */
const example = loadExample('winter-access-2017-18');
const payments = runScheme(example).payments!;
const figures = { invoicePence: payments.totals.grandTotal.total, practicesPence: payments.totals.amount.sumOfRoundedRows, feePence: payments.totals.fee?.total ?? null };
const stream = { ...demoStream('Winter access scheme', 'secured', 4), schemeId: 3 };
const schemeYear = schemePaymentYear(example.definition.period)!;
const money = (timing: Partial<SchemeTiming>): Map<number, SchemeMoney> =>
  new Map([[3, { schemeId: 3, name: example.definition.name, financialYear: schemeYear, figures, note: null, timing: { months: schemePeriodMonths(example.definition.period), invoicedOn: null, paidOn: null, ...timing } }]]);
const flowOf = (year: string, timing: Partial<SchemeTiming>) => cashFlow({ financialYear: year, openingPence: 0, thresholdPence: 0, streams: withSchemeFigures([stream], money(timing)), runningCosts: [] });
const byMonth = (flow: ReturnType<typeof cashFlow>, key: 'receiptsPence' | 'practicePaymentsPence') => Object.fromEntries(flow.months.filter((m) => m[key] !== 0).map((m) => [m.month, m[key]]));

describe('schemePeriodMonths: the months a scheme runs', () => {
  it.each<[string, Parameters<typeof schemePeriodMonths>[0], string[] | null]>([
    ['the demo’s winter scheme: 8 weeks and a year, no dates', example.definition.period, null],
    ['8 weeks from 4 December 2017', { start: '2017-12-04', weeks: 8 }, ['2017-12', '2018-01']],
    ['8 weeks to 31 March 2018', { end: '2018-03-31', weeks: 8 }, ['2018-02', '2018-03']],
    ['a start and an end', { start: '2018-11-01', end: '2019-01-31', weeks: 2 }, ['2018-11', '2018-12', '2019-01']],
    ['a start and the financial year', { start: '2018-01-15', financialYears: ['2017/18'] }, ['2018-01', '2018-02', '2018-03']],
    ['a start alone', { start: '2018-01-15' }, null],
  ])('%s', (_name, period, expected) => {
    expect(schemePeriodMonths(period)).toEqual(expected);
  });
});

describe('paymentSchedule over a scheme’s months', () => {
  const amount = figures.invoicePence;
  it.each<[string, PaymentTerms, string[], string[]]>([
    ['on claim, 1 month in arrears, December–January', { frequency: 'on_claim', arrearsMonths: 1 }, ['2017-12', '2018-01'], ['2018-01', '2018-02']],
    ['quarterly, 2 months in arrears, December–January: the two quarters it touches', { frequency: 'quarterly', arrearsMonths: 2 }, ['2017-12', '2018-01'], ['2018-02', '2018-05']],
    ['annually, no arrears, December–January', { frequency: 'annually', arrearsMonths: 0 }, ['2017-12', '2018-01'], ['2018-03']],
    ['on claim, 1 month in arrears, one invoice in May 2018', { frequency: 'on_claim', arrearsMonths: 1 }, ['2018-05'], ['2018-06']],
  ])('%s', (_name, terms, months, paidIn) => {
    const schedule = paymentSchedule(schemeYear, amount, terms, months);
    expect(schedule.map((i) => i.month)).toEqual(paidIn);
    expect(schedule.map((i) => i.amountPence)).toEqual(splitPence(amount, paidIn.length));
  });

  it('is the whole year’s schedule when given the year’s months', () => {
    const terms: PaymentTerms = { frequency: 'quarterly', arrearsMonths: 2 };
    expect(paymentSchedule('2018/19', amount, terms, monthsOf('2018/19'))).toEqual(paymentSchedule('2018/19', amount, terms));
  });
});

describe('cashFlow: the demo’s winter access stream as the scheme is invoiced and paid', () => {
  const [receivedOn, paidOn] = ['2018-05-15', '2018-05-30'];

  it('before the invoice, with no dates to place it, spreads the worked-out invoice over 2017/18 by the stream’s terms', () => {
    const flow = flowOf('2017/18', {});
    const expected = paymentSchedule(schemeYear, figures.invoicePence, stream).filter((i) => monthsOf('2017/18').includes(i.month));
    expect(byMonth(flow, 'receiptsPence')).toEqual(Object.fromEntries(expected.map((i) => [i.month, i.amountPence])));
    expect([flow.dated, datedMoneyNote(flow)]).toEqual([[], null]);
  });

  it('before the invoice, with dates (8 weeks from 4 December 2017), spreads it over the period’s months only', () => {
    const months = schemePeriodMonths({ ...example.definition.period, start: '2017-12-04' })!;
    const flow = flowOf('2017/18', { months });
    const [first, second] = splitPence(figures.invoicePence, 2);
    const [paidFirst, paidSecond] = splitPence(figures.practicesPence, 2);
    expect(byMonth(flow, 'receiptsPence')).toEqual({ '2018-01': first, '2018-02': second });
    expect(byMonth(flow, 'practicePaymentsPence')).toEqual({ '2018-01': paidFirst, '2018-02': paidSecond });
  });

  it('once invoiced on 15 May 2018, expects the whole invoice in June 2018 (2018/19) and none of it in 2017/18', () => {
    const before = flowOf('2017/18', { invoicedOn: receivedOn });
    const after = flowOf('2018/19', { invoicedOn: receivedOn });
    expect(byMonth(before, 'receiptsPence')).toEqual({});
    expect(byMonth(after, 'receiptsPence')).toEqual({ '2018-06': figures.invoicePence });
    // Not yet paid: the practices' payments go on with the money, as any stream's do.
    expect(byMonth(after, 'practicePaymentsPence')).toEqual({ '2018-06': figures.practicesPence });
    expect(datedMoneyNote(before)).toBe(`From recorded dates rather than payment terms: ${stream.name} ${schemeYear}: ${formatPence(figures.invoicePence)} expected in June 2018 (2018/19), invoiced on ${formatLongDate(receivedOn)} (on claim, 1 month in arrears).`);
  });

  it('once paid to practices on 30 May 2018, pays them in May and says which months the recorded dates place', () => {
    const flow = flowOf('2018/19', { invoicedOn: receivedOn, paidOn });
    expect(byMonth(flow, 'practicePaymentsPence')).toEqual({ '2018-05': figures.practicesPence });
    expect(flow.closingPence).toBe(figures.invoicePence - figures.practicesPence);
    expect(datedMoneyNote(flow)).toBe(`From recorded dates rather than payment terms: ${stream.name} ${schemeYear}: ${formatPence(figures.invoicePence)} expected in June 2018, invoiced on 15 May 2018 (on claim, 1 month in arrears); ${formatPence(figures.practicesPence)} paid to practices in May 2018, on 30 May 2018.`);
    const table = cashFlowTable(flow);
    expect(table.columns.at(-1)!.label).toBe('Recorded dates');
    expect(Object.fromEntries(table.rows.filter((r) => r.recorded_dates).map((r) => [r.month, r.recorded_dates]))).toEqual({ '2018-05': datedWords(flow, '2018-05'), '2018-06': datedWords(flow, '2018-06') });
    expect(datedWords(flow, '2018-05')).toBe(`${stream.name}: paid to practices 30 May 2018`);
  });

  it('leaves the table’s columns alone while nothing is dated', () => {
    expect(cashFlowTable(flowOf('2017/18', {})).columns.map((c) => c.key)).not.toContain('recorded_dates');
    expect(cashFlowTableWithNote(cashFlowTable(flowOf('2017/18', {})), datedMoneyNote(flowOf('2017/18', {})))).toEqual(cashFlowTable(flowOf('2017/18', {})));
  });

  it.each([
    { case: 'a year whose months the recorded dates place', year: '2018/19' },
    // 2017/18's invoice moved whole into June 2018: no month of the year names it, so only the sentence says where it went.
    { case: 'a year whose money they moved out of it', year: '2017/18' },
  ])('gives a CSV the sentence the page shows, in the TOTAL row’s “Recorded dates”: $case', ({ year }) => {
    const flow = flowOf(year, { invoicedOn: receivedOn, paidOn });
    const table = cashFlowTableWithNote(cashFlowTable(flow), datedMoneyNote(flow));
    expect(table.columns.at(-1)).toMatchObject({ key: 'recorded_dates', label: 'Recorded dates' });
    expect(table.rows.at(-1)).toMatchObject({ month: 'TOTAL', recorded_dates: datedMoneyNote(flow) });
    // Each month keeps what it had.
    expect(table.rows.slice(0, -1)).toEqual(cashFlowTable(flow).rows.slice(0, -1));
  });
});
