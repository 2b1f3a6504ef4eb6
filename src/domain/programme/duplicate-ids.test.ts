import { describe, expect, it } from 'vitest';
import { findDuplicateIds, findMissingIds, refOccurrences } from './duplicate-ids.js';

describe('duplicate and missing plan ids', () => {
  const refs = ['2.1', '2.2', '2.3', '2.3', '2.5', '3.1', '3.2', '3.2', '3.3'];

  it('finds every id used more than once, with each line that uses it', () => {
    const items = refs.map((ref, line) => ({ ref, line }));
    expect(findDuplicateIds(items)).toEqual([
      { ref: '2.3', items: [{ ref: '2.3', line: 2 }, { ref: '2.3', line: 3 }] },
      { ref: '3.2', items: [{ ref: '3.2', line: 6 }, { ref: '3.2', line: 7 }] },
    ]);
  });

  it.each([
    [refs, ['2.4']],
    [['1.1', '1.2', '1.3'], []],
    [['1.2', '1.4', '2.1'], ['1.1', '1.3']],
    [['A1', 'B7'], []],
  ])('ids %j skip %j', (given, missing) => {
    expect(findMissingIds(given)).toEqual(missing);
  });

  it('numbers each occurrence of an id, so a re-import finds the same line', () => {
    expect(refOccurrences(refs)).toEqual([1, 1, 1, 2, 1, 1, 1, 2, 1]);
  });
});
