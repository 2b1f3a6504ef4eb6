import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from './context.js';

export interface AuditEntry {
  recordType: string;
  recordId: string | number;
  /** A restore replaces every record with a backup's: not an import of a file. A refusal is a sign-in refused; a download, a file of people's personal data taken away (rows that record no change). */
  action: 'create' | 'update' | 'delete' | 'import' | 'restore' | 'refuse' | 'download';
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
