import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parsePoundsToPence } from '../contracts/pounds-and-years.js';
import { calculateFund } from './fund-calculator.js';
import { checkApprovalDate, checkDrawdown, checkDrawdownDate, checkBusinessCase, checkFitsPot, checkPotsStillCover, commitmentOf, decide, heldBeyondShareSentences, positionOf, withdraw } from './fund-applications.js';
import { formatPence } from '../schemes/format-money.js';

const seed = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(__dirname, '../../../../shared/data', name), 'utf8'), { header: true, skipEmptyLines: true }).data;
const elrPractices = seed('elr/practices.csv').map((p, i) => ({ code: `P${String(i).padStart(5, '0')}`, name: p.practice!, locality: p.locality!, listSize: Number(p.list_size) }));
const transformationRates = seed('elr/per-head-rates.csv')
  .filter((r) => r.scheme === 'Transformation fund (place based integrated services)')
  .map((r) => ({ year: r.financial_year!, ratePence: parsePoundsToPence(r.rate_gbp_per_patient!) }));

describe('the ELR transformation fund (50p in 2017/18, £2 in 2018/19) on the demo federation’s list sizes', () => {
  const fund = calculateFund(transformationRates, elrPractices);

  it('takes the rates from the seed', () => {
    expect(transformationRates).toEqual([
      { year: '2017/18', ratePence: 50 },
      { year: '2018/19', ratePence: 200 },
    ]);
  });

  it('totals £163,627.50 and £654,510 on a list of 327,255: £818,137.50, which is the "£800K over 18 months" rounded down', () => {
    expect(fund.listTotal).toBe(327_255);
    expect(fund.years.map((y) => y.totalPence)).toEqual([16_362_750, 65_451_000]);
    expect(fund.totalPence).toBe(81_813_750);
    // The seed's "about £800K" understates the computed sum by £18,137.50 (2.3%).
    expect(fund.totalPence - 80_000_000).toBe(1_813_750);
  });

  it('shares each year out by list, so the practices and the localities add up exactly to the totals', () => {
    fund.years.forEach((year, y) => {
      expect(fund.practices.reduce((t, p) => t + p.byYearPence[y]!, 0)).toBe(year.totalPence);
      expect(fund.localities.reduce((t, l) => t + l.byYearPence[y]!, 0)).toBe(year.totalPence);
    });
  });

  it('gives each locality its list share, computed from the seed’s locality list totals', () => {
    const localities = seed('elr/localities.csv');
    expect(fund.localities).toHaveLength(localities.length);
    for (const row of localities) {
      const list = Number(row.list_size_total);
      const locality = fund.localities.find((l) => l.name === row.locality)!;
      expect(locality.listSize).toBe(list);
      // 50p and £2 a head are whole pence per patient: no rounding at all.
      expect(locality.byYearPence).toEqual([50 * list, 200 * list]);
    }
    expect(fund.localities.find((l) => l.name === 'Oadby & Wigston')!.totalPence).toBe(250 * 57_684);
  });

  it('hands out pennies by largest remainder when a rate does not divide (a 1p rate on lists of 1 and 2)', () => {
    const odd = calculateFund([{ year: '2018/19', ratePence: 1 }], [
      { code: 'A', name: 'A', locality: 'X', listSize: 1 },
      { code: 'B', name: 'B', locality: 'X', listSize: 2 },
    ]);
    expect(odd.totalPence).toBe(3);
    expect(odd.practices.map((p) => p.totalPence)).toEqual([1, 2]);
  });
});

