import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  decimalPlacesOf,
  describeRoundingRule,
  exact,
  ratio,
  largestRemainder,
  roundByRule,
  roundColumn,
  roundHalfUpTo1dp,
  roundHalfUpTo2dp,
  roundHalfUpToPence,
  roundHalfUpToPound,
  roundHalfUpToWhole,
  roundingRuleLabel,
  toPence,
  totalColumn,
  type RoundingRule,
} from './rounding.js';

const values = (list: readonly (string | number)[]) => list.map((v) => exact(v));
const strings = (list: readonly Decimal[]) => list.map((v) => v.toString());

describe('named half-up rules', () => {
  const cases = [
    { rule: 'roundHalfUpToWhole', round: roundHalfUpToWhole, input: '144.948434706879955997', expected: '145', why: 'Kibworth: 5,100 × 9,301 / 327,255' },
    { rule: 'roundHalfUpToWhole', round: roundHalfUpToWhole, input: '12.4700', expected: '12', why: "Long Clawson's week: 99.78 / 8, not 100 / 8 = 12.5 → 13" },
    { rule: 'roundHalfUpToWhole', round: roundHalfUpToWhole, input: '12.5', expected: '13', why: 'an exact half goes up' },
    { rule: 'roundHalfUpToWhole', round: roundHalfUpToWhole, input: '2.5', expected: '3', why: "banker's rounding would give 2" },
    { rule: 'roundHalfUpToWhole', round: roundHalfUpToWhole, input: '1642.5', expected: '1643', why: "Billesdon's delivered cost: 25 × £12.50 + 84 × £95/6" },
    { rule: 'roundHalfUpToWhole', round: roundHalfUpToWhole, input: '-2.5', expected: '-3', why: 'ties go away from zero' },
    { rule: 'roundHalfUpTo1dp', round: roundHalfUpTo1dp, input: '2.5670', expected: '2.6', why: 'Oakham pharmacist days: 16,000 / 93,492 × 15' },
    { rule: 'roundHalfUpTo1dp', round: roundHalfUpTo1dp, input: '0.6418', expected: '0.6', why: 'Market Overton pharmacist days' },
    { rule: 'roundHalfUpTo1dp', round: roundHalfUpTo1dp, input: '1.25', expected: '1.3', why: 'an exact half goes up' },
    { rule: 'roundHalfUpTo2dp', round: roundHalfUpTo2dp, input: '2.842126', expected: '2.84', why: 'Kibworth share %' },
    { rule: 'roundHalfUpTo2dp', round: roundHalfUpTo2dp, input: '7.4973', expected: '7.5', why: 'Market Harborough share %' },
    { rule: 'roundHalfUpToPound', round: roundHalfUpToPound, input: '1282.5', expected: '1283', why: "Croft's 81 GP appointments" },
    { rule: 'roundHalfUpToPound', round: roundHalfUpToPound, input: '66689.1666', expected: '66689', why: 'winter delivered cost' },
    { rule: 'roundHalfUpToPound', round: roundHalfUpToPound, input: '3334.4583', expected: '3334', why: 'winter 5% fee' },
    { rule: 'roundHalfUpToPound', round: roundHalfUpToPound, input: '70023.625', expected: '70024', why: 'winter grand total: 1.05 × 66,689.17' },
    { rule: 'roundHalfUpToPound', round: roundHalfUpToPound, input: '184377.2', expected: '184377', why: 'pharmacist cost, year 2' },
    { rule: 'roundHalfUpToPound', round: roundHalfUpToPound, input: '187964.744', expected: '187965', why: 'pharmacist cost, year 3' },
    { rule: 'roundHalfUpToPence', round: roundHalfUpToPence, input: '1.9345', expected: '1.93', why: 'pharmacist cost per patient, year 1' },
    { rule: 'roundHalfUpToPence', round: roundHalfUpToPence, input: '2.0496', expected: '2.05', why: 'pharmacist cost per patient, year 4' },
    { rule: 'roundHalfUpToPence', round: roundHalfUpToPence, input: '2.675', expected: '2.68', why: 'float toFixed(2) gives 2.67' },
    { rule: 'roundHalfUpToPence', round: roundHalfUpToPence, input: '1.005', expected: '1.01', why: 'float 1.005 × 100 is 100.4999…' },
  ];

  it.each(cases)('$rule($input) = $expected: $why', ({ round, input, expected }) => {
    expect(round(exact(input)).toString()).toBe(expected);
  });

  it('guards half-up against a quotient that lands a hair below the half', () => {
    // Three GP appointments priced per appointment (95 / 6 first): 47.4999…9 at 60 digits, exactly 47.5 in truth.
    const cost = exact(95).div(6).times(3);
    expect(cost.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString()).toBe('47');
    expect(roundHalfUpToPound(cost).toString()).toBe('48');
  });

  it('keeps 81 × 95 / 6 exactly £1,282.50 by multiplying before dividing', () => {
    expect(exact(81).times(95).div(6).toString()).toBe('1282.5');
    expect(roundHalfUpToPound(exact(81).times(95).div(6)).toString()).toBe('1283');
  });
});

