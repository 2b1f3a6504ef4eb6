import { describe, expect, it } from 'vitest';
import { type Departure, financialYearSpan, fundDepartureSentences, listTotalDepartureSentences, schemeDepartureSentences, schemeSpan, wentOn } from './departures.js';

const twoShires: Departure = { practiceKey: 'C82036', practice: 'Two Shires Medical Practice (C82036)', closedOn: '2020-06-30', leftOn: '2020-06-30', group: 'ELR federation' };
const narborough: Departure = { practiceKey: 'C82119', practice: 'Narborough Health Centre (C82119)', closedOn: null, leftOn: '2019-03-31', group: 'ELR federation' };

describe('wentOn', () => {
  it.each([
    ['closed, its membership ended on the closing date', twoShires, { on: '2020-06-30', words: 'closed on 30 June 2020' }],
    ['left the group, still open', narborough, { on: '2019-03-31', words: 'left ELR federation on 31 March 2019' }],
    ['left the group, then closed', { ...narborough, closedOn: '2021-01-31' }, { on: '2019-03-31', words: 'left ELR federation on 31 March 2019' }],
    ['closed while its membership runs on', { ...twoShires, leftOn: null }, { on: '2020-06-30', words: 'closed on 30 June 2020' }],
    ['neither', { ...narborough, leftOn: null }, null],
  ])('%s', (_, departure, expected) => expect(wentOn(departure)).toEqual(expected));
});

describe('schemeSpan', () => {
  it.each([
    ['its own dates', { start: '2020-11-02', end: '2020-12-27' }, { start: '2020-11-02', end: '2020-12-27' }],
    ['its financial years', { weeks: 8, financialYears: ['2020/21', '2021/22'] }, { start: '2020-04-01', end: '2022-03-31' }],
    ['a start and no end', { start: '2020-11-02' }, { start: '2020-11-02', end: null }],
    ['8 weeks from a start: 2 November to 27 December 2020', { start: '2020-11-02', weeks: 8 }, { start: '2020-11-02', end: '2020-12-27' }],
    ['8 weeks to an end', { end: '2020-12-27', weeks: 8 }, { start: '2020-11-02', end: '2020-12-27' }],
    ['8 weeks from a start within its financial year: the weeks end it', { start: '2020-11-02', weeks: 8, financialYears: ['2020/21'] }, { start: '2020-11-02', end: '2020-12-27' }],
    ['only a number of weeks', { weeks: 8 }, null],
  ])('%s', (_, period, expected) => expect(schemeSpan(period)).toEqual(expected));

  it('reads a financial year as April to March', () => expect(financialYearSpan('2017/18')).toEqual({ start: '2017-04-01', end: '2018-03-31' }));
});

describe('schemeDepartureSentences', () => {
  const winter2020 = { start: '2020-04-01', end: '2021-03-31' };
  it('names a practice that went before the scheme began and one that went while it ran, with the snapshot date', () => {
    expect(schemeDepartureSentences([twoShires, narborough], winter2020, '2018-01-01')).toEqual([
      { practiceKey: 'C82036', message: 'Two Shires Medical Practice (C82036) closed on 30 June 2020, while the scheme ran (1 April 2020 to 31 March 2021), yet its share is for the whole scheme: the scheme counts the practices that were members on its list-size date, 1 January 2018' },
      { practiceKey: 'C82119', message: 'Narborough Health Centre (C82119) left ELR federation on 31 March 2019, before the scheme began (1 April 2020), yet it has a share of the whole scheme: the scheme counts the practices that were members on its list-size date, 1 January 2018' },
    ]);
  });

  it('says nothing of a practice that went on the scheme’s last day or after it', () => {
    expect(schemeDepartureSentences([twoShires, narborough], { start: '2017-04-01', end: '2018-03-31' }, '2018-01-01')).toEqual([]);
    expect(schemeDepartureSentences([{ ...narborough, leftOn: '2021-03-31' }], winter2020, null)).toEqual([]);
    // A scheme of 8 weeks from 2 November 2020 ended on 27 December 2020: a practice closing in January 2021 went after it.
    expect(schemeDepartureSentences([{ ...twoShires, closedOn: '2021-01-31', leftOn: '2021-01-31' }], schemeSpan({ start: '2020-11-02', weeks: 8 })!, null)).toEqual([]);
  });
});

describe('fundDepartureSentences', () => {
  const shares = new Map([
    ['C82036', [1_593_600, 1_593_600, 1_593_600]],
    ['C82119', [238_400, 238_400, 238_400]],
  ]);
  const pounds = (pence: number) => `£${pence / 100}`;
  const sentences = (years: string[], departures = [twoShires, narborough]) => fundDepartureSentences(departures, years, (key) => shares.get(key)?.slice(0, years.length), pounds, '2018-01-01');

  it('counts the shares of the years a practice went during or before', () => {
    expect(sentences(['2019/20', '2020/21', '2021/22'])).toEqual([
      'Two Shires Medical Practice (C82036) closed on 30 June 2020, during 2020/21 and before 2021/22, yet has a share of those years (£31872): the fund counts the footprint’s members on its list-size date, 1 January 2018',
      'Narborough Health Centre (C82119) left ELR federation on 31 March 2019, before 2019/20, 2020/21 and 2021/22, yet has a share of those years (£7152): the fund counts the footprint’s members on its list-size date, 1 January 2018',
    ]);
  });

  it('says one year as one year, and nothing of years that ended before the practice went', () => {
    expect(sentences(['2020/21'], [twoShires])).toEqual(['Two Shires Medical Practice (C82036) closed on 30 June 2020, during 2020/21, yet has a share of that year (£15936): the fund counts the footprint’s members on its list-size date, 1 January 2018']);
    expect(sentences(['2018/19', '2019/20'], [twoShires])).toEqual([]);
  });

  it('leaves out a practice with no share (no list size on the fund’s date)', () => {
    expect(fundDepartureSentences([twoShires], ['2021/22'], () => undefined, pounds, '2018-01-01')).toEqual([]);
  });
});

describe('listTotalDepartureSentences', () => {
  const patients = (key: string) => ({ C82036: 15936 })[key] ?? null;
  it.each([
    ['closed after the list-size file, before the date shown', [twoShires], '2018-01-01', '2020-07-01', ['Two Shires Medical Practice (C82036) closed on 30 June 2020, after the list sizes of 1 January 2018: its 15,936 patients then are not in the total, and a practice that took them on counts them only from the next list-size file.']],
    ['closes on the date shown: a member to the end of that day, so in the total', [twoShires], '2018-01-01', '2020-06-30', []],
    ['left, with no list in the file', [narborough], '2018-01-01', '2019-04-01', ['Narborough Health Centre (C82119) left ELR federation on 31 March 2019, after the list sizes of 1 January 2018: its patients then are not in the total, and a practice that took them on counts them only from the next list-size file.']],
    ['closed before the file: the file does not count it', [twoShires], '2021-01-01', '2021-06-01', []],
  ])('%s', (_, departures, listSizeDate, onDate, expected) => expect(listTotalDepartureSentences(departures, listSizeDate, onDate, patients)).toEqual(expected));
});
