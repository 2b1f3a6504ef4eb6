import { describe, expect, it } from 'vitest';
import { expectPrinted } from './printed-precision.js';
import { RMersenneTwister } from './r-mersenne-twister.js';

describe('RMersenneTwister (test support: R set.seed + rnorm)', () => {
  it('reproduces set.seed(123); rnorm(20) as NHSRplotthedots records it', () => {
    // nhs-r-community/NHSRplotthedots tests/testthat/_snaps/ptd_spc_standard.md @ 050b07d7eacc011767532732f69b8fd7d6a28fd3
    // prints the first values of `y` to 8 decimals.
    const y = new RMersenneTwister(123).normal(20);
    ['-0.56047565', '-0.23017749', '1.55870831', '0.07050839'].forEach((printed, i) => expectPrinted(y[i]!, printed));
    expect(y).toHaveLength(20);
  });

  it('continues one stream across calls, with mean and sd', () => {
    const a = new RMersenneTwister(1);
    const first = a.normal(3);
    const b = new RMersenneTwister(1);
    b.normal(1);
    expect(b.normal(2, 5, 2)).toEqual(first.slice(1).map((v) => 5 + 2 * v));
  });
});
