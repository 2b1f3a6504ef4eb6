import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { financialYearOf, parseFinancialYear, parsePoundsToPence } from './pounds-and-years.js';

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

describe('financial years', () => {
  it('runs a year from April to March', () => {
    expect(parseFinancialYear('2018/19')).toEqual({ label: '2018/19', start: '2018-04-01', end: '2019-03-31' });
    expect(parseFinancialYear('1999/00')).toEqual({ label: '1999/00', start: '1999-04-01', end: '2000-03-31' });
  });
  it.each(['2018-19', '18/19', '2018/20', 'FY18/19', '2018'])('refuses %s', (text) => {
    expect(() => parseFinancialYear(text, { field: 'year' })).toThrow(/financial year/);
  });
  it.each([
    ['2018-03-31', '2017/18'],
    ['2018-04-01', '2018/19'],
    ['2020-01-15', '2019/20'],
  ])('puts %s in %s', (date, year) => {
    expect(financialYearOf(date)).toBe(year);
  });
});
