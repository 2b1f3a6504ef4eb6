/**
 * The standard normal quantile function (inverse CDF).
 *
 * Wichura, M. J. (1988) "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37(3): 477–484 — the PPND16 rational approximations, accurate to about
 * 1 part in 10^16. R's qnorm() uses the same algorithm, so the quantiles here agree with the R
 * packages whose published results we match (FunnelPlotR, NHSRplotthedots), and so does R's
 * inversion method for rnorm(), which our tests replay to rebuild those packages' test data.
 */

// Coefficients for |p − 0.5| ≤ 0.425 (AS 241, PPND16 central region).
const centralNumerator = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const centralDenominator = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
];
// Coefficients for the tails while r = sqrt(−log(min(p, 1 − p))) ≤ 5.
const nearTailNumerator = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const nearTailDenominator = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
// Coefficients for the far tails, r > 5 (p below about 1e−11).
const farTailNumerator = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const farTailDenominator = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Horner evaluation, highest power last in the array (as AS 241 tabulates them). */
function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i]!;
  return value;
}

/**
 * The z with P(Z ≤ z) = p for a standard normal Z. Returns −∞/+∞ at 0/1 and NaN outside [0, 1],
 * as R's qnorm does, rather than throwing: callers decide what an impossible probability means.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(centralNumerator, r)) / polynomial(centralDenominator, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(nearTailNumerator, r) / polynomial(nearTailDenominator, r);
  } else {
    r -= 5;
    value = polynomial(farTailNumerator, r) / polynomial(farTailDenominator, r);
  }
  return q < 0 ? -value : value;
}

/** The two-sided z for a central coverage, e.g. 0.95 → 1.959963984540054, 0.998 → 3.090232306167813. */
export function twoSidedNormalQuantile(coverage: number): number {
  return normalQuantile(1 - (1 - coverage) / 2);
}
