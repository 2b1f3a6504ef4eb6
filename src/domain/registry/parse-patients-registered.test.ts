import { describe, expect, it } from 'vitest';
import { readNhsData } from '../../../test/support/nhs-files.js';
import { parsePatientsRegistered } from './parse-patients-registered.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('parsePatientsRegistered on real files (facts from SOURCES.md)', () => {
  it.each([
    { file: 'gp-reg-pat-prac-all-2025-04.csv', extractDate: '2025-04-01', rows: 6_239, total: 63_769_849, rows03W: 31, patients03W: 360_342 },
    // Pre-July-2022 header (CCG_CODE) and a DDMONYYYY extract date.
    { file: 'gp-reg-pat-prac-all-2021-01.csv', extractDate: '2021-01-01', rows: 6_658, total: 60_606_345, rows03W: 31, patients03W: 338_663 },
  ])('$file: $rows practices, $total patients, 03W $patients03W', ({ file, extractDate, rows: count, total, rows03W, patients03W }) => {
    const { extractDate: date, rows, problems } = parsePatientsRegistered(readNhsData(file), file);
    expect(problems).toEqual([]);
    expect(date).toBe(extractDate);
    expect(rows).toHaveLength(count);
    expect(sum(rows.map((r) => r.patients))).toBe(total);
    const elr = rows.filter((r) => r.commissionerCode === '03W');
    expect(elr).toHaveLength(rows03W);
    expect(sum(elr.map((r) => r.patients))).toBe(patients03W);
    expect(rows[0]!.line).toBe(2);
  });

  it('2025-04: list sizes from 1 to 100,329; Y03584 has 107 and Y05412 has 5; 1,286 five-character sub-ICB codes', () => {
    const { rows } = parsePatientsRegistered(readNhsData('gp-reg-pat-prac-all-2025-04.csv'), 'gp-reg.csv');
    const sizes = rows.map((r) => r.patients);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(100_329);
    const byCode = new Map(rows.map((r) => [r.odsCode, r]));
    expect(byCode.get('Y03584')?.patients).toBe(107);
    expect(byCode.get('Y05412')?.patients).toBe(5);
    expect(byCode.get('C82001')).toMatchObject({ patients: 25_423, commissionerCode: '03W' });
    expect(rows.filter((r) => r.commissionerCode.length === 5)).toHaveLength(1_286);
    // SOURCES.md says 16 rows are under 100 patients, all Y codes; the file has 43 (26 of them Y codes).
    expect(rows.filter((r) => r.patients < 100)).toHaveLength(43);
  });

  it('2021-01: C82001 = 26,437; C82119 is under 04C with 2,276', () => {
    const { rows } = parsePatientsRegistered(readNhsData('gp-reg-pat-prac-all-2021-01.csv'), 'gp-reg.csv');
    const byCode = new Map(rows.map((r) => [r.odsCode, r]));
    expect(byCode.get('C82001')).toEqual({ odsCode: 'C82001', commissionerCode: '03W', postcode: 'LE8 0LG', patients: 26_437, line: expect.any(Number) });
    expect(byCode.get('C82119')).toMatchObject({ commissionerCode: '04C', patients: 2_276 });
  });
});

const HEADER = 'PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS';
const line = (code: string, patients: string, options: { date?: string; sex?: string; subIcb?: string } = {}) =>
  `GP_PRAC_PAT_LIST,${options.date ?? '2025-04-01'},GP,${options.subIcb ?? '03W'},E38000201,${code},LE8 0LG,${options.sex ?? 'ALL'},ALL,${patients}`;

describe('parsePatientsRegistered formats', () => {
  it.each([
    { case: 'CRLF with final newline', text: `${HEADER}\r\n${line('C82001', '9301')}\r\n${line('C82002', '10451')}\r\n` },
    { case: 'LF without final newline', text: `${HEADER}\n${line('C82001', '9301')}\n${line('C82002', '10451')}` },
    { case: 'BOM', text: `\uFEFF${HEADER}\n${line('C82001', '9301')}\n${line('C82002', '10451')}\n` },
    {
      case: 'old CCG header, upper-case month',
      text: `PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n${line('C82001', '9301', { date: '01JAN2021' })}\n${line('C82002', '10451', { date: '01JAN2021' })}`,
    },
    { case: 'no TYPE/SEX/AGE columns, other order', text: 'NUMBER_OF_PATIENTS,CODE,EXTRACT_DATE,POSTCODE,SUB_ICB_LOCATION_CODE\n9301,C82001,20250401,LE8 0LG,03W\n10451,C82002,20250401,LE8 0LG,03W' },
    { case: 'lower-case header with spaces', text: ' extract_date , sub_icb_location_code ,code,postcode,number_of_patients\n01Apr2025,03W,C82001,LE8 0LG,9301\n01Apr2025,03W,C82002,LE8 0LG,10451' },
  ])('$case', ({ text }) => {
    const { rows, problems, extractDate } = parsePatientsRegistered(text, 'gp-reg.csv');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.odsCode, r.commissionerCode, r.patients, r.line])).toEqual([['C82001', '03W', 9301, 2], ['C82002', '03W', 10451, 3]]);
    expect(['2025-04-01', '2021-01-01']).toContain(extractDate);
  });
});

