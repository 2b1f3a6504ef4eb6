import { describe, expect, it } from 'vitest';
import { contributionBasis, contributionsLabel, hasUpliftedYears } from './contribution-basis.js';
import { makeDefinition } from '../../../test/support/scheme-seeds.js';

const costModel = (annualUpliftPercent: number) => ({ base: [{ label: 'Pharmacist', quantity: 1, unitCost: 50_000 }], annualUpliftPercent, fixedLines: [] });
const twoYears = { start: '2018-04-01', financialYears: ['2018/19', '2019/20'] };
const scheme = (upliftPercent: number, fundingSources: { source: string; amounts: number[] }[], financialYears = twoYears.financialYears) =>
  makeDefinition({ period: { ...twoYears, financialYears }, deliveryModels: [], costModel: costModel(upliftPercent), fundingSources });

describe('contributionBasis', () => {
  it.each([
    { case: 'an uplift and one funder', definition: scheme(2, [{ source: 'NHS England', amounts: [10, 0] }]), uplifted: 'uplifted cost less NHS England funding', year1: 'year-1 cost less NHS England funding', both: true },
    { case: 'a funder that gives nothing is left out', definition: scheme(2, [{ source: 'NHS England', amounts: [10, 0] }, { source: 'ELR CCG', amounts: [0, 0] }]), uplifted: 'uplifted cost less NHS England funding', year1: 'year-1 cost less NHS England funding', both: true },
    { case: 'two funders', definition: scheme(2, [{ source: 'NHS England', amounts: [10, 0] }, { source: 'ELR CCG', amounts: [0, 5] }]), uplifted: 'uplifted cost less NHS England and ELR CCG funding', year1: 'year-1 cost less NHS England and ELR CCG funding', both: true },
    { case: 'no funding', definition: scheme(2, []), uplifted: 'uplifted cost, with no funding', year1: 'year-1 cost, with no funding', both: true },
    { case: 'no uplift: one schedule', definition: scheme(0, [{ source: 'NHS England', amounts: [10, 0] }]), uplifted: 'cost less NHS England funding', year1: 'cost less NHS England funding', both: false },
    { case: 'one year: one schedule', definition: scheme(2, [{ source: 'NHS England', amounts: [10] }], ['2018/19']), uplifted: 'cost less NHS England funding', year1: 'cost less NHS England funding', both: false },
  ])('$case', ({ definition, uplifted, year1, both }) => {
    expect(contributionBasis(definition, 'uplifted_cost')).toEqual({ kind: 'uplifted_cost', label: uplifted });
    expect(contributionBasis(definition, 'year_1_cost')).toEqual({ kind: 'year_1_cost', label: year1 });
    expect(hasUpliftedYears(definition)).toBe(both);
  });

  it('has no schedules to tell apart without a cost model', () => {
    expect(hasUpliftedYears(makeDefinition())).toBe(false);
  });

  it('labels a schedule as the pages show it', () => {
    expect(contributionsLabel({ kind: 'uplifted_cost', label: 'uplifted cost less NHS England funding' })).toBe('Contributions: uplifted cost less NHS England funding');
  });
});
