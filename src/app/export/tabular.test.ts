import { describe, expect, it } from 'vitest';
import { type Column, csvField, toCsv, toTextTable, sheetTitle } from './tabular.js';

interface Fund {
  name: string;
  list: number;
  listAt: string | null;
  remainingPence: number;
}

const columns: Column<Fund>[] = [
  { header: 'Fund', value: (f) => f.name },
  { header: 'List', value: (f) => f.list, numeric: true, count: true },
  { header: 'List at', value: (f) => f.listAt, date: true },
  { header: 'Remaining (£)', value: (f) => f.remainingPence, numeric: true, pence: true },
];
const funds: Fund[] = [
  { name: 'Extended access', list: 327255, listAt: '2018-01-01', remainingPence: 305656170 },
  { name: 'Demand management', list: 9301, listAt: null, remainingPence: -68800 },
];

describe('a table for a terminal', () => {
  it('writes counts grouped, dates as the pages write them and money in pounds (so its heading drops the £), each column under its heading', () => {
    expect(toTextTable(funds, columns).split('\n')).toEqual([
      'Fund                  List  List at             Remaining',
      '-----------------  -------  --------------  -------------',
      'Extended access    327,255  1 January 2018  £3,056,561.70',
      'Demand management    9,301                       −£688.00',
      '',
    ]);
  });

  it('writes a money column in whole pounds when no amount in it has pence', () => {
    const whole = funds.map((f) => ({ ...f, remainingPence: Math.round(f.remainingPence / 100) * 100 }));
    const lastColumn = toTextTable(whole, columns).split('\n').map((line) => line.split(/\s+/).at(-1));
    expect(lastColumn).toEqual(['Remaining', '----------', '£3,056,562', '−£688', '']);
  });

  it('writes every money column with pence when any amount in the table has them, so a row reads alike', () => {
    const withAllocated: Column<Fund & { allocatedPence: number }>[] = [...columns, { header: 'Allocated (£)', value: (f) => f.allocatedPence, numeric: true, pence: true }];
    const rows = funds.map((f, i) => ({ ...f, remainingPence: 100 * (i + 1), allocatedPence: 34_179_800 }));
    rows[0]!.remainingPence = 26_349_760;
    expect(toTextTable(rows, withAllocated).split('\n')[2]).toMatch(/£263,497\.60\s+£341,798\.00$/);
  });

  it('leaves the CSV as figures and ISO dates, to add up and sort', () => {
    expect(toCsv(funds, columns).split('\r\n')).toEqual(['Fund,List,List at,Remaining (£)', 'Extended access,327255,2018-01-01,3056561.7', 'Demand management,9301,,-688', '']);
  });
});

describe('a workbook tab', () => {
  it.each([
    [{ name: 'funder-totals' }, 'Funder totals'],
    [{ name: 'plan-tasks' }, 'Plan tasks'],
    [{ name: 'ie' }, 'I&E'],
    [{ name: 'contributions_year_1_cost' }, 'Contributions at year-1 cost'],
    [{ name: 'Schemes' }, 'Schemes'],
    [{ name: 'quality-emergency_admissions-2023-03-31', title: 'Emergency admissions per 1,000 patients: a long name' }, 'Emergency admissions per 1,000'],
    [{ name: 'x', title: 'Referrals: in/out [2024]?' }, 'Referrals in out 2024'],
    [{ name: 'ie-lines' }, 'I&E lines'],
    [{ name: 'stp-milestones' }, 'STP milestones'],
    [{ name: 'sub-contracts' }, 'Sub-contracts'],
    [{ name: 'x', title: "'Would recommend' (FFT)" }, "Would recommend' (FFT)"],
    [{ name: 'x', title: "Patients who say 'Good' or 'Very good' overall" }, "Patients who say 'Good' or 'Ver"],
    [{ name: 'x', title: "Practices in Harborough and Lu' 'good'" }, 'Practices in Harborough and Lu'],
    [{ name: 'x', title: 'History' }, 'History (data)'],
    [{ name: 'x', title: "'''" }, 'Sheet'],
  ])('%j is called %s', (sheet, title) => {
    expect(sheetTitle(sheet)).toBe(title);
  });
});

describe('a CSV field a spreadsheet could run', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+44 116 295 3000', "'+44 116 295 3000"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['-12.5', '-12.5'],
    ['-688', '-688'],
    ['Kibworth', 'Kibworth'],
  ])('%s is written %s', (text, written) => {
    expect(csvField(text)).toBe(written);
  });
});
