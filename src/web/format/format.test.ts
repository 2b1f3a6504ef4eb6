import { describe, expect, it } from 'vitest';
import { formatDate, shortText } from './format.js';

describe('how the pages write things', () => {
  it.each<[string, string, number, string]>([
    ['short text as it is', 'Recruit to vacancy', 80, 'Recruit to vacancy'],
    ['long text cut at a word, with an ellipsis', 'Identify a model whereby clinical pharmacists can be shared across practices in the locality', 60, 'Identify a model whereby clinical pharmacists can be shared…'],
    ['punctuation before the cut dropped', 'Support the hubs - facilitating their development', 18, 'Support the hubs…'],
    ['one long word cut where it must be', 'x'.repeat(100), 10, `${'x'.repeat(10)}…`],
  ])('%s', (_name, text, max, expected) => {
    expect(shortText(text, max)).toBe(expected);
  });

  it('writes dates as NHS pages do', () => {
    expect(formatDate('2018-02-01')).toBe('1 February 2018');
  });
});
