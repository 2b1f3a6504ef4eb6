import { and, asc, eq } from 'drizzle-orm';
import { baseOf, type FieldGroups } from '../../domain/programme/merge-imported.js';
import { readWorkPlanFile, type WorkPlanLine } from '../../domain/programme/work-plan-file.js';
import type { Db } from '../../db/client.js';
import { planSections, planTasks, taskPositionUpdates } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { type ImportTally, upsertRow } from './upsert-row.js';
import { targetColumns } from './task-values.js';

const taskTarget = { table: planTasks, id: planTasks.id, rowVersion: planTasks.rowVersion, type: 'plan_task' as const };
const sectionTarget = { table: planSections, id: planSections.id, rowVersion: planSections.rowVersion, type: 'plan_section' as const };

/** A task's fields as a re-import merges them, by the name its clash note gives each. */
const taskGroups: FieldGroups = {
  section: ['sectionId'],
  'project area': ['projectArea'],
  description: ['description'],
  'allocated to': ['allocatedTo'],
  lead: ['lead'],
  involved: ['involved'],
  target: ['timeText', 'targetStart', 'targetDate', 'dateFlag'],
  'financial value': ['financialValueText', 'financialValuePence'],
  allocations: ['allocations'],
  note: ['note'],
  status: ['status'],
  RAG: ['rag'],
};
const sectionGroups: FieldGroups = { title: ['title'] };

/** What the file says of a task: a status or RAG only when it gives one (else people's stands). */
function fileValues(line: WorkPlanLine, sectionId: number): Record<string, unknown> {
  return {
    sectionId,
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
    ...(line.statusGiven ? { status: line.status } : {}),
    ...(line.rag ? { rag: line.rag } : {}),
  };
}

type StoredTask = typeof planTasks.$inferSelect;
const keyOf = (ref: string, occurrence: number | null) => `${ref}#${occurrence}`;

/**
 * Finds each file line's task: the one last imported from the same id (even if renamed here since),
 * else one that has the id now and whose own imported id the file no longer has (a task renamed
 * here to what the file now calls it, or one typed here). Each task answers one line at most.
 */
function matcher(stored: StoredTask[], lines: readonly WorkPlanLine[]) {
  const byImported = new Map(stored.filter((t) => t.importedRef !== null).map((t) => [keyOf(t.importedRef!, t.importedOccurrence), t]));
  const byCurrent = new Map(stored.map((t) => [keyOf(t.ref, t.refOccurrence), t]));
  const inFile = new Set(lines.map((l) => keyOf(l.ref, l.occurrence)));
  const claimed = new Set<number>();
  const used = new Set(byCurrent.keys());
  return {
    match(line: WorkPlanLine): StoredTask | undefined {
      const key = keyOf(line.ref, line.occurrence);
      const current = byCurrent.get(key);
      const found = byImported.get(key) ?? (current && (current.importedRef === null || !inFile.has(keyOf(current.importedRef, current.importedOccurrence))) ? current : undefined);
      if (!found || claimed.has(found.id)) return undefined;
      claimed.add(found.id);
      return found;
    },
    /** The line's own occurrence, or the next free one when a task here has taken it. */
    freeOccurrence(line: WorkPlanLine): number {
      let occurrence = line.occurrence;
      while (used.has(keyOf(line.ref, occurrence))) occurrence++;
      used.add(keyOf(line.ref, occurrence));
      return occurrence;
    },
  };
}

async function importSections(db: Db, planId: number, lines: readonly WorkPlanLine[], tally: ImportTally) {
  const sectionIds = new Map<string, number>();
  for (const line of lines) {
    if (sectionIds.has(line.sectionRef)) continue;
    const where = and(eq(planSections.planId, planId), eq(planSections.ref, line.sectionRef))!;
    const merge = { groups: sectionGroups, name: `Section ${line.sectionRef}` };
    const { id } = await upsertRow(db, sectionTarget, where, { planId, ref: line.sectionRef, title: line.sectionTitle }, tally, { merge });
    sectionIds.set(line.sectionRef, id);
  }
  return sectionIds;
}

/**
 * What the file said of a task when it was last imported, for one imported before tasks kept it:
 * its source row, read again as the import reads a row, its section the plan's of that number.
 */
function lastImported(task: Record<string, unknown>, sectionIdOf: (ref: string) => number | undefined): Record<string, unknown> | null {
  const raw = task.sourceRaw as Record<string, string> | null;
  if (!raw) return null;
  const header = Object.keys(raw);
  const [line] = readWorkPlanFile({ file: 'the last import', header, rows: [{ line: (task.sourceLine as number | null) ?? 2, cells: header.map((h) => raw[h] ?? '') }] }).lines;
  return line ? baseOf(taskGroups, fileValues(line, sectionIdOf(line.sectionRef) ?? (task.sectionId as number))) : null;
}

/** Adds the positions the task's log does not hold yet, after the ones it has, and returns them; never removes or rewrites one. */
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

/**
 * Writes a plan file's sections and tasks, and returns the tasks the file holds. A new line becomes
 * a task; a known one takes what the file has changed since it was last imported and keeps what
 * people changed here (a field both changed is named in the tally). Positions the log lacks are added.
 */
export async function importPlanLines(ctx: AppContext, planId: number, lines: readonly WorkPlanLine[], asOf: string, tally: ImportTally, onProgress?: (done: number, total: number, phase: string) => void): Promise<Set<number>> {
  const sectionIds = await importSections(ctx.db, planId, lines, tally);
  const sections = await ctx.db.select({ id: planSections.id, ref: planSections.ref, title: planSections.title }).from(planSections).where(eq(planSections.planId, planId));
  const base = (task: Record<string, unknown>) => lastImported(task, (ref) => sections.find((section) => section.ref === ref)?.id);
  const show = (key: string, value: unknown) => (key === 'sectionId' ? sections.find((section) => section.id === value)?.title : undefined);
  // Locked until the import commits, so an edit saved meanwhile waits rather than being merged against a stale copy.
  const stored = await ctx.db.select().from(planTasks).where(eq(planTasks.planId, planId)).for('update');
  const tasks = matcher(stored, lines);
  const taskIds = new Set<number>();
  let done = 0;
  for (const line of lines) {
    const found = tasks.match(line);
    const occurrence = found ? found.refOccurrence : tasks.freeOccurrence(line);
    const where = found ? eq(planTasks.id, found.id) : and(eq(planTasks.planId, planId), eq(planTasks.ref, line.ref), eq(planTasks.refOccurrence, occurrence))!;
    const values = { ...fileValues(line, sectionIds.get(line.sectionRef)!), sourceLine: line.line, sourceRaw: line.raw, importedRef: line.ref, importedOccurrence: line.occurrence };
    const merge = { groups: taskGroups, name: found?.ref ?? line.ref, show, base };
    const result = await upsertRow(ctx.db, taskTarget, where, values, tally, { merge, insertOnly: { planId, ref: line.ref, refOccurrence: occurrence, status: line.status } });
    taskIds.add(result.id);
    auditPositions(tally, result.id, result.outcome, await appendPositions(ctx.db, result.id, line.positions, asOf, ctx.actor.label), asOf);
    onProgress?.(++done, lines.length, 'tasks');
  }
  return taskIds;
}
