import { describe, expect, it } from 'vitest';
import { Z_95, Z_998 } from './funnel-limits.js';
import { calculateFunnel, type FunnelLimitLevel, type FunnelUnit } from './funnel.js';
import { twoSidedNormalQuantile } from './normal.js';
import { dispersionRatio, winsorise } from './overdispersion.js';

/**
 * Rates per 1,000 patients (`rc`): a count of events among a practice's list, O ~ Poisson(t × D) at
 * the group's rate t. Unadjusted, exact Poisson limits and the z-score that goes with them; adjusted,
 * the square-root scale with τ². Either way a practice is outside the limits exactly when its z is.
 */
const perThousand = { dataType: 'rc', multiplier: 1000 } as const;

// Emergency admissions in a month: a practice of 9,301 patients with 3, among practices near the group's rate.
const lists = [4200, 5600, 7100, 8300, 9900, 11200, 12800, 14500, 16900, 19800];
const admissions = [5, 6, 8, 9, 11, 13, 14, 16, 19, 23];
const withPractice = (count: number): FunnelUnit[] => [{ unit: 'C82001', numerator: count, denominator: 9301 }, ...lists.map((denominator, i) => ({ unit: `P${i}`, numerator: admissions[i]!, denominator }))];

/** The normal quantile the z-score is read against: the exact one for exact limits, FunnelPlotR's constants for normal ones. */
const quantileFor = (level: FunnelLimitLevel, adjusted: boolean) => (adjusted ? (level === 95 ? Z_95 : Z_998) : twoSidedNormalQuantile(level === 95 ? 0.95 : 0.998));

describe('rates per 1,000: a practice is outside the limits exactly when its z-score is', () => {
  it('3 admissions on a list of 9,301 where the group expects about 9.9: inside the exact 99.8% limits (2 to 21 admissions), z between −3.09 and −1.96', () => {
    const result = calculateFunnel(withPractice(3), perThousand);
    const practice = result.units[0]!;
    const expected = (result.target / 1000) * 9301;
    expect(expected).toBeCloseTo(9.9, 1);
    expect(result.adjusted).toBe(false); // the others sit on the group's rate: no overdispersion
    expect(practice.outlier).toBe(false);
    expect(practice.z).toBeGreaterThan(-quantileFor(99.8, false));
    expect(practice.z).toBeLessThan(-quantileFor(95, false));
    // The limits in admissions: 2 is the lowest count inside, 21 the highest.
    const inAdmissions = (rate: number) => (rate / 1000) * 9301;
    expect(inAdmissions(practice.limits.lower998)).toBeGreaterThan(1);
    expect(inAdmissions(practice.limits.lower998)).toBeLessThanOrEqual(2);
    expect(inAdmissions(practice.limits.upper998)).toBeGreaterThanOrEqual(21);
    expect(inAdmissions(practice.limits.upper998)).toBeLessThan(22);
  });

  it('1 admission there is below the limits, and its z-score below −3.09', () => {
    const practice = calculateFunnel(withPractice(1), perThousand).units[0]!;
    expect(practice.outlier).toBe(true);
    expect(practice.z).toBeLessThan(-quantileFor(99.8, false));
  });

  const spread: FunnelUnit[] = [
    { unit: 'typical', numerator: 100, denominator: 10_000 },
    { unit: 'slightly high', numerator: 112, denominator: 10_000 },
    { unit: 'big and typical', numerator: 205, denominator: 20_000 },
    { unit: 'small', numerator: 45, denominator: 5_000 },
    { unit: 'very high', numerator: 190, denominator: 10_000 },
    { unit: 'low', numerator: 60, denominator: 12_000 },
    { unit: 'none this month, small list', numerator: 0, denominator: 300 },
  ];
  const months = [...withPractice(3), ...Array.from({ length: 30 }, (_, i) => ({ unit: `M${i}`, numerator: [2, 25, 9, 14, 0, 31, 7, 12][i % 8]! + i, denominator: 3000 + 523 * i }))];

  it.each([
    { name: 'a spread of rates, not adjusted', units: spread, overdispersion: false },
    { name: 'a spread of rates, adjusted', units: spread, overdispersion: true },
    { name: 'monthly admissions, adjusted', units: months, overdispersion: true },
    { name: 'monthly admissions, not adjusted', units: months, overdispersion: false },
  ])('$name, at 95% and at 99.8%', ({ units, overdispersion }) => {
    for (const limit of [95, 99.8] as const) {
      const result = calculateFunnel(units, { ...perThousand, overdispersion, limit });
      if (overdispersion) expect(result.adjusted).toBe(true);
      for (const u of result.units) {
        expect({ unit: u.unit, limit, outlier: u.outlier }).toEqual({ unit: u.unit, limit, outlier: Math.abs(u.z) > quantileFor(limit, result.adjusted) });
      }
    }
  });

  it('flags the very high and the low practice, not one slightly above the group nor a small list with none this month (unadjusted)', () => {
    const result = calculateFunnel(spread, { ...perThousand, overdispersion: false });
    expect(result.units.filter((u) => u.outlier).map((u) => u.unit)).toEqual(['very high', 'low']);
  });
});

describe('rates per 1,000 with overdispersion', () => {
  const units: FunnelUnit[] = Array.from({ length: 24 }, (_, i) => ({ unit: `P${i}`, numerator: Math.round((6 + (i % 6) * 2.5) * (4 + i * 0.6)), denominator: Math.round((4 + i * 0.6) * 1000) }));
  const result = calculateFunnel(units, perThousand);
  const t = units.reduce((s, u) => s + u.numerator, 0) / units.reduce((s, u) => s + u.denominator, 0);

  it('estimates φ from the square-root z-scores 2(√O − √(tD)), winsorised at 10%', () => {
    const z = units.map((u) => 2 * (Math.sqrt(u.numerator) - Math.sqrt(t * u.denominator)));
    expect(result.phi).toBeCloseTo(dispersionRatio(winsorise(z, 0.1)), 12);
    expect(result.units.map((u) => u.unadjustedZ)).toEqual(z.map((v) => expect.closeTo(v, 12)));
    expect(result.adjusted).toBe(true);
  });

  it('widens the limits by τ² on the square-root scale, and the z-score to match', () => {
    const u = result.units[7]!;
    const sd = Math.sqrt(1 / (4 * u.denominator) + result.tau2);
    expect(u.limits.upper998).toBeCloseTo(1000 * (Math.sqrt(t) + Z_998 * sd) ** 2, 10);
    expect(u.limits.lower95).toBeCloseTo(1000 * (Math.sqrt(t) - Z_95 * sd) ** 2, 10);
    expect(u.z).toBeCloseTo((Math.sqrt(u.numerator / u.denominator) - Math.sqrt(t)) / sd, 12);
    expect(u.limits.upper998).toBeGreaterThan(u.unadjustedLimits.upper998);
  });
});
