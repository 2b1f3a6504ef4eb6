import { describe, expect, it } from 'vitest';
import { averageRanks, betweenUnitVariance, dispersionRatio, keptAfterTruncation, quantileType7, winsorise } from './overdispersion.js';

describe('quantileType7 (R quantile(type = 7))', () => {
  it.each([
    [[1, 2, 3, 4, 5], 0.1, 1.4],
    [[1, 2, 3, 4, 5], 0.9, 4.6],
    [[5, 1, 4, 2, 3], 0.5, 3],
    [[10, 20], 0.25, 12.5],
    [[7], 0.1, 7],
  ])('%j at %s → %s', (values, p, q) => expect(quantileType7(values, p)).toBeCloseTo(q, 14));
});

describe('averageRanks (R rank(ties.method = "average"))', () => {
  it('shares tied ranks', () => expect(averageRanks([3, 1, 3, 2, 3])).toEqual([4, 1, 4, 2, 4]));
});

describe('winsorise', () => {
  it('pulls both tails in to the 10% and 90% quantiles', () => {
    const z = [-10, -1, -0.5, 0, 0.2, 0.4, 0.6, 1, 2, 12];
    const low = quantileType7(z, 0.1);
    const high = quantileType7(z, 0.9);
    expect(winsorise(z, 0.1)).toEqual(z.map((v) => Math.min(high, Math.max(low, v))));
    expect(winsorise(z, 0)).toEqual(z);
  });
});

describe('keptAfterTruncation (SHMI)', () => {
  // FunnelPlotR's published medpar example (see funnel.test.ts) keeps ranks whose group
  // floor(rank × 10 / 55) is 1..8: for 54 units, ranks 1–5 and 50–54 are cut, 44 kept.
  it('cuts the lowest and highest tenth by rank', () => {
    const z = Array.from({ length: 54 }, (_, i) => i - 27);
    const kept = keptAfterTruncation(z, 0.1);
    expect(kept.filter(Boolean)).toHaveLength(44);
    expect(kept.slice(0, 5)).toEqual([false, false, false, false, false]);
    expect(kept[5]).toBe(true);
    expect(kept[48]).toBe(true);
    expect(kept[49]).toBe(false);
  });

  it('keeps every unit of the 6-unit test data (test-classes_methods.R) and with trim 0', () => {
    expect(keptAfterTruncation([1, 2, 3, 4, 5, 6], 0.1).every(Boolean)).toBe(true);
    expect(keptAfterTruncation([1, 2, 3], 0).every(Boolean)).toBe(true);
  });
});

describe('dispersionRatio and betweenUnitVariance (DerSimonian–Laird)', () => {
  it('φ is the mean square z', () => expect(dispersionRatio([1, -2, 3])).toBeCloseTo(14 / 3, 15));

  it('τ² = (nφ − (n − 1)) / (Σw − Σw²/Σw), never negative', () => {
    const s = [0.1, 0.2, 0.5];
    const w = s.map((x) => 1 / x ** 2);
    const sw = w.reduce((a, b) => a + b, 0);
    const sw2 = w.reduce((a, b) => a + b * b, 0);
    expect(betweenUnitVariance(4, s)).toBeCloseTo((3 * 4 - 2) / (sw - sw2 / sw), 15);
    expect(betweenUnitVariance(0.5, s)).toBe(0);
    expect(betweenUnitVariance(3, [0.1])).toBe(0);
  });
});
