import { describe, expect, it } from 'vitest';
import { parseNhsDate } from './nhs-dates.js';

describe('parseNhsDate', () => {
  it.each([
    // ODS YYYYMMDD
    ['19740401', '1974-04-01'],
    ['20240229', '2024-02-29'],
    ['20000229', '2000-02-29'],
    // ISO, as in gp-reg-pat-prac-all 2025-04
    ['2025-04-01', '2025-04-01'],
    // DDMONYYYY in any case, as in gp-reg 2021-01 and the 2026-08 mapping file
    ['01JAN2021', '2021-01-01'],
    ['01Aug2026', '2026-08-01'],
    ['31dec1999', '1999-12-31'],
    [' 20180601 ', '2018-06-01'],
  ])('%s → %s', (text, expected) => {
    expect(parseNhsDate(text)).toBe(expected);
  });

  it.each([
    ['20181301', 'month 13'],
    ['20180431', '31 April'],
    ['20190229', '29 February in a common year'],
    ['19000229', '1900 was not a leap year'],
    ['31FEB2021', '31 February'],
    ['01XYZ2021', 'unknown month'],
    ['2025-4-1', 'ISO without padding'],
    ['01/04/2025', 'slashes'],
    ['2018060', 'seven digits'],
    ['00000000', 'year 0'],
    ['', 'empty'],
  ])('%s is not a date (%s)', (text) => {
    expect(parseNhsDate(text)).toBeNull();
  });
});
