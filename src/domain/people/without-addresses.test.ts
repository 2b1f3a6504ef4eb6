import { describe, expect, it } from 'vitest';
import { withoutAddresses } from './without-addresses.js';

describe('withoutAddresses', () => {
  it.each([
    ['a label', 'Priya Patel <pm.kibworth@elr-federation.example>', 'Priya Patel'],
    ['a label without a space before the address', 'Priya Patel<pm@x.example>', 'Priya Patel'],
    ['a name alone', 'Priya Patel', 'Priya Patel'],
    ['an address alone (a user’s own, as they typed it)', 'pm.kibworth@elr-federation.example', 'pm.kibworth@elr-federation.example'],
    ['words with angle brackets that are no address', 'Score <4> then <5>', 'Score <4> then <5>'],
    ['a number', 12, 12],
    ['nothing', null, null],
  ])('%s', (_case, value, shown) => {
    expect(withoutAddresses(value)).toEqual(shown);
  });

  it('finds labels anywhere in an answer, and leaves dates and everything else as they are', () => {
    const at = new Date('2026-11-25T09:00:00Z');
    const answer = { items: [{ title: 'Care homes', decidedBy: 'Commissioner <c@ccg.example>', decidedAt: at, lines: [{ by: 'A <a@b.example>' }] }], total: 1 };
    expect(withoutAddresses(answer)).toEqual({ items: [{ title: 'Care homes', decidedBy: 'Commissioner', decidedAt: at, lines: [{ by: 'A' }] }], total: 1 });
  });
});
