import { describe, expect, it } from 'vitest';
import { lastSent, lastSentWords, receivedWords, stampSent, type SentStamp } from './returns-sent.js';

const monday = new Date('2026-11-23T09:14:00Z');
const today = new Date('2026-11-25T09:14:00Z');
const demo: SentStamp = { sentAt: null, sentBy: null };
const manager = 'Priya Patel <pm.kibworth@elr-federation.example>';
const figure = (practiceCode: string, modelId: string, quantity: number | null, stamp: SentStamp = demo, week: number | null = null) => ({ practiceCode, modelId, week, quantity, takesPart: 'yes', ...stamp });
const stamps = (rows: readonly SentStamp[]) => rows.map((r) => [r.sentAt?.toISOString() ?? null, r.sentBy]);

describe('stampSent: who last changed each practice’s return, and when', () => {
  const byAdmin = { sentAt: monday, sentBy: 'admin' };
  const replaced = [figure('C82001', 'nurse', 208), figure('C82001', 'gp', 0), figure('C82002', 'nurse', 10, byAdmin), figure('C82002', 'gp', 5, byAdmin)];

  it.each([
    {
      case: 'a practice that changes its figures is stamped with the send; one sent again unchanged keeps its stamp',
      rows: [figure('C82001', 'nurse', 210), figure('C82001', 'gp', 0), figure('C82002', 'nurse', 10), figure('C82002', 'gp', 5)],
      stamped: [[today.toISOString(), manager], [today.toISOString(), manager], [monday.toISOString(), 'admin'], [monday.toISOString(), 'admin']],
    },
    {
      // The demo's undated return stays undated until someone changes it.
      case: 'the same figures again change no stamp, a missing one included',
      rows: [figure('C82001', 'nurse', 208), figure('C82001', 'gp', 0)],
      stamped: [[null, null], [null, null]],
    },
    {
      case: 'a practice returning for the first time is stamped',
      rows: [figure('C82003', 'nurse', 1), figure('C82003', 'gp', null)],
      stamped: [[today.toISOString(), manager], [today.toISOString(), manager]],
    },
    {
      case: 'saying it did not take part is a change',
      rows: [{ ...figure('C82002', 'nurse', 10), takesPart: 'no' }, { ...figure('C82002', 'gp', 5), takesPart: 'no' }],
      stamped: [[today.toISOString(), manager], [today.toISOString(), manager]],
    },
  ])('$case', ({ rows, stamped }) => {
    expect(stamps(stampSent(rows, replaced, { at: today, by: manager }))).toEqual(stamped);
  });

  it('leaves a change unstamped when the moment is not known (old returns loaded from a file)', () => {
    expect(stamps(stampSent([figure('C82002', 'nurse', 11), figure('C82002', 'gp', 5)], replaced, null))).toEqual([[null, null], [null, null]]);
  });
});

describe('lastSent', () => {
  it('gives each practice its latest send; a practice whose sends are not known is left out', () => {
    const figures = [figure('C82001', 'nurse', 1, { sentAt: monday, sentBy: 'admin' }, 1), figure('C82001', 'nurse', 2, { sentAt: today, sentBy: manager }, 2), figure('C82002', 'nurse', 3)];
    expect([...lastSent(figures)]).toEqual([['C82001', { at: today, by: manager }]]);
  });
});

describe('words', () => {
  it.each([
    { said: receivedWords('2026-03-20'), words: 'Received 20 March 2026' },
    { said: receivedWords(null), words: 'Received; date not recorded' },
    { said: lastSentWords({ at: today, by: manager }), words: '25 November 2026 at 9:14am by Priya Patel' },
    { said: lastSentWords({ at: '2026-07-01T08:05:00Z', by: 'cli:jo' }), words: '1 July 2026 at 9:05am by jo (command line)' },
    { said: lastSentWords(null), words: 'Not recorded' },
  ])('$words', ({ said, words }) => {
    expect(said).toBe(words);
  });
});
