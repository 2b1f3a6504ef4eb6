import { gammaQuantile } from './gamma-distribution.js';
import { backTransform, type FunnelMethod, limitStandardError, transformedTarget } from './funnel-transforms.js';
import { poissonLowerLimit, poissonUpperLimit } from './poisson-limits.js';

/**
 * Funnel limits at a denominator, at 95% and 99.8% (Spiegelhalter 2005: about 2 and 3 standard
 * errors either side of the target).
 */

export const COVERAGE_95 = 0.95;
export const COVERAGE_998 = 0.998;

/**
 * The z multipliers of the normal-approximation limits, exactly as FunnelPlotR 0.6.0 writes them
 * (calculate_limits.R): qnorm(0.975) and qnorm(0.999) rounded to 6 decimals. The exact quantiles
 * (normal.ts: 1.959963984540054, 3.090232306167813) differ by under 3.1e−7, which moves a 99.8% limit
 * by up to ~1e−7 — enough to change the 7th printed digit of the package's published results, so we
 * use the package's constants and match it digit for digit. Exact Poisson limits use exact quantiles.
 */
export const Z_95 = 1.959964;
export const Z_998 = 3.090232;

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface LimitContext {
  method: FunnelMethod;
  /** The centre line on the ratio scale (before the multiplier). */
  target: number;
  /** Between-unit variance; 0 for unadjusted limits. */
  tau2: number;
  /** Whether these are overdispersion-adjusted limits. */
  adjusted: boolean;
  multiplier: number;
}

/**
 * Exact Poisson limits for an observed/expected ratio with expected count E (Spiegelhalter 2005,
 * exact limits for counts), in the chi-squared form FunnelPlotR's calculate_limits uses:
 *   lower = qchisq(α, 2E) / 2E = G⁻¹(α; E)/E,   upper = qchisq(1 − α, 2(E + 1)) / 2E = G⁻¹(1 − α; E + 1)/E.
 */
export function exactPoissonRatioLimits(expected: number, coverage: number): { lower: number; upper: number } {
  const tail = (1 - coverage) / 2;
  return {
    lower: gammaQuantile(expected, tail, 'lower') / expected,
    upper: gammaQuantile(expected + 1, tail, 'upper') / expected,
  };
}

/**
 * The limits at one denominator. Unadjusted standardised ratios and rates use exact Poisson limits;
 * everything else is θ ± z √(s² + τ²) on the transformed scale, transformed back (τ² = 0 when unadjusted).
 */
export function funnelLimitsAt(denominator: number, context: LimitContext): FunnelLimits {
  const { method, target, multiplier } = context;
  if (!context.adjusted && method.dataType === 'sr') return exactPoissonLimits(denominator, target, multiplier);
  if (!context.adjusted && method.dataType === 'rc') return exactPoissonRateLimits(denominator, target, multiplier);
  const s = limitStandardError(denominator, method);
  return normalLimits(transformedTarget(target, method), s * s + (context.adjusted ? context.tau2 : 0), method, multiplier);
}

/**
 * A rate's exact Poisson limits at a population D: the counts the exact test allows against
 * Poisson(target × D) (poisson-limits.ts), each over D and scaled. A rate is compared with them as
 * its count would be, so it is outside exactly when P(X ≤ O) or P(X ≥ O) is below the tail.
 */
export function exactPoissonRateLimits(denominator: number, target: number, multiplier: number): FunnelLimits {
  const expected = target * denominator;
  const rate = (count: number) => (count / denominator) * multiplier;
  const tail95 = (1 - COVERAGE_95) / 2;
  const tail998 = (1 - COVERAGE_998) / 2;
  return {
    lower95: rate(poissonLowerLimit(expected, tail95)),
    upper95: rate(poissonUpperLimit(expected, tail95)),
    lower998: rate(poissonLowerLimit(expected, tail998)),
    upper998: rate(poissonUpperLimit(expected, tail998)),
  };
}

/** Exact Poisson limits on O/E at expected count E, scaled to the target and multiplier. */
export function exactPoissonLimits(expected: number, target: number, multiplier: number): FunnelLimits {
  const p95 = exactPoissonRatioLimits(expected, COVERAGE_95);
  const p998 = exactPoissonRatioLimits(expected, COVERAGE_998);
  return {
    lower95: multiplier * target * p95.lower,
    upper95: multiplier * target * p95.upper,
    lower998: multiplier * target * p998.lower,
    upper998: multiplier * target * p998.upper,
  };
}

/**
 * θ ± z √variance (variance = s² + τ²), transformed back. θ is taken ready-made so that a funnel of
 * thousands of units transforms its target once, not once per unit; and the four limits are written
 * out rather than built by a closure, which allocating per unit made the hot loop's main cost.
 */
export function normalLimits(centre: number, variance: number, method: FunnelMethod, multiplier: number): FunnelLimits {
  const spread = Math.sqrt(variance);
  return {
    lower95: multiplier * backTransform(centre + -Z_95 * spread, method),
    upper95: multiplier * backTransform(centre + Z_95 * spread, method),
    lower998: multiplier * backTransform(centre + -Z_998 * spread, method),
    upper998: multiplier * backTransform(centre + Z_998 * spread, method),
  };
}
