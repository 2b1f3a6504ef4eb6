import { describe, expect, it } from 'vitest';
import { dayInEngland, formatDateTime, isoDateSchema, optionalIsoDate } from './iso-date.js';

describe('a date someone types', () => {
  it.each([
    ['2026-11-23', null],
    [' 2099-12-31 ', null],
    ['1900-01-01', null],
    ['23/11/2026', 'must be a date written YYYY-MM-DD'],
    ['2019-02-29', 'is not a real date'],
    ['2062-02-30', 'is not a real date'],
    ['9999-12-31', 'must be a year from 1900 to 2099'],
    ['1066-10-14', 'must be a year from 1900 to 2099'],
  ])('%j: %s', (text, problem) => {
    const parsed = isoDateSchema.safeParse(text);
    if (problem === null) expect(parsed).toEqual({ success: true, data: text.trim() });
    else expect(parsed.error?.issues.map((i) => i.message)).toEqual([problem]);
  });

  it('names the field when an optional date is wrong, and leaves a blank one out', () => {
    expect(optionalIsoDate(' ', 'asOf')).toBeUndefined();
    expect(() => optionalIsoDate('3024-01-01', 'asOf')).toThrow(expect.objectContaining({ problems: [{ field: 'asOf', message: 'must be a year from 1900 to 2099' }] }));
  });
});

describe('the date in England at an instant', () => {
  it.each([
    ['2026-05-31T23:30:00Z', '2026-06-01', 'half past midnight in summer (BST) is already the next day'],
    ['2026-06-01T22:59:59Z', '2026-06-01', 'a minute before midnight BST is still the same day'],
    ['2026-11-24T23:30:00Z', '2026-11-24', 'in winter England keeps UTC'],
    ['2026-03-29T00:30:00Z', '2026-03-29', 'the night the clocks go forward'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the night before the clocks go back (still BST)'],
  ])('%s is %s in England: %s', (instant, day) => {
    expect(dayInEngland(new Date(instant))).toBe(day);
  });
});

describe('a moment as people in England read it', () => {
  it.each([
    ['2026-11-23T17:45:00Z', '23 November 2026 at 5:45pm'],
    ['2026-05-31T23:30:00Z', '1 June 2026 at 12:30am'],
    ['2026-06-01T11:05:00Z', '1 June 2026 at 12:05pm'],
    ['2026-01-05T09:00:00.000Z', '5 January 2026 at 9:00am'],
  ])('%s is %s', (instant, words) => {
    expect(formatDateTime(instant)).toBe(words);
    expect(formatDateTime(new Date(instant))).toBe(words);
  });

  it('leaves out a moment not given, and writes one it cannot read as it came', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('soon')).toBe('soon');
  });
});
