import { and, asc, eq } from 'drizzle-orm';
import { findDuplicateIds, findMissingIds } from '../../domain/programme/duplicate-ids.js';
import { readWorkPlanFile, type WorkPlanLine } from '../../domain/programme/work-plan-file.js';
import type { Db } from '../../db/client.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { planSections, planTasks, taskPositionUpdates, workPlans } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { matchOwners } from '../people/match-owners.js';
import { authorize } from '../permissions.js';
import { finishImport, type ProgrammeImportReport, readAsOf, readTable, refuseProblems, type UploadedFile } from './programme-import-report.js';
import { markDuplicateRefs, targetColumns } from './task-values.js';
import { emptyTally, type ImportTally, upsertRow } from './upsert-row.js';

export interface WorkPlanImportOptions {
  /** The plan to import into (created if new); the file's name without .csv by default. */
  planName?: string;
  /** The date the file's positions describe: each log entry is dated with it. Today by default. */
  asOf?: string;
  onProgress?: (done: number, total: number, phase: string) => void;
}

const planTarget = { table: planTasks, id: planTasks.id, rowVersion: planTasks.rowVersion, type: 'plan_task' as const };
const sectionTarget = { table: planSections, id: planSections.id, rowVersion: planSections.rowVersion, type: 'plan_section' as const };
const planRecordTarget = { table: workPlans, id: workPlans.id, rowVersion: workPlans.rowVersion, type: 'work_plan' as const };

function taskColumns(line: WorkPlanLine, planId: number, sectionId: number) {
  return {
    planId,
    sectionId,
    ref: line.ref,
    refOccurrence: line.occurrence,
    projectArea: line.projectArea,
    description: line.description,
    allocatedTo: line.allocatedTo,
    lead: line.lead,
    involved: line.involved,
    ...targetColumns(line.target),
    financialValueText: line.financialValueText,
    financialValuePence: line.financialValuePence,
    allocations: line.allocations,
    note: line.note,
    sourceLine: line.line,
    sourceRaw: line.raw,
  };
}

/** Adds the file's position updates the task's log does not have yet, after the ones it has; never removes or rewrites one. */
/** Adds the positions the task's log does not hold yet, and returns them. */
async function appendPositions(db: Db, taskId: number, positions: string[], asOf: string, actorLabel: string): Promise<string[]> {
  const log = await db.select({ text: taskPositionUpdates.text, sequence: taskPositionUpdates.sequence }).from(taskPositionUpdates).where(eq(taskPositionUpdates.taskId, taskId)).orderBy(asc(taskPositionUpdates.sequence));
  const known = new Set(log.map((entry) => entry.text));
  const fresh = positions.filter((text) => !known.has(text));
  if (!fresh.length) return [];
  const start = (log.at(-1)?.sequence ?? 0) + 1;
  await db.insert(taskPositionUpdates).values(fresh.map((text, i) => ({ taskId, entryDate: asOf, sequence: start + i, text, source: 'import', createdBy: actorLabel })));
  return fresh;
}

/** Puts the positions an import added into the task's audit entry (its create or update), or one of their own when nothing else changed. */
function auditPositions(tally: ImportTally, taskId: number, outcome: string, added: string[], asOf: string): void {
  if (!added.length) return;
  const positionsAdded = added.map((text) => ({ entryDate: asOf, text }));
  const entry = outcome === 'unchanged' ? undefined : tally.audits.findLast((a) => a.recordType === 'plan_task' && a.recordId === taskId);
  if (entry) {
    entry.after = { ...(entry.after as Record<string, unknown>), positionsAdded };
    return;
  }
  tally.unchanged--;
  tally.updated++;
  tally.audits.push({ recordType: 'plan_task', recordId: taskId, action: 'update', after: { positionsAdded }, summary: `Import added ${added.length} position update${added.length === 1 ? '' : 's'}` });
}

async function importLines(ctx: AppContext, planId: number, lines: WorkPlanLine[], asOf: string, tally: ImportTally, onProgress: WorkPlanImportOptions['onProgress']) {
  const sectionIds = new Map<string, number>();
  for (const line of lines) {
    if (sectionIds.has(line.sectionRef)) continue;
    const { id } = await upsertRow(ctx.db, sectionTarget, and(eq(planSections.planId, planId), eq(planSections.ref, line.sectionRef))!, { planId, ref: line.sectionRef, title: line.sectionTitle }, tally);
    sectionIds.set(line.sectionRef, id);
  }
  let done = 0;
  for (const line of lines) {
    const where = and(eq(planTasks.planId, planId), eq(planTasks.ref, line.ref), eq(planTasks.refOccurrence, line.occurrence))!;
    const [stored] = await ctx.db.select({ id: planTasks.id }).from(planTasks).where(where);
    // A status the file does not give is only set on a new task, so a re-import keeps what people changed;
    // a RAG rating the file gives is taken whether or not it gives a status.
    const status = { ...(!stored || line.statusGiven ? { status: line.status } : {}), ...(line.rag ? { rag: line.rag } : {}) };
    const result = await upsertRow(ctx.db, planTarget, where, { ...taskColumns(line, planId, sectionIds.get(line.sectionRef)!), ...status }, tally);
    auditPositions(tally, result.id, result.outcome, await appendPositions(ctx.db, result.id, line.positions, asOf, ctx.actor.label), asOf);
    onProgress?.(++done, lines.length, 'tasks');
  }
}