describe('parsePatientsRegistered problems', () => {
  it.each([
    { case: 'negative list size', row: line('C82002', '-5'), column: 10, message: 'list size must not be negative (found -5)' },
    { case: 'decimal list size', row: line('C82002', '12.5'), column: 10, message: "number of patients '12.5' is not a whole number" },
    { case: 'empty list size', row: line('C82002', ''), column: 10, message: "number of patients '' is not a whole number" },
    { case: 'list size beyond any practice', row: line('C82002', '99999999999'), column: 10, message: "number of patients '99999999999' is more than any practice's list (at most 2,000,000)" },
    { case: 'bad extract date', row: line('C82002', '10', { date: '2025-02-30' }), column: 2, message: "extract date '2025-02-30' is not a date" },
    { case: 'mixed extract dates', row: line('C82002', '10', { date: '2025-03-01' }), column: 2, message: 'extract date 1 March 2025 differs from 1 April 2025 on line 2: one file must hold one extract' },
    { case: 'duplicate practice', row: line('C82001', '10'), column: 6, message: 'practice code C82001 appears again (first on line 2)' },
    { case: 'bad practice code', row: line('c82002', '10'), column: 6, message: "practice code 'c82002' is not 3 to 10 capital letters or digits" },
    { case: 'bad sub-ICB code', row: line('C82002', '10', { subIcb: 'TOOLONG' }), column: 4, message: "sub-ICB location (CCG) code 'TOOLONG' is not 3 to 5 capital letters or digits" },
    {
      case: 'a by-sex row in a totals file',
      row: line('C82002', '10', { sex: 'MALE' }),
      column: 8,
      message: 'SEX is \'MALE\', but a practice totals file holds only ALL; use the "Totals (GP practice-all persons)" file',
    },
  ])('$case → line 3, column $column', ({ row, column, message }) => {
    const { rows, problems } = parsePatientsRegistered(`${HEADER}\r\n${line('C82001', '9301')}\r\n${row}\r\n`, 'gp-reg.csv');
    expect(problems).toEqual([{ file: 'gp-reg.csv', line: 3, column, message }]);
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('a wrong column count is refused', () => {
    const { rows, problems } = parsePatientsRegistered(`${HEADER}\n${line('C82001', '9301')},EXTRA\n`, 'gp-reg.csv');
    expect(problems).toEqual([{ file: 'gp-reg.csv', line: 2, message: 'expected 10 fields as in the header, found 11' }]);
    expect(rows).toEqual([]);
  });

  it.each([
    { case: 'no list size column', header: HEADER.replace(',NUMBER_OF_PATIENTS', ''), missing: 'required column "NUMBER_OF_PATIENTS" is missing' },
    { case: 'no commissioner column', header: HEADER.replace('SUB_ICB_LOCATION_CODE,', ''), missing: 'required column "SUB_ICB_LOCATION_CODE" (or "CCG_CODE") is missing' },
  ])('$case: names the column on line 1 and reads no rows', ({ header, missing }) => {
    const { rows, problems } = parsePatientsRegistered(`${header}\n${line('C82001', '9301')}`, 'gp-reg.csv');
    expect(problems).toEqual([{ file: 'gp-reg.csv', line: 1, wholeFile: true, message: missing }]);
    expect(rows).toEqual([]);
  });

  it('a header with no rows under it is a problem, not an import of nothing', () => {
    expect(parsePatientsRegistered(`${HEADER}\r\n`, 'gp-reg.csv')).toMatchObject({ rows: [], problems: [{ file: 'gp-reg.csv', line: 2, message: 'the file has a header but no rows under it: nothing to import' }] });
  });

  it('an empty file is a problem', () => {
    expect(parsePatientsRegistered('', 'gp-reg.csv').problems).toEqual([{ file: 'gp-reg.csv', wholeFile: true, message: 'the file is empty: expected a header row and data rows' }]);
  });
});
