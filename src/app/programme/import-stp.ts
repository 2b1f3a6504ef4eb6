import { and, eq } from 'drizzle-orm';
import type { Problem } from '../../domain/errors.js';
import { invalid } from '../../domain/errors.js';
import { parseFreeTextDate } from '../../domain/programme/free-text-date.js';
import { detectStpFile, readStpDeliverables, readStpMilestones, readStpOutcomes, type StpFileKind } from '../../domain/programme/stp-files.js';
import { llrStpPeriods } from '../../domain/programme/stp-grid.js';
import type { TabularInput } from '../../domain/schemes/tabular-input.js';
import type { Db } from '../../db/client.js';
import { stpActions, stpDeliverables, stpMilestones, stpOutcomes } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { finishImport, type ProgrammeImportReport, readAsOf, readTable, refuseProblems, type UploadedFile } from './programme-import-report.js';
import { emptyTally, type ImportTally, upsertRow } from './upsert-row.js';
import type { FieldGroups } from '../../domain/programme/merge-imported.js';
import { importCounts } from '../../domain/words.js';

const targets = {
  deliverable: { table: stpDeliverables, id: stpDeliverables.id, rowVersion: stpDeliverables.rowVersion, type: 'stp_deliverable' as const },
  action: { table: stpActions, id: stpActions.id, rowVersion: stpActions.rowVersion, type: 'stp_action' as const },
  milestone: { table: stpMilestones, id: stpMilestones.id, rowVersion: stpMilestones.rowVersion, type: 'stp_milestone' as const },
  outcome: { table: stpOutcomes, id: stpOutcomes.id, rowVersion: stpOutcomes.rowVersion, type: 'stp_outcome' as const },
};
/** The fields a re-import merges with what people changed here (the rest place the row). */
const groups = {
  deliverable: { kind: ['kind'], title: ['title'], owner: ['owner'] },
  action: { title: ['title'], owners: ['owners'], note: ['note'] },
  milestone: { mark: ['text'], note: ['note'], RAG: ['rag'] },
  outcome: { descriptor: ['descriptor'], baseline: ['baseline'], target: ['target'], 'current position': ['currentPosition', 'positionDate'], note: ['note'] },
} satisfies Record<string, FieldGroups>;
const order: StpFileKind[] = ['deliverables', 'milestones', 'outcomes'];
const periodLabels = new Set(llrStpPeriods().map((p) => p.label));

/** An outcome's position date: a day, or the last day of a month or quarter ("Mar 18"). */
const readPositionDate = (text: string) => {
  const parsed = parseFreeTextDate(text);
  return parsed.flagged.length || parsed.impossible.length ? null : parsed.end;
};

async function deliverableIdsByRef(db: Db): Promise<Map<string, number>> {
  return new Map((await db.select({ id: stpDeliverables.id, ref: stpDeliverables.ref }).from(stpDeliverables)).map((d) => [d.ref, d.id]));
}

/** The deliverable a row names must be known (stored, or in this import): a problem at its line otherwise. */
function deliverableOf(ids: Map<string, number>, table: TabularInput, row: { line: number; deliverableRef: string }, problems: Problem[]): number | undefined {
  const id = ids.get(row.deliverableRef);
  if (id === undefined) problems.push({ file: table.file, line: row.line, column: 1, message: `deliverable ${row.deliverableRef} is not known: import deliverables.csv first or with it` });
  return id;
}

async function importTable(db: Db, kind: StpFileKind, table: TabularInput, tally: ImportTally, asOf: string | undefined): Promise<void> {
  if (kind === 'deliverables') {
    const { rows, problems } = readStpDeliverables(table);
    refuseProblems(table.file, problems);
    const ids = new Map<string, number>();
    for (const row of rows) {
      const id = ids.get(row.ref) ?? (await upsertRow(db, targets.deliverable, eq(stpDeliverables.ref, row.ref), { ref: row.ref, kind: row.kind, title: row.title, owner: row.owner }, tally, { merge: { groups: groups.deliverable, name: row.ref } })).id;
      ids.set(row.ref, id);
      await upsertRow(db, targets.action, eq(stpActions.ref, row.actionRef), { deliverableId: id, ref: row.actionRef, title: row.action, owners: row.actionOwners, note: row.note }, tally, { merge: { groups: groups.action, name: row.actionRef } });
    }
    return;
  }
  const ids = await deliverableIdsByRef(db);
  const problems: Problem[] = [];
  if (kind === 'milestones') {
    const read = readStpMilestones(table, periodLabels);
    problems.push(...read.problems);
    const rows = read.rows.map((row) => ({ row, deliverableId: deliverableOf(ids, table, row, problems) }));
    refuseProblems(table.file, problems);
    for (const { row, deliverableId } of rows) {
      const where = and(eq(stpMilestones.actionRefs, row.actionRefs), eq(stpMilestones.period, row.period))!;
      await upsertRow(db, targets.milestone, where, { deliverableId, actionRefs: row.actionRefs, period: row.period, text: row.mark, note: row.note, ...(row.rag ? { rag: row.rag } : {}) }, tally, { merge: { groups: groups.milestone, name: `${row.actionRefs} ${row.period}` } });
    }
    return;
  }
  const read = readStpOutcomes(table, readPositionDate);
  problems.push(...read.problems);
  const rows = read.rows.map((row) => ({ row, deliverableId: deliverableOf(ids, table, row, problems) }));
  refuseProblems(table.file, problems);
  for (const { row, deliverableId } of rows) {
    const { line: _line, deliverableRef: _ref, positionDate, ...values } = row;
    const where = and(eq(stpOutcomes.deliverableId, deliverableId!), eq(stpOutcomes.workArea, row.workArea))!;
    await upsertRow(db, targets.outcome, where, { ...values, deliverableId, positionDate: positionDate ?? asOf ?? null }, tally, { merge: { groups: groups.outcome, name: row.workArea } });
  }
}

/**
 * Imports an STP plan's deliverables (with key actions), milestone grid and outcomes: files in any
 * order (told apart by their headers), all in one transaction, all or nothing. Re-importing
 * changes nothing, and keeps what people changed here where the file has not changed it since. A grid row that holds two actions ("N1.1;N1.2") is kept as the source has it.
 */
export async function importStpFiles(ctx: AppContext, files: UploadedFile[], options: { asOf?: string } = {}): Promise<ProgrammeImportReport> {
  for (const type of ['stp_deliverable', 'stp_action', 'stp_milestone', 'stp_outcome'] as const) authorize(ctx.actor, type, 'import');
  const asOf = options.asOf === undefined ? undefined : readAsOf(options.asOf);
  const tables = files.map(readTable).map((table) => ({ table, kind: detectStpFile(table) }));
  const unknown = tables.filter((t) => t.kind === null);
  if (unknown.length) throw invalid('atscale cannot tell what these files hold', unknown.map((t) => ({ file: t.table.file, line: 1, message: 'expected the header of deliverables.csv, milestones.csv or outcomes.csv' })));
  tables.sort((a, b) => order.indexOf(a.kind!) - order.indexOf(b.kind!));
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never as Db };
    const tally = emptyTally();
    const notes: string[] = [];
    for (const { table, kind } of tables) {
      const before = { ...tally };
      await importTable(txCtx.db, kind!, table, tally, asOf);
      notes.push(`${table.file} (${kind}): ${importCounts({ inserted: tally.inserted - before.inserted, updated: tally.updated - before.updated, unchanged: tally.unchanged - before.unchanged })}`);
    }
    return finishImport(txCtx, 'stp', tables.map((t) => t.table.file).join(', '), asOf ?? null, tally, notes);
  });
}
