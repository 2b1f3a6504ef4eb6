import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parsePoundsToPence } from './pounds-and-years.js';

describe('parsePoundsToPence', () => {
  it.each([
    ['£1,234.50', 123450],
    ['1234.5', 123450],
    ['1,234', 123400],
    [' £0.50 ', 50],
    ['£190,000', 19000000],
    ['3.340', 334],
    [75000, 7500000],
    ['£ 12', 1200],
  ])('reads %s as %i pence', (text, pence) => {
    expect(parsePoundsToPence(text)).toBe(pence);
  });

  it.each([
    ['-5', 'negative'],
    ['£-5', 'negative'],
    ['12,34', 'not an amount'],
    ['1.234', 'fraction of a penny'],
    ['ten pounds', 'not an amount'],
    ['', 'enter an amount'],
  ])('refuses %s (%s) naming the field', (text, reason) => {
    let error: unknown;
    try {
      parsePoundsToPence(text, { field: 'amount', line: 3 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain(reason);
    expect((error as AppError).problems[0]).toMatchObject({ field: 'amount', line: 3 });
  });
});
