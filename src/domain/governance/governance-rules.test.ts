import { describe, expect, it } from 'vitest';
import { composeDigest } from './digest.js';
import { detectDocumentType } from './document-type.js';
import { byDueDate, formatLongDate, isOverdue } from './due-dates.js';
import { addDays } from '../iso-date.js';
import { emptyHeatMapReason, heatMap, isOnTheMatrix, likelihoodFromText, riskRating, riskScore } from './risk-score.js';

describe('likelihood words', () => {
  it.each([
    ['L', 2],
    ['m', 3],
    [' High ', 4],
    ['5', 5],
    ['X', undefined],
    ['6', undefined],
  ])('%s → %s', (word, expected) => expect(likelihoodFromText(word)).toBe(expected));
});

describe('scores and ratings on the 5 × 5 matrix', () => {
  it.each([
    [1, 3, 3, 'low'],
    [2, 2, 4, 'moderate'],
    [3, 2, 6, 'moderate'],
    [4, 2, 8, 'high'],
    [4, 3, 12, 'high'],
    [3, 5, 15, 'extreme'],
    [5, 5, 25, 'extreme'],
    [3, null, null, null],
  ])('likelihood %s × impact %s = %s (%s)', (l, i, score, rating) => {
    expect(riskScore(l, i)).toBe(score);
    expect(riskRating(score)).toBe(rating);
  });

  it('places risks on the heat map with likelihood 5 at the top and lists unscored ones apart', () => {
    const map = heatMap([
      { ref: '1', likelihood: 2, impact: 4 },
      { ref: '2', likelihood: 5, impact: 1 },
      { ref: '3', likelihood: 3, impact: null },
    ]);
    expect(map.rows.map((row) => row.map((c) => c.score))).toEqual([
      [5, 10, 15, 20, 25],
      [4, 8, 12, 16, 20],
      [3, 6, 9, 12, 15],
      [2, 4, 6, 8, 10],
      [1, 2, 3, 4, 5],
    ]);
    expect(map.rows[0]![0]!.refs).toEqual(['2']);
    expect(map.rows[3]![3]).toMatchObject({ likelihood: 2, impact: 4, rating: 'high', refs: ['1'] });
    expect(map.unplaced).toEqual(['3']);
  });
});

describe('why the heat map is empty', () => {
  const risk = (likelihood: number | null, impact: number | null) => ({ likelihood, impact });
  it.each([
    ['the ELR register: likelihoods, no impacts', [risk(2, null), risk(3, null), risk(3, null), risk(3, null)], 'No open risk has both a likelihood and an impact yet: 4 risks need an impact.'],
    ['one of each gap', [risk(2, null), risk(null, 4), risk(null, null)], 'No open risk has both a likelihood and an impact yet: 1 risk needs an impact, 1 risk needs a likelihood, 1 risk needs a likelihood and an impact.'],
    ['a risk on the map: nothing to explain', [risk(2, null), risk(3, 4)], null],
    ['no open risk at all', [], null],
  ])('%s', (_, risks, expected) => expect(emptyHeatMapReason(risks)).toBe(expected));
});

describe('target scores on the matrix', () => {
  it.each([
    [1, true], [4, true], [6, true], [9, true], [25, true], [7, false], [11, false], [13, false], [14, false],
  ])('%s → %s', (score, expected) => expect(isOnTheMatrix(score)).toBe(expected));
});

describe('due dates', () => {
  it.each([
    ['2026-11-22', '2026-11-23', false, true],
    ['2026-11-23', '2026-11-23', false, false],
    ['2026-11-01', '2026-11-23', true, false],
    [null, '2026-11-23', false, false],
  ])('due %s on %s (done %s) is overdue: %s', (due, today, done, expected) => expect(isOverdue(due, today, done)).toBe(expected));

  it('adds days across months and writes dates the NHS way', () => {
    expect(addDays('2026-11-23', 14)).toBe('2026-12-07');
    expect(formatLongDate('2026-11-23')).toBe('23 November 2026');
  });

  it('sorts items by due date, then by reference in number order', () => {
    const items = [
      { ref: '10', dueDate: '2026-11-20' },
      { ref: '9', dueDate: '2026-11-20' },
      { ref: '1', dueDate: '2026-11-30' },
    ];
    expect([...items].sort(byDueDate).map((i) => i.ref)).toEqual(['9', '10', '1']);
  });
});

describe('document types by their first bytes', () => {
  const zipWith = (name: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode(`....${name}....`)]);
  it.each([
    ['a PDF', new TextEncoder().encode('%PDF-1.4 ...'), '.pdf'],
    ['a DOCX', zipWith('word/document.xml'), '.docx'],
    ['a zip that is not Word', zipWith('xl/workbook.xml'), null],
    ['text', new TextEncoder().encode('hello'), null],
  ])('%s', (_name, bytes, extension) => expect(detectDocumentType(bytes)?.extension ?? null).toBe(extension));
});

describe('the digest', () => {
  const items = [
    { kind: 'action', ref: '7', title: 'Business plan', dueDate: '2026-11-20', href: '/governance/actions/7' },
    { kind: 'policy_review', ref: 'v1.0', title: 'GDPR policy', dueDate: '2026-11-30', href: '/governance/policies/1' },
  ];
  it('lists overdue items before those due soon, with links', () => {
    const digest = composeDigest({ name: 'Jo Walker', items, today: '2026-11-23', baseUrl: 'https://a.example', windowDays: 14 })!;
    expect(digest.subject).toBe('atscale: your items (1 overdue, 1 due soon)');
    expect(digest.text).toBe(
      [
        'Dear Jo Walker,',
        '',
        'Your atscale items on 23 November 2026.',
        '',
        'Overdue (1):',
        '- Board action 7: Business plan (due 20 November 2026)',
        '  https://a.example/governance/actions/7',
        '',
        'Due in the next 14 days (1):',
        '- Policy review v1.0: GDPR policy (due 30 November 2026)',
        '  https://a.example/governance/policies/1',
        '',
        'All your items: https://a.example/my-items',
        '',
      ].join('\n'),
    );
  });
  it('lists a decision with no deadline as waiting, since the day it came, never as overdue', () => {
    const waiting = { kind: 'fund_decision', ref: '4', title: 'Care navigators: £5,000 from Transformation fund', dueDate: '2026-11-01', href: '/fund-applications/4', waitingSince: true };
    const digest = composeDigest({ name: 'Jo', items: [waiting], today: '2026-11-23', baseUrl: 'https://a.example', windowDays: 14 })!;
    expect(digest.subject).toBe('atscale: your items (1 waiting)');
    expect(digest.text).toContain('Waiting for you, with no deadline (1):\n- Fund application to decide 4: Care navigators: £5,000 from Transformation fund (waiting since 1 November 2026)');
    expect(digest.text).not.toContain('Overdue');
  });
  it('is not sent when nothing is due', () => expect(composeDigest({ name: 'Jo', items: [], today: '2026-11-23', baseUrl: '', windowDays: 14 })).toBeNull());
});
