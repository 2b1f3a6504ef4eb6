import { describe, expect, it } from 'vitest';
import { cashFlow, paymentSchedule } from './cash-flow.js';
import { makeStream, seedIe } from '../../../test/support/finance-seeds.js';
import type { PaymentTerms } from './types.js';
import { shareOf } from './money.js';
import { monthsOf } from './financial-year.js';

describe('paymentSchedule: when a year’s amount is paid', () => {
  it('pays a year before 2000 in its own months: 1999/00 monthly is April 1999 to March 2000', () => {
    expect(paymentSchedule('1999/00', 1_200, { frequency: 'monthly', arrearsMonths: 0 }).map((i) => i.month)).toEqual(monthsOf('1999/00'));
  });

  it.each<[string, PaymentTerms, [string, number][]]>([
    ['quarterly, two months in arrears', { frequency: 'quarterly', arrearsMonths: 2 }, [['2018-08', 50_000], ['2018-11', 50_000], ['2019-02', 50_000], ['2019-05', 50_000]]],
    ['quarterly, no arrears', { frequency: 'quarterly', arrearsMonths: 0 }, [['2018-06', 50_000], ['2018-09', 50_000], ['2018-12', 50_000], ['2019-03', 50_000]]],
    ['annually, one month in arrears', { frequency: 'annually', arrearsMonths: 1 }, [['2019-04', 200_000]]],
  ])('%s', (_name, terms, expected) => {
    expect(paymentSchedule('2018/19', 20_000_000, terms).map((i) => [i.month, i.amountPence / 100])).toEqual(expected);
  });

  it('pays monthly and on-claim amounts each month, odd pence first, adding up exactly', () => {
    const months = paymentSchedule('2018/19', 17_362_000, { frequency: 'on_claim', arrearsMonths: 1 });
    expect(months.map((m) => m.month)).toEqual(['2018-05', '2018-06', '2018-07', '2018-08', '2018-09', '2018-10', '2018-11', '2018-12', '2019-01', '2019-02', '2019-03', '2019-04']);
    expect(months.map((m) => m.amountPence).slice(3, 5)).toEqual([1_446_834, 1_446_833]);
    expect(months.reduce((sum, m) => sum + m.amountPence, 0)).toBe(17_362_000);
  });
});

describe('cashFlow, ELR 2018/19', () => {
  const { costs } = seedIe();
  // The council's CBS contract: £200,000 a year, paid quarterly two months in arrears, 95% paid on to the practices.
  const cbs = makeStream({ id: 7, name: 'CBS', funder: 'LCC / RCC', frequency: 'quarterly', arrearsMonths: 2, practicesShareBasisPoints: 9500, amounts: ['2017/18', '2018/19', '2019/20'].map((financialYear) => ({ financialYear, amountPence: 20_000_000 })) });
  const flow = cashFlow({ financialYear: '2018/19', openingPence: 5_603_200, thresholdPence: 2_000_000, streams: [cbs], runningCosts: costs });

  it('brings last year’s final quarter in, in May, and this year’s final quarter goes to next year', () => {
    const receipts = Object.fromEntries(flow.months.map((m) => [m.month, m.receiptsPence / 100]));
    expect(receipts).toMatchObject({ '2018-05': 50_000, '2018-08': 50_000, '2018-11': 50_000, '2019-02': 50_000, '2018-04': 0, '2019-03': 0 });
    expect(flow.months.find((m) => m.month === '2018-05')!.practicePaymentsPence / 100).toBe(47_500);
  });

  it('carries each month’s closing balance into the next and ends where the year’s sums say', () => {
    for (let i = 1; i < 12; i++) expect(flow.months[i]!.openingPence).toBe(flow.months[i - 1]!.closingPence);
    expect(flow.closingPence / 100).toBe(56_032 + 200_000 - 190_000 - 173_620);
    expect(flow.months[0]!.closingPence).toBe(5_603_200 - 1_446_834);
  });

  it('marks the months that end below the threshold', () => {
    expect(flow.monthsBelowThreshold[0]).toBe('2018-06');
    expect(flow.months.filter((m) => m.belowThreshold).map((m) => m.month)).toEqual(flow.monthsBelowThreshold);
    expect(flow.lowestPence).toBe(flow.closingPence);
  });
});

describe('cashFlow: what goes on to the practices', () => {
  it.each([
    ['95% of £10,000.10 paid monthly', 1_000_010, 9500],
    ['33.33% of £10,000.10 paid monthly', 1_000_010, 3333],
    ['95% of £173,620 paid monthly', 17_362_000, 9500],
  ])('%s: the share of the year, rounded once as the I&E rounds it, spread over the instalments', (_name, amountPence, basisPoints) => {
    const stream = makeStream({ id: 1, name: 'Monthly', funder: 'ICB', frequency: 'monthly', arrearsMonths: 0, practicesShareBasisPoints: basisPoints, amounts: [{ financialYear: '2018/19', amountPence }] });
    const flow = cashFlow({ financialYear: '2018/19', openingPence: 0, thresholdPence: 0, streams: [stream], runningCosts: [] });
    expect(flow.months.reduce((sum, m) => sum + m.practicePaymentsPence, 0)).toBe(shareOf(amountPence, basisPoints));
    expect(flow.months.map((m) => m.practicePaymentsPence)).toEqual(paymentSchedule('2018/19', shareOf(amountPence, basisPoints), stream).map((i) => i.amountPence));
  });
});
