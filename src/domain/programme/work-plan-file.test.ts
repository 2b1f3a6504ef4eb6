import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../schemes/tabular-input.js';
import { readWorkPlanFile } from './work-plan-file.js';

const seedText = readFileSync(new URL('../../../../shared/data/elr/workplan.csv', import.meta.url), 'utf8');

describe('readWorkPlanFile', () => {
  it('keeps every seed row, its log entries in order and its allocation columns', () => {
    const table = parseCsv(seedText, 'workplan.csv');
    const { lines, problems } = readWorkPlanFile(table);
    expect(problems).toEqual([]);
    expect(lines).toHaveLength(table.rows.length);
    const purchase = lines.find((l) => l.ref === '2.1')!;
    expect(purchase.allocations).toEqual([
      { column: 'wlccg_allocation_gbp_000', text: '92.7', pence: 9_270_000 },
      { column: 'elrccg_allocation_gbp_000', text: '70.5', pence: 7_050_000 },
      { column: 'lcc_allocation_gbp_000', text: '0.0', pence: 0 },
      { column: 'reserve_gbp_000', text: '0.0', pence: 0 },
    ]);
    const second23 = lines.filter((l) => l.ref === '2.3')[1]!;
    expect([second23.occurrence, second23.financialValuePence, second23.target.end]).toEqual([2, 1_270_500, '2017-10-31']);
    const first = lines[0]!;
    expect(first.positions).toEqual(first.raw.current_position!.split(' | '));
    expect(lines.find((l) => l.ref === '2.15')!.target.flagged.map((p) => p.text)).toEqual(['Mid 18']);
  });

  it('refuses impossible dates, amounts and statuses with file, line and column', () => {
    const table = parseCsv('id,tasks,time,financial_value_gbp,status\n1.1,A,31/02/2018,,\n1.2,B,Nov 16,lots,\n1.3,C,,,finished\n,D,,,\n', 'plan.csv');
    expect(readWorkPlanFile(table).problems).toEqual([
      { file: 'plan.csv', line: 2, column: 3, message: '"31/02/2018" is not a real date (column "time")' },
      { file: 'plan.csv', line: 3, column: 4, message: '"lots" is not an amount of money (column "financial_value_gbp")' },
      { file: 'plan.csv', line: 4, column: 5, message: expect.stringContaining('"finished" is not a status') },
      { file: 'plan.csv', line: 5, column: 1, message: 'the task has no id (column "id")' },
    ]);
  });

  it('refuses atscale’s own download of the task list, which would read database ids as task ids and lose the log', () => {
    const table = parseCsv('ID,Work plan,Section,Task,Task description,Target date,Latest position\n7,ELR plan,Resilience,1.1,Hire a pharmacist,2018-03-31,Advert out\n', 'plan-tasks-2026-11-26.csv');
    expect(readWorkPlanFile(table)).toEqual({ lines: [], problems: [{ file: 'plan-tasks-2026-11-26.csv', line: 1, message: expect.stringMatching(/^this is atscale’s download of the task list, not a work plan spreadsheet/) }] });
  });
});