describe('rules by name', () => {
  it.each([
    ['half_up_whole', '144.5', '145'],
    ['half_up_1dp', '0.65', '0.7'],
    ['half_up_2dp', '10.855', '10.86'],
    ['half_up_pound', '226.48', '226'],
    ['half_up_pence', '1.9917', '1.99'],
    ['largest_remainder_whole', '144.5', '145'],
    ['largest_remainder_1dp', '0.65', '0.7'],
    ['largest_remainder_pound', '0.5', '1'],
    ['largest_remainder_pence', '0.005', '0.01'],
  ] as const)('roundByRule(%s, %s) = %s', (rule: RoundingRule, input, expected) => {
    expect(roundByRule(exact(input), rule).toString()).toBe(expected);
  });

  it.each([
    ['half_up_whole', ['1.5', '1.5', '1'], ['2', '2', '1']],
    ['largest_remainder_whole', ['1.5', '1.5', '1'], ['2', '1', '1']],
    ['largest_remainder_whole', ['0.4', '0.4', '0.2'], ['1', '0', '0']],
    ['largest_remainder_1dp', ['0.33', '0.33', '0.34'], ['0.3', '0.3', '0.4']],
    ['largest_remainder_pound', ['33.34', '33.33', '33.33'], ['34', '33', '33']],
    ['half_up_pence', ['0.125', '0.135'], ['0.13', '0.14']],
  ] as const)('roundColumn(%s) %j → %j', (rule: RoundingRule, input, expected) => {
    expect(strings(roundColumn(values(input), rule))).toEqual(expected);
  });
});

describe('rule wording', () => {
  it.each([
    ['half_up_pound', 'half-up to a whole pound', 'half-up to a whole pound, from the unrounded figure'],
    ['half_up_1dp', 'half-up to 1 decimal place', 'half-up to 1 decimal place, from the unrounded figure'],
    ['largest_remainder_whole', 'largest remainder to whole numbers', 'largest remainder to whole numbers, so the rows add up exactly to the rounded total'],
  ] as const)('%s reads "%s"', (rule, label, sentence) => {
    expect([roundingRuleLabel(rule), describeRoundingRule(rule)]).toEqual([label, sentence]);
  });

  it.each([
    ['half_up_whole', 0],
    ['half_up_1dp', 1],
    ['half_up_pence', 2],
    ['largest_remainder_pound', 0],
  ] as const)('%s rounds to %i places', (rule, places) => {
    expect(decimalPlacesOf(rule)).toBe(places);
  });
});

