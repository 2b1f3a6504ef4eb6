import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors.js';
import { readFinanceFile } from './finance-csv.js';
import { ieForecastProblems } from './ie-forecast.js';
import { elrSeedFolder } from '../../../test/support/finance-seeds.js';

const seed = (name: string) => readFileSync(`${elrSeedFolder}${name}`, 'utf8');
const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as AppError).problems;
  }
  throw new Error('expected the file to be refused');
};

describe('reading the finance files', () => {
  it('refuses the seed income table because one stream has no funder, naming its line and column', () => {
    expect(problemsOf(() => readFinanceFile('streams', seed('income-streams.csv'), 'income-streams.csv'))).toEqual([
      { file: 'income-streams.csv', line: 38, column: 1, message: 'funder is missing (column "commissioner")' },
      { file: 'income-streams.csv', line: 39, column: 1, message: 'funder is missing (column "commissioner")' },
      { file: 'income-streams.csv', line: 40, column: 1, message: 'funder is missing (column "commissioner")' },
    ]);
  });

  it.each([
    ['no year', 'funder,stream,status,financial_year,amount\nELR CCG,X,secured,,100', 'financial_year is missing'],
    ['an unknown year format', 'funder,stream,status,financial_year,amount\nELR CCG,X,secured,April 2018,100', '"April 2018" is not a financial year'],
    ['a negative amount', 'funder,stream,status,financial_year,amount\nELR CCG,X,secured,2018/19,-£5', 'is negative'],
    ['an unknown status', 'funder,stream,status,financial_year,amount\nELR CCG,X,hoped,2018/19,5', 'not a stream status'],
    ['bad payment terms', 'funder,stream,status,financial_year,amount,payment_terms\nELR CCG,X,secured,2018/19,5,weekly', 'not a payment frequency'],
    ['an end date that does not exist', 'funder,stream,status,financial_year,amount,end_date\nELR CCG,X,secured,2018/19,5,29/02/2019', '"29/02/2019" is not a real date'],
    ['an end date in American order', 'funder,stream,status,financial_year,amount,end_date\nELR CCG,X,secured,2018/19,5,03/31/2019', '"03/31/2019" is not a real date'],
    ['an end date out of the years a contract may run', 'funder,stream,status,financial_year,amount,end_date\nELR CCG,X,secured,2018/19,5,9999-12-31', 'must be a year from 1900 to 2099'],
  ])('names the line and column of %s', (_name, text, message) => {
    const [problem] = problemsOf(() => readFinanceFile('streams', text, 'streams.csv'));
    expect(problem).toMatchObject({ file: 'streams.csv', line: 2, message: expect.stringContaining(message) });
    expect(problem!.column).toBeGreaterThan(0);
  });

  it('reads amounts with £ and commas, payment terms and the practices’ share', () => {
    const [row] = readFinanceFile('streams', 'funder,stream,status,financial_year,amount,payment_terms,arrears_months,practices_share_percent\nLCC,CBS,Secured,FY18/19,"£200,000.50",quarterly,2,95%', 's.csv');
    expect(row).toMatchObject({ funder: 'LCC', name: 'CBS', status: 'secured', financialYear: '2018/19', amountPence: 20_000_050, frequency: 'quarterly', arrearsMonths: 2, practicesShareBasisPoints: 9500 });
  });

  it.each([
    ['2019-03-31', '2019-03-31'],
    // A spreadsheet saves a date as the UK writes it: day first.
    ['31/03/2019', '2019-03-31'],
    ['1/4/2019', '2019-04-01'],
    ['29/02/2028', '2028-02-29'],
    ['', null],
  ])('reads a stream ending %j as %s', (cell, endDate) => {
    const [row] = readFinanceFile('streams', `funder,stream,status,financial_year,amount,end_date\nELR CCG,X,secured,2018/19,5,${cell}`, 's.csv');
    expect(row!.endDate).toBe(endDate);
  });

  it('reads the seed savings and running costs (the running costs file has no year: the import gives it)', () => {
    expect(readFinanceFile('savings', seed('cost-savings.csv'), 'cost-savings.csv').map((r) => r.expectedPence / 100)).toEqual([109_000, 109_000, 109_000]);
    expect(problemsOf(() => readFinanceFile('running-costs', seed('running-costs-2018-19.csv'), 'rc.csv'))).toEqual([{ file: 'rc.csv', line: 1, message: 'there is no financial_year column: add one, or give the financial year of the whole file' }]);
    expect(readFinanceFile('running-costs', seed('running-costs-2018-19.csv'), 'rc.csv', '2018/19')).toMatchObject([{ financialYear: '2018/19', label: 'Running costs (total)', amountPence: 17_362_000 }]);
  });

  it('checks the I&E file’s printed subtotals and totals against its lines', () => {
    const rows = readFinanceFile('ie', seed('ie-forecast-2018-19.csv'), 'ie.csv');
    expect(ieForecastProblems(rows, 'ie.csv', 3, null)).toEqual([]);
    expect(ieForecastProblems(rows, 'ie.csv', 3, 17_362_000)).toEqual([]);
    const wrong = rows.map((r) => (r.label === 'Demand management' ? { ...r, amountPence: 3_200_000 } : r));
    expect(ieForecastProblems(wrong, 'ie.csv', 3, null).map((p) => [p.line, p.message])).toEqual([
      [8, 'Sub total (secured funds) is printed as £169,432 but its lines add up to £168,432'],
      [14, 'Total income (secured + potential) is printed as £172,932 but its lines add up to £171,932'],
      [16, 'Surplus / deficit is printed as −£688 but its lines add up to −£1,688'],
    ]);
    expect(ieForecastProblems(rows, 'ie.csv', 3, 100).map((p) => p.message)).toContainEqual(expect.stringMatching(/running costs are £1 in the running-cost lines/));
  });
});
