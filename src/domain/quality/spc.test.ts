import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { expectPrinted } from './printed-precision.js';
import { RMersenneTwister } from './r-mersenne-twister.js';
import { calculateSpc, MINIMUM_POINTS_FOR_LIMITS, type SpcPoint, xmrLimits } from './spc.js';

const series = (values: readonly number[]): SpcPoint[] => values.map((value, i) => ({ period: `2020-01-${String(i + 2).padStart(2, '0')}`, value }));
/** set.seed(123); rnorm(n): the data NHSRplotthedots' tests draw (see r-mersenne-twister.ts). */
const seed123 = (n: number) => new RMersenneTwister(123).normal(n);

describe('xmrLimits — NHSRplotthedots tests/testthat/_snaps/ptd_spc_standard.md @ 050b07d7eacc011767532732f69b8fd7d6a28fd3', () => {
  it('r1: y = rnorm(20), screened', () => {
    const limits = xmrLimits(seed123(20));
    expectPrinted(limits.mean, '0.1416238');
    expectPrinted(limits.lower, '-3.011380'); // printed as -3.01138 (pillar drops the trailing 0)
    expectPrinted(limits.upper, '3.294627');
  });

  it('r2 and r3: y[15] <- 10, with and without screening the moving ranges', () => {
    const y = seed123(20);
    y[14] = 10;
    const screened = xmrLimits(y, true);
    expectPrinted(screened.mean, '0.6694159');
    expectPrinted(screened.lower, '-2.383666');
    expectPrinted(screened.upper, '3.722497');
    const unscreened = xmrLimits(y, false);
    expectPrinted(unscreened.lower, '-4.596625');
    expectPrinted(unscreened.upper, '5.935457');
  });

  it.each([
    { name: 'r1, nothing large enough to screen', spike: false, screen: true },
    { name: 'r2, the spike at 15 screened', spike: true, screen: true },
    { name: 'r3, the spike kept (--no-screen-outliers)', spike: true, screen: false },
  ])('counts the moving ranges the limits left out: $name', ({ spike, screen }) => {
    const y = seed123(20);
    if (spike) y[14] = 10;
    const ranges = y.slice(1).map((v, i) => Math.abs(v - y[i]!));
    const average = ranges.reduce((a, r) => a + r, 0) / ranges.length;
    const large = ranges.filter((r) => r >= 3.267 * average).length;
    const limits = xmrLimits(y, screen);
    expect([limits.movingRanges, limits.movingRangesLeftOut]).toEqual([19, screen ? large : 0]);
    if (spike && screen) expect(large).toBe(2); // into and out of the spike
    if (!spike) expect(large).toBe(0);
  });

  it('the summary() snapshot for facets of 10 (tests/testthat/_snaps/ptd_spc.md)', () => {
    const y = seed123(20);
    const first = xmrLimits(y.slice(0, 10));
    const second = xmrLimits(y.slice(10));
    expectPrinted(first.mean, '0.0746');
    expectPrinted(first.lower, '-2.60');
    expectPrinted(first.upper, '2.75');
    expectPrinted(second.mean, '0.209');
    expectPrinted(second.lower, '-3.28');
    expectPrinted(second.upper, '3.70');
  });
});

describe('calculateSpc — the worked example of NHSRplotthedots vignettes/deviations.Rmd @ 050b07d', () => {
  // data <- c(1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1); captions print UPL 4.6, mean 1.94,
  // LPL −0.72 (screened) and UPL 6.95, LPL −3.06 (unscreened, as the MDC Excel tool). Exactly:
  // mean 35/18; moving ranges sum 32 over 17 → screening drops 8 and 9 (≥ 3.267 × 32/17) → AMR 15/15 = 1.
  const data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

  it('screened limits, to 1e−12 of the exact values and to the printed ones', () => {
    const { groups, points } = calculateSpc(series(data));
    const group = groups[0]!.limits!;
    expect(group.mean).toBeCloseTo(35 / 18, 12);
    expect(group.averageMovingRange).toBeCloseTo(1, 12);
    expect(group.upper).toBeCloseTo(35 / 18 + 2.66, 12);
    expect(group.lower).toBeCloseTo(35 / 18 - 2.66, 12);
    expectPrinted(group.upper, '4.60');
    expectPrinted(group.mean, '1.94');
    expectPrinted(group.lower, '-0.72');
    // "four grey common cause points followed by a single blue special cause improvement point followed by a further 12 grey"
    expect(points.map((p) => p.type)).toEqual(data.map((_, i) => (i === 4 ? 'special_cause_improvement' : 'common_cause')));
    expect(points[4]!.rule).toBe('beyond_upper_limit');
  });

  it('unscreened limits replicate the Excel tool', () => {
    const group = calculateSpc(series(data), { screenOutliers: false }).groups[0]!.limits!;
    expect(group.upper).toBeCloseTo(35 / 18 + 2.66 * (32 / 17), 12);
    expectPrinted(group.upper, '6.95');
    expectPrinted(group.lower, '-3.06');
  });
});

