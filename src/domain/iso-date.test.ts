import { describe, expect, it } from 'vitest';
import { dayInEngland, formatDateTime, instantInEngland, isoDateSchema, optionalIsoDate, parseDateText } from './iso-date.js';

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

describe('the instant clocks in England read a time', () => {
  it.each([
    ['2026-11-23', '07:00', '2026-11-23T07:00:00.000Z', 'in winter England keeps UTC'],
    ['2026-06-01', '07:00', '2026-06-01T06:00:00.000Z', 'in summer (BST) it is an hour ahead'],
    ['2026-06-01', '00:30', '2026-05-31T23:30:00.000Z', 'half past midnight BST is the evening before in UTC'],
    ['2026-03-29', '00:30', '2026-03-29T00:30:00.000Z', 'before the clocks go forward at 01:00'],
    ['2026-03-29', '01:30', '2026-03-29T01:30:00.000Z', 'a time the clocks skip is the hour after it, 02:30 BST'],
    ['2026-03-29', '02:00', '2026-03-29T01:00:00.000Z', 'the clocks have gone forward'],
    ['2026-10-25', '01:30', '2026-10-25T00:30:00.000Z', 'a time the clocks go back through is its first, in BST'],
    ['2026-10-25', '02:00', '2026-10-25T02:00:00.000Z', 'the clocks have gone back'],
    ['2028-02-29', '23:59', '2028-02-29T23:59:00.000Z', 'a leap day'],
  ])('%s at %s is %s: %s', (date, time, instant) => {
    expect(instantInEngland(date, time).toISOString()).toBe(instant);
  });

  it('reads back as the same day in England for every day of a year with both clock changes', () => {
    for (let day = new Date('2026-01-01T00:00:00Z'); day.getUTCFullYear() === 2026; day.setUTCDate(day.getUTCDate() + 1)) {
      const date = day.toISOString().slice(0, 10);
      for (const time of ['00:00', '07:00', '23:59']) expect([date, time, dayInEngland(instantInEngland(date, time))]).toEqual([date, time, date]);
    }
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

describe('dates as boards and spreadsheets write them', () => {
  it.each([
    ['2018-04-27', { date: '2018-04-27' }],
    ['27/04/2018', { date: '2018-04-27' }],
    ['7/4/2018', { date: '2018-04-07' }],
    ['', { date: null }],
    ['31/02/2019', { error: '"31/02/2019" is not a real date' }],
    ['April 2018', { error: '"April 2018" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD' }],
    ['2018-4-27', { error: '"2018-4-27" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD' }],
    ['31/12/2099', { date: '2099-12-31' }],
    ['01/01/1900', { date: '1900-01-01' }],
    ['27/04/9999', { error: '"27/04/9999" must be a year from 1900 to 2099' }],
    ['1899-12-31', { error: '"1899-12-31" must be a year from 1900 to 2099' }],
  ])('%j → %j', (text, expected) => expect(parseDateText(text)).toEqual(expected));
});
