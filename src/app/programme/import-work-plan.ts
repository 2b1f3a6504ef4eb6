import { asc, eq } from 'drizzle-orm';
import { findDuplicateIds, findMissingIds } from '../../domain/programme/duplicate-ids.js';
import { readWorkPlanFile, type WorkPlanLine } from '../../domain/programme/work-plan-file.js';
import type { Db } from '../../db/client.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { planTasks, workPlans } from '../../db/schema/index.js';
import { importPlanLines } from './import-plan-lines.js';
import type { AppContext } from '../context.js';
import { matchOwners } from '../people/match-owners.js';
import { authorize } from '../permissions.js';
import { finishImport, type ProgrammeImportReport, readAsOf, readTable, refuseProblems, type UploadedFile } from './programme-import-report.js';
import { markDuplicateRefs } from './task-values.js';
import { emptyTally, upsertRow } from './upsert-row.js';

export interface WorkPlanImportOptions {
  /** The plan to import into (created if new); the file's name without .csv by default. */
  planName?: string;
  /** The date the file's positions describe: each log entry is dated with it. Today by default. */
  asOf?: string;
  onProgress?: (done: number, total: number, phase: string) => void;
}

const planRecordTarget = { table: workPlans, id: workPlans.id, rowVersion: workPlans.rowVersion, type: 'work_plan' as const };

async function unknownOwnerNote(db: Db, lines: WorkPlanLine[]): Promise<string[]> {
  const owners = lines.flatMap((l) => [l.allocatedTo, l.lead, l.involved]).filter(Boolean).join(';');
  const { unknown } = await matchOwners(db, owners);
  return unknown.length ? [`Owners not yet in people (add them to link their tasks): ${unknown.join(', ')}`] : [];
}

/** The plan's tasks this file does not hold (removed from the spreadsheet): kept, and named so the owner can decide. */
async function notInFileNote(db: Db, planId: number, inFile: Set<number>): Promise<string[]> {
  const stored = await db.select({ id: planTasks.id, ref: planTasks.ref }).from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.id));
  const left = stored.filter((t) => !inFile.has(t.id)).map((t) => t.ref);
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
    const taskIds = await importPlanLines(txCtx, planId, lines, asOf, tally, options.onProgress);
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
      ...(await notInFileNote(txCtx.db, planId, taskIds)),
      ...(existingPlan?.asOf && existingPlan.asOf > asOf ? [`This file’s positions are as at ${formatLongDate(asOf)}, before the plan’s (${formatLongDate(existingPlan.asOf)}): the tasks it changed now read as the file does, and the plan stays as at ${formatLongDate(existingPlan.asOf)}`] : []),
    ];
    // The plan says which file and date it last came from, when that import changed anything (never going back to an older date).
    const planAsOf = existingPlan?.asOf && existingPlan.asOf > asOf ? existingPlan.asOf : asOf;
    if (existingPlan && tally.inserted + tally.updated > 0) await upsertRow(txCtx.db, planRecordTarget, eq(workPlans.id, planId), { sourceFile: file.name, asOf: planAsOf }, tally);
    else if (existingPlan) tally.unchanged++;
    return finishImport(txCtx, 'work-plan', file.name, asOf, tally, notes);
  });
}
