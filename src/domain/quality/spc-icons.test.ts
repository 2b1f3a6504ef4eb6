import { describe, expect, it } from 'vitest';
import { RMersenneTwister } from './r-mersenne-twister.js';
import { calculateSpc } from './spc.js';
import { assuranceIcon } from './spc-icons.js';

describe('assuranceIcon — NHSRplotthedots tests/testthat/test-ptd_calculate_assurance_type.R @ 050b07d7eacc011767532732f69b8fd7d6a28fd3', () => {
  // three facets: lpl (1, 5, 1), upl (3, 7, 5), target 4
  const facets = [
    { lower: 1, upper: 3 },
    { lower: 5, upper: 7 },
    { lower: 1, upper: 5 },
  ];
  it.each([
    ['increase', ['consistent_fail', 'consistent_pass', 'inconsistent']],
    ['decrease', ['consistent_pass', 'consistent_fail', 'inconsistent']],
    ['neutral', [null, null, null]],
  ] as const)('improvement %s', (improvement, expected) => expect(facets.map((f) => assuranceIcon(4, f, improvement))).toEqual(expected));

  it('has no icon without a target', () => expect(assuranceIcon(undefined, { lower: 1, upper: 3 }, 'increase')).toBeNull());
});

describe('variation and assurance icons — NHSRplotthedots tests/testthat/test-geom_ptd_icon.R "ptd_get_icons" @ 050b07d', () => {
  // set.seed(123); y <- rnorm(24); then the second 12 replaced by rnorm(12, 5), later by rnorm(12, −5).
  const rng = new RMersenneTwister(123);
  const y = rng.normal(24);
  const shiftedUp = [...y.slice(0, 12), ...rng.normal(12, 5)];
  const shiftedDown = [...y.slice(0, 12), ...rng.normal(12, -5)];
  const chart = (values: number[], improvement: 'increase' | 'decrease' | 'neutral', target?: number) => {
    const result = calculateSpc(
      values.map((value, i) => ({ period: String(i), value })),
      { improvement, target },
    );
    return [result.variation, result.assurance];
  };

  it.each([
    ['s1', y, 'increase', undefined, ['common_cause', null]],
    ['s2', y, 'increase', 0.5, ['common_cause', 'inconsistent']],
    ['s5', shiftedUp, 'increase', -3, ['improvement_high', 'consistent_pass']],
    ['s6', shiftedUp, 'decrease', -3, ['concern_high', 'consistent_fail']],
    ['s7', shiftedDown, 'increase', 3, ['concern_low', 'consistent_fail']],
    ['s8', shiftedDown, 'decrease', 3, ['improvement_low', 'consistent_pass']],
    ['s9', shiftedDown, 'neutral', 3, ['neutral_low', null]],
  ] as const)('%s', (_name, values, improvement, target, expected) => expect(chart([...values], improvement, target)).toEqual(expected));

  // s3 draws each facet of 12 as common cause from trial limits; we give a group of 12 no limits and so no icons (MINIMUM_POINTS_FOR_LIMITS).
  it('s3: a facet of 12 has no icons here; with a 13th point it is common cause', () => {
    expect(chart(y.slice(0, 12), 'increase', 0.5)).toEqual([null, null]);
    expect(chart(y.slice(0, 13), 'increase')[0]).toBe('common_cause');
    expect(chart(y.slice(11), 'increase')[0]).toBe('common_cause');
  });
});
