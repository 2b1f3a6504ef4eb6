import { describe, expect, it } from 'vitest';
import { twoSidedNormalQuantile } from './normal.js';
import { poissonLowerLimit, poissonLowerTail, poissonUpperLimit, poissonUpperTail, poissonZ } from './poisson-limits.js';

/**
 * Poisson probabilities by the plain recursion p(k) = p(k − 1) × mean / k, independent of the gamma
 * functions under test: kept as logarithms and scaled to sum to 1 at the end, since e^−1000 is 0 in a double.
 */
function probabilities(mean: number, upTo: number): number[] {
  const logs = [0];
  for (let k = 1; k <= upTo; k++) logs.push(logs[k - 1]! + Math.log(mean) - Math.log(k));
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
/** Whole counts worth looking at: well past either tail. */
const countsFor = (mean: number) => Math.ceil(mean + 12 * Math.sqrt(mean) + 15);
const levels = [
  { coverage: 0.95, tail: 0.025 },
  { coverage: 0.998, tail: 0.001 },
];

describe('exact Poisson limits on a count', () => {
  it.each([0.5, 3.19, 9.9, 25, 140, 1000])('at an expected count of %s, a whole count is outside exactly when its tail probability is below α', (mean) => {
    const p = probabilities(mean, countsFor(mean));
    for (const { tail } of levels) {
      const lower = poissonLowerLimit(mean, tail);
      const upper = poissonUpperLimit(mean, tail);
      for (let k = 0; k < p.length; k++) {
        const atMost = sum(p.slice(0, k + 1));
        const atLeast = 1 - sum(p.slice(0, k));
        expect({ k, tail, below: k < lower }).toEqual({ k, tail, below: atMost < tail });
        expect({ k, tail, above: k > upper }).toEqual({ k, tail, above: atLeast < tail });
      }
    }
  });

  it('3 admissions on a list of 9,301 where the group expects 9.9: inside the exact 99.8% limits, which run from 2 to 21 admissions (the statistician’s figures)', () => {
    const mean = 9.9;
    const p = probabilities(mean, 60);
    // The lowest count whose lower tail reaches 0.001, and the highest whose upper tail does.
    const lowestInside = p.findIndex((_, k) => sum(p.slice(0, k + 1)) >= 0.001);
    const highestInside = p.findLastIndex((_, k) => 1 - sum(p.slice(0, k)) >= 0.001);
    expect([lowestInside, highestInside]).toEqual([2, 21]);
    expect(poissonLowerLimit(mean, 0.001)).toBeGreaterThan(lowestInside - 1);
    expect(poissonLowerLimit(mean, 0.001)).toBeLessThanOrEqual(lowestInside);
    expect(poissonUpperLimit(mean, 0.001)).toBeGreaterThanOrEqual(highestInside);
    expect(poissonUpperLimit(mean, 0.001)).toBeLessThan(highestInside + 1);
    const z = poissonZ(3, mean);
    expect(z).toBeGreaterThan(-twoSidedNormalQuantile(0.998));
    expect(z).toBeLessThan(-twoSidedNormalQuantile(0.95)); // outside the 95% limits, inside the 99.8%
    expect(3).toBeLessThan(poissonLowerLimit(mean, 0.025));
  });

  it.each([0.5, 3.19, 9.9, 25, 140, 1000])('at an expected count of %s, the z-score is beyond a level’s quantile exactly when the count is outside that level’s limits', (mean) => {
    for (const { coverage, tail } of levels) {
      const quantile = twoSidedNormalQuantile(coverage);
      const lower = poissonLowerLimit(mean, tail);
      const upper = poissonUpperLimit(mean, tail);
      for (let k = 0; k <= countsFor(mean); k += 0.5) {
        const z = poissonZ(k, mean);
        expect({ k, coverage, outside: Math.abs(z) > quantile }).toEqual({ k, coverage, outside: k < lower || k > upper });
      }
    }
  });

  it('reads a count between whole numbers on tails interpolated between them, so it too is outside exactly when below the limit', () => {
    const mean = 9.9;
    const lower = poissonLowerLimit(mean, 0.001);
    const upper = poissonUpperLimit(mean, 0.001);
    expect(poissonLowerTail(lower, mean)).toBeCloseTo(0.001, 12);
    expect(poissonUpperTail(upper, mean)).toBeCloseTo(0.001, 12);
    expect(poissonLowerTail(lower - 1e-6, mean)).toBeLessThan(0.001);
    expect(poissonUpperTail(upper + 1e-6, mean)).toBeLessThan(0.001);
    const p = probabilities(mean, countsFor(mean));
    expect(poissonLowerTail(2.25, mean)).toBeCloseTo(p[0]! + p[1]! + p[2]! + 0.25 * p[3]!, 15);
    expect(poissonUpperTail(2.25, mean)).toBeCloseTo(1 - p[0]! - p[1]! - 0.25 * p[2]!, 15);
  });

  it('with nothing expected, a count of 0 is inside and any count above it outside', () => {
    expect(poissonLowerLimit(0, 0.001)).toBe(0);
    expect(poissonUpperLimit(0, 0.001)).toBeLessThan(1);
    expect([poissonZ(0, 0), poissonZ(1, 0) > 3.1]).toEqual([0, true]);
  });

  it('keeps a count far in a tail a finite z-score', () => {
    expect(poissonZ(100, 5000)).toBeLessThan(-30);
    expect(Number.isFinite(poissonZ(100, 5000))).toBe(true);
    expect(poissonZ(5000, 100)).toBeGreaterThan(30);
  });
});

describe('how often an on-target practice is flagged', () => {
  // Emergency admissions in a month at the rate of 9.9 for a list of 9,301, for lists of 2,000 to 20,000.
  const rate = 9.9 / 9301;
  const lists = Array.from({ length: 73 }, (_, i) => 2000 + 250 * i);

  it.each(levels)('at $coverage: never more often than nominal on either side, and on average within a factor of three of it', ({ tail }) => {
    const chances = lists.map((list) => {
      const mean = rate * list;
      const p = probabilities(mean, countsFor(mean));
      const lower = poissonLowerLimit(mean, tail);
      const upper = poissonUpperLimit(mean, tail);
      return { below: sum(p.filter((_, k) => k < lower)), above: sum(p.filter((_, k) => k > upper)) };
    });
    for (const c of chances) {
      expect(c.below).toBeLessThanOrEqual(tail);
      expect(c.above).toBeLessThanOrEqual(tail);
    }
    // Whole counts cannot sit exactly on a limit, so the exact test flags less often than nominal; not much less.
    expect(sum(chances.map((c) => c.below)) / chances.length).toBeGreaterThan(tail / 3);
    expect(sum(chances.map((c) => c.above)) / chances.length).toBeGreaterThan(tail / 3);
  });
});
