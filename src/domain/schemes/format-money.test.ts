import { describe, expect, it } from 'vitest';
import { formatCount, formatPence, formatPenceInColumn, penceToPounds } from './format-money.js';

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
    [0, '£0.00'],
    [98176500, '£981,765.00'],
    [3272550, '£32,725.50'],
    [-16600, '−£166.00'],
  ])('in a column, %i pence is %s (every cell shows its pence, so they line up)', (pence, text) => {
    expect(formatPenceInColumn(pence)).toBe(text);
  });

  it.each([
    [6668900, 66689],
    [199, 1.99],
  ])('penceToPounds(%i) = %s', (pence, pounds) => {
    expect(penceToPounds(pence)).toBe(pounds);
  });
});

describe('formatCount', () => {
  it.each([0, 1, 12, 999, 1000, 5100, 327255, 1234567.891, 144.9527, 12.5, 12.005, 0.125, 2.675, 1.005, -1234.5, -0.004, -0.005, 99999.995, 0.1 + 0.2, 1e-7, 1e20])('writes %s as en-GB does, with a true minus sign', (n) => {
    expect(formatCount(n)).toBe(n.toLocaleString('en-GB', { maximumFractionDigits: 2 }).replace('-', '\u2212'));
  });
});
