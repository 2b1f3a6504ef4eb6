import { describe, expect, it } from 'vitest';
import { formatDifference, formatFigure, formatGap, formatGroupFigure, formatZ } from './quality-format.js';

describe('a group’s figure on the quality pages', () => {
  it.each<[string, 'count' | 'minutes' | 'proportion' | 'rate_per_1000', number | null, string]>([
    ['a count is the average of the practices, whole, and says so', 'count', 10_556.6, '10,557 on average'],
    ['a time is an average too', 'minutes', 12.34, '12.3 min on average'],
    ['a percentage is pooled, written as one', 'proportion', 7.3125, '7.31%'],
    ['a rate is pooled, written as one', 'rate_per_1000', 1.236, '1.24 per 1,000'],
    ['nothing is a dash', 'count', null, '–'],
  ])('%s', (_name, unit, value, text) => {
    expect(formatGroupFigure(value, { unit })).toBe(text);
  });

  it('leaves a practice’s own count as it is', () => {
    expect(formatFigure(10_556, { unit: 'count' })).toBe('10,556');
  });
});

describe('a practice’s difference from a group', () => {
  it.each<[string, 'count' | 'minutes' | 'proportion', number, string]>([
    ['a count from an average is whole, however the average falls', 'count', -1_255.6, '−1,256'],
    ['a whole count keeps its sign', 'count', 2_740, '+2,740'],
    ['a percentage is in percentage points', 'proportion', 0.4231, '+0.42 percentage points'],
    ['a time keeps its tenth of a minute', 'minutes', -1.25, '−1.3 min'],
  ])('%s', (_name, unit, value, text) => {
    expect(formatDifference(value, { unit })).toBe(text);
  });
});

describe('a practice’s gap to the minimum standard', () => {
  it.each<[string, 'count' | 'proportion', 'higher' | 'lower', number | null, string]>([
    ['below a minimum when higher is better', 'proportion', 'higher', 4.0312, '4.03 percentage points below'],
    ['above a maximum when lower is better', 'proportion', 'lower', 1.1712, '1.17 percentage points above'],
    ['a count is whole', 'count', 'higher', 120.4, '120 below'],
    ['no gap is a dash', 'proportion', 'higher', null, '–'],
  ])('%s', (_name, unit, polarity, gap, text) => {
    expect(formatGap(gap, { unit, polarity })).toBe(text);
  });
});

describe('a z-score', () => {
  it.each<[number | null, string]>([
    [-3.414, '−3.41'],
    [4.186, '4.19'],
    [-0.001, '0.00'],
    [null, '–'],
  ])('%s is written %s', (z, text) => {
    expect(formatZ(z)).toBe(text);
  });
});
