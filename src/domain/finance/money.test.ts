import { describe, expect, it } from 'vitest';
import { canonicalPounds, parsePounds, penceFromText, poundsSchema, shareOf, splitPence } from './money.js';

describe('parsePounds', () => {
  it.each([
    ['£1,234.50', 123450],
    ['1234.5', 123450],
    ['1,234', 123400],
    ['173620', 17362000],
    ['£0.29', 29],
    ['.5', 50],
    ['-688', -68800],
    ['(688)', -68800],
    ['£ 1,000,000', 100000000],
    [' 56032 ', 5603200],
    [461500, 46150000],
    [0.29, 29],
  ])('%s is %i pence', (input, pence) => {
    expect(parsePounds(input)).toBe(pence);
  });

  it.each([['1,23'], ['12.345'], ['abc'], [''], ['£'], ['1.2.3'], ['12,34,567']])('refuses "%s"', (input) => {
    expect(() => parsePounds(input)).toThrow(/amount|empty/);
  });

  it('refuses a negative amount where one is not allowed, with a message', () => {
    const result = poundsSchema().safeParse('-5');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must not be negative');
    expect(poundsSchema({ allowNegative: true }).parse('-£5')).toBe('-5.00');
  });

  it('gives the same amount when checked twice, as a request is by the API and then the use case', () => {
    const once = poundsSchema().parse('£1,000');
    expect([once, poundsSchema().parse(once), parsePounds(poundsSchema().parse(once))]).toEqual(['1000.00', '1000.00', 100000]);
  });
});

describe('penceFromText: money cells of a spreadsheet, exactly', () => {
  it.each([
    ['£12,705', 'pounds', 1_270_500],
    ['1.005', 'pounds', undefined],
    ['£1,234.505', 'pounds', undefined],
    ['TBD', 'pounds', undefined],
    ['£30-35K', 'pounds', undefined],
    ['  ', 'pounds', null],
    ['12.5', 'thousands', 1_250_000],
    ['1,234.5', 'thousands', 123_450_000],
    ['0.0125', 'thousands', 1_250],
    ['1.00501', 'thousands', 100_501],
    ['1.005001', 'thousands', undefined],
    ['-2', 'thousands', -200_000],
    ['.5', 'thousands', 50_000],
    ['1,23', 'thousands', undefined],
  ] as const)('%j in %s → %j', (text, unit, pence) => expect(penceFromText(text, unit)).toBe(pence));
});

describe('splitPence and shareOf', () => {
  it.each([
    [10000, 3, [3334, 3333, 3333]],
    [20000000, 4, [5000000, 5000000, 5000000, 5000000]],
    [-100, 3, [-34, -33, -33]],
    [5, 12, [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]],
  ])('%i in %i parts', (pence, parts, expected) => {
    expect(splitPence(pence, parts)).toEqual(expected);
    expect(splitPence(pence, parts).reduce((a, b) => a + b, 0)).toBe(pence);
  });

  it.each([
    [5000000, 9500, 4750000],
    [1, 5000, 1],
    [3, 5000, 2],
    [-3, 5000, -2],
    [12345, 0, 0],
  ])('%i at %i basis points is %i', (pence, bp, expected) => {
    expect(shareOf(pence, bp)).toBe(expected);
  });
});

// Boundaries and messages that mutation testing found unpinned.
describe('money at its edges', () => {
  it.each([
    [Number.POSITIVE_INFINITY, 'is not an amount of money'],
    ['   ', 'is empty: enter an amount such as £1,234.50'],
    // 10^17 pence is past the largest safe integer (about 9.007 × 10^15).
    ['1000000000000000', '"1000000000000000" is too large'],
  ] as const)('refuses %s saying "%s"', (input, message) => {
    expect(() => parsePounds(input)).toThrow(new Error(message));
  });

  it.each(['0', '-0', '(0)', '-£0.00'])('reads %s as 0 pence, never minus 0', (input) => {
    expect(Object.is(parsePounds(input), 0)).toBe(true);
  });

  it('writes and accepts £0 as plain 0.00, not as a negative amount', () => {
    expect(canonicalPounds(0)).toBe('0.00');
    expect(canonicalPounds(-1)).toBe('-0.01');
    expect(poundsSchema().parse('0')).toBe('0.00');
  });

  it('splits into no instalments as none, and takes no share of nothing', () => {
    expect(splitPence(10_000, 0)).toEqual([]);
    expect(Object.is(shareOf(0, 9_500), 0)).toBe(true);
    expect(shareOf(-10_001, 5_000)).toBe(-5_001);
  });
});
