import { describe, expect, it } from 'vitest';
import { describeMark, marksOnChart, memberChanges, type NeighbourMembership, periodSpan, wentDuringPeriodSentences } from './membership-events.js';

const member = (over: Partial<NeighbourMembership>): NeighbourMembership => ({ practiceCode: 'C82001', practiceName: 'Kibworth Medical Centre', closeDate: null, startDate: '2017-04-01', endDate: null, groupName: 'Harborough', ...over });
const twoShires = member({ practiceCode: 'C82036', practiceName: 'Two Shires Medical Practice', closeDate: '2020-06-30', endDate: '2020-06-30' });

describe('memberChanges', () => {
  it.each([
    ['a founding member still in: joined only', [member({})], [{ from: '2017-04-01', words: 'Kibworth Medical Centre (C82001) joined Harborough on 1 April 2017', short: 'Kibworth joined' }]],
    ['a membership ended on its closing day is a closing, from the day after', [twoShires], [
      { from: '2017-04-01', words: 'Two Shires Medical Practice (C82036) joined Harborough on 1 April 2017', short: 'Two Shires joined' },
      { from: '2020-07-01', words: 'Two Shires Medical Practice (C82036) closed on 30 June 2020 (Harborough)', short: 'Two Shires closed' },
    ]],
    ['a closing with the membership left open is a closing too', [{ ...twoShires, endDate: null }], [
      { from: '2017-04-01', words: 'Two Shires Medical Practice (C82036) joined Harborough on 1 April 2017', short: 'Two Shires joined' },
      { from: '2020-07-01', words: 'Two Shires Medical Practice (C82036) closed on 30 June 2020 (Harborough)', short: 'Two Shires closed' },
    ]],
    ['left, still open', [member({ practiceCode: 'C82119', practiceName: 'Narborough Health Centre', endDate: '2019-03-31', groupName: 'North Blaby' })], [
      { from: '2017-04-01', words: 'Narborough Health Centre (C82119) joined North Blaby on 1 April 2017', short: 'Narborough joined' },
      { from: '2019-04-01', words: 'Narborough Health Centre (C82119) left North Blaby on 31 March 2019', short: 'Narborough left' },
    ]],
    ['two memberships back to back: neither a leaving nor a joining between', [member({ endDate: '2020-03-31' }), member({ startDate: '2020-04-01' })], [{ from: '2017-04-01', words: 'Kibworth Medical Centre (C82001) joined Harborough on 1 April 2017', short: 'Kibworth joined' }]],
  ])('%s', (_, memberships, expected) => expect(memberChanges(memberships)).toEqual(expected));
});

describe('marksOnChart', () => {
  const changes = memberChanges([twoShires, member({})]);
  it('marks a closing on the first point after it, and nothing before the chart or after it', () => {
    expect(marksOnChart(changes, ['2018-01-01', '2021-01-01', '2025-04-01'])).toEqual([{ period: '2021-01-01', changes: [changes[2]] }]);
    expect(marksOnChart(changes, ['2021-01-01', '2025-04-01'])).toEqual([]);
    expect(marksOnChart(changes, ['2016-01-01', '2017-01-01'])).toEqual([]);
  });

  it('marks a monthly chart at the month the change holds from', () => {
    const months = ['2020-05-01', '2020-06-01', '2020-07-01', '2020-08-01'];
    expect(marksOnChart(changes, months).map((m) => m.period)).toEqual(['2020-07-01']);
  });

  it('says a mark in words', () => {
    const [mark] = marksOnChart(changes, ['2018-01-01', '2021-01-01']);
    expect(describeMark(mark!, 'January 2021')).toBe('Marked at January 2021: Two Shires Medical Practice (C82036) closed on 30 June 2020 (Harborough).');
  });
});

describe('wentDuringPeriodSentences', () => {
  const departure = { practiceKey: 'C82036', practice: 'Two Shires Medical Practice (C82036)', closedOn: '2020-06-15', leftOn: '2020-06-15', group: 'Harborough' };
  it.each([
    ['closed mid-month: a member on the 1st, so in the month', departure, '2020-06-01', 'month' as const, 'June 2020', ['Two Shires Medical Practice (C82036) closed on 15 June 2020, during June 2020: the group counts its members on 1 June 2020, so its figure is in the group’s.']],
    ['closed on the month’s last day: a member all month', { ...departure, closedOn: '2020-06-30', leftOn: '2020-06-30' }, '2020-06-01', 'month' as const, 'June 2020', []],
    ['closed during a QOF year: not a member on 31 March, so not in the year', departure, '2021-03-31', 'year' as const, '2020/21', ['Two Shires Medical Practice (C82036) closed on 15 June 2020, during 2020/21: the group counts its members on 31 March 2021, so its figure is not in the group’s.']],
    ['closed the year before', departure, '2022-03-31', 'year' as const, '2021/22', []],
  ])('%s', (_, d, period, cadence, words, expected) => expect(wentDuringPeriodSentences([d], period, cadence, words)).toEqual(expected));

  it.each([
    ['2020-02-01', 'month' as const, { start: '2020-02-01', end: '2020-02-29' }],
    ['2020-12-01', 'month' as const, { start: '2020-12-01', end: '2020-12-31' }],
    ['2023-03-31', 'year' as const, { start: '2022-04-01', end: '2023-03-31' }],
  ])('periodSpan(%s, %s)', (period, cadence, expected) => expect(periodSpan(period, cadence)).toEqual(expected));
});