describe('applications and drawdown', () => {
  const pot = { name: 'Oadby & Wigston', allocatedPence: 100_000, committedPence: 60_000 };

  it.each([
    { case: 'fits what is left exactly', amount: 40_000, committed: 60_000, refusal: null },
    { case: 'a penny over what is left', amount: 40_001, committed: 60_000, refusal: '£400.01 asked for, but only £400 of the fund is left for Oadby & Wigston (£1,000 allocated, £600 of it already asked for or approved)' },
    { case: 'more than is allocated, with more already held than allocated', amount: 1, committed: 100_500, refusal: '£0.01 asked for, but only £0 of the fund is left for Oadby & Wigston (£1,000 allocated, £1,005 of it already asked for or approved)' },
    // Nothing else asked for: the amount is simply more than the pot's whole share.
    { case: 'more than the whole share', amount: 100_001, committed: 0, refusal: '£1,000.01 asked for, but Oadby & Wigston’s share of the fund is only £1,000' },
  ])('an application that would spend money already held is refused in the applicant’s terms, naming the field: $case', ({ amount, committed, refusal }) => {
    const check = () => checkFitsPot(amount, { ...pot, committedPence: committed }, { field: 'lines', words: 'asked for' });
    if (refusal === null) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ kind: 'invalid', message: refusal, problems: [{ field: 'lines', message: refusal }] }));
  });

  it('refuses a change to the fund that would leave a pot holding more than it is allocated, naming each such pot; one that still covers them passes', () => {
    const pots = [
      { name: 'Harborough', allocatedPence: 30_000, committedPence: 30_000 },
      { name: 'Rutland', allocatedPence: 20_000, committedPence: 25_000 },
      { name: 'Kibworth Medical Centre', allocatedPence: 5_000, committedPence: 5_001 },
    ];
    expect(() => checkPotsStillCover(pots.slice(0, 1), 'rates')).not.toThrow();
    const each = 'Rutland would be allocated £200, but its applications already hold £250; Kibworth Medical Centre would be allocated £50, but its applications already hold £50.01';
    expect(() => checkPotsStillCover(pots, 'rates')).toThrow(
      expect.objectContaining({ kind: 'invalid', message: `The fund would no longer cover the applications made to it: ${each}. Keep what it is, or change it so that each share covers what was asked for or approved`, problems: [{ field: 'rates', message: each }] }),
    );
  });

  it('names each pot whose approvals (or drawdowns) a re-sharing outside the fund has left above its share, and no other', () => {
    // Oadby & Wigston's 2018/19 share (57,684 patients at £2) approved in full; then one of its practices leaves the federation.
    const approved = 200 * 57_684;
    const oadbyPractices = elrPractices.filter((p) => p.locality === 'Oadby & Wigston');
    const after = calculateFund([{ year: '2018/19', ratePence: 200 }], elrPractices.filter((p) => p !== oadbyPractices[0]));
    const share = after.localities.find((l) => l.name === 'Oadby & Wigston')!.totalPence;
    expect(share).toBeLessThan(approved);
    const rutland = after.localities.find((l) => l.name === 'Rutland')!.totalPence;
    expect(
      heldBeyondShareSentences([
        { name: 'Oadby & Wigston', allocatedPence: share, approvedPence: approved, drawnPence: 0 },
        { name: 'Rutland', allocatedPence: rutland, approvedPence: rutland, drawnPence: rutland },
        { name: 'Kibworth Medical Centre (C82001)', allocatedPence: 5_000, approvedPence: 6_000, drawnPence: 5_500 },
        { name: 'Two Shires Medical Practice (C82036)', allocatedPence: 0, approvedPence: 0, drawnPence: 100 },
      ]),
    ).toEqual([
      `Oadby & Wigston: £115,368 approved against a share now ${formatPence(share)} after changes to the footprint’s members or their list sizes`,
      'Kibworth Medical Centre (C82001): £60 approved (£55 of it drawn) against a share now £50 after changes to the footprint’s members or their list sizes',
      'Two Shires Medical Practice (C82036): £1 drawn against a share now £0 after changes to the footprint’s members or their list sizes',
    ]);
  });

  it('totals a business case from its costed lines and refuses an empty one', () => {
    expect(checkBusinessCase([{ description: 'Para-medic', amountPence: 3_000_000 }, { description: 'Training', amountPence: 50 }])).toBe(3_000_050);
    expect(() => checkBusinessCase([])).toThrow(/at least one costed line/);
    expect(() => checkBusinessCase([{ description: ' ', amountPence: 5 }])).toThrow(/needs a description/);
  });

  it.each([
    [{ outcome: 'approve' }, { status: 'approved', approvedPence: 1000 }],
    [{ outcome: 'part_approve', approvedPence: 400, reason: 'Phase 1 only' }, { status: 'part_approved', approvedPence: 400 }],
    [{ outcome: 'reject', reason: 'Not in the plan' }, { status: 'rejected', approvedPence: 0 }],
  ] as const)('decides %j', (decision, result) => {
    expect(decide({ status: 'submitted', requestedPence: 1000, approvedPence: null }, decision)).toEqual(result);
  });

  it.each([
    [{ outcome: 'part_approve', approvedPence: 1000, reason: 'x' }, /less than the £10 asked for/],
    [{ outcome: 'part_approve', approvedPence: 500 }, /Say why/],
    [{ outcome: 'reject' }, /Say why/],
  ] as const)('refuses %j', (decision, message) => {
    expect(() => decide({ status: 'submitted', requestedPence: 1000, approvedPence: null }, decision)).toThrow(message);
  });

  it('decides an application once only, and not once withdrawn', () => {
    expect(() => decide({ status: 'approved', requestedPence: 1000, approvedPence: 1000 }, { outcome: 'reject', reason: 'x' })).toThrow(/already been decided/);
    expect(() => decide({ status: 'withdrawn', requestedPence: 1000, approvedPence: null }, { outcome: 'approve' })).toThrow('This application was withdrawn by the applicant, so there is nothing to decide');
  });

  it.each([
    ['submitted', null],
    ['approved', 'This application has already been decided (approved), so it cannot be withdrawn: only an application waiting for a decision can be'],
    ['part_approved', 'This application has already been decided (part-approved), so it cannot be withdrawn: only an application waiting for a decision can be'],
    ['rejected', 'This application has already been decided (rejected), so it cannot be withdrawn: only an application waiting for a decision can be'],
    ['withdrawn', 'This application was withdrawn by the applicant, so it cannot be withdrawn: only an application waiting for a decision can be'],
  ] as const)('withdraws a %s application: %s', (status, refusal) => {
    const application = { status, requestedPence: 1000, approvedPence: status === 'submitted' || status === 'withdrawn' ? null : 600 };
    if (refusal) expect(() => withdraw(application)).toThrow(refusal);
    else expect(withdraw(application)).toEqual({ status: 'withdrawn' });
  });

  it('refuses a drawdown above what was approved, without evidence, or on an undecided application', () => {
    const approved = { status: 'part_approved', requestedPence: 1000, approvedPence: 600 } as const;
    expect(() => checkDrawdown(approved, 400, 200, 'Invoice 17')).not.toThrow();
    expect(() => checkDrawdown(approved, 400, 201, 'Invoice 17')).toThrow(/more than was approved: £6 approved, £4 drawn already, so at most £2 can be drawn/);
    expect(() => checkDrawdown(approved, 0, 100, '')).toThrow(/needs evidence/);
    expect(() => checkDrawdown({ ...approved, status: 'submitted' }, 0, 100, 'x')).toThrow(/approved application/);
  });

  it.each<[string, string, string | null, string | null]>([
    ['on the day it was approved', '2018-06-01', '2018-06-01', null],
    ['a day before it was approved', '2018-05-31', '2018-06-01', '31 May 2018 is before the application was approved, on 1 June 2018'],
    ['with no decision day recorded', '2018-05-31', null, null],
  ])('dates a drawdown %s', (_name, drawnOn, decidedOn, refusal) => {
    const check = () => checkDrawdownDate(drawnOn, ['2018/19'], decidedOn);
    if (refusal) expect(check).toThrow(refusal);
    else expect(check).not.toThrow();
  });

  it.each<[string, string, string[], string | null]>([
    ['on the day the first year starts', '2017-04-01', ['2018/19', '2017/18'], null],
    ['a day before it', '2017-03-31', ['2018/19', '2017/18'], '31 March 2017 is before the fund’s first year, 2017/18, starts on 1 April 2017'],
    ['years written another way', '2010-01-01', ['18/19'], '1 January 2010 is before the fund’s first year, 2018/19, starts on 1 April 2018'],
    ['on the day the last year ends', '2019-03-31', ['2018/19', '2017/18'], null],
    ['a day after it', '2019-04-01', ['2018/19', '2017/18'], '1 April 2019 is after the fund’s last year, 2018/19, ended on 31 March 2019'],
    ['years after it', '2025-06-01', ['2017/18'], '1 June 2025 is after the fund’s last year, 2017/18, ended on 31 March 2018'],
    ['a fund with no years', '2010-01-01', [], null],
  ])('dates a drawdown %s', (_name, drawnOn, years, refusal) => {
    if (refusal) expect(() => checkDrawdownDate(drawnOn, years)).toThrow(refusal);
    else expect(() => checkDrawdownDate(drawnOn, years)).not.toThrow();
  });

  it.each<[string, string, string[], boolean]>([
    ['on the day the last year ends', '2019-03-31', ['2017/18', '2018/19'], true],
    ['during a year', '2018-06-01', ['2018/19'], true],
    ['a day after the last year ends', '2019-04-01', ['2018/19', '2017/18'], false],
    ['months after the last year ended', '2026-11-26', ['2025/26'], false],
    ['for a fund with no years', '2030-01-01', [], true],
  ])('approves %s: %s', (_name, decidedOn, years, allowed) => {
    const check = () => checkApprovalDate(decidedOn, years);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(/^The approval is too late: the fund’s last year, \d{4}\/\d{2}, ended on 31 March \d{4}, so nothing could be drawn/);
  });

  it('shows allocated, waiting, approved, drawn and remaining', () => {
    const apps = [
      { status: 'submitted', requestedPence: 100, approvedPence: null, drawnPence: 0 },
      { status: 'part_approved', requestedPence: 500, approvedPence: 300, drawnPence: 120 },
      { status: 'rejected', requestedPence: 900, approvedPence: 0, drawnPence: 0 },
      // A withdrawn application holds nothing: its money is free again.
      { status: 'withdrawn', requestedPence: 250, approvedPence: null, drawnPence: 0 },
    ] as const;
    expect(apps.map(commitmentOf)).toEqual([100, 300, 0, 0]);
    expect(positionOf('SLAM', 1000, apps)).toEqual({ name: 'SLAM', allocatedPence: 1000, requestedPence: 100, approvedPence: 300, drawnPence: 120, remainingPence: 600 });
  });
});
