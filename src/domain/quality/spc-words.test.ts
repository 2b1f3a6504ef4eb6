import { describe, expect, it } from 'vitest';
import { describePointType, describeScreening } from './spc-words.js';

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

describe('what screening left out of a chart’s limits, in words', () => {
  it.each([
    [{ leftOut: 0, of: 23 }, 'Screened: no moving range was 3.267 × the average or more, so all 23 set the limits.'],
    [{ leftOut: 2, of: 23 }, 'Screened: 2 of 23 moving ranges, each 3.267 × the average or more, left out of the average moving range.'],
  ])('%o reads “%s”', (screening, words) => expect(describeScreening(screening)).toBe(words));
});
