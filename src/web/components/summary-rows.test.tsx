import { describe, expect, it } from 'vitest';
import { codeAndName } from './summary-rows.js';

describe('a code beside its name', () => {
  it.each([
    ['03W', 'NHS East Leicestershire and Rutland CCG', '03W – NHS East Leicestershire and Rutland CCG'],
    ['03W', 'NHS Leicester, Leicestershire and Rutland ICB - 03W', '03W – NHS Leicester, Leicestershire and Rutland ICB'],
    ['04C', 'NHS Leicester, Leicestershire and Rutland ICB - 03W', '04C – NHS Leicester, Leicestershire and Rutland ICB - 03W'],
    ['U67590', null, 'U67590'],
    [null, 'Rutland PCN', 'Rutland PCN'],
  ])('%s and %s read "%s"', (code, name, expected) => {
    expect(codeAndName(code, name)).toBe(expected);
  });
});
