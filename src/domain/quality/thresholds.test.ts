import { describe, expect, it } from 'vitest';
import { thresholdProblems } from './thresholds.js';

describe('thresholdProblems: a minimum and target that make sense for the indicator', () => {
  it.each([
    { unit: 'proportion', polarity: 'higher', minimum: 30, target: 40, problems: [] },
    { unit: 'proportion', polarity: 'higher', minimum: 150, target: -10, problems: [['minimum', 'must be a percentage from 0 to 100 (it is 150)'], ['target', 'must be a percentage from 0 to 100 (it is -10)']] },
    { unit: 'proportion', polarity: 'higher', minimum: 40, target: 30, problems: [['target', 'must be at least the minimum (40), since a higher figure is better']] },
    { unit: 'proportion', polarity: 'lower', minimum: 10, target: 5, problems: [] },
    { unit: 'proportion', polarity: 'lower', minimum: 5, target: 10, problems: [['target', 'must be no more than the maximum (5), since a lower figure is better']] },
    { unit: 'proportion', polarity: 'neutral', minimum: 40, target: 30, problems: [] },
    { unit: 'rate_per_1000', polarity: 'lower', minimum: 1200, target: null, problems: [] },
    { unit: 'minutes', polarity: 'higher', minimum: -5, target: null, problems: [['minimum', 'must not be negative (it is -5)']] },
    { unit: 'count', polarity: 'higher', minimum: null, target: 0, problems: [] },
  ] as const)('$unit, $polarity is better, minimum $minimum, target $target', ({ unit, polarity, minimum, target, problems }) => {
    expect(thresholdProblems(unit, polarity, { minimum, target }).map((p) => [p.field, p.message])).toEqual(problems);
  });
});
