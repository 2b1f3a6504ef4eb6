import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../schemes/tabular-input.js';
import { readStpDeliverables, readStpMilestones } from './stp-files.js';
import { buildMilestoneGrid, llrStpPeriods } from './stp-grid.js';

const seed = (name: string) => parseCsv(readFileSync(new URL(`../../../../shared/data/llr-stp/${name}`, import.meta.url), 'utf8'), name);

describe('the STP milestone grid', () => {
  it('has the periods the LLR plan uses, in order', () => {
    const table = seed('milestone-periods.csv');
    expect(llrStpPeriods().map((p) => [p.label, p.financialYear, p.granularity, String(p.order)])).toEqual(table.rows.map((r) => r.cells));
  });

  it('shows every seed milestone, with the row that holds two actions kept as one row', () => {
    const periods = llrStpPeriods();
    const deliverables = readStpDeliverables(seed('deliverables.csv'));
    const milestones = readStpMilestones(seed('milestones.csv'), new Set(periods.map((p) => p.label)));
    expect([deliverables.problems, milestones.problems]).toEqual([[], []]);
    const grid = buildMilestoneGrid(
      periods,
      deliverables.rows.map((d) => ({ ref: d.actionRef, deliverableRef: d.ref, title: d.action, owners: d.actionOwners })),
      milestones.rows.map((m, i) => ({ id: i + 1, deliverableRef: m.deliverableRef, actionRefs: m.actionRefs, period: m.period, mark: m.mark, rag: m.rag })),
    );
    const marks = grid.rows.flatMap((r) => Object.values(r.cells).filter(Boolean));
    expect(marks).toHaveLength(milestones.rows.length);
    expect(grid.outside).toEqual([]);
    const shared = grid.rows.find((r) => r.actionRefs === 'N1.1;N1.2')!;
    expect(shared.actions.map((a) => a.ref)).toEqual(['N1.1', 'N1.2']);
    expect(Object.entries(shared.cells).filter(([, c]) => c).map(([p]) => p)).toEqual(['2017/18 Q2', '2017/18 Q4', '2018/19 Q4']);
    expect(grid.rows).toHaveLength(new Set(deliverables.rows.map((d) => d.actionRef)).size - 1);
  });

  it('refuses a milestone in a period the grid does not have, naming line and column', () => {
    const table = parseCsv('deliverable_id,action_id,period,milestone,rag\nN1,N1.3,2021/22 Q1,X,\nN1,N1.3,2017/18 Q1,X,purple\n', 'm.csv');
    const { problems } = readStpMilestones(table, new Set(llrStpPeriods().map((p) => p.label)));
    expect(problems).toEqual([
      { file: 'm.csv', line: 2, column: 3, message: expect.stringContaining('"2021/22 Q1" is not a period of the grid') },
      { file: 'm.csv', line: 3, column: 5, message: expect.stringContaining('"purple" is not a RAG rating') },
    ]);
  });
});
