import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { expectPrinted } from './printed-precision.js';
import { RMersenneTwister } from './r-mersenne-twister.js';
import { calculateSpc, type SpcPoint, xmrLimits } from './spc.js';

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
    const group = groups[0]!;
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
    const group = calculateSpc(series(data), { screenOutliers: false }).groups[0]!;
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

  it('rebasing gives each group its own mean, limits and rules (test-ptd_spc_standard.R "rebase_group")', () => {
    const data = seed123(20);
    const result = calculateSpc(series(data), { rebaseAt: [10] });
    expect(result.points.map((p) => p.group)).toEqual([...Array(10).fill(0), ...Array(10).fill(1)]);
    expect(result.groups.map((g) => g.mean)).toEqual([xmrLimits(data.slice(0, 10)).mean, xmrLimits(data.slice(10)).mean]);
    expect(result.points[10]!.upper).toBe(xmrLimits(data.slice(10)).upper);
    expect(result.groups.map((g) => g.shortGroupWarning)).toEqual([true, true]);
  });

  it('a run of 7 does not cross a rebase', () => {
    // Eight points above the mean (indices 7–14) make a run; rebasing at 12 leaves 5 and 3 of them.
    const data = [0, 1, 0, 1, 0, 1, 0, 1, 2, 2, 2, 2, 2, 2, 2, 0, 1, 0, 1, 0, 1, 0, 1];
    const whole = calculateSpc(series(data));
    expect(whole.points.flatMap((p, i) => (p.rule === 'run_above_mean' ? [i] : []))).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
    const split = calculateSpc(series(data), { rebaseAt: [12] });
    expect(split.points.filter((p) => p.special)).toEqual([]);
  });

  it('fixing limits after n points changes them (test-ptd_spc_standard.R "fix_after_n_points")', () => {
    const data = seed123(20);
    const fixed = calculateSpc(series(data), { fixAfterPoints: 12 }).groups[0]!;
    expect(fixed.mean).toBe(xmrLimits(data.slice(0, 12)).mean);
    expect(fixed.lower).not.toBe(xmrLimits(data).lower);
  });

  it('rejects a series or group too short to have a moving range', () => {
    expect(() => calculateSpc(series([1]))).toThrow(AppError);
    expect(() => calculateSpc(series([1, 2, 3]), { rebaseAt: [2] })).toThrow(/only 1 point/);
    expect(() => calculateSpc(series([1, 2, 3]), { rebaseAt: [3] })).toThrow(/rebase/);
  });

  it('keeps a flat series flat rather than dividing by a screened-out zero', () => {
    const group = calculateSpc(series([4, 4, 4, 4])).groups[0]!;
    expect([group.lower, group.mean, group.upper]).toEqual([4, 4, 4]);
  });
});
