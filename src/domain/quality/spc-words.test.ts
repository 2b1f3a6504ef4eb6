import { describe, expect, it } from 'vitest';
import { describePointType } from './spc-words.js';

describe('an SPC point’s colour in words', () => {
  it.each([
    [null, ''],
    ['common_cause', 'Common cause'],
    ['special_cause_improvement', 'Special cause: improvement'],
    ['special_cause_concern', 'Special cause: concern'],
    ['special_cause_neutral_high', 'Special cause: neither better nor worse (high)'],
    ['special_cause_neutral_low', 'Special cause: neither better nor worse (low)'],
  ])('%s reads “%s”', (type, words) => {
    expect(describePointType(type)).toBe(words);
  });
});