async function unknownOwnerNote(db: Db, lines: WorkPlanLine[]): Promise<string[]> {
  const owners = lines.flatMap((l) => [l.allocatedTo, l.lead, l.involved]).filter(Boolean).join(';');
  const { unknown } = await matchOwners(db, owners);
  return unknown.length ? [`Owners not yet in people (add them to link their tasks): ${unknown.join(', ')}`] : [];
}

/** The plan's tasks this file does not hold (removed from the spreadsheet): kept, and named so the owner can decide. */
async function notInFileNote(db: Db, planId: number, lines: readonly WorkPlanLine[]): Promise<string[]> {
  const inFile = new Set(lines.map((l) => `${l.ref}|${l.occurrence}`));
  const stored = await db.select({ ref: planTasks.ref, occurrence: planTasks.refOccurrence }).from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.id));
  const left = stored.filter((t) => !inFile.has(`${t.ref}|${t.occurrence}`)).map((t) => t.ref);
  return left.length ? [`Tasks the plan holds that this file does not, kept as they are: ${left.join(', ')}`] : [];
}

/**
 * Imports a work plan spreadsheet (CSV): every row kept, all or nothing, with file/line/column
 * problems. Re-importing the same file changes nothing. Ids a plan reuses (2.3 twice) are kept and
 * flagged for the owner, and ids it skips are noted. Each " | " part of a position becomes its own
 * log entry dated with the as-of date, in the file's order.
 */
export async function importWorkPlan(ctx: AppContext, file: UploadedFile, options: WorkPlanImportOptions = {}): Promise<ProgrammeImportReport> {
  authorize(ctx.actor, 'work_plan', 'import');
  authorize(ctx.actor, 'plan_task', 'import');
  const asOf = readAsOf(options.asOf);
  const table = readTable(file);
  const { lines, problems } = readWorkPlanFile(table);
  refuseProblems(file.name, problems);
  const planName = options.planName?.trim() || file.name.replace(/\.csv$/i, '');
  options.onProgress?.(0, lines.length, 'checking');
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never as Db };
    const tally = emptyTally();
    const [existingPlan] = await tx.select().from(workPlans).where(eq(workPlans.name, planName));
    const { id: planId } = existingPlan ? { id: existingPlan.id } : await upsertRow(txCtx.db, planRecordTarget, eq(workPlans.name, planName), { name: planName, sourceFile: file.name, asOf }, tally);
    await importLines(txCtx, planId, lines, asOf, tally, options.onProgress);
    await markDuplicateRefs(txCtx.db, ctx.actor, planId);
    const duplicates = findDuplicateIds(lines).map((d) => `${d.ref} (lines ${d.items.map((i) => i.line).join(' and ')})`);
    const missing = findMissingIds(lines.map((l) => l.ref));
    const flagged = lines.filter((l) => l.target.flagged.length);
    const notes = [
      `Work plan "${planName}" (id ${planId}): ${lines.length} tasks`,
      ...(duplicates.length ? [`IDs used more than once, kept and flagged for the owner to resolve: ${duplicates.join('; ')}`] : []),
      ...(missing.length ? [`IDs the plan skips: ${missing.join(', ')}`] : []),
      ...(flagged.length ? [`Target dates kept as written but not fully read: ${flagged.map((l) => `${l.ref} "${l.target.flagged.map((p) => p.text).join('", "')}"`).join('; ')}`] : []),
      ...(await unknownOwnerNote(txCtx.db, lines)),
      ...(await notInFileNote(txCtx.db, planId, lines)),
      ...(existingPlan?.asOf && existingPlan.asOf > asOf ? [`This file’s positions are as at ${formatLongDate(asOf)}, before the plan’s (${formatLongDate(existingPlan.asOf)}): the tasks it changed now read as the file does, and the plan stays as at ${formatLongDate(existingPlan.asOf)}`] : []),
    ];
    // The plan says which file and date it last came from, when that import changed anything (never going back to an older date).
    const planAsOf = existingPlan?.asOf && existingPlan.asOf > asOf ? existingPlan.asOf : asOf;
    if (existingPlan && tally.inserted + tally.updated > 0) await upsertRow(txCtx.db, planRecordTarget, eq(workPlans.id, planId), { sourceFile: file.name, asOf: planAsOf }, tally);
    else if (existingPlan) tally.unchanged++;
    return finishImport(txCtx, 'work-plan', file.name, asOf, tally, notes);
  });
}
