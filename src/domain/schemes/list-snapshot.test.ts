import { describe, expect, it } from 'vitest';
import { missingListSizesMessage, nearestSnapshots } from './list-snapshot.js';

describe('nearestSnapshots', () => {
  const held = ['2017-10-01', '2018-01-01', '2018-04-01'];
  it.each([
    { case: 'between two snapshots', date: '2018-02-01', nearest: { before: '2018-01-01', after: '2018-04-01' } },
    { case: 'before every snapshot', date: '2016-01-01', nearest: { before: null, after: '2017-10-01' } },
    { case: 'after every snapshot', date: '2019-04-01', nearest: { before: '2018-04-01', after: null } },
    { case: 'on a snapshot: the ones either side of it', date: '2018-01-01', nearest: { before: '2017-10-01', after: '2018-04-01' } },
    { case: 'no snapshots at all', date: '2018-01-01', nearest: { before: null, after: null }, held: [] },
  ])('$case', ({ date, nearest, held: own }) => {
    expect(nearestSnapshots(own ?? held, date)).toEqual(nearest);
  });
});

describe('missingListSizesMessage', () => {
  const kibworth = { name: 'Kibworth Medical Centre', odsCode: 'C82001' };
  const oakham = { name: 'Oakham Medical Practice', odsCode: 'C82010' };
  const others = ['C82002', 'C82009', 'C82013'].map((odsCode) => ({ name: `Practice ${odsCode}`, odsCode }));
  it.each([
    { case: 'every practice has one', practices: 3, missing: [], nearest: { before: null, after: null }, message: null },
    {
      case: 'a date between snapshots, for every practice',
      practices: 5,
      missing: [kibworth, oakham, ...others],
      nearest: { before: '2018-01-01', after: '2018-04-01' },
      message: 'The registry holds no list sizes on 1 February 2018 for any of the scheme’s 5 practices. The nearest list-size snapshots are 1 January 2018 (before) and 1 April 2018 (after): choose one of those dates.',
    },
    {
      case: 'a date after the last snapshot, for the one practice',
      practices: 1,
      missing: [kibworth],
      nearest: { before: '2018-01-01', after: null },
      message: 'The registry holds no list sizes on 1 February 2018 for the scheme’s practice. The latest list-size snapshot is 1 January 2018, before it; there is none after: choose 1 January 2018, or import a newer list-size file.',
    },
    {
      case: 'a date before the first snapshot',
      practices: 2,
      missing: [kibworth, oakham],
      nearest: { before: null, after: '2018-04-01' },
      message: 'The registry holds no list sizes on 1 February 2018 for any of the scheme’s 2 practices. The earliest list-size snapshot is 1 April 2018, after it; there is none before: choose 1 April 2018.',
    },
    {
      case: 'some practices, named',
      practices: 31,
      missing: [kibworth, oakham],
      nearest: { before: '2018-01-01', after: null },
      message: '2 of the scheme’s 31 practices have no list size on 1 February 2018: Kibworth Medical Centre (C82001) and Oakham Medical Practice (C82010). The latest list-size snapshot is 1 January 2018, before it; there is none after: choose 1 January 2018, or import a newer list-size file.',
    },
    {
      case: 'many practices: the first three named',
      practices: 31,
      missing: [kibworth, oakham, ...others],
      nearest: { before: null, after: null },
      message: '5 of the scheme’s 31 practices have no list size on 1 February 2018: Kibworth Medical Centre (C82001), Oakham Medical Practice (C82010), Practice C82002 (C82002) and 2 more. The registry holds no list sizes for them at all: import a list-size file first.',
    },
  ])('$case', ({ practices, missing, nearest, message }) => {
    expect(missingListSizesMessage({ date: '2018-02-01', practices, missing, nearest })).toBe(message);
  });
});
