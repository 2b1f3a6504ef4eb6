import { describe, expect, it } from 'vitest';
import { evaluateScheme, poolFigures, practicesBelowThreshold } from './comparisons.js';
import { practiceSpc } from './practice-series.js';
import { type Indicator, registeredPatientsIndicator } from './indicators.js';

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
  const months = (values: number[], from = 2024) => values.map((value, i) => ({ period: `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`, value }));

  it.each([
    { name: 'no figures', series: [], says: 'There are no figures for this practice on this indicator.' },
    { name: 'one figure', series: months([9301]), says: 'There is 1 period: too few for a chart over time, and process limits need at least 13.' },
  ])('draws nothing for $name and says why', ({ series, says }) => {
    expect(practiceSpc(monthly, series, null)).toEqual({ reason: says });
  });

  it.each([
    // Kibworth (C82001): list sizes in January 2018 and April 2025 gave limits of −25,000 to 60,000 patients.
    { name: 'C82001’s two list sizes', indicator: registeredPatientsIndicator, series: [{ period: '2018-01-01', value: 9301 }, { period: '2025-04-01', value: 17021 }] },
    { name: '12 months', indicator: monthly, series: months(Array.from({ length: 12 }, (_, i) => 10 + (i % 3))) },
  ])('draws only the points of $name: no limits, no icons, and the reason', ({ indicator, series }) => {
    const result = practiceSpc(indicator, series, 12);
    if (!('points' in result)) throw new Error(result.reason);
    expect(result.points.map((p) => [p.value, p.mean, p.lower, p.upper, p.type])).toEqual(series.map((s) => [s.value, null, null, null, null]));
    expect([result.variation, result.assurance]).toEqual([null, null]);
    expect(result.noLimitsReason).toBe(`There are ${series.length} points: too few for process limits, which need at least 13. No limits are drawn and there is no variation or assurance icon.`);
  });

  it('charts 13 months with limits and its variation icon', () => {
    const result = practiceSpc(monthly, months(Array.from({ length: 13 }, (_, i) => 10 + (i % 3))), 12);
    expect('points' in result && result.points).toHaveLength(13);
    expect('variation' in result && [result.variation, result.noLimitsReason]).toEqual(['common_cause', null]);
  });

  it.each([
    { unit: 'count' as const, values: [0, 5, 1, 8, 0, 2, 9, 1, 0, 6, 3, 0, 7, 1], lower: 0, upper: undefined },
    { unit: 'proportion' as const, values: [99, 98, 99, 100, 97, 99, 100, 98, 99, 100, 99, 97, 100, 99], lower: undefined, upper: 100 },
  ])('draws a $unit’s limits within what it can be', ({ unit, values, lower, upper }) => {
    const result = practiceSpc({ ...monthly, unit }, months(values), null);
    if (!('points' in result)) throw new Error(result.reason);
    if (lower !== undefined) expect(result.points.every((p) => p.lower === lower)).toBe(true);
    if (upper !== undefined) expect(result.points.every((p) => p.upper === upper)).toBe(true);
  });
});
