import { describe, expect, it } from 'vitest';
import { findDoubleCounting, NO_FUNDER, streamTotals } from './stream-totals.js';
import { makeStream, readSeed, seedStreams } from '../../../test/support/finance-seeds.js';
import { savingsTable } from './presenters.js';
import type { CostSaving } from './types.js';
import { TOTAL_LABEL } from '../schemes/report-columns.js';

/** The figures for the ELR income table, in pounds. */
const secured = { '2017/18': 461_500, '2018/19': 445_000, '2019/20': 260_000 };
const potential = { '2017/18': 0, '2018/19': 135_000, '2019/20': 180_000 };

describe('income stream totals (ELR seed)', () => {
  const totals = streamTotals(seedStreams());

  it('adds the seed rows up to the secured and potential totals the seed prints', () => {
    expect(totals.years).toEqual(Object.keys(secured));
    for (const year of totals.years) {
      expect(totals.byYear[year]!.secured / 100).toBe(secured[year as keyof typeof secured]);
      expect(totals.byYear[year]!.potential / 100).toBe(potential[year as keyof typeof potential]);
    }
    expect(totals.secured / 100).toBe(1_166_500);
    expect(totals.potential / 100).toBe(315_000);
  });

  it('agrees with the row totals in checks.csv', () => {
    const checks = readSeed('checks.csv').filter((c) => c.table === 'income-streams.csv' && /^(secured|potential) (sub)?total/.test(c.check!));
    expect(checks.length).toBe(8);
    for (const check of checks) {
      const [kind, , year] = check.check!.split(' ');
      const value = year ? totals.byYear[year]![kind as 'secured'] : totals[kind as 'secured'];
      expect(value / 100, check.check).toBe(Number(check.computed));
    }
  });

  it('keeps a stream with no funder under its own heading', () => {
    expect(totals.funders.map((f) => f.funder)).toContain(NO_FUNDER);
  });

  it.each([
    { endDate: '2018-03-31', counted: { '2017/18': 100, '2018/19': 0 }, why: 'its money came in up to its end, and none after' },
    { endDate: '2018-04-01', counted: { '2017/18': 100, '2018/19': 200 }, why: 'a year that began by its end counts' },
    { endDate: null, counted: { '2017/18': 0, '2018/19': 0 }, why: 'with no end date, it counts in no year' },
  ])('counts an ended stream ending $endDate as secured in $counted: $why', ({ endDate, counted }) => {
    const amounts = [{ financialYear: '2017/18', amountPence: 100 }, { financialYear: '2018/19', amountPence: 200 }];
    const ended = streamTotals([makeStream({ status: 'ended', endDate, amounts })]);
    expect(Object.fromEntries(Object.entries(ended.byYear).map(([year, t]) => [year, t.secured]))).toEqual(counted);
    expect(ended.potential).toBe(0);
  });
});

describe('money counted twice', () => {
  it('flags demand management 2018/19, listed as both secured and potential, and nothing else in the seed', () => {
    const found = findDoubleCounting(seedStreams());
    expect(found.map((f) => [f.name, f.financialYear, f.securedPence / 100, f.potentialPence / 100])).toEqual([['Demand management', '2018/19', 33_000, 33_000]]);
    expect(found[0]!.message).toMatch(/counted twice/);
  });

  it.each([
    ['different names', 'Demand management', 'Urgent care', 1],
    ['a zero amount on one side', 'Demand management', 'demand  Management', 0],
  ])('does not flag %s', (_case, securedName, potentialName, potentialAmount) => {
    const streams = [
      makeStream({ id: 1, name: securedName, amounts: [{ financialYear: '2018/19', amountPence: 100 }] }),
      makeStream({ id: 2, name: potentialName, status: 'potential', amounts: [{ financialYear: '2018/19', amountPence: potentialAmount }] }),
    ];
    expect(findDoubleCounting(streams)).toEqual([]);
  });
});

describe('the cost savings total', () => {
  const saving = (id: number, expectedPence: number, realisedPence: number | null): CostSaving => ({ id, initiative: `Saving ${id}`, financialYear: '2018/19', expectedPence, realisedPence, beneficiary: 'practices' });
  const total = (rows: CostSaving[]) => savingsTable(rows).rows.find((r) => r.initiative === TOTAL_LABEL)!;

  it('leaves realised blank while no saving has a realised figure, rather than claiming 0', () => {
    expect(total([saving(1, 100_000, null), saving(2, 50_000, null)])).toMatchObject({ expected: 1_500, realised: null });
  });

  it('adds up the realised figures once any is known', () => {
    expect(total([saving(1, 100_000, 80_000), saving(2, 50_000, null)])).toMatchObject({ expected: 1_500, realised: 800 });
  });
});
