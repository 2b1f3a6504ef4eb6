import { describe, expect, it } from 'vitest';
import { funnelPosition, standardWord } from './outlier-words.js';

describe('funnelPosition: says which side of the funnel and whether that is better', () => {
  it.each([
    { outlier: 'high', z: 3.5, polarity: 'higher', words: 'Above (better)' },
    { outlier: 'high', z: 3.5, polarity: 'lower', words: 'Above (worse)' },
    { outlier: 'low', z: -3.5, polarity: 'higher', words: 'Below (worse)' },
    { outlier: 'low', z: -3.5, polarity: 'lower', words: 'Below (better)' },
    { outlier: 'high', z: 3.5, polarity: 'neutral', words: 'Above' },
    { outlier: null, z: 0.4, polarity: 'higher', words: 'Within' },
    { outlier: null, z: null, polarity: 'higher', words: '–' },
  ] as const)('$outlier, $polarity is better → $words', ({ outlier, z, polarity, words }) => {
    expect(funnelPosition(outlier, z, polarity)).toBe(words);
  });

  it('names the threshold a minimum, or a maximum when lower is better', () => {
    expect([standardWord('higher'), standardWord('neutral'), standardWord('lower')]).toEqual(['minimum', 'minimum', 'maximum']);
  });
});