describe('calculateSpc — rules end to end', () => {
  it('flags 2 close points on opposite sides of the mean as common cause (test-ptd_spc_standard.R, issue #143)', () => {
    const data: number[] = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    data[14] = 5.5;
    data[15] = -5.5;
    const { points } = calculateSpc(series(data));
    expect(points.slice(-2).map((p) => p.type)).toEqual(['common_cause', 'common_cause']);
  });

  it('rebasing gives each group its own mean, limits and rules (test-ptd_spc_standard.R "rebase_group", with groups long enough for limits)', () => {
    const data = seed123(30);
    const result = calculateSpc(series(data), { rebaseAt: [15] });
    expect(result.points.map((p) => p.group)).toEqual([...Array(15).fill(0), ...Array(15).fill(1)]);
    expect(result.groups.map((g) => g.limits?.mean)).toEqual([xmrLimits(data.slice(0, 15)).mean, xmrLimits(data.slice(15)).mean]);
    expect(result.points[15]!.upper).toBe(xmrLimits(data.slice(15)).upper);
  });

  it('a run of 7 does not cross a rebase', () => {
    // Eight points above the mean (indices 13–20) make a run; rebasing at 17 leaves 4 and 4 of them.
    const data = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0];
    const whole = calculateSpc(series(data));
    expect(whole.points.flatMap((p, i) => (p.rule === 'run_above_mean' ? [i] : []))).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    const split = calculateSpc(series(data), { rebaseAt: [17] });
    expect(split.groups.map((g) => g.size)).toEqual([17, 15]);
    expect(split.points.filter((p) => p.special)).toEqual([]);
  });

  it('fixing limits after n points changes them (test-ptd_spc_standard.R "fix_after_n_points"), but not after fewer than the minimum', () => {
    const data = seed123(20);
    const fixed = calculateSpc(series(data), { fixAfterPoints: 13 }).groups[0]!.limits!;
    expect(fixed.mean).toBe(xmrLimits(data.slice(0, 13)).mean);
    expect(fixed.lower).not.toBe(xmrLimits(data).lower);
    expect(() => calculateSpc(series(data), { fixAfterPoints: 12 })).toThrow(/only after 13 or more points/);
  });

  it('rejects an empty series and a rebase that is not one of its points', () => {
    expect(() => calculateSpc([])).toThrow(AppError);
    expect(() => calculateSpc(series([1, 2, 3]), { rebaseAt: [3] })).toThrow(/rebase/);
  });

  it('keeps a flat series flat rather than dividing by a screened-out zero', () => {
    const group = calculateSpc(series(Array(13).fill(4))).groups[0]!.limits!;
    expect([group.lower, group.mean, group.upper]).toEqual([4, 4, 4]);
    expect(group.movingRangesLeftOut).toBe(0);
  });
});

