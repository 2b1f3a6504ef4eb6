import { describe, expect, it } from 'vitest';
import { percentMessage, percentSchema, percentToBasisPoints } from './percent.js';

describe('percentages to basis points, on the digits', () => {
  it.each([
    ['95', 9_500],
    [95.5, 9_550],
    ['0.29', 29],
    [28.5, 2_850],
    ['5%', 500],
    [' 100 ', 10_000],
    [0, 0],
  ] as const)('%j → %i', (input, basisPoints) => expect(percentToBasisPoints(input)).toBe(basisPoints));

  it.each(['95.125', 0.285, '100.01', '-5', 'five', '', '1e2'])('refuses %j', (input) => {
    expect(() => percentToBasisPoints(input)).toThrow(percentMessage);
    expect(percentSchema.safeParse(input).error?.issues[0]?.message).toBe(percentMessage);
  });

  it('hands on the percentage typed, as a number', () => expect(percentSchema.parse('95.5%')).toBe(95.5));
});
