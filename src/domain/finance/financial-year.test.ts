import { describe, expect, it } from 'vitest';
import { financialYearOfDate, financialYearSchema, financialYearStart, monthIndex, monthLabel, monthOfIndex, monthsOf, normaliseFinancialYear, parseFinancialYear } from './financial-year.js';

describe('financial years', () => {
  it.each([
    ['2018/19', '2018/19'],
    ['2018-19', '2018/19'],
    ['18/19', '2018/19'],
    ['FY18/19', '2018/19'],
    ['FY 2019/20', '2019/20'],
    ['2099/00', '2099/00'],
    ['2018/2019', '2018/19'],
  ])('%s is %s', (input, expected) => {
    expect(normaliseFinancialYear(input)).toBe(expected);
  });

  it.each([['2018/20'], ['2018'], ['April 2018'], ['2018/2020'], ['18-20']])('refuses %s', (input) => {
    expect(() => parseFinancialYear(input)).toThrow(/not a financial year/);
  });

  it.each([
    ['2018-03-31', '2017/18'],
    ['2018-04-01', '2018/19'],
    ['2020-01-15', '2019/20'],
    ['1999-12-31', '1999/00'],
  ])('puts %s in %s', (date, year) => {
    expect(financialYearOfDate(date)).toBe(year);
  });

  it('says null, without throwing, for text that is not a financial year', () => {
    expect([financialYearStart('17/18'), financialYearStart('2017/2019'), financialYearStart('Q1')]).toEqual([2017, null, null]);
  });

  it('runs April to March', () => {
    const months = monthsOf('2018/19');
    expect([months[0], months[11], months.length]).toEqual(['2018-04', '2019-03', 12]);
    expect(monthLabel('2019-03')).toBe('March 2019');
  });

  it('shifts months as numbers and back for every month of the years a date may fall in, before 2000 too', () => {
    for (let year = 1900; year <= 2099; year++) {
      for (const month of monthsOf(`${year}/${String((year + 1) % 100).padStart(2, '0')}`)) {
        expect(monthOfIndex(monthIndex(month))).toBe(month);
        expect(monthOfIndex(monthIndex(month) + 1)).toBe(month.endsWith('-12') ? `${Number(month.slice(0, 4)) + 1}-01` : `${month.slice(0, 5)}${String(Number(month.slice(5)) + 1).padStart(2, '0')}`);
      }
    }
  });

  it('gives a zod message for a bad year', () => {
    expect(financialYearSchema.safeParse('2018/20').error?.issues[0]?.message).toMatch(/second year must follow/);
  });
});

describe('financial years typed with spaces around them', () => {
  it.each([
    [' 2018/19 ', 2018],
    ['\tFY18/19\n', 2018],
  ])('reads %j', (input, start) => {
    expect(parseFinancialYear(input)).toBe(start);
  });

  it('refuses the unreadable with the reason, spaces and all', () => {
    expect(() => parseFinancialYear('next year')).toThrow('"next year" is not a financial year (write it like 2018/19)');
    expect(() => parseFinancialYear(' 2018/20 ')).toThrow('" 2018/20 " is not a financial year: the second year must follow the first (write it like 2018/19)');
  });
});
