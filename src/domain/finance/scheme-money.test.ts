import { describe, expect, it } from 'vitest';
import { cashFlow } from './cash-flow.js';
import { incomeAndExpenditure } from './income-expenditure.js';
import { ieWithSchemeFees, type SchemeMoney, schemePaymentYear, withSchemeFigures } from './scheme-money.js';
import { makeStream, seedIe } from '../../../test/support/finance-seeds.js';
import type { IncomeStream } from './types.js';

const timing = { months: null, invoicedOn: null, paidOn: null };
const winter = (figures: SchemeMoney['figures'], note: string | null = null): SchemeMoney => ({ schemeId: 3, name: 'Winter access scheme 2017/18', financialYear: '2017/18', figures, note, timing });

describe('schemePaymentYear: the year a scheme’s activity is paid for', () => {
  it.each<[string, { end?: string; financialYears?: string[] }, string | null]>([
    ['one named year', { financialYears: ['2017/18'] }, '2017/18'],
    ['several years: the last', { financialYears: ['2019/20', '2018/19'] }, '2019/20'],
    ['no years: the year the period ends', { end: '2018-03-31' }, '2017/18'],
    ['a period ending in April is in the new year', { end: '2018-04-01' }, '2018/19'],
    ['neither: not placed', {}, null],
  ])('%s', (_name, period, expected) => {
    expect(schemePaymentYear(period)).toBe(expected);
  });
});

describe('withSchemeFigures: a stream that pays for a scheme', () => {
  // Invoiced £70,014 = £66,680 to practices + £3,334 fee (figures of the shape the engine gives).
  const figures = { invoicePence: 7_001_400, practicesPence: 6_668_000, feePence: 333_400 };
  const stream = makeStream({ id: 9, schemeId: 3, practicesShareBasisPoints: 9500, frequency: 'on_claim', arrearsMonths: 1, amounts: [{ financialYear: '2017/18', amountPence: 8_200_000 }, { financialYear: '2018/19', amountPence: 0 }] });

  it.each<[string, SchemeMoney | undefined, IncomeStream['amounts']]>([
    ['takes the invoice and the practices’ payments for the scheme’s year, timed by the scheme', winter(figures), [{ financialYear: '2017/18', amountPence: 7_001_400, practicesPence: 6_668_000, timing }, { financialYear: '2018/19', amountPence: 0 }]],
    ['keeps the typed amounts until activity is recorded, timed by the scheme', winter(null), [{ ...stream.amounts[0]!, timing }, stream.amounts[1]!]],
    ['keeps them when the scheme names no year', { ...winter(figures), financialYear: null }, stream.amounts],
    ['keeps them when the scheme is not known', undefined, stream.amounts],
  ])('%s', (_name, money, expected) => {
    const [changed] = withSchemeFigures([stream], new Map(money ? [[3, money]] : []));
    expect(changed!.amounts).toEqual(expected);
  });

  it('pays the practices exactly what the engine says, in the stream’s instalments, and leaves other streams alone', () => {
    const other = makeStream({ id: 10, practicesShareBasisPoints: 9500, amounts: [{ financialYear: '2017/18', amountPence: 1_200_000 }] });
    const flow = cashFlow({ financialYear: '2017/18', openingPence: 0, thresholdPence: 0, streams: withSchemeFigures([stream, other], new Map([[3, winter(figures)]])), runningCosts: [] });
    const paid = flow.months.reduce((sum, m) => sum + m.practicePaymentsPence, 0);
    // On claim, one month in arrears: 11 of the 12 monthly claims land in 2017/18.
    const instalment = (total: number, i: number) => Math.floor(total / 12) + (i < total % 12 ? 1 : 0);
    const schemeShare = Array.from({ length: 11 }, (_, i) => instalment(figures.practicesPence, i)).reduce((a, b) => a + b, 0);
    const otherShare = Array.from({ length: 12 }, () => 1_200_000 / 12 * 0.95).reduce((a, b) => a + b, 0);
    expect(paid).toBe(schemeShare + otherShare);
    expect(flow.receipts.find((r) => r.streamId === 9)!.totalPence).toBe(Array.from({ length: 11 }, (_, i) => instalment(figures.invoicePence, i)).reduce((a, b) => a + b, 0));
  });
});

describe('ieWithSchemeFees: the ELR 2018/19 I&E with the winter scheme’s fee worked out', () => {
  const { income, costs } = seedIe();
  const linked = income.map((l) => (l.line === 'Winter scheme 17/18' ? { ...l, schemeId: 3 } : l));
  const planned = linked.find((l) => l.schemeId === 3)!.amountPence;
  const ie = incomeAndExpenditure('2018/19', linked, costs);

  it('keeps the plan’s result and puts the forecast beside it', () => {
    const fees = ieWithSchemeFees(ie, new Map([[3, winter({ invoicePence: 7_001_400, practicesPence: 6_668_000, feePence: 333_400 })]]));
    expect(fees.lines).toEqual([{ lineId: linked.find((l) => l.schemeId === 3)!.id, line: 'Winter scheme 17/18', section: 'secured', schemeId: 3, scheme: 'Winter access scheme 2017/18', plannedPence: planned, workedOutPence: 333_400, differencePence: 333_400 - planned, note: null }]);
    expect(fees.resultPence).toBe(ie.resultPence + 333_400 - planned);
    expect(fees.totalIncomePence).toBe(ie.totalIncomePence + 333_400 - planned);
  });

  it.each<[string, Map<number, SchemeMoney>, string | null]>([
    ['no activity recorded yet', new Map([[3, winter(null, 'No delivered activity is recorded yet')]]), 'No delivered activity is recorded yet'],
    ['the scheme has no fee', new Map([[3, winter({ invoicePence: 6_668_000, practicesPence: 6_668_000, feePence: null })]]), 'The scheme has no fee'],
    ['the scheme is gone', new Map(), null],
  ])('counts the planned figure when %s, and says why', (_name, money, note) => {
    const fees = ieWithSchemeFees(ie, money);
    expect([fees.lines[0]!.workedOutPence, fees.lines[0]!.note]).toEqual([null, note]);
    expect([fees.differencePence, fees.resultPence]).toEqual([0, ie.resultPence]);
  });

  it('has nothing to say when no line is a scheme’s fee', () => {
    expect(ieWithSchemeFees(incomeAndExpenditure('2018/19', income, costs), new Map()).lines).toEqual([]);
  });
});
