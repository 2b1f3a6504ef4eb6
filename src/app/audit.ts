import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './context.js';
import { authorize } from './permissions.js';

export interface AuditEntry {
  recordType: string;
  recordId: string | number;
  action: 'create' | 'update' | 'delete' | 'import';
  before?: unknown;
  after?: unknown;
  summary?: string;
}

/** Writes audit rows inside the caller's transaction, so a change and its audit commit or fail together. */
export async function recordAudit(db: Db, actor: Actor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  for (let i = 0; i < list.length; i += 1000) {
    await db.insert(auditLog).values(
      list.slice(i, i + 1000).map((e) => ({
        actorId: actor.userId,
        actorLabel: actor.label,
        recordType: e.recordType,
        recordId: String(e.recordId),
        action: e.action,
        before: e.before ?? null,
        after: e.after ?? null,
        summary: e.summary ?? null,
      })),
    );
  }
}

export async function listAudit(ctx: { db: Db; actor: Actor }, query: { recordType?: string; recordId?: string; limit?: number; offset?: number }) {
  authorize(ctx.actor, 'audit', 'read');
  const where: SQL[] = [];
  if (query.recordType) where.push(eq(auditLog.recordType, query.recordType));
  if (query.recordId) where.push(eq(auditLog.recordId, query.recordId));
  return ctx.db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(query.limit ?? 100, 1000))
    .offset(query.offset ?? 0);
}

/** The kinds of record the log holds, for the audit page's filter: every one that has a row, not a list kept by hand. */
export async function auditedRecordTypes(ctx: { db: Db; actor: Actor }): Promise<string[]> {
  authorize(ctx.actor, 'audit', 'read');
  const rows = await ctx.db.selectDistinct({ recordType: auditLog.recordType }).from(auditLog).orderBy(auditLog.recordType);
  return rows.map((r) => r.recordType);
}