describe(`calculateSpc — no limits from fewer than ${MINIMUM_POINTS_FOR_LIMITS} points`, () => {
  // Kibworth's list sizes in January 2018 and April 2025: two points gave limits of about −25,000 to 60,000 patients.
  const listSizes = [9301, 17021];
  const wobble = (n: number) => Array.from({ length: n }, (_, i) => 100 + (i % 3));

  it.each([
    ['1 point', [5], 'There is 1 point'],
    ['C82001’s two list sizes', listSizes, 'There are 2 points'],
    ['12 points', wobble(12), 'There are 12 points'],
  ])('%s: no mean, limits, rule, type, variation or assurance, and the reason in words', (_name, values, opening) => {
    const result = calculateSpc(series(values), { improvement: 'increase', target: 101 });
    expect(result.groups).toEqual([{ firstIndex: 0, size: values.length, limits: null }]);
    for (const p of result.points) expect(p).toMatchObject({ mean: null, lower: null, upper: null, special: false, type: null, rule: null });
    expect([result.variation, result.assurance]).toEqual([null, null]);
    expect(result.noLimitsReason).toBe(`${opening}: too few for process limits, which need at least 13. No limits are drawn and there is no variation or assurance icon.`);
  });

  it.each([13, 24])('%i points: limits, rules and icons', (n) => {
    const result = calculateSpc(series(wobble(n)), { improvement: 'increase', target: 101 });
    expect(result.groups[0]!.limits).not.toBeNull();
    expect(result.points.every((p) => p.type !== null && p.mean !== null)).toBe(true);
    expect([result.variation, result.assurance, result.noLimitsReason]).toEqual(['common_cause', 'inconsistent', null]);
  });

  it('a rebased series: a short earlier group has no limits, and a short latest group takes the icons away', () => {
    const data = seed123(30);
    const earlyShort = calculateSpc(series(data), { rebaseAt: [5] });
    expect(earlyShort.groups.map((g) => g.limits === null)).toEqual([true, false]);
    expect(earlyShort.points.slice(0, 5).every((p) => p.type === null)).toBe(true);
    expect(earlyShort.variation).not.toBeNull();
    const lateShort = calculateSpc(series(data), { rebaseAt: [20] });
    expect(lateShort.groups.map((g) => g.limits === null)).toEqual([false, true]);
    expect(lateShort.variation).toBeNull();
    expect(lateShort.noLimitsReason).toMatch(/^The latest baseline has 10 points: too few/);
  });
});

describe('calculateSpc — limits drawn within what the measure can be', () => {
  // A small count that jumps about (complaints a month): the lower limit would be below 0 complaints.
  const complaints = [0, 5, 1, 8, 0, 2, 9, 1, 0, 6, 3, 0, 7, 1];
  // A percentage close to 100 with one bad month: the upper limit would be above 100%.
  const nearFull = [99, 98, 99, 100, 97, 99, 100, 98, 99, 100, 80, 99, 100, 99];

  it.each([
    { name: 'a count, at 0', values: complaints, range: { min: 0 } },
    { name: 'a percentage, at 0 and 100', values: nearFull, range: { min: 0, max: 100 } },
  ])('$name', ({ values, range }: { values: number[]; range: { min: number; max?: number } }) => {
    const free = calculateSpc(series(values), { screenOutliers: false });
    const bounded = calculateSpc(series(values), { screenOutliers: false, range });
    const [f, b] = [free.groups[0]!.limits!, bounded.groups[0]!.limits!];
    expect(b.lower).toBe(Math.max(range.min, f.lower));
    expect(b.upper).toBe(Math.min(range.max ?? Infinity, f.upper));
    expect(b.nearLower).toBeGreaterThanOrEqual(range.min);
    expect(b.mean).toBe(f.mean);
    // Nothing a point or the icons say changes: no value lies beyond the edge.
    expect(bounded.points.map((p) => p.rule)).toEqual(free.points.map((p) => p.rule));
    expect(bounded.variation).toBe(free.variation);
  });

  it('clamps where the free limit is beyond the edge, and only there', () => {
    expect(calculateSpc(series(complaints), { screenOutliers: false }).groups[0]!.limits!.lower).toBeLessThan(0);
    expect(calculateSpc(series(complaints), { screenOutliers: false, range: { min: 0 } }).groups[0]!.limits!.lower).toBe(0);
    expect(calculateSpc(series(nearFull), { screenOutliers: false }).groups[0]!.limits!.upper).toBeGreaterThan(100);
    expect(calculateSpc(series(nearFull), { screenOutliers: false, range: { min: 0, max: 100 } }).groups[0]!.limits!.upper).toBe(100);
    const wide = seed123(20).map((v) => v + 50);
    expect(calculateSpc(series(wide), { range: { min: 0 } }).groups[0]!.limits).toEqual(calculateSpc(series(wide)).groups[0]!.limits);
  });

  it('refuses a value the measure cannot be', () => {
    expect(() => calculateSpc(series([...complaints.slice(1), -1]), { range: { min: 0 } })).toThrow('The value for 2020-01-15 is -1, outside what the measure can be (0 to ∞)');
  });
});
