import { describe, expect, it } from 'vitest';
import { formatPence, penceToPounds } from './format-money.js';

describe('formatPence', () => {
  it.each([
    [128300, '£1,283'],
    [128250, '£1,282.50'],
    [193, '£1.93'],
    [5, '£0.05'],
    [0, '£0'],
    [-2138600, '−£21,386'],
    [7002400, '£70,024'],
  ])('%i pence is %s', (pence, text) => {
    expect(formatPence(pence)).toBe(text);
  });

  it.each([
    [6668900, 66689],
    [199, 1.99],
  ])('penceToPounds(%i) = %s', (pence, pounds) => {
    expect(penceToPounds(pence)).toBe(pounds);
  });
});
