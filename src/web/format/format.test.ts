import { describe, expect, it } from 'vitest';
import { actorName, formatDate, formatMoney, humanise, shortText } from './format.js';

describe('how the pages write things', () => {
  it.each([
    [3_000_000, '£30,000'],
    [164_250, '£1,642.50'],
    [0, '£0'],
    [-68_800, '−£688'],
    [5, '£0.05'],
    [null, ''],
  ])('writes %j pence as %j', (pence, text) => expect(formatMoney(pence)).toBe(text));

  it.each<[string, string, number, string]>([
    ['short text as it is', 'Recruit to vacancy', 80, 'Recruit to vacancy'],
    ['long text cut at a word, with an ellipsis', 'Identify a model whereby clinical pharmacists can be shared across practices in the locality', 60, 'Identify a model whereby clinical pharmacists can be shared…'],
    ['punctuation before the cut dropped', 'Support the hubs - facilitating their development', 18, 'Support the hubs…'],
    ['one long word cut where it must be', 'x'.repeat(100), 10, `${'x'.repeat(10)}…`],
  ])('%s', (_name, text, max, expected) => {
    expect(shortText(text, max)).toBe(expected);
  });

  it.each([
    ['Jo Walker <admin@elr-federation.example>', 'Jo Walker'],
    ['cli:root', 'root (command line)'],
    ['system', 'atscale'],
    ['demo', 'Demo data'],
  ])('names %s as %s', (label, name) => {
    expect(actorName(label)).toBe(name);
  });

  it.each([
    ['practice_manager', 'Practice manager'],
    ['stp_milestone', 'STP milestone'],
    ['icb_footprint', 'ICB footprint'],
    ['ie_income_line', 'I&E income line'],
    ['sub_contract', 'Sub-contract'],
    ['wte_days', 'WTE days'],
  ])('humanises %s as %s', (code, text) => {
    expect(humanise(code)).toBe(text);
  });

  it('writes dates as NHS pages do', () => {
    expect(formatDate('2018-02-01')).toBe('1 February 2018');
  });
});
