import { describe, expect, it } from 'vitest';
import { Z_95, Z_998 } from './funnel-limits.js';
import { normalQuantile, twoSidedNormalQuantile } from './normal.js';

// Reference quantiles: √2·erfinv(2p − 1) evaluated at 40 significant digits (mpmath 1.3), rounded to
// the nearest double. AS 241 promises about 1e−16 relative accuracy (Wichura 1988, Appl Stat 37:477).
const reference: [number, number][] = [
  [1e-12, -7.034483825301132],
  [0.001, -3.0902323061678136],
  [0.025, -1.9599639845400543],
  [0.07, -1.4757910281791706], // just inside the tail branch (|p − ½| > 0.425)
  [0.075, -1.439531470938456], // the branch boundary
  [0.25, -0.6744897501960817],
  [0.5, 0],
  [0.6, 0.2533471031357997],
  [0.975, 1.9599639845400538],
  [0.999, 3.090232306167813],
];

describe('normalQuantile (AS 241)', () => {
  it.each(reference)('qnorm(%s) = %s to 2e−15 relative', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(2e-15 * Math.max(1, Math.abs(z)));
  });

  it('is antisymmetric and handles the ends like R', () => {
    expect(normalQuantile(0.3)).toBe(-normalQuantile(0.7));
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.04710, 4); // far-tail branch (r > 5)
  });

  it('gives the two-sided funnel multipliers that FunnelPlotR rounds to 6 decimals', () => {
    expect(Number(twoSidedNormalQuantile(0.95).toFixed(6))).toBe(Z_95);
    expect(Number(twoSidedNormalQuantile(0.998).toFixed(6))).toBe(Z_998);
  });
});
