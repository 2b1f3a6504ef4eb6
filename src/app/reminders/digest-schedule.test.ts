import { describe, expect, it } from 'vitest';
import { msUntil } from './digest-schedule.js';

const hours = 3_600_000;
const minutes = 60_000;

describe('when the daily digest next goes out', () => {
  // DIGEST_TIME is read on clocks in England, whatever the server's time zone (run these with TZ=Pacific/Auckland too).
  it.each([
    ['07:00', '2026-11-23T06:30:00Z', 30 * minutes, 'later today, in winter (GMT)'],
    ['07:00', '2026-11-23T07:00:00Z', 24 * hours, 'at the time itself, tomorrow'],
    ['07:00', '2026-11-23T08:00:00Z', 23 * hours, 'after it, tomorrow'],
    ['23:59', '2026-11-23T00:00:00Z', 23 * hours + 59 * minutes, 'a minute before midnight'],
    ['07:00', '2026-06-15T05:30:00Z', 30 * minutes, 'in summer 07:00 BST is 06:00 UTC'],
    ['07:00', '2026-06-15T06:30:00Z', 23 * hours + 30 * minutes, 'in summer, just after 07:00 BST'],
    ['00:30', '2026-06-14T23:00:00Z', 30 * minutes, 'half past midnight BST, half an hour after midnight BST'],
    ['07:00', '2027-03-27T07:00:00Z', 23 * hours, 'over the night the clocks go forward, a day of 23 hours'],
    ['07:00', '2026-10-24T06:00:00Z', 25 * hours, 'over the night the clocks go back, a day of 25 hours'],
    ['01:30', '2026-10-25T00:00:00Z', 30 * minutes, 'a time that comes twice the night the clocks go back: its first'],
    ['01:30', '2026-03-29T00:45:00Z', 45 * minutes, 'a time the clocks skip: the hour after it, 02:30 BST'],
  ])('DIGEST_TIME %s at %s: in %i ms (%s)', (time, now, expected) => expect(msUntil(time, new Date(now))).toBe(expected));
});
