import { describe, expect, it } from 'vitest';
import { formatCount, formatQuantity, formatPence, formatPenceInColumn, moneyColumnFormat, penceToPounds } from './format-money.js';

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

describe('formatQuantity', () => {
  it.each([
    [2.6, 'pharmacist days', '2.6 pharmacist days'],
    [1, 'pharmacist days', '1 pharmacist day'],
    [1, 'appointments', '1 appointment'],
    [1, 'WTE days', '1 WTE day'],
    [1, 'deliveries', '1 delivery'],
    [1, 'clinic passes', '1 clinic pass'],
    [1, 'home visits by bus', '1 home visits by bus'],
    [1, '£', '1 £'],
    [0, 'hours', '0 hours'],
    [1.5, 'hours', '1.5 hours'],
    [1200, 'sessions', '1,200 sessions'],
  ])('%s %s → %s', (n, unit, expected) => {
    expect(formatQuantity(n, unit)).toBe(expected);
  });
});

describe('moneyColumnFormat: a column of money lines up, in whole pounds unless some amount has pence', () => {
  it.each([
    { column: [260000, 5000, null], write: 260000, as: '£2,600' },
    { column: [260000, 5000, null], write: 0, as: '£0' },
    { column: [260000, 193, undefined], write: 260000, as: '£2,600.00' },
    { column: [260000, 193], write: 0, as: '£0.00' },
    { column: [-150], write: -260000, as: '−£2,600.00' },
    { column: [], write: 5000, as: '£50' },
  ])('in a column of $column, $write pence is $as', ({ column, write, as }) => {
    expect(moneyColumnFormat(column)(write)).toBe(as);
  });
});
