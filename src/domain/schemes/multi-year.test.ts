import { describe, expect, it } from 'vitest';
import { weighPractices } from './apportion.js';
import { buildMultiYearSchedule, yearCostLines, yearKey } from './multi-year.js';
import { participatingPractices } from './practices.js';
import { exact, roundHalfUpToPound, toPence } from './rounding.js';
import { ELR_DATA, loadExample, makeDefinition, makePractice, readRecords } from '../../../test/support/scheme-seeds.js';

// The figures the issue and DOMAIN.md 4.2 give for the NHS England clinical pharmacists scheme.
const input = loadExample('clinical-pharmacists-2018');
const apportionment = weighPractices(participatingPractices(input.practices), input.definition.apportionment);
const schedule = buildMultiYearSchedule(input.definition, apportionment);
const pounds = (pence: number | null) => (pence === null ? null : pence / 100);

describe('buildMultiYearSchedule: clinical pharmacists 2018-2022', () => {
  it.each([
    { year: '2018/19', factor: '1', gross: 180860, funding: 87000, contribution: 93860, perPatient: 1.93 },
    { year: '2019/20', factor: '1.02', gross: 184377, funding: 60000, contribution: 124377, perPatient: 1.97 },
    { year: '2020/21', factor: '1.0404', gross: 187965, funding: 33000, contribution: 154965, perPatient: 2.01 },
    { year: '2021/22', factor: '1.061208', gross: 191624, funding: 0, contribution: 191624, perPatient: 2.05 },
  ])('$year: cost £$gross, funding £$funding, practices pay £$contribution, £$perPatient a patient', ({ year, factor, gross, funding, contribution, perPatient }) => {
    const y = schedule.years.find((s) => s.year === year)!;
    expect([y.upliftFactor, pounds(y.grossPence), pounds(y.fundingPence), pounds(y.contributionPence), pounds(y.costPerPatientPence)]).toEqual([factor, gross, funding, contribution, perPatient]);
  });

  it('totals £744,826 of cost and £564,826 from practices, averaging £1.99 a patient a year', () => {
    expect(schedule.listSizeTotal).toBe(93492);
    expect(pounds(schedule.totals.gross.total)).toBe(744826);
    expect(pounds(schedule.totals.contribution.total)).toBe(564826);
    expect(pounds(schedule.averages.costPerPatientPence)).toBe(1.99);
    expect(pounds(schedule.averages.grossAfterFirstYearPence)).toBe(187989);
  });

  it('keeps the federation support line flat while the pharmacist line uplifts', () => {
    expect(schedule.years.map((y) => y.lines.map((l) => pounds(l.pence)))).toEqual([
      [175860, 5000],
      [179377, 5000],
      [182965, 5000],
      [186624, 5000],
    ]);
  });

  it('charges each practice round(share × the unrounded year figure)', () => {
    for (const practice of schedule.practices) {
      const listSize = exact(practice.listSize!);
      practice.years.forEach((y, i) => {
        const expected = roundHalfUpToPound(exact(schedule.years[i]!.contributionExact).times(listSize).div(93492));
        expect(y.contributionPence).toBe(toPence(expected));
      });
    }
  });

  it('shows the footing of the practice columns, year by year', () => {
    expect(schedule.totals.practicesByYear.map((t) => [t.column, t.footingDifference])).toEqual([
      ['contribution_2018_19', 0],
      ['contribution_2019_20', -100],
      ['contribution_2020_21', 0],
      ['contribution_2021_22', 0],
    ]);
  });

  it.each([
    { variant: { withoutUplift: true }, contributions: [93860, 120860, 147860, 180860] },
    { variant: { withoutFixedLines: true }, contributions: [88860, 119377, 149965, 186624] },
    { variant: { withoutFunding: true }, contributions: [180860, 184377, 187965, 191624] },
  ])('what-if $variant', ({ variant, contributions }) => {
    expect(buildMultiYearSchedule(input.definition, apportionment, variant).years.map((y) => pounds(y.contributionPence))).toEqual(contributions);
  });
});

