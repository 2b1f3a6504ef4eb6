import { asc } from 'drizzle-orm';
import { buildMilestoneGrid, llrStpPeriods } from '../../domain/programme/stp-grid.js';
import type { Rag } from '../../domain/programme/task-status.js';
import { stpActions, stpDeliverables, stpMilestones } from '../../db/schema/index.js';
import type { Column } from '../export/tabular.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';

/** The deliverables, each with its key actions, and the milestone grid with a RAG per cell. */
export async function getStpGrid(ctx: AppContext) {
  authorize(ctx.actor, 'stp_milestone', 'read');
  const deliverables = await ctx.db.select().from(stpDeliverables).orderBy(asc(stpDeliverables.id));
  const actions = await ctx.db.select().from(stpActions).orderBy(asc(stpActions.id));
  const milestones = await ctx.db.select().from(stpMilestones).orderBy(asc(stpMilestones.id));
  const refOf = new Map(deliverables.map((d) => [d.id, d.ref]));
  const grid = buildMilestoneGrid(
    llrStpPeriods(),
    actions.map((a) => ({ ref: a.ref, deliverableRef: refOf.get(a.deliverableId) ?? '', title: a.title, owners: a.owners })),
    milestones.map((m) => ({ id: m.id, deliverableRef: refOf.get(m.deliverableId) ?? '', actionRefs: m.actionRefs, period: m.period, mark: m.text, rag: m.rag as Rag | null, reason: m.reason, evidence: m.evidence, rowVersion: m.rowVersion })),
  );
  return { deliverables, ...grid };
}

export type StpGrid = Awaited<ReturnType<typeof getStpGrid>>;
type GridRow = StpGrid['rows'][number];

/** The grid as a table for CSV/XLSX and the CLI: one row per grid row, a column per period ("X" or "X (amber)"). */
export function stpGridColumns(grid: StpGrid): Column<GridRow>[] {
  const titleOf = new Map(grid.deliverables.map((d) => [d.ref, d.title]));
  return [
    { header: 'Deliverable', value: (r) => r.deliverableRef },
    { header: 'Deliverable text', value: (r) => titleOf.get(r.deliverableRef) ?? '' },
    { header: 'Actions', value: (r) => r.actionRefs },
    { header: 'Key action', value: (r) => r.actions.map((a) => a.title).join(' / ') },
    { header: 'Owners', value: (r) => r.actions.map((a) => a.owners ?? '').filter(Boolean).join(' / ') },
    ...grid.periods.map((p): Column<GridRow> => ({ header: p.label, value: (r) => { const cell = r.cells[p.label]; return cell ? `${cell.mark}${cell.rag ? ` (${cell.rag})` : ''}` : ''; } })),
  ];
}
