import { gammaTail, poissonProbability } from './gamma-distribution.js';
import { normalQuantile } from './normal.js';

/**
 * Exact Poisson limits on a count, and the z-score that goes with them: a practice's count O (its
 * emergency admissions, say) against X ~ Poisson(E), E being the count its list would give at the
 * group's rate. The count is below the lower limit exactly when P(X ≤ O) < α and above the upper
 * exactly when P(X ≥ O) < α: the exact test, so chance alone puts a practice whose true rate is the
 * group's outside each limit with probability at most α (less where the counts are small, as a
 * count cannot fall between whole numbers).
 *
 * Between whole counts the limits are interpolated linearly in the distribution function, as
 * Spiegelhalter (2005a) does for exact limits, so the curve drawn through them is smooth in E. Each
 * side is interpolated from its own tail — P(X ≤ k) below, P(X ≥ k) above — so that a whole count is
 * outside the curve exactly when the test puts it there, and a count between whole numbers is read
 * on the same interpolated tails.
 */

/** P(X ≤ k) for a whole k ≥ 0: the upper regularised gamma Q(k + 1, mean). */
const atMost = (k: number, mean: number) => gammaTail(k + 1, mean, 'upper');

/** P(X ≥ k) for a whole k ≥ 0: 1 at k = 0, else the lower regularised gamma P(k, mean). */
const atLeast = (k: number, mean: number) => (k <= 0 ? 1 : gammaTail(k, mean, 'lower'));

/** P(X ≤ count), interpolated linearly between whole counts. */
export function poissonLowerTail(count: number, mean: number): number {
  const k = Math.ceil(count);
  if (k === count) return atMost(k, mean);
  return (k === 0 ? 0 : atMost(k - 1, mean)) + (count - (k - 1)) * poissonProbability(k, mean);
}

/** P(X ≥ count), interpolated linearly between whole counts. */
export function poissonUpperTail(count: number, mean: number): number {
  const k = Math.floor(count);
  if (k === count) return atLeast(k, mean);
  return atLeast(k, mean) - (count - k) * poissonProbability(k, mean);
}

/** A first guess at the whole count where a tail holds `tail`, walked from in whole steps. */
const normalGuess = (mean: number, z: number) => Math.max(0, Math.round(mean + z * Math.sqrt(mean)));

/**
 * The count below which P(X ≤ count) < tail: the smallest whole k with P(X ≤ k) ≥ tail, less the
 * part of its own probability that lies above `tail`. Never below 0 (a count of 0 is inside when
 * P(X = 0) ≥ tail).
 */
export function poissonLowerLimit(mean: number, tail: number): number {
  let k = normalGuess(mean, normalQuantile(tail));
  if (atMost(k, mean) >= tail) {
    while (k > 0 && atMost(k - 1, mean) >= tail) k--;
  } else {
    while (atMost(k, mean) < tail) k++;
  }
  const probability = poissonProbability(k, mean);
  if (!(probability > 0)) return k;
  return Math.max(0, k - (atMost(k, mean) - tail) / probability);
}

/** The count above which P(X ≥ count) < tail: one more than the largest whole k with P(X ≥ k) ≥ tail, interpolated back. */
export function poissonUpperLimit(mean: number, tail: number): number {
  // k is the smallest whole count with P(X ≥ k) < tail; k − 1 is the largest still inside.
  let k = Math.max(1, normalGuess(mean, -normalQuantile(tail)) + 1);
  if (atLeast(k, mean) < tail) {
    while (k > 1 && atLeast(k - 1, mean) < tail) k--;
  } else {
    while (atLeast(k, mean) >= tail) k++;
  }
  const probability = poissonProbability(k - 1, mean);
  if (!(probability > 0)) return k - 1;
  return k - 1 + (atLeast(k - 1, mean) - tail) / probability;
}

/**
 * The z-score of a count that agrees with these limits at every level: Φ⁻¹(P(X ≤ O)) when that tail
 * is under ½, −Φ⁻¹(P(X ≥ O)) when that one is, and 0 when neither is (the two tails always add to
 * more than 1, so at most one is under ½). So |z| > Φ⁻¹(1 − α) exactly when the count is outside the
 * limits for tail α: beyond ±3.09 is outside the 99.8% limits, beyond ±1.96 outside the 95%.
 * A tail too small for a double (a count of 100 where 5,000 were expected) is taken as the smallest
 * one, so z stays a number (about ±38) rather than infinite.
 */
export function poissonZ(count: number, mean: number): number {
  const lower = poissonLowerTail(count, mean);
  if (lower < 0.5) return normalQuantile(Math.max(lower, Number.MIN_VALUE));
  const upper = poissonUpperTail(count, mean);
  if (upper < 0.5) return -normalQuantile(Math.max(upper, Number.MIN_VALUE));
  return 0;
}
