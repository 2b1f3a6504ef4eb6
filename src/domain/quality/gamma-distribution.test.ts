import { describe, expect, it } from 'vitest';
import { gammaQuantile, gammaTail, logGamma } from './gamma-distribution.js';

// Reference values: the regularised incomplete gamma function and its inverse evaluated at 40
// significant digits (mpmath 1.3, hyp1f1 series and bisection), rounded to 17.
describe('gammaTail', () => {
  it.each([
    [0.5, 0.1, 0.34527915398142298, 0.65472084601857702],
    [3, 2, 0.32332358381693654, 0.67667641618306346], // = 1 − 5e^−2 exactly
    [50, 60, 0.91559331890630817, 0.084406681093691830],
    [1000, 950, 0.055054686230738034, 0.94494531376926197],
  ])('P and Q(%s, %s) to 1e−13 relative', (a, x, lower, upper) => {
    expect(Math.abs(gammaTail(a, x, 'lower') / lower - 1)).toBeLessThan(1e-13);
    expect(Math.abs(gammaTail(a, x, 'upper') / upper - 1)).toBeLessThan(1e-13);
  });
});

describe('gammaQuantile', () => {
  it.each([
    [0.5, 0.025, 'lower', 0.00049103455858762801],
    [1, 0.5, 'lower', Math.LN2],
    [9.67, 0.001, 'lower', 2.7901608065435804],
    [10.67, 0.001, 'upper', 23.649191242477342],
    [120.94, 0.025, 'lower', 100.34794115899463],
    [121.94, 0.025, 'upper', 144.51423170563591],
    [5000, 0.001, 'upper', 5221.3652827050889],
    [2.5, 0.3, 'upper', 3.0322149920774525],
  ] as const)('shape %s, %s tail %s → %s to 1e−13 relative', (shape, p, tail, x) => {
    expect(Math.abs(gammaQuantile(shape, p, tail) / x - 1)).toBeLessThan(1e-13);
  });

  it('inverts gammaTail across shapes a funnel meets', () => {
    for (const shape of [0.7, 3.2, 47.5, 812.3, 25_000, 2_000_000]) {
      for (const p of [0.001, 0.025]) {
        for (const tail of ['lower', 'upper'] as const) {
          expect(Math.abs(gammaTail(shape, gammaQuantile(shape, p, tail), tail) / p - 1)).toBeLessThan(1e-10);
        }
      }
    }
  });

  it('logGamma matches factorials', () => {
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });
});
