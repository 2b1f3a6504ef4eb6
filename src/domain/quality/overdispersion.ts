/**
 * Overdispersion: how much more the units differ than chance alone allows, and the between-unit
 * variance that widens the funnel to match (Spiegelhalter 2005, "Handling over-dispersion of
 * performance indicators", Qual Saf Health Care 14:347; Spiegelhalter et al. 2012, JRSS A 175:1).
 * Reimplemented from the method as FunnelPlotR 0.6.0 applies it (R/od_adjustment.R,
 * commit 9020d4972873d863e10b8a16555975f0e322adfc).
 */

/**
 * An ascending copy. A Float64Array sorts numerically without calling a comparator per comparison, the
 * bulk of the cost at thousands of units; for the z-scores here (never NaN) the order of values is the
 * same as sort((a, b) => a − b) gives, and −0 next to +0 cannot change a quantile or a rank.
 */
function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** Type 7 quantile of values already sorted ascending. */
function sortedQuantileType7(sorted: Float64Array, probability: number): number {
  const index = (sorted.length - 1) * probability;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const h = index - lo;
  if (h === 0 || sorted[hi] === sorted[lo]) return sorted[lo]!;
  return (1 - h) * sorted[lo]! + h * sorted[hi]!;
}

/** R's default sample quantile (type 7): linear interpolation between order statistics. */
export function quantileType7(values: readonly number[], probability: number): number {
  return sortedQuantileType7(sortedCopy(values), probability);
}

/** The first position in ascending `sorted` whose value is not below (`orEqual`: not at or below) `value`. */
function bound(sorted: Float64Array, value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value || (orEqual && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranks from 1, ties sharing their average rank (R's rank(ties.method = "average")). A value's ties
 * occupy sorted positions first..last, so its rank is (first + last)/2 + 1; two binary searches find
 * them without building and sorting an object per value.
 */
export function averageRanks(values: readonly number[]): number[] {
  const sorted = sortedCopy(values);
  return values.map((v) => (bound(sorted, v, false) + bound(sorted, v, true) - 1) / 2 + 1);
}

/**
 * Winsorisation (Spiegelhalter 2005): z-scores below the `trim` quantile are raised to it and those
 * above the 1 − trim quantile lowered to it, so a few extreme units cannot inflate φ on their own.
 * Both quantiles come from one sort.
 */
export function winsorise(zScores: readonly number[], trim: number): number[] {
  const sorted = sortedCopy(zScores);
  const low = sortedQuantileType7(sorted, trim);
  const high = sortedQuantileType7(sorted, 1 - trim);
  return zScores.map((z) => (z < low ? low : z > high ? high : z));
}

/**
 * The SHMI's truncation (NHS Digital SHMI specification; FunnelPlotR truncation()): units are put in
 * 1/trim rank groups, floor(rank × k / (n + 1)) with k = 1/trim, and the lowest and highest groups are
 * left out of φ and τ² altogether rather than pulled in. Returns true for the units kept.
 */
export function keptAfterTruncation(zScores: readonly number[], trim: number): boolean[] {
  if (trim === 0) return zScores.map(() => true); // k would be infinite: nothing is cut
  const groups = 1 / trim;
  const ranks = averageRanks(zScores);
  return ranks.map((rank) => {
    const group = Math.floor((rank * groups) / (zScores.length + 1));
    return group > 0 && group < groups - 1;
  });
}

/** φ, the dispersion ratio: the mean square of the (winsorised or kept) z-scores. 1 means "as chance predicts". */
export function dispersionRatio(zScores: readonly number[]): number {
  return zScores.reduce((sum, z) => sum + z * z, 0) / zScores.length;
}

/**
 * τ², the between-unit variance, by the DerSimonian–Laird moment estimator with weights w = 1/s²
 * (Spiegelhalter 2005 QSHC; DerSimonian & Laird 1986):
 *   τ² = max(0, (nφ − (n − 1)) / (Σw − Σw² / Σw)),
 * and 0 when nφ < n − 1. φ ≤ 1 is handled by the caller, which then draws unadjusted limits.
 */
export function betweenUnitVariance(phi: number, standardErrors: readonly number[]): number {
  const n = standardErrors.length;
  if (n < 2 || !(n * phi >= n - 1)) return 0;
  const weights = standardErrors.map((s) => 1 / (s * s));
  const sumW = weights.reduce((a, w) => a + w, 0);
  const sumW2 = weights.reduce((a, w) => a + w * w, 0);
  const spread = sumW - sumW2 / sumW;
  if (!(spread > 0)) return 0;
  return Math.max(0, (n * phi - (n - 1)) / spread);
}