describe('the two contribution schedules of DOMAIN 4.2, worked here from the seed’s parameters and list sizes', () => {
  const p = new Map(readRecords(`${ELR_DATA}pharmacists-scheme-2018-parameters.csv`).map((r) => [r.parameter!, r.value!]));
  const pay = exact(p.get('pharmacists_awarded')!).times(p.get('pay_rate_per_pharmacist_year1')!);
  const support = exact(p.get('federation_support_per_year')!);
  const factor = (y: number) => exact(1).plus(exact(p.get('pay_uplift_per_year')!).div(100)).pow(y);
  const funding = (y: number) => exact(p.get(`nhse_funding_year${y + 1}`)!);
  const years = Array.from({ length: Number(p.get('scheme_years')) }, (_, y) => y);
  const practices = readRecords(`${ELR_DATA}pharmacists-scheme-2018-practices.csv`).map((r) => ({ name: r.practice_name_in_practices_csv!, list: exact(r.list_size!) }));
  const listTotal = practices.reduce((total, r) => total.plus(r.list), exact(0));
  const contribution = { uplifted_cost: (y: number) => pay.times(factor(y)).plus(support).minus(funding(y)), year_1_cost: (y: number) => pay.plus(support).minus(funding(y)) };
  const year1 = buildMultiYearSchedule(input.definition, apportionment, { withoutUplift: true });
  const allYears = (kind: keyof typeof contribution) => years.reduce((total, y) => total.plus(contribution[kind](y)), exact(0));

  it.each([
    { kind: 'uplifted_cost' as const, built: schedule, label: 'uplifted cost less NHS England funding' },
    { kind: 'year_1_cost' as const, built: year1, label: 'year-1 cost less NHS England funding' },
  ])('$label: each year, each practice and the total, rounded once', ({ kind, built, label }) => {
    expect(built.basis).toEqual({ kind, label });
    expect(built.years.map((y) => y.contributionPence)).toEqual(years.map((y) => toPence(roundHalfUpToPound(contribution[kind](y)))));
    expect(built.totals.contribution.total).toBe(toPence(roundHalfUpToPound(allYears(kind))));
    for (const practice of built.practices) {
      const share = practices.find((r) => r.name === practice.practiceName)!.list.div(listTotal);
      expect(practice.years.map((y) => y.contributionPence), practice.practiceName).toEqual(years.map((y) => toPence(roundHalfUpToPound(contribution[kind](y).times(share)))));
    }
  });

  it('puts the year-1 schedule short by the uplift on pay alone', () => {
    const uplift = years.reduce((total, y) => total.plus(pay.times(factor(y).minus(1))), exact(0));
    expect(schedule.totals.contribution.total - year1.totals.contribution.total).toBe(toPence(roundHalfUpToPound(uplift)));
  });
});

describe('cost model rules', () => {
  const definition = makeDefinition({
    period: { financialYears: ['2020/21', '2021/22'] },
    costModel: { base: [{ label: 'Nurse', amount: 1000 }], annualUpliftPercent: 10, fixedLines: [{ label: 'Rent', quantity: 2, unitCost: 50 }] },
    fundingSources: [{ source: 'ICB', amounts: [2000, 0] }],
  });

  it.each([
    { year: 0, lines: ['1000', '100'] },
    { year: 1, lines: ['1100', '100'] },
  ])('year $year lines', ({ year, lines }) => {
    expect(yearCostLines(definition, year).lines.map((l) => l.amount.toString())).toEqual(lines);
  });

  it('warns when funding is more than the cost', () => {
    const result = buildMultiYearSchedule(definition, weighPractices([makePractice({ listSize: 10 })], definition.apportionment));
    expect(result.years[0]!.contributionPence).toBe(-90000);
    expect(result.warnings.map((w) => w.code)).toEqual(['funding_exceeds_cost']);
  });

  it.each([
    ['2018/19', '2018_19'],
    ['Year 1', 'Year_1'],
  ])('yearKey(%s) = %s', (year, key) => {
    expect(yearKey(year)).toBe(key);
  });
});
