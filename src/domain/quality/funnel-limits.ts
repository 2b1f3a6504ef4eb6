import { gammaQuantile } from './gamma-distribution.js';
import { backTransform, type FunnelMethod, limitStandardError, transformedTarget } from './funnel-transforms.js';

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
 * The limits at one denominator. Unadjusted standardised ratios use exact Poisson limits; everything
 * else is θ ± z √(s² + τ²) on the transformed scale, transformed back (τ² = 0 when unadjusted).
 */
export function funnelLimitsAt(denominator: number, context: LimitContext): FunnelLimits {
  const { method, target, multiplier } = context;
  if (method.dataType === 'sr' && !context.adjusted) {
    const p95 = exactPoissonRatioLimits(denominator, COVERAGE_95);
    const p998 = exactPoissonRatioLimits(denominator, COVERAGE_998);
    return {
      lower95: multiplier * target * p95.lower,
      upper95: multiplier * target * p95.upper,
      lower998: multiplier * target * p998.lower,
      upper998: multiplier * target * p998.upper,
    };
  }
  const centre = transformedTarget(target, method);
  const s = limitStandardError(denominator, method);
  const spread = Math.sqrt(s * s + (context.adjusted ? context.tau2 : 0));
  const at = (z: number) => multiplier * backTransform(centre + z * spread, method);
  return { lower95: at(-Z_95), upper95: at(Z_95), lower998: at(-Z_998), upper998: at(Z_998) };
}
