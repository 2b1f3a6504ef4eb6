import { describe, expect, it } from 'vitest';
import { detectQofFile, parseQofIndicatorMapping, parseQofPrevalence, qofPeriod, qofYearEnd } from './parse-qof.js';

const header = 'PRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PRACTICE_LIST_SIZE';
const file = (...rows: string[]) => [header, ...rows].join('\n');

describe('QOF prevalence file', () => {
  it('reads registers written as floats, and list sizes for each age base', () => {
    const parsed = parseQofPrevalence(file('A81001,AF,112.0,TOTAL,3996', 'A81001,AST,317.0,06OV,3766'), 'PREVALENCE_2223.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { practiceCode: 'A81001', groupCode: 'AF', register: 112, listType: 'TOTAL', listSize: 3996, line: 2 },
      { practiceCode: 'A81001', groupCode: 'AST', register: 317, listType: '06OV', listSize: 3766, line: 3 },
    ]);
  });

  it.each([
    ['a register that is not a whole number', 'A81001,AF,11.5,TOTAL,3996', 3, "REGISTER '11.5'"],
    ['a list size that is not a number', 'A81001,AF,112.0,TOTAL,lots', 5, "PRACTICE_LIST_SIZE 'lots'"],
    ['an unknown list type', 'A81001,AF,112.0,ADULTS,3996', 4, "PATIENT_LIST_TYPE 'ADULTS'"],
    ['a practice code that is not one', 'A81-01,AF,112.0,TOTAL,3996', 1, 'practice code'],
  ])('rejects %s, naming line and column', (_what, row, column, message) => {
    const parsed = parseQofPrevalence(file(row), 'PREVALENCE_2223.csv');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'PREVALENCE_2223.csv', line: 2, column });
    expect(parsed.problems[0]!.message).toContain(message);
  });

  it('rejects a practice’s second row for the same register', () => {
    const parsed = parseQofPrevalence(file('A81001,AF,112.0,TOTAL,3996', 'A81001,AF,113.0,TOTAL,3996'), 'P.csv');
    expect(parsed.problems[0]).toMatchObject({ line: 3, message: 'practice A81001 has a second AF row (first on line 2)' });
  });

  it('skips, and lists, a register bigger than its list and a list of 0', () => {
    const parsed = parseQofPrevalence(file('Y05750,LD,121.0,TOTAL,118', 'Y05751,AF,0.0,TOTAL,0', 'A81001,AF,112.0,TOTAL,3996'), 'P.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.practiceCode)).toEqual(['A81001']);
    expect(parsed.skipped.map((s) => [s.line, s.message])).toEqual([
      [2, 'Y05750 LD: register 121 is more than list size 118'],
      [3, 'Y05751 AF: list size is 0, so there is no prevalence'],
    ]);
  });

  it('refuses a file with another column layout, naming the missing column', () => {
    const parsed = parseQofPrevalence('PRACTICE_CODE,GROUP_CODE,REGISTER\nA81001,AF,112.0\n', 'P.csv');
    expect(parsed.problems.map((p) => p.message)).toContain('required column "PATIENT_LIST_TYPE" is missing');
    expect(parsed.rows).toEqual([]);
  });
});

describe('QOF file kinds and years', () => {
  it.each([
    [header, 'qof-prevalence'],
    ['INDICATOR_CODE,INDICATOR_POINT_VALUE,GROUP_CODE,GROUP_DESCRIPTION,DOMAIN_CODE', 'qof-indicator-mapping'],
    ['NAT_ONS_CODE,SUB_ICB_ODS_CODE,PRACTICE_CODE,PRACTICE_NAME', 'qof-geography-mapping'],
    ['PUBLICATION,EXTRACT_DATE,TYPE', null],
  ])('%s is %s', (line, kind) => expect(detectQofFile(line)).toBe(kind));

  it.each([
    ['PREVALENCE_2223.csv', '2023-03-31'],
    ['MAPPING_INDICATORS_2021_v2.csv', '2021-03-31'],
    ['PREVALENCE_ELR_2223.csv', '2023-03-31'],
    ['prevalence.csv', null],
    ['PREVALENCE_2224.csv', null],
  ])('%s is the QOF year ending %s', (name, end) => expect(qofYearEnd(name)).toBe(end));

  it.each([
    ['PREVALENCE_2223.csv', undefined, { period: '2023-03-31' }],
    ['prevalence.csv', '2023-03-31', { period: '2023-03-31' }],
    ['PREVALENCE_2223.csv', '2023-03-31', { period: '2023-03-31' }],
    ['prevalence.csv', undefined, { problem: 'the QOF year is not in the file name (e.g. PREVALENCE_2223.csv); give it with --as-of, e.g. 2023-03-31 for 2022/23' }],
    // The first day of the QOF year, not its last: 1 April 2022 would have been read as 2021/22.
    ['prevalence.csv', '2022-04-01', { problem: 'the date given for it (1 April 2022) is not the end of a QOF year: QOF years run April to March, so give 2023-03-31 for 2022/23' }],
    ['prevalence.csv', '2023-03-30', { problem: 'the date given for it (30 March 2023) is not the end of a QOF year: QOF years run April to March, so give 2023-03-31 for 2022/23' }],
    ['PREVALENCE_2223.csv', '2024-03-31', { problem: 'the file name says the QOF year ending 31 March 2023, but the date given is 31 March 2024: leave the date out, or check it is the right file' }],
  ])('%s given %s is stored as %j', (name, asOf, expected) => expect(qofPeriod(name, asOf)).toEqual(expected));

  it('names register groups, and refuses one group with two names', () => {
    const head = 'GROUP_CODE,GROUP_DESCRIPTION';
    expect([...parseQofIndicatorMapping(`${head}\nAF,Atrial fibrillation\nAF,Atrial fibrillation\n`, 'M.csv').groups]).toEqual([['AF', 'Atrial fibrillation']]);
    expect(parseQofIndicatorMapping(`${head}\nAF,Atrial fibrillation\nAF,Other\n`, 'M.csv').problems[0]).toMatchObject({ line: 3, column: 2 });
  });
});
