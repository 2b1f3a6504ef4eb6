import { and, eq, sql } from 'drizzle-orm';
import { invalid } from '../../domain/errors.js';
import { type FreeTextDate, parseFreeTextDate } from '../../domain/programme/free-text-date.js';
import { penceFromText } from '../../domain/finance/money.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit.js';
import type { Actor } from '../context.js';
import { planTasks } from '../../db/schema/index.js';

/** The dates a target text gives, and a flag naming what could not be read (null when all could). */
export function targetColumns(target: FreeTextDate) {
  return {
    timeText: target.text || null,
    targetStart: target.start,
    targetDate: target.end,
    dateFlag: target.flagged.length ? target.flagged.map((p) => p.reason).join('; ') : null,
  };
}

/** Reads a typed target, refusing dates that cannot exist (31/02/2018) with the field named. */
export function readTarget(text: string | null | undefined, field = 'timeText') {
  const target = parseFreeTextDate(text);
  if (target.impossible.length) throw invalid(`The target date is not valid: ${target.impossible.map((p) => p.reason).join('; ')}`, target.impossible.map((p) => ({ field, message: p.reason! })));
  return targetColumns(target);
}

/** "£12,705" → 1270500; text that is not one amount ("TBD", "£30-35K") gives null and is kept as text. */
export function moneyFromText(text: string | null | undefined): number | null {
  return text ? (penceFromText(text) ?? null) : null;
}

/** The next occurrence number for a ref in a plan: 1, or 2 for a second line that reuses it. */
export async function nextOccurrence(db: Db, planId: number, ref: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${planTasks.refOccurrence}), 0)` }).from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.ref, ref)));
  return Number(row?.n ?? 0) + 1;
}

/**
 * Marks each task of a plan whose ref another task also uses, and clears the rest. The flag is
 * worked out, never typed, so it does not bump a task's version (no edit can be lost to it), but
 * each change is audited like any other.
 */
export async function markDuplicateRefs(db: Db, actor: Actor, planId: number): Promise<void> {
  const result = await db.execute(sql`
    update plan_tasks t set duplicate_ref = d.dup
    from (select id, count(*) over (partition by ref) > 1 as dup from plan_tasks where plan_id = ${planId}) d
    where t.id = d.id and t.duplicate_ref <> d.dup
    returning t.id, t.ref, t.duplicate_ref as dup`);
  const changed = (result as unknown as { rows: { id: number; ref: string; dup: boolean }[] }).rows;
  await recordAudit(
    db,
    actor,
    changed.map((t) => ({
      recordType: 'plan_task',
      recordId: t.id,
      action: 'update' as const,
      before: { duplicateRef: !t.dup },
      after: { duplicateRef: t.dup },
      summary: t.dup ? `Another task in the plan also has id ${t.ref}` : `No other task in the plan has id ${t.ref} now`,
    })),
  );
}
