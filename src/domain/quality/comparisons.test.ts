import { describe, expect, it } from 'vitest';
import { evaluateScheme, poolFigures, practicesBelowThreshold } from './comparisons.js';
import { practiceSpc } from './practice-series.js';
import type { Indicator } from './indicators.js';

const figure = (practiceCode: string, numerator: number, denominator: number, multiplier = 100) => ({ practiceCode, numerator, denominator, value: (numerator / denominator) * multiplier });

describe('pooling a group', () => {
  it.each([
    ['a proportion pools numerators and denominators', 'proportion' as const, [figure('A', 10, 100), figure('B', 30, 100)], 20],
    ['so a big practice counts for more', 'proportion' as const, [figure('A', 10, 100), figure('B', 300, 900)], 31],
    ['a rate per 1,000 the same way', 'rate_per_1000' as const, [figure('A', 2, 1000, 1000), figure('B', 6, 1000, 1000)], 4],
    ['a count is the mean of the practices', 'count' as const, [{ practiceCode: 'A', numerator: null, denominator: null, value: 10 }, { practiceCode: 'B', numerator: null, denominator: null, value: 20 }], 15],
  ])('%s', (_what, unit, figures, expected) => expect(poolFigures(figures, unit).value).toBeCloseTo(expected, 12));
});

describe('practices on the wrong side of the minimum', () => {
  const figures = [figure('A', 25, 100), figure('B', 35, 100), figure('C', 28, 100)];
  it('lists those below a minimum when higher is better, worst first, with the gap', () => {
    expect(practicesBelowThreshold(figures, 30, 'higher').map((g) => [g.practiceCode, Number(g.gap.toFixed(9))])).toEqual([
      ['A', 5],
      ['C', 2],
    ]);
  });
  it('lists those above it when lower is better', () => expect(practicesBelowThreshold(figures, 30, 'lower').map((g) => g.practiceCode)).toEqual(['B']));
  it('lists none without a minimum', () => expect(practicesBelowThreshold(figures, null, 'higher')).toEqual([]));
});

describe('scheme evaluation', () => {
  it('takes the change of the signed-up practices less the change of the others', () => {
    const result = evaluateScheme(
      [
        { practiceCode: 'A', signedUp: true, before: [figure('A', 20, 100)], after: [figure('A', 10, 100)] },
        { practiceCode: 'B', signedUp: true, before: [figure('B', 30, 100)], after: [figure('B', 20, 100)] },
        { practiceCode: 'C', signedUp: false, before: [figure('C', 20, 100)], after: [figure('C', 18, 100)] },
        { practiceCode: 'D', signedUp: false, before: [figure('D', 30, 100)], after: [figure('D', 28, 100)] },
      ],
      'proportion',
    );
    expect(result.signedUp).toMatchObject({ practices: 2, before: 25, after: 15, change: -10 });
    expect(result.notSignedUp).toMatchObject({ practices: 2, before: 25, after: 23, change: -2 });
    expect(result.differenceInDifferences).toBeCloseTo(-8, 12);
    expect(result.interval95![0]).toBeCloseTo(-8, 12);
  });
});

describe('a practice’s SPC series', () => {
  const monthly: Indicator = { code: 'X', name: 'X', numeratorDefinition: null, denominatorDefinition: null, unit: 'count', polarity: 'higher', source: 's', cadence: 'month' };
  it('is not drawn when a month is missing, so no point moves', () => {
    const result = practiceSpc(monthly, [{ period: '2024-01-01', value: 1 }, { period: '2024-02-01', value: 2 }, { period: '2024-04-01', value: 3 }], null);
    expect(result).toEqual({ reason: "The series cannot be charted: 1 period is missing between '2024-02' and '2024-04' (2024-03)" });
  });
  it('charts a complete series with its variation icon', () => {
    const result = practiceSpc(monthly, Array.from({ length: 12 }, (_, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}-01`, value: 10 + (i % 3) })), 12);
    expect('points' in result && result.points).toHaveLength(12);
    expect('variation' in result && result.variation).toBe('common_cause');
  });
});
