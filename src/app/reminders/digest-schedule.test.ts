import { describe, expect, it } from 'vitest';
import { msUntil } from './digest-schedule.js';

describe('when the daily digest next goes out', () => {
  const at = (hh: number, mm: number) => new Date(2026, 10, 23, hh, mm, 0, 0);
  it.each([
    ['07:00', at(6, 30), 30 * 60_000],
    ['07:00', at(7, 0), 24 * 3_600_000],
    ['07:00', at(8, 0), 23 * 3_600_000],
    ['23:59', at(0, 0), (23 * 60 + 59) * 60_000],
  ])('DIGEST_TIME %s at %s: in %i ms', (time, now, expected) => expect(msUntil(time, now)).toBe(expected));
});
