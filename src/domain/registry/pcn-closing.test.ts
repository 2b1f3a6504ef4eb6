import { describe, expect, it } from 'vitest';
import { closingEndedNote, endAtClosing, type PcnSpan } from './pcn-closing.js';

describe('a PCN membership’s end when its practice closes', () => {
  it.each<[string, PcnSpan, string | null, string | null]>([
    ['open, practice open: stays open', { startDate: '2023-01-01', endDate: null }, null, null],
    ['open, practice closed: ends on the close date (Stackyard, 30 June 2025)', { startDate: '2020-07-01', endDate: null }, '2025-06-30', '2025-06-30'],
    ['ending after the closing: ends on the close date', { startDate: '2020-07-01', endDate: '2026-03-31' }, '2025-06-30', '2025-06-30'],
    ['ended before the closing: keeps its end (Glenfield left North Blaby first)', { startDate: '2019-07-01', endDate: '2022-03-31' }, '2025-06-30', '2022-03-31'],
    ['ending on the close date: unchanged', { startDate: '2019-07-01', endDate: '2025-06-30' }, '2025-06-30', '2025-06-30'],
    ['begun on the close date: that one day', { startDate: '2025-06-30', endDate: null }, '2025-06-30', '2025-06-30'],
    ['begun after the closing: left to the PCN import', { startDate: '2026-08-01', endDate: null }, '2025-06-30', null],
  ])('%s', (_, span, closeDate, end) => expect(endAtClosing(span, closeDate)).toBe(end));
});

describe('the note an import gives of memberships it ended at a closing', () => {
  const stackyard = { practice: 'Stackyard And Woolsthorpe Surgery (C83653)', pcn: 'Melton, Syston and Vale PCN', closeDate: '2025-06-30' };
  it('names one', () =>
    expect(closingEndedNote([stackyard])).toBe('Ended 1 PCN membership on its practice’s close date, as a closed practice is in no PCN: Stackyard And Woolsthorpe Surgery (C83653) in Melton, Syston and Vale PCN on 30 June 2025.'));
  it('names ten and counts the rest', () => {
    const note = closingEndedNote(Array.from({ length: 12 }, (_, i) => ({ ...stackyard, practice: `P${i}` })))!;
    expect(note).toMatch(/^Ended 12 PCN memberships on their practices’ close dates, as a closed practice is in no PCN: P0 in .*, P9 in Melton, Syston and Vale PCN on 30 June 2025 and 2 more\.$/);
    expect(note).not.toContain('P10');
  });
  it('says nothing of none', () => expect(closingEndedNote([])).toBeNull());
});