describe('largestRemainder', () => {
  it.each([
    { name: 'thirds of 100', input: ['33.333', '33.333', '33.334'], places: 0, target: undefined, expected: ['33', '33', '34'] },
    { name: 'tie goes to the larger value', input: ['2.5', '1.5', '1'], places: 0, target: undefined, expected: ['3', '1', '1'] },
    { name: 'equal ties go to the earlier row', input: ['0.5', '0.5'], places: 0, target: undefined, expected: ['1', '0'] },
    { name: 'five equal halves: the earlier rows, in order', input: ['0.5', '0.5', '0.5', '0.5', '0.5'], places: 0, target: undefined, expected: ['1', '1', '1', '0', '0'] },
    // 1 + 1 floors, 3 units missing: round the rows again, largest remainder first.
    { name: 'a target more than a unit a row away goes round again', input: ['1.4', '1.4'], places: 0, target: '5', expected: ['3', '2'] },
    { name: 'a target below the floors takes from the smallest remainder first', input: ['1.6', '1.2'], places: 0, target: '1', expected: ['1', '0'] },
    { name: 'no rows share nothing, whatever the target', input: [], places: 0, target: '5', expected: [] },
    { name: 'an explicit target', input: ['1.2', '1.2', '1.2'], places: 0, target: '4', expected: ['2', '1', '1'] },
    { name: 'a target below the floors takes units back', input: ['1.2', '1.7'], places: 0, target: '1', expected: ['0', '1'] },
    { name: 'to 1 dp', input: ['1.25', '1.25', '2.5'], places: 1, target: undefined, expected: ['1.3', '1.2', '2.5'] },
  ])('$name', ({ input, places, target, expected }) => {
    expect(strings(largestRemainder(values(input), places, target === undefined ? undefined : exact(target)))).toEqual(expected);
  });
});

describe('totalColumn', () => {
  const rows = values(['0.6', '0.6', '0.6']);
  it.each([
    { totalsRule: 'round_unrounded_sum' as const, total: 2, sum: 3, difference: 1 },
    { totalsRule: 'sum_of_rounded_rows' as const, total: 3, sum: 3, difference: 0 },
  ])('$totalsRule: TOTAL $total, rows add to $sum', ({ totalsRule, total, sum, difference }) => {
    const result = totalColumn('x', rows, roundColumn(rows, 'half_up_whole'), 'half_up_whole', totalsRule, false);
    expect(result).toMatchObject({ total, sumOfRoundedRows: sum, footingDifference: difference, exact: '1.8' });
  });

  it('gives money totals in pence', () => {
    const money = values(['1282.5', '1642.5']);
    expect(totalColumn('cost', money, roundColumn(money, 'half_up_pound'), 'half_up_pound', 'round_unrounded_sum', true)).toMatchObject({ total: 292500, sumOfRoundedRows: 292600, footingDifference: 100 });
  });
});

describe('toPence', () => {
  it.each([
    ['1283', 128300],
    ['1.93', 193],
    ['0', 0],
    ['-21386', -2138600],
  ])('£%s is %i pence', (pounds, pence) => {
    expect(toPence(exact(pounds))).toBe(pence);
  });

  it('refuses a fraction of a penny', () => {
    expect(() => toPence(exact('1.005'))).toThrow(/whole number of pence/);
  });

  // The engine's own figures are exact ratios: the same pence, and the same refusal.
  it.each([
    ['1282.5', 128250],
    ['1283', 128300],
    ['0.01', 1],
    ['-0.01', -1],
    ['0', 0],
    ['-21386', -2138600],
  ])('the ratio £%s is %i pence', (pounds, pence) => {
    expect(toPence(ratio(pounds))).toBe(pence);
  });

  it.each([
    ['a third of a pound', ratio(1).div(3)],
    ['a tenth of a penny', ratio('1.001')],
    ['half a penny', ratio('0.005')],
  ])('refuses %s as a ratio', (_case, pounds) => {
    expect(() => toPence(pounds)).toThrow(/whole number of pence/);
  });
});
