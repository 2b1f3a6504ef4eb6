import { describe, expect, it } from 'vitest';
import { closedWords, closedYearMessage, closingTooEarly, closuresCovering, openAtClosing, settlementDaysMoved, yearOfDateOrYear, type YearClosure } from './closed-years.js';

const closed1819: YearClosure = { financialYear: '2018/19', closedOn: '2019-04-30', closedBy: 'Jo Walker <admin@elr-federation.example>' };
const closed1718: YearClosure = { financialYear: '2017/18', closedOn: '2018-05-15', closedBy: 'cli:root' };

describe('which financial year a date falls in (April to March, in England)', () => {
  it.each([
    ['2019-03-31', '2018/19'],
    ['2019-04-01', '2019/20'],
    ['2018-04-01', '2018/19'],
    ['2018-03-31', '2017/18'],
    ['2019-12-31', '2019/20'],
    ['2020-01-01', '2019/20'],
    ['2018-19', '2018/19'],
    ['FY18/19', '2018/19'],
    ['2018/19', '2018/19'],
    ['', null],
    [null, null],
    ['not a year', null],
  ])('%s is in %s', (value, year) => {
    expect(yearOfDateOrYear(value)).toBe(year);
  });
});

describe('the closures a write touches', () => {
  const closures = [closed1718, closed1819];
  it.each([
    { name: 'the last day of a closed year', touched: ['2019-03-31'], years: ['2018/19'] },
    { name: 'the first day after it', touched: ['2019-04-01'], years: [] },
    { name: 'the first day of a closed year', touched: ['2018-04-01'], years: ['2018/19'] },
    { name: 'the day before a closed year, in another closed year', touched: ['2018-03-31'], years: ['2017/18'] },
    { name: 'a year by name', touched: ['18/19'], years: ['2018/19'] },
    { name: 'a move from an open year into a closed one', touched: ['2019-05-01', '2019-02-01'], years: ['2018/19'] },
    { name: 'both closed years, each once, earliest first', touched: ['2019-01-01', '2017-06-01', '2018-12-01'], years: ['2017/18', '2018/19'] },
    { name: 'nothing dated', touched: [null, undefined], years: [] },
  ])('$name', ({ touched, years }) => {
    expect(closuresCovering(touched, closures).map((c) => c.financialYear)).toEqual(years);
  });
});

describe('what a closed year says', () => {
  it('names the day and who closed it, by name only', () => {
    expect(closedWords(closed1819)).toBe('Closed on 30 April 2019 by Jo Walker');
    expect(closedWords(closed1718)).toBe('Closed on 15 May 2018 by root (command line)');
  });
  it('refuses a change naming each closed year, and says how to reopen', () => {
    expect(closedYearMessage([closed1819], 'This change to an I&E income line')).toBe(
      'This change to an I&E income line would alter the figures of a closed financial year: 2018/19 was closed on 30 April 2019 by Jo Walker. An admin may reopen that year, giving a reason, if its accounts must be put right.',
    );
    expect(closedYearMessage([closed1718, closed1819])).toMatch(/^This change would alter .*2017\/18 was closed on 15 May 2018 by root \(command line\) and 2018\/19 was closed on 30 April 2019 by Jo Walker\. An admin may reopen those years/);
  });
});

describe('closing a year once it has ended', () => {
  it.each([
    ['2018/19', '2019-03-31', false],
    ['2018/19', '2019-04-01', true],
    ['2018/19', '2018-06-01', false],
    ['2017/18', '2019-04-30', true],
  ])('%s on %s may close: %s', (year, today, may) => {
    expect(closingTooEarly(year, today) === null).toBe(may);
  });
  it('says when the year ends', () => {
    expect(closingTooEarly('2018/19', '2019-03-31')).toBe('2018/19 runs until 31 March 2019: a year is closed after it has ended');
  });
});

describe('what is still open in a year at closing', () => {
  it.each([
    { name: 'approved, not invoiced', v: { invoicedOn: null, paidOn: null, paysPractices: true }, open: ['Winter version 2 is approved but not invoiced to the commissioner'] },
    { name: 'invoiced, not paid', v: { invoicedOn: '2019-03-15', paidOn: null, paysPractices: true }, open: ['Winter version 2 was invoiced on 15 March 2019 but not paid to practices'] },
    { name: 'invoiced, paying practices nothing', v: { invoicedOn: '2019-03-15', paidOn: null, paysPractices: false }, open: [] },
    { name: 'invoiced and paid', v: { invoicedOn: '2019-03-15', paidOn: '2019-03-29', paysPractices: true }, open: [] },
  ])('$name', ({ v, open }) => {
    expect(openAtClosing([{ scheme: 'Winter', version: 2, ...v }])).toEqual(open);
  });
});

describe('the days a change of invoice and payment moves', () => {
  it.each([
    { name: 'recording an invoice', before: { invoicedOn: null, paidOn: null }, after: { invoicedOn: '2019-03-15', paidOn: null }, days: ['2019-03-15'] },
    { name: 'undoing it', before: { invoicedOn: '2019-03-15', paidOn: null }, after: { invoicedOn: null, paidOn: null }, days: ['2019-03-15'] },
    { name: 'redating it', before: { invoicedOn: '2019-03-15', paidOn: null }, after: { invoicedOn: '2019-04-02', paidOn: null }, days: ['2019-03-15', '2019-04-02'] },
    { name: 'paying practices after the invoice', before: { invoicedOn: '2019-03-15', paidOn: null }, after: { invoicedOn: '2019-03-15', paidOn: '2019-04-10' }, days: ['2019-04-10'] },
    { name: 'nothing moved (a reference corrected)', before: { invoicedOn: '2019-03-15', paidOn: null }, after: { invoicedOn: '2019-03-15', paidOn: undefined }, days: [] },
  ])('$name', ({ before, after, days }) => {
    expect(settlementDaysMoved(before, after)).toEqual(days);
  });
});
