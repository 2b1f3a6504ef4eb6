import { describe, expect, it } from 'vitest';
import { parseFreeTextDate } from './free-text-date.js';

describe('parseFreeTextDate', () => {
  it.each([
    ['Nov 16', '2016-11-01', '2016-11-30'],
    ['Sept 17', '2017-09-01', '2017-09-30'],
    ['July 17', '2017-07-01', '2017-07-31'],
    ['Feb 20', '2020-02-01', '2020-02-29'],
    ['November 2016', '2016-11-01', '2016-11-30'],
    ['Q4 17/18', '2018-01-01', '2018-03-31'],
    ['Q1 17/18', '2017-04-01', '2017-06-30'],
    ['2019/20 H1', '2019-04-01', '2019-09-30'],
    ['2020/21 H2', '2020-10-01', '2021-03-31'],
    ['Q4 17/18 to Q3 18/19', '2018-01-01', '2018-12-31'],
    ['Dec 17/Jan 18', '2017-12-01', '2018-01-31'],
    ['Autumn 17', '2017-09-01', '2017-11-30'],
    ['2018-03-31', '2018-03-31', '2018-03-31'],
    ['13/01/2017', '2017-01-13', '2017-01-13'],
    ['13th January 2017', '2017-01-13', '2017-01-13'],
    ['March 31 2019', '2019-03-31', '2019-03-31'],
    ['Jan 13th, 2017', '2017-01-13', '2017-01-13'],
    ['March 2019', '2019-03-01', '2019-03-31'],
    ['Q2 2018/19', '2018-07-01', '2018-09-30'],
    // Financial years written with a hyphen, as NHS England writes them, and whole years.
    ['Q1 2019-20', '2019-04-01', '2019-06-30'],
    ['Q4 19-20', '2020-01-01', '2020-03-31'],
    ['2019-20 H2', '2019-10-01', '2020-03-31'],
    ['Q4 2027/28', '2028-01-01', '2028-03-31'],
    ['2019/20', '2019-04-01', '2020-03-31'],
    ['2019-20', '2019-04-01', '2020-03-31'],
    ['FY19/20', '2019-04-01', '2020-03-31'],
    ['2018/19 to Q2 2019/20', '2018-04-01', '2019-09-30'],
    ['Feb 28', '2028-02-01', '2028-02-29'],
    ['29/02/2028', '2028-02-29', '2028-02-29'],
    ['Nov 16 | Oct 17', '2016-11-01', '2017-10-31'],
    ['Mar 17 | Sept 17 | Jan 18 | Mar 17', '2017-03-01', '2018-01-31'],
  ])('%s runs from %s to %s', (text, start, end) => {
    const parsed = parseFreeTextDate(text);
    expect({ start: parsed.start, end: parsed.end, flagged: parsed.flagged, impossible: parsed.impossible }).toEqual({ start, end, flagged: [], impossible: [] });
  });

  it.each(['TBA', 'TBD', 'Ongoing', 'ongoing', ''])('"%s" has no date and is not flagged', (text) => {
    const parsed = parseFreeTextDate(text);
    expect([parsed.end, parsed.flagged.length, parsed.impossible.length]).toEqual([null, 0, 0]);
  });

  it.each([
    ['Mid 18', 'Mid 18'],
    ['Nov 17 | Q4 17/18 | Mid 18', 'Mid 18'],
    ['when funding allows', 'when funding allows'],
    // A real date inside words is kept as written for a person to read, not refused.
    ['by 31/03/2019 at the latest', 'by 31/03/2019 at the latest'],
  ])('flags "%s" and keeps the rest', (text, flagged) => {
    const parsed = parseFreeTextDate(text);
    expect(parsed.flagged.map((p) => p.text)).toEqual([flagged]);
    expect(parsed.flagged[0]!.reason).toMatch(/not a date atscale can read/);
    expect(parsed.text).toBe(text);
  });

  it('keeps the readable parts of a flagged text', () => {
    expect(parseFreeTextDate('Nov 17 | Q4 17/18 | Mid 18').end).toBe('2018-03-31');
  });

  it.each([
    ['31/02/2018', 'is not a real date'],
    ['2018-13-01', 'is not a real date'],
    ['Q5 17/18', 'is not a quarter or half'],
    ['Q1 17/19', 'is not a quarter or half'],
    ['Q1 17-19', 'is not a quarter or half'],
    ['29/02/2027', 'is not a real date'],
    ['30/02/2019', 'is not a real date'],
    ['30-02-19', 'is not a real date'],
    ['Feb 30 2019', 'is not a real date'],
    ['30 February 2019', 'is not a real date'],
    ['30 / 02 / 2019', 'is not a real date'],
    ['by 31/04/2019', '"31/04/2019" is not a real date'],
    ['30/02/2019 to 31/03/2019', 'is not a real date'],
  ])('refuses the impossible date %s', (text, reason) => {
    const parsed = parseFreeTextDate(text);
    expect(parsed.impossible.map((p) => p.text)).toEqual([text]);
    expect(parsed.impossible[0]!.reason).toContain(reason);
  });
});
