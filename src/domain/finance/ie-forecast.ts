import type { Problem } from '../errors.js';
import type { IeForecastRow } from './finance-csv.js';
import { formatPence } from '../schemes/format-money.js';

/**
 * The I&E file's printed subtotals and totals are checks, never stored: each must equal what its
 * item lines add up to, or the file is refused with the line that disagrees. Running costs come
 * from the running-cost lines when the year has them (the file's expenditure must then match).
 */
export function ieForecastProblems(rows: readonly IeForecastRow[], file: string, amountColumn: number, storedRunningCostsPence: number | null): Problem[] {
  const items = (section: IeForecastRow['section']) => rows.filter((r) => r.rowType === 'item' && r.section === section).reduce((sum, r) => sum + r.amountPence, 0);
  const secured = items('secured_income');
  const potential = items('potential_income');
  const fileCosts = items('expenditure');
  const costs = storedRunningCostsPence ?? fileCosts;
  const expected: Partial<Record<IeForecastRow['section'], number>> = { secured_income: secured, potential_income: potential, total_income: secured + potential, result: secured + potential - costs };
  const problems: Problem[] = [];
  const at = (row: IeForecastRow, message: string) => problems.push({ file, line: row.line, column: amountColumn, message });
  for (const row of rows) {
    if (row.rowType !== 'item') {
      const want = expected[row.section];
      if (want === undefined) at(row, `a ${row.rowType} row cannot be in the ${row.section.replace('_', ' ')} section`);
      else if (want !== row.amountPence) at(row, `${row.label} is printed as ${formatPence(row.amountPence)} but its lines add up to ${formatPence(want)}`);
    } else if (row.section === 'total_income' || row.section === 'result') at(row, `${row.label} is a total: mark it row_type total, it is worked out from the lines`);
  }
  if (storedRunningCostsPence !== null && fileCosts !== storedRunningCostsPence) {
    const row = rows.find((r) => r.section === 'expenditure');
    if (row) at(row, `running costs are ${formatPence(storedRunningCostsPence)} in the running-cost lines for this year, but the file says ${formatPence(fileCosts)}`);
  }
  return problems;
}
