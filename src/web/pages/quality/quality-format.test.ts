import { describe, expect, it } from 'vitest';
import { formatFigure, formatGroupFigure } from './quality-format.js';

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
