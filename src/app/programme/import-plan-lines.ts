import { and, asc, eq } from 'drizzle-orm';
import { baseOf, type FieldGroups, type MergeClash, mergeImported } from '../../domain/programme/merge-imported.js';
import type { WorkPlanLine } from '../../domain/programme/work-plan-file.js';
import type { Db } from '../../db/client.js';
import { planSections, planTasks, taskPositionUpdates } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import type { ImportTally } from './upsert-row.js';
import { upsertRow } from './upsert-row.js';
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

/** "1.2: lead (kept “RB”, the file says “GC”)", values shown as people typed them. */
function clashNote(ref: string, clashes: MergeClash[], sectionTitles: Map<number, string>): string {
  const shown = (values: Record<string, unknown>) => {
    const [key, value] = Object.entries(values)[0]!;
    const text = key === 'sectionId' ? sectionTitles.get(value as number) : value === null ? 'nothing' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return text === 'nothing' ? 'nothing' : `“${text}”`;
  };
  return `${ref}: ${clashes.map((c) => `${c.field} (kept ${shown(c.kept)}, the file says ${shown(c.file)})`).join('; ')}`;
}

/** Names what the merge kept in the entry the write audited (or one of its own), so the task's history says why the file's value is not there. */
function auditClashes(tally: ImportTally, recordType: 'plan_task' | 'plan_section', id: number, outcome: string, note: string): void {
  const summary = `Kept what was changed in atscale where the file changed it too: ${note}, by import`;
  const entry = outcome === 'updated' ? tally.audits.findLast((a) => a.recordType === recordType && a.recordId === id) : undefined;
  if (entry) entry.summary = summary;
}

async function importSections(db: Db, planId: number, lines: readonly WorkPlanLine[], tally: ImportTally, clashes: string[]) {
  const sectionIds = new Map<string, number>();
  const titles = new Map<number, string>();
  for (const line of lines) {
    if (sectionIds.has(line.sectionRef)) continue;
    const where = and(eq(planSections.planId, planId), eq(planSections.ref, line.sectionRef))!;
    const file = { title: line.sectionTitle };
    const [stored] = await db.select().from(planSections).where(where);
    const merged = stored ? mergeImported(sectionGroups, stored.importedValues ?? null, stored, file) : { take: file, clashes: [] };
    const result = await upsertRow(db, sectionTarget, where, { planId, ref: line.sectionRef, ...merged.take, importedValues: file }, tally);
    if (merged.clashes.length) {
      const note = clashNote(`Section ${line.sectionRef}`, merged.clashes, titles);
      clashes.push(note);
      auditClashes(tally, 'plan_section', result.id, result.outcome, note);
    }
    sectionIds.set(line.sectionRef, result.id);
    titles.set(result.id, (merged.take.title as string | undefined) ?? stored?.title ?? line.sectionTitle);
  }
  return { sectionIds, titles };
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
 * Writes a plan file's sections and tasks. A new line becomes a task; a known one takes what the
 * file has changed since it was last imported and keeps what people changed here, naming each
 * field both changed (returned, for the import's notes, with the tasks the file holds). Positions the log lacks are added.
 */
export async function importPlanLines(ctx: AppContext, planId: number, lines: readonly WorkPlanLine[], asOf: string, tally: ImportTally, onProgress?: (done: number, total: number, phase: string) => void): Promise<{ clashes: string[]; taskIds: Set<number> }> {
  const clashes: string[] = [];
  const taskIds = new Set<number>();
  const { sectionIds, titles } = await importSections(ctx.db, planId, lines, tally, clashes);
  // Locked until the import commits, so an edit saved meanwhile waits rather than being merged against a stale copy.
  const stored = await ctx.db.select().from(planTasks).where(eq(planTasks.planId, planId)).for('update');
  const tasks = matcher(stored, lines);
  let done = 0;
  for (const line of lines) {
    const file = fileValues(line, sectionIds.get(line.sectionRef)!);
    const found = tasks.match(line);
    const bookkeeping = { sourceLine: line.line, sourceRaw: line.raw, importedRef: line.ref, importedOccurrence: line.occurrence, importedValues: baseOf(taskGroups, file) };
    const merged = found ? mergeImported(taskGroups, found.importedValues ?? null, found, file) : undefined;
    const occurrence = found ? found.refOccurrence : tasks.freeOccurrence(line);
    const where = found ? eq(planTasks.id, found.id) : and(eq(planTasks.planId, planId), eq(planTasks.ref, line.ref), eq(planTasks.refOccurrence, occurrence))!;
    const values = merged ? { ...merged.take, ...bookkeeping } : { planId, ref: line.ref, refOccurrence: occurrence, status: line.status, ...file, ...bookkeeping };
    const result = await upsertRow(ctx.db, taskTarget, where, values, tally);
    taskIds.add(result.id);
    if (merged?.clashes.length) {
      const note = clashNote(found!.ref, merged.clashes, titles);
      clashes.push(note);
      auditClashes(tally, 'plan_task', result.id, result.outcome, note);
    }
    auditPositions(tally, result.id, result.outcome, await appendPositions(ctx.db, result.id, line.positions, asOf, ctx.actor.label), asOf);
    onProgress?.(++done, lines.length, 'tasks');
  }
  return { clashes, taskIds };
}
