import { describe, expect, it } from 'vitest';
import { columnLetter, normaliseName, resolveColumns } from './header-columns.js';
import { rejectedRows } from '../errors.js';

describe('normaliseName', () => {
  it.each([
    ['Partner\nOrganisation\nCode', 'PARTNERORGANISATIONCODE'],
    ['Practice Sub ICB Loc and PCN Sub ICB Loc Match ', 'PRACTICESUBICBLOCANDPCNSUBICBLOCMATCH'],
    [' sub_icb_location_code ', 'SUBICBLOCATIONCODE'],
    ['PCNDetails', 'PCNDETAILS'],
    ['PCN Details', 'PCNDETAILS'],
  ])('%j → %s', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });
});

describe('resolveColumns', () => {
  const specs = {
    commissioner: { names: ['SUB_ICB_LOCATION_CODE', 'CCG_CODE'], required: true },
    code: { names: ['CODE'], required: true },
    sex: { names: ['SEX'], required: false },
  };
  const where = { file: 'f.csv', line: 1 };

  it.each([
    { case: 'new spelling', header: ['CODE', 'SUB_ICB_LOCATION_CODE'], columns: { code: 0, commissioner: 1 } },
    { case: 'old spelling', header: ['CCG_CODE', 'x', 'code'], columns: { commissioner: 0, code: 2 } },
    { case: 'optional present', header: ['CCG_CODE', 'CODE', 'Sex'], columns: { commissioner: 0, code: 1, sex: 2 } },
    { case: 'first of two matches wins', header: ['CODE', 'CCG_CODE', 'CODE'], columns: { code: 0, commissioner: 1 } },
  ])('$case', ({ header, columns }) => {
    expect(resolveColumns(header, specs, where)).toEqual({ columns, problems: [] });
  });

  it('names each missing required column', () => {
    expect(resolveColumns(['SEX'], specs, where).problems).toEqual([
      { file: 'f.csv', line: 1, wholeFile: true, message: 'required column "SUB_ICB_LOCATION_CODE" (or "CCG_CODE") is missing' },
      { file: 'f.csv', line: 1, wholeFile: true, message: 'required column "CODE" is missing' },
    ]);
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [11, 'K'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%d → %s', (column, expected) => {
    expect(columnLetter(column)).toBe(expected);
  });
});

describe('rejectedRows', () => {
  it.each([
    ['a row with two problems counts once', [{ line: 3, message: 'a' }, { line: 3, message: 'b' }, { line: 5, message: 'c' }], 2],
    ['a header that lacks a column is not a row', [{ line: 1, wholeFile: true as const, message: 'required column "CODE" is missing' }], 0],
    ['a problem with no line is not a row', [{ message: 'not a readable Excel workbook' }], 0],
  ])('%s', (_case, problems, rows) => {
    expect(rejectedRows(problems)).toBe(rows);
  });
});
