import { describe, expect, it } from 'vitest';
import { notInRegistrySentence, sampleOfCodes, skippedPracticesNote } from './not-in-registry.js';

/** A81001, A81002, …: as many codes as a national file names. */
const codes = (n: number) => Array.from({ length: n }, (_, i) => `A${String(81001 + i)}`);

describe('practices not in the registry, in words', () => {
  it.each([
    ['none', [], ''],
    ['one', ['Y06659'], 'Y06659'],
    ['two', ['Y06659', 'Y07012'], 'Y06659 and Y07012'],
    ['ten, all named', codes(10), 'A81001, A81002, A81003, A81004, A81005, A81006, A81007, A81008, A81009 and A81010'],
    ['a national file: the first ten, then a count', codes(6209), 'A81001, A81002, A81003, A81004, A81005, A81006, A81007, A81008, A81009, A81010 and 6,199 more'],
  ])('names %s', (_case, given, text) => {
    expect(sampleOfCodes(given)).toBe(text);
  });

  it.each([
    [['Y06659'], 'tick the box', '1 practice in this file is not in the registry (Y06659): import the ODS practice file (epraccur) first, or tick the box.'],
    [
      codes(6209),
      'import again with --skip-unknown',
      '6,209 practices in this file are not in the registry (A81001, A81002, A81003, A81004, A81005, A81006, A81007, A81008, A81009, A81010 and 6,199 more): import the ODS practice file (epraccur) first, or import again with --skip-unknown.',
    ],
  ])('says why a file was refused and the way on, in one sentence', (given, skipThem, text) => {
    expect(notInRegistrySentence(given, skipThem)).toBe(text);
  });

  it.each([
    [1, ['row', 'rows'] as const, ['Y06659'], 'Skipped 1 row for 1 practice not in the registry: Y06659.'],
    [6209, ['row', 'rows'] as const, codes(6209), 'Skipped 6,209 rows for 6,209 practices not in the registry: A81001, A81002, A81003, A81004, A81005, A81006, A81007, A81008, A81009, A81010 and 6,199 more.'],
    [3, ['membership', 'memberships'] as const, ['Y01234', 'Y05678'], 'Skipped 3 memberships for 2 practices not in the registry: Y01234 and Y05678.'],
  ])('summarises %i skipped rows', (skipped, rows, given, text) => {
    expect(skippedPracticesNote(skipped, rows, given)).toBe(text);
  });
});
