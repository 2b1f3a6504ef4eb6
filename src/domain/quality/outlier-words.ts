import type { Polarity } from './indicators.js';

/**
 * Where a practice sits on the funnel, in words that say whether that is good: "Above (better)"
 * when higher is better, "Above (worse)" when lower is, plain "Above" for a neutral indicator such
 * as prevalence. '–' when the practice has no z-score.
 */
export function funnelPosition(outlier: 'high' | 'low' | null, z: number | null, polarity: Polarity): string {
  if (outlier === null) return z === null ? '–' : 'Within';
  const side = outlier === 'high' ? 'Above' : 'Below';
  if (polarity === 'neutral') return side;
  const better = (outlier === 'high') === (polarity === 'higher');
  return `${side} (${better ? 'better' : 'worse'})`;
}

/** The one threshold a practice must meet: a minimum where higher is better, a maximum where lower is. */
export const standardWord = (polarity: Polarity): 'minimum' | 'maximum' => (polarity === 'lower' ? 'maximum' : 'minimum');
