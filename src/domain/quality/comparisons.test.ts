import { describe, expect, it } from 'vitest';
import { type EvaluationPractice, evaluateScheme, poolFigures, practicesBelowThreshold } from './comparisons.js';
import { twoSidedNormalQuantile } from './normal.js';
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
  const higher = { polarity: 'higher', unit: 'proportion' } as const;
  const lower = { polarity: 'lower', unit: 'proportion' } as const;
  it('lists those below a minimum when higher is better, worst first, with the gap', () => {
    expect(practicesBelowThreshold(figures, 30, higher).map((g) => [g.practiceCode, Number(g.gap.toFixed(9))])).toEqual([
      ['A', 5],
      ['C', 2],
    ]);
  });
  it('lists those above it when lower is better', () => expect(practicesBelowThreshold(figures, 30, lower).map((g) => g.practiceCode)).toEqual(['B']));
  it('lists none without a minimum', () => expect(practicesBelowThreshold(figures, null, higher)).toEqual([]));
  it.each([
    ['5.0018% shows as 5.00%: at a 5% ceiling, not above it', figure('L', 139, 2779), false],
    ['5.0008% likewise', figure('T', 321, 6419), false],
    ['5.01% is above it', figure('U', 501, 10_000), true],
  ])('judges a figure as it is shown: %s', (_name, practice, listed) => {
    expect(practicesBelowThreshold([practice], 5, lower).length).toBe(listed ? 1 : 0);
  });
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

  // Emergency admissions a month per 1,000 patients: a practice's counts before and after, on its list.
  type Months = { code: string; signedUp: boolean; list: number; before: number[]; after: number[] };
  const asPractice = (p: Months): EvaluationPractice => ({
    practiceCode: p.code,
    signedUp: p.signedUp,
    before: p.before.map((n) => figure(p.code, n, p.list, 1000)),
    after: p.after.map((n) => figure(p.code, n, p.list, 1000)),
  });
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const sampleVariance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
  const pooledChange = (ps: Months[]) => {
    const rate = (side: 'before' | 'after') => (ps.reduce((s, p) => s + p[side].reduce((a, n) => a + n, 0), 0) / ps.reduce((s, p) => s + p.list * p[side].length, 0)) * 1000;
    return rate('after') - rate('before');
  };
  const did = (ps: Months[]) => pooledChange(ps.filter((p) => p.signedUp)) - pooledChange(ps.filter((p) => !p.signedUp));
  const z95 = twoSidedNormalQuantile(0.95);
  const halfWidth = (result: ReturnType<typeof evaluateScheme>) => (result.interval95![1] - result.interval95![0]) / 2;

  it('with equal lists and a month each side, gives the familiar interval from the practices’ own changes', () => {
    const ps: Months[] = [[12, 9], [15, 11], [9, 8], [14, 12], [11, 6], [10, 11], [13, 12], [12, 13], [8, 9], [14, 12], [11, 12]].map(([b, a], i) => ({ code: `P${i}`, signedUp: i < 5, list: 10_000, before: [b!], after: [a!] }));
    const changes = (signedUp: boolean) => ps.filter((p) => p.signedUp === signedUp).map((p) => ((p.after[0]! - p.before[0]!) / p.list) * 1000);
    const [yes, no] = [changes(true), changes(false)];
    const result = evaluateScheme(ps.map(asPractice), 'rate_per_1000');
    expect(result.differenceInDifferences).toBeCloseTo(mean(yes) - mean(no), 12);
    expect(halfWidth(result)).toBeCloseTo(z95 * Math.sqrt(sampleVariance(yes) / yes.length + sampleVariance(no) / no.length), 12);
  });

  // A big signed-up practice whose admissions fell while small ones' rose: pooled, the signed-up
  // practices' rate fell more than the others'; on the average of practices' changes it rose more.
  const mixed: Months[] = [
    { code: 'BIG', signedUp: true, list: 24_000, before: [30, 31, 29], after: [25, 26, 24] },
    ...[3100, 3600, 4200, 4800].map((list, i) => ({ code: `S${i}`, signedUp: true, list, before: [3, 3, 3], after: [4, 4, 4] })),
    ...[6000, 7500, 8200, 9000, 9900, 11_000, 12_500].map((list, i) => ({ code: `O${i}`, signedUp: false, list, before: [Math.round(list / 1000) + (i % 3), Math.round(list / 1000)], after: [Math.round(list / 1000) + ((i + 1) % 3), Math.round(list / 1000) + 1] })),
  ];

  it('centres its interval on the pooled difference in differences it is printed beside, even where the practices’ average change points the other way', () => {
    const result = evaluateScheme(mixed.map(asPractice), 'rate_per_1000');
    expect(result.differenceInDifferences).toBeCloseTo(did(mixed), 12);
    expect((result.interval95![0] + result.interval95![1]) / 2).toBeCloseTo(did(mixed), 12);
    const averageChange = (signedUp: boolean) => mean(result.practices.filter((p) => p.signedUp === signedUp).map((p) => p.change!));
    expect(Math.sign(averageChange(true) - averageChange(false))).toBe(-Math.sign(did(mixed)));
  });

  /** The delta method's (linearised) standard error of a side's pooled change, worked out here for comparison. */
  const linearisedError = (ps: Months[]) => {
    const total = (side: 'before' | 'after') => ({ n: ps.reduce((s, p) => s + p[side].reduce((a, c) => a + c, 0), 0), d: ps.reduce((s, p) => s + p.list * p[side].length, 0) });
    const [b, a] = [total('before'), total('after')];
    const shares = ps.map((p) => {
      const part = (side: 'before' | 'after', t: { n: number; d: number }) => (p[side].reduce((s, c) => s + c, 0) - (t.n / t.d) * p.list * p[side].length) / t.d;
      return 1000 * (part('after', a) - part('before', b));
    });
    return Math.sqrt((ps.length / (ps.length - 1)) * shares.reduce((s, u) => s + u * u, 0));
  };
  const linearisedHalfWidth = (ps: Months[]) => z95 * Math.sqrt(linearisedError(ps.filter((p) => p.signedUp)) ** 2 + linearisedError(ps.filter((p) => !p.signedUp)) ** 2);

  it('with practices of different sizes, none dominant, is close to the delta method’s interval for the same pooled figure', () => {
    const ps: Months[] = Array.from({ length: 18 }, (_, i) => {
      const list = 4000 + 1100 * i;
      const base = Math.round((list / 1000) * 1.1);
      return { code: `P${i}`, signedUp: i % 3 === 0, list, before: [base + (i % 4), base - (i % 3)], after: [base - (i % 5) + 1, base + (i % 2)] };
    });
    const result = evaluateScheme(ps.map(asPractice), 'rate_per_1000');
    expect(result.differenceInDifferences).toBeCloseTo(did(ps), 12);
    expect(halfWidth(result) / linearisedHalfWidth(ps)).toBeGreaterThan(0.85);
    expect(halfWidth(result) / linearisedHalfWidth(ps)).toBeLessThan(1.25);
  });

  it('is wider than the delta method’s where the pooled figure leans on one big practice', () => {
    expect(halfWidth(evaluateScheme(mixed.map(asPractice), 'rate_per_1000'))).toBeGreaterThan(linearisedHalfWidth(mixed));
  });

  it.each([
    { name: 'one practice signed up', signedUp: 1 },
    { name: 'one practice not signed up', signedUp: 11 },
  ])('has no interval with $name: one practice says nothing of how practices differ', ({ signedUp }) => {
    const result = evaluateScheme(mixed.slice(0, 12).map((p, i) => asPractice({ ...p, signedUp: i < signedUp })), 'rate_per_1000');
    expect(result.differenceInDifferences).not.toBeNull();
    expect(result.interval95).toBeNull();
  });

  it('pools a count over the practices’ months as their average, and centres the interval on that', () => {
    const count = (practiceCode: string, value: number) => ({ practiceCode, numerator: null, denominator: null, value });
    const practices = [
      { practiceCode: 'A', signedUp: true, before: [count('A', 10), count('A', 12)], after: [count('A', 8)] },
      { practiceCode: 'B', signedUp: true, before: [count('B', 20)], after: [count('B', 15), count('B', 17)] },
      { practiceCode: 'C', signedUp: false, before: [count('C', 11)], after: [count('C', 12)] },
      { practiceCode: 'D', signedUp: false, before: [count('D', 19), count('D', 21)], after: [count('D', 20)] },
    ];
    const result = evaluateScheme(practices, 'count');
    expect(result.signedUp).toMatchObject({ before: 14, after: (8 + 15 + 17) / 3 });
    expect((result.interval95![0] + result.interval95![1]) / 2).toBeCloseTo(result.differenceInDifferences!, 12);
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
    expect([result.variation, result.assurance, result.screening]).toEqual([null, null, null]);
    expect(result.noLimitsReason).toBe(`There are ${series.length} points: too few for process limits, which need at least 13. No limits are drawn and there is no variation or assurance icon.`);
  });

  it('charts 13 months with limits and its variation icon', () => {
    const result = practiceSpc(monthly, months(Array.from({ length: 13 }, (_, i) => 10 + (i % 3))), 12);
    expect('points' in result && result.points).toHaveLength(13);
    expect('variation' in result && [result.variation, result.noLimitsReason]).toEqual(['common_cause', null]);
    expect('screening' in result && result.screening).toEqual({ leftOut: 0, of: 12 });
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
