import { describe, expect, it } from 'vitest';
import { exactPoissonRatioLimits, funnelLimitsAt } from './funnel-limits.js';
import { expectPrinted } from './printed-precision.js';

describe('exactPoissonRatioLimits — FunnelPlotR tests/testthat/test-poisson_limits.R @ 9020d4972873d863e10b8a16555975f0e322adfc', () => {
  // calculate_limits(data.frame(number_seq = c(15, 20, 30)), target = 1, draw_adjusted = FALSE);
  // the test compares round(ll95, 7), round(ul95, 6), round(ll99, 7) and round(ul99, 6).
  it.each([
    [15, '0.5596924', '1.649348', '0.3862650', '2.082907'],
    [20, '0.6108260', '1.544419', '0.4479107', '1.902094'],
    [30, '0.6746958', '1.427562', '0.5289724', '1.702771'],
  ])('expected %s', (expected, lower95, upper95, lower998, upper998) => {
    const p95 = exactPoissonRatioLimits(expected, 0.95);
    const p998 = exactPoissonRatioLimits(expected, 0.998);
    expectPrinted(p95.lower, lower95);
    expectPrinted(p95.upper, upper95);
    expectPrinted(p998.lower, lower998);
    expectPrinted(p998.upper, upper998);
  });
});

describe('funnelLimitsAt — FunnelPlotR tests/testthat/test-build_limits_lookup.R @ 9020d49', () => {
  it('PR limits at target 0.5 stay inside (0, 1) at n = 10', () => {
    const limits = funnelLimitsAt(10, { method: { dataType: 'pr', srMethod: 'shmi' }, target: 0.5, tau2: 0, adjusted: false, multiplier: 1 });
    expect(limits.upper95).toBeLessThan(1);
    expect(limits.lower95).toBeGreaterThan(0);
  });

  it('CQC limits with multiplier 100 straddle 100', () => {
    const limits = funnelLimitsAt(10, { method: { dataType: 'sr', srMethod: 'cqc' }, target: 1, tau2: 0.02, adjusted: true, multiplier: 100 });
    expect(limits.lower95).toBeLessThan(100);
    expect(limits.upper95).toBeGreaterThan(100);
  });

  it('SHMI adjusted limits are exp(±z √(1/E + τ²))', () => {
    const limits = funnelLimitsAt(250, { method: { dataType: 'sr', srMethod: 'shmi' }, target: 1, tau2: 0.02, adjusted: true, multiplier: 1 });
    expect(limits.upper998).toBeCloseTo(Math.exp(3.090232 * Math.sqrt(1 / 250 + 0.02)), 15);
    expect(limits.lower95 * limits.upper95).toBeCloseTo(1, 15);
  });
});
