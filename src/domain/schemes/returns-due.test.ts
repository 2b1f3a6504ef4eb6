import { describe, expect, it } from 'vitest';
import type { Participation } from './scheme-definition.js';
import { awaitedReturns, firstReceived, isLateReturn, practicesAskedToReturn, practicesThatReturned, returnsClosed, returnsClosedMessage, returnsState, returnsStateWords, stampReceived } from './returns-due.js';

const practice = (key: string, participation: Participation) => ({ key, name: `Practice ${key}`, participation });
const practices = [practice('C82001', 'yes'), practice('C82002', 'unknown'), practice('C82003', 'no'), practice('C82004', 'yes')];

describe('awaitedReturns', () => {
  it.each([
    { case: 'nothing returned yet: everyone but the practice that said no', returned: [], awaited: ['C82001', 'C82002', 'C82004'] },
    { case: 'one practice has returned', returned: ['C82004'], awaited: ['C82001', 'C82002'] },
    { case: 'a return from the practice that said no changes nothing', returned: ['C82003'], awaited: ['C82001', 'C82002', 'C82004'] },
    { case: 'a return for a practice not in the scheme is ignored', returned: ['Y00001', 'C82001'], awaited: ['C82002', 'C82004'] },
    { case: 'all returned', returned: ['C82001', 'C82002', 'C82004'], awaited: [] },
  ])('$case', ({ returned, awaited }) => {
    expect(awaitedReturns(practices, new Set(returned)).map((p) => p.key)).toEqual(awaited);
  });

  it('asks the practices taking part or not yet known to', () => {
    expect(practicesAskedToReturn(practices)).toBe(3);
  });
});

describe('practicesThatReturned', () => {
  it.each([
    { case: 'a figure, even 0, is a return', figures: [{ practiceCode: 'C82001', quantity: 0, takesPart: null }], returned: ['C82001'] },
    { case: 'saying no is an answer without figures', figures: [{ practiceCode: 'C82001', quantity: null, takesPart: 'no' }], returned: ['C82001'] },
    { case: 'yes with every figure blank is not a return yet', figures: [{ practiceCode: 'C82001', quantity: null, takesPart: 'yes' }, { practiceCode: 'C82001', quantity: null, takesPart: 'yes' }], returned: [] },
    { case: 'one figure of two models is enough', figures: [{ practiceCode: 'C82001', quantity: null, takesPart: 'yes' }, { practiceCode: 'C82001', quantity: 12, takesPart: 'yes' }], returned: ['C82001'] },
  ])('$case', ({ figures, returned }) => {
    expect([...practicesThatReturned(figures)]).toEqual(returned);
  });
});

describe('returnsClosed', () => {
  it.each([
    { case: 'no due date: never closed', dueOn: null, today: '2030-01-01', closed: false },
    { case: 'before the due date', dueOn: '2026-03-14', today: '2026-03-13', closed: false },
    { case: 'on the due date itself', dueOn: '2026-03-14', today: '2026-03-14', closed: false },
    { case: 'the day after', dueOn: '2026-03-14', today: '2026-03-15', closed: true },
  ])('$case', ({ dueOn, today, closed }) => {
    expect(returnsClosed(dueOn, today)).toBe(closed);
  });

  it('tells the practice manager when they closed and whom to ask', () => {
    expect(returnsClosedMessage('2026-03-14')).toBe('Returns closed on 14 March 2026. Ask the federation to change your return.');
  });
});

describe('isLateReturn', () => {
  it.each([
    { case: 'received before the due date', receivedOn: '2026-03-01', dueOn: '2026-03-14', late: false },
    { case: 'received on the due date', receivedOn: '2026-03-14', dueOn: '2026-03-14', late: false },
    { case: 'received after it', receivedOn: '2026-03-20', dueOn: '2026-03-14', late: true },
    { case: 'no due date', receivedOn: '2026-03-20', dueOn: null, late: false },
    { case: 'received before the day was kept', receivedOn: null, dueOn: '2026-03-14', late: false },
  ])('$case', ({ receivedOn, dueOn, late }) => {
    expect(isLateReturn(receivedOn, dueOn)).toBe(late);
  });
});

describe('firstReceived and stampReceived', () => {
  const figure = (practiceCode: string, quantity: number | null, receivedOn: string | null, takesPart: string | null = 'yes') => ({ practiceCode, quantity, takesPart, receivedOn });
  it('takes the earliest day on the figures of each practice that has returned', () => {
    const received = firstReceived([figure('C82001', 4, '2026-03-10'), figure('C82001', 2, '2026-03-02'), figure('C82002', null, '2026-03-05'), figure('C82009', 0, null)]);
    expect([...received]).toEqual([
      ['C82001', '2026-03-02'],
      ['C82009', null],
    ]);
  });

  it.each([
    { case: 'a first return is received today', before: [], rows: [figure('C82001', 5, null)], days: ['2026-03-20'] },
    { case: 'a correction keeps the day first received', before: [['C82001', '2026-03-02']], rows: [figure('C82001', 6, null)], days: ['2026-03-02'] },
    { case: 'a correction of a return from before days were kept stays undated', before: [['C82001', null]], rows: [figure('C82001', 6, null)], days: [null] },
    { case: 'blank figures are not a return yet', before: [], rows: [figure('C82001', null, null), figure('C82001', null, null)], days: [null, null] },
    { case: 'saying no is a return', before: [], rows: [figure('C82001', null, null, 'no')], days: ['2026-03-20'] },
  ] as { case: string; before: [string, string | null][]; rows: ReturnType<typeof figure>[]; days: (string | null)[] }[])('$case', ({ before, rows, days }) => {
    expect(stampReceived(rows, new Map(before), '2026-03-20').map((r) => r.receivedOn)).toEqual(days);
  });
});

describe('returnsState and its words', () => {
  const facts = { paysForActivity: true, approved: true, asked: 31, awaited: 3, dueOn: '2026-03-14' as string | null, invoicedOn: null as string | null, today: '2026-03-10' };
  it.each([
    { case: 'a scheme that pays for no activity', change: { paysForActivity: false }, words: 'No activity to return' },
    { case: 'not approved yet', change: { approved: false }, words: 'Asked for once the scheme is approved' },
    { case: 'none of the reader’s practices is asked', change: { asked: 0, awaited: 0 }, words: 'No return asked for' },
    { case: 'every return in, even after the date', change: { awaited: 0, today: '2026-04-01' }, words: 'All 31 returns received' },
    { case: 'one practice asked (a practice manager reads their own)', change: { asked: 1, awaited: 0 }, words: 'Return received' },
    { case: 'no due date', change: { dueOn: null }, words: 'No due date set: 3 awaited' },
    { case: 'due, up to and including the day', change: { today: '2026-03-14' }, words: 'Returns due 14 March 2026: 3 awaited' },
    { case: 'overdue the day after', change: { today: '2026-03-15' }, words: 'Returns overdue: 3 awaited' },
    { case: 'invoiced, with returns still awaited and overdue: settled, closed to everyone', change: { invoicedOn: '2018-05-15', today: '2026-03-15' }, words: 'Closed: payments invoiced' },
  ])('$case', ({ change, words }) => {
    expect(returnsStateWords(returnsState({ ...facts, ...change }))).toBe(words);
  });
});
