import { describe, expect, it } from 'vitest';
import { pcnFilter } from './ods-codes.js';

describe('a PCN typed to filter practices', () => {
  it.each([
    ['U67590', { pcn: 'U67590' }],
    [' u67590 ', { pcn: 'U67590' }],
    ['Rutland', { pcnName: 'Rutland' }],
    ['  Watermead PCN ', { pcnName: 'Watermead PCN' }],
    ['U6759', { pcnName: 'U6759' }],
  ])('%j is looked for as %j', (typed, expected) => {
    expect(pcnFilter(typed)).toEqual(expected);
  });
});
