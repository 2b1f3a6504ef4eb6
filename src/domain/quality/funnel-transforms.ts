/**
 * The three data types of a funnel plot and the variance-stabilising transforms that make each
 * approximately normal with a known standard error (Spiegelhalter 2005 Stat Med 24:1185;
 * Spiegelhalter 2005 QSHC 14:347; Spiegelhalter et al. 2012 JRSS A 175:1). pr and sr are as
 * FunnelPlotR 0.6.0 applies them (R/od_adjustment.R transformed_zscore and R/calculate_limits.R,
 * commit 9020d49); rc is not (below).
 *
 *   pr  proportion O/n          y = asin √(O/n)                   s = 1 / (2√n)          target p̄ = ΣO/Σn
 *   sr  standardised ratio O/E  SHMI: y = log(O/E)                s = 1/√E               target 1
 *                               CQC:  y = √(O/E)                  s = 1 / (2√E)          target 1
 *   rc  rate O/D (a count over  y = √(O/D)                        s = 1 / (2√D)          target t = ΣO/ΣD
 *       a population)
 *
 * z = (y − θ)/s, with θ the target on the transformed scale. Limits are θ ± z_α √(s² + τ²) on that
 * scale, transformed back; unadjusted standardised ratios and rates use exact Poisson limits instead
 * (funnel-limits.ts).
 *
 * rc is a count of events (admissions) among a population (a practice's list): O ~ Poisson(t × D)
 * when the practice's rate is the group's. On the square-root scale z = 2(√O − √(tD)), the
 * square-root form Spiegelhalter (2005, QSHC) uses for counts against an expected count, so τ² is
 * estimated on the scale the adjusted limits are drawn on and a count of 0 has a place.
 * FunnelPlotR's rc is log((O+½)/(D+½)) with s = √(O/(O+½)² + D/(D+½)²): its z took each unit's own
 * s while the limits took another, so with ten or so admissions a month a practice could be flagged
 * below the limits with a z of −2 (docs/quality.md, "Where we differ").
 */

export type FunnelDataType = 'pr' | 'sr' | 'rc';
export type StandardisedRatioMethod = 'shmi' | 'cqc';

export interface FunnelMethod {
  dataType: FunnelDataType;
  /** Only for standardised ratios. */
  srMethod: StandardisedRatioMethod;
}

export interface TransformedUnit {
  y: number;
  standardError: number;
}

/** The centre line on the ratio scale: 1 for a standardised ratio, otherwise the pooled ratio ΣO/ΣD. */
export function funnelTarget(units: readonly { numerator: number; denominator: number }[], method: FunnelMethod): number {
  if (method.dataType === 'sr') return 1;
  const numerator = units.reduce((sum, u) => sum + u.numerator, 0);
  const denominator = units.reduce((sum, u) => sum + u.denominator, 0);
  return numerator / denominator;
}

/** θ: the target on the transformed scale. */
export function transformedTarget(target: number, method: FunnelMethod): number {
  switch (method.dataType) {
    case 'pr':
      return Math.asin(Math.sqrt(target));
    case 'rc':
      return Math.sqrt(target);
    case 'sr':
      return method.srMethod === 'shmi' ? Math.log(target) : Math.sqrt(target);
  }
}

/** y and its standard error s for one unit. */
export function transformUnit(numerator: number, denominator: number, method: FunnelMethod): TransformedUnit {
  switch (method.dataType) {
    case 'pr':
      return { y: Math.asin(Math.sqrt(numerator / denominator)), standardError: 1 / (2 * Math.sqrt(denominator)) };
    case 'rc':
      return { y: Math.sqrt(numerator / denominator), standardError: 1 / (2 * Math.sqrt(denominator)) };
    case 'sr':
      return method.srMethod === 'shmi'
        ? { y: Math.log(numerator / denominator), standardError: 1 / Math.sqrt(denominator) }
        : { y: Math.sqrt(numerator / denominator), standardError: 1 / (2 * Math.sqrt(denominator)) };
  }
}

/**
 * The standard error the funnel's normal limits use at a denominator: the unit's own s, which for
 * every type depends on the denominator alone, so a unit is outside the normal limits exactly when
 * its z-score is beyond z_α.
 */
export function limitStandardError(denominator: number, method: FunnelMethod): number {
  if (method.dataType === 'sr' && method.srMethod === 'shmi') return 1 / Math.sqrt(denominator);
  return 1 / (2 * Math.sqrt(denominator));
}

/**
 * Back from the transformed scale to the ratio scale. Each inverse is taken only where the transform
 * is monotone: an arcsine limit past 0 or π/2 means "0" or "1" (FunnelPlotR truncates these too,
 * row by row), and a square-root limit below 0 means a ratio (or rate) of 0.
 *
 * CQC: FunnelPlotR 0.6.0 returns 1 ± z√(s² + τ²) without squaring it back, comparing a ratio with a
 * square-root-scale limit (nhs-r-community/FunnelPlotR issue #33, open). We square it, since a limit
 * must be transformed back like the value it bounds, so our CQC limits deliberately differ from the package's.
 */
export function backTransform(transformed: number, method: FunnelMethod): number {
  switch (method.dataType) {
    case 'pr':
      if (transformed <= 0) return 0;
      if (transformed >= Math.PI / 2) return 1;
      return Math.sin(transformed) ** 2;
    case 'sr':
      if (method.srMethod === 'shmi') return Math.exp(transformed);
      return transformed <= 0 ? 0 : transformed ** 2;
    case 'rc':
      return transformed <= 0 ? 0 : transformed ** 2;
  }
}

/**
 * Expected counts rounded to 2 decimals, as the SHMI publication does and FunnelPlotR does by default
 * for SHMI (SHMI_rounding = TRUE, v0.4.2). Rounds the double's exact value; an exact tie goes to
 * even, as R's round() does.
 */
export function roundExpectedCount(expected: number): number {
  const scaled = expected * 100;
  if (Number.isInteger(scaled * 2) && !Number.isInteger(scaled)) {
    const floor = Math.floor(scaled);
    return (floor % 2 === 0 ? floor : floor + 1) / 100;
  }
  return Number(expected.toFixed(2));
}
