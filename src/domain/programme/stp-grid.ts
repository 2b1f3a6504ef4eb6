import type { Rag } from './task-status.js';

/**
 * STP milestone grids run by quarter for the first years and by half-year after (2017/18 Q1 …
 * 2018/19 Q4, then 2019/20 H1 … 2020/21 H2). A cell holds a mark ("X" for a deadline, or text)
 * and may carry a RAG rating once someone reports on it.
 */
export interface StpPeriod {
  label: string;
  financialYear: string;
  granularity: 'quarter' | 'half-year';
  order: number;
}

const yearLabel = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

export function stpPeriods(firstYear: number, quarterYears: number, halfYears: number): StpPeriod[] {
  const periods: StpPeriod[] = [];
  for (let y = 0; y < quarterYears + halfYears; y++) {
    const fy = yearLabel(firstYear + y);
    const quarterly = y < quarterYears;
    const count = quarterly ? 4 : 2;
    for (let n = 1; n <= count; n++) {
      periods.push({ label: `${fy} ${quarterly ? 'Q' : 'H'}${n}`, financialYear: fy, granularity: quarterly ? 'quarter' : 'half-year', order: periods.length + 1 });
    }
  }
  return periods;
}

/** The grid the LLR STP plan uses: quarters for 2017/18 and 2018/19, halves for 2019/20 and 2020/21. */
export const llrStpPeriods = () => stpPeriods(2017, 2, 2);

export interface GridMilestone {
  id: number;
  deliverableRef: string;
  /** As the source row names its actions: "N1.1" or, where one row holds two, "N1.1;N1.2". */
  actionRefs: string;
  period: string;
  mark: string;
  rag: Rag | null;
  /** Why it stands as rated (e.g. why it slipped), and what shows it. */
  reason?: string | null;
  evidence?: string | null;
  /** The stored milestone's version, for an edit of its RAG. */
  rowVersion?: number;
}

export interface GridAction {
  ref: string;
  deliverableRef: string;
  title: string;
  owners: string | null;
}

export interface GridRow {
  deliverableRef: string;
  actionRefs: string;
  actions: GridAction[];
  cells: Record<string, Pick<GridMilestone, 'id' | 'mark' | 'rag' | 'reason' | 'evidence' | 'rowVersion'> | null>;
}

export interface MilestoneGrid {
  periods: StpPeriod[];
  rows: GridRow[];
  /** Milestones in periods the grid does not have, listed so none is lost. */
  outside: GridMilestone[];
}

/**
 * One row per source row of the grid: an action, or the actions a row holds together. Actions
 * without milestones still get a row (empty cells), in the plan's order.
 */
export function buildMilestoneGrid(periods: StpPeriod[], actions: readonly GridAction[], milestones: readonly GridMilestone[]): MilestoneGrid {
  const labels = new Set(periods.map((p) => p.label));
  const rows = new Map<string, GridRow>();
  const rowKeyOf = new Map<string, string>();
  for (const m of milestones) for (const ref of m.actionRefs.split(';')) rowKeyOf.set(ref.trim(), m.actionRefs);
  const emptyCells = () => Object.fromEntries(periods.map((p) => [p.label, null])) as GridRow['cells'];
  for (const action of actions) {
    const key = rowKeyOf.get(action.ref) ?? action.ref;
    const row = rows.get(key) ?? { deliverableRef: action.deliverableRef, actionRefs: key, actions: [], cells: emptyCells() };
    row.actions.push(action);
    rows.set(key, row);
  }
  const outside: GridMilestone[] = [];
  for (const m of milestones) {
    const row = rows.get(m.actionRefs) ?? { deliverableRef: m.deliverableRef, actionRefs: m.actionRefs, actions: [], cells: emptyCells() };
    rows.set(m.actionRefs, row);
    if (labels.has(m.period)) row.cells[m.period] = { id: m.id, mark: m.mark, rag: m.rag, reason: m.reason, evidence: m.evidence, rowVersion: m.rowVersion };
    else outside.push(m);
  }
  return { periods, rows: [...rows.values()], outside };
}
