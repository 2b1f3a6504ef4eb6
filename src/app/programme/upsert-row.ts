import { eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { AuditEntry } from '../audit.js';
import type { RecordTypeName } from '../permissions.js';
import { changeSummary } from '../records/field-labels.js';
import { stableJson } from '../../domain/programme/merge-imported.js';

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

export interface ImportTally {
  inserted: number;
  updated: number;
  unchanged: number;
  audits: AuditEntry[];
}

export const emptyTally = (): ImportTally => ({ inserted: 0, updated: 0, unchanged: 0, audits: [] });

const bookkeeping = new Set(['sourceLine', 'sourceRaw', 'importedRef', 'importedOccurrence', 'importedValues']);

/** "Changed description and target, by import": the fields named as the record type's pages name them. */
function byImport(type: RecordTypeName, existing: Record<string, unknown>, allChanged: Record<string, unknown>): string {
  // Where the line came from and what the file said last are the import's own bookkeeping, not a change people see.
  const changed = Object.fromEntries(Object.entries(allChanged).filter(([key]) => !bookkeeping.has(key)));
  if (!Object.keys(changed).length) return 'Noted what the file now says (nothing else changed), by import';
  const before = Object.fromEntries(Object.keys(changed).map((key) => [key, existing[key]]));
  return `${changeSummary(type, before, changed)}, by import`;
}

/**
 * Writes one imported row: inserts it when `where` finds nothing, updates only the values that
 * differ (bumping rowVersion) when it does, and leaves it alone when nothing differs — so running
 * the same import again changes nothing. Each insert or update adds an audit entry to the tally.
 */
export async function upsertRow(
  db: Db,
  target: { table: PgTable; id: AnyPgColumn; rowVersion: AnyPgColumn; type: RecordTypeName },
  where: SQL,
  values: Record<string, unknown>,
  tally: ImportTally,
): Promise<{ id: number; outcome: UpsertOutcome }> {
  // Locked until the import commits, so a web edit saved meanwhile waits instead of being overwritten with a stale "before".
  const [existing] = (await db.select().from(target.table as never).where(where).limit(1).for('update')) as Record<string, unknown>[];
  if (!existing) {
    const [row] = (await db.insert(target.table).values(values as never).returning()) as Record<string, unknown>[];
    tally.inserted++;
    tally.audits.push({ recordType: target.type, recordId: row!.id as number, action: 'create', after: row, summary: 'Created by import' });
    return { id: row!.id as number, outcome: 'inserted' };
  }
  const changed = Object.fromEntries(Object.entries(values).filter(([key, value]) => stableJson(existing[key]) !== stableJson(value)));
  if (!Object.keys(changed).length) {
    tally.unchanged++;
    return { id: existing.id as number, outcome: 'unchanged' };
  }
  const [row] = (await db.update(target.table).set({ ...changed, rowVersion: sql`${target.rowVersion} + 1`, updatedAt: new Date() } as never).where(eq(target.id, existing.id)).returning()) as Record<string, unknown>[];
  tally.updated++;
  tally.audits.push({ recordType: target.type, recordId: existing.id as number, action: 'update', before: existing, after: row, summary: byImport(target.type, existing, changed) });
  return { id: existing.id as number, outcome: 'updated' };
}
