import { eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { AuditEntry } from '../audit.js';
import type { RecordTypeName } from '../permissions.js';
import { changeSummary } from '../records/field-labels.js';
import { baseOf, type FieldGroups, type MergeClash, mergeImported, stableJson } from '../../domain/programme/merge-imported.js';

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

export interface ImportTally {
  inserted: number;
  updated: number;
  unchanged: number;
  audits: AuditEntry[];
  /** Fields a re-import left as people changed them, though the file changed them too: one line a record. */
  clashes: string[];
}

export const emptyTally = (): ImportTally => ({ inserted: 0, updated: 0, unchanged: 0, audits: [], clashes: [] });

/**
 * How a re-import treats what people changed here: the record keeps what its file said last
 * (`importedValues`), and the fields in `groups` are merged with it (see merge-imported.ts).
 */
export interface MergeSpec {
  groups: FieldGroups;
  /** What a clash calls the record: "1.1", "Section 1", "N1.1". */
  name: string;
  /** A value as people know it (a section's title for its id); as stored otherwise. */
  show?: (key: string, value: unknown) => string | undefined;
  /** What the file last said, for a row imported before rows kept it (read again from its source row). */
  base?: (existing: Record<string, unknown>) => Record<string, unknown> | null;
}

const bookkeeping = new Set(['sourceLine', 'sourceRaw', 'importedRef', 'importedOccurrence', 'importedValues']);

/** "Changed description and target, by import": the fields named as the record type's pages name them. */
function byImport(type: RecordTypeName, existing: Record<string, unknown>, allChanged: Record<string, unknown>): string {
  // Where the line came from and what the file said last are the import's own bookkeeping, not a change people see.
  const changed = Object.fromEntries(Object.entries(allChanged).filter(([key]) => !bookkeeping.has(key)));
  if (!Object.keys(changed).length) return 'Noted what the file now says (nothing else changed), by import';
  const before = Object.fromEntries(Object.keys(changed).map((key) => [key, existing[key]]));
  return `${changeSummary(type, before, changed)}, by import`;
}

const keptSummary = (note: string) => `Kept what was changed in atscale where the file changed it too: ${note}, by import`;

/** "1.1: lead (kept “RB”, the file says “GC”)", each value as people typed it. */
function clashNote(merge: MergeSpec, clashes: MergeClash[]): string {
  const shown = (values: Record<string, unknown>) => {
    const [key, value] = Object.entries(values)[0]!;
    if (value === null || value === '') return 'nothing';
    const text = merge.show?.(key, value) ?? (typeof value === 'object' ? JSON.stringify(value) : String(value));
    return `“${text}”`;
  };
  return `${merge.name}: ${clashes.map((c) => `${c.field} (kept ${shown(c.kept)}, the file says ${shown(c.file)})`).join('; ')}`;
}

/** The values to write over a stored row: the merged fields, the rest as given, and what the file said. */
function mergedValues(merge: MergeSpec | undefined, existing: Record<string, unknown>, values: Record<string, unknown>): { wanted: Record<string, unknown>; clashes: MergeClash[] } {
  if (!merge) return { wanted: values, clashes: [] };
  const merged = new Set(Object.values(merge.groups).flat());
  const others = Object.fromEntries(Object.entries(values).filter(([key]) => !merged.has(key)));
  const base = (existing.importedValues as Record<string, unknown> | null) ?? merge.base?.(existing) ?? null;
  const { take, clashes } = mergeImported(merge.groups, base, existing, values);
  return { wanted: { ...others, ...take, importedValues: baseOf(merge.groups, values) }, clashes };
}

/**
 * Writes one imported row: inserts it when `where` finds nothing (with `insertOnly`, values a new
 * row alone takes), updates only the values that differ (bumping rowVersion) when it does, and
 * leaves it alone when nothing differs — so running the same import again changes nothing. With
 * `merge`, a stored row keeps what people changed here (a clash is named in the tally and the
 * row's audit entry). Each insert or update adds an audit entry to the tally.
 */
export async function upsertRow(
  db: Db,
  target: { table: PgTable; id: AnyPgColumn; rowVersion: AnyPgColumn; type: RecordTypeName },
  where: SQL,
  values: Record<string, unknown>,
  tally: ImportTally,
  options: { merge?: MergeSpec; insertOnly?: Record<string, unknown> } = {},
): Promise<{ id: number; outcome: UpsertOutcome }> {
  const { merge, insertOnly } = options;
  // Locked until the import commits, so a web edit saved meanwhile waits instead of being overwritten with a stale "before".
  const [existing] = (await db.select().from(target.table as never).where(where).limit(1).for('update')) as Record<string, unknown>[];
  if (!existing) {
    const inserted = { ...insertOnly, ...values, ...(merge ? { importedValues: baseOf(merge.groups, values) } : {}) };
    const [row] = (await db.insert(target.table).values(inserted as never).returning()) as Record<string, unknown>[];
    tally.inserted++;
    tally.audits.push({ recordType: target.type, recordId: row!.id as number, action: 'create', after: row, summary: 'Created by import' });
    return { id: row!.id as number, outcome: 'inserted' };
  }
  const { wanted, clashes } = mergedValues(merge, existing, values);
  const changed = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => stableJson(existing[key]) !== stableJson(value)));
  if (!Object.keys(changed).length) {
    tally.unchanged++;
    return { id: existing.id as number, outcome: 'unchanged' };
  }
  const note = clashes.length ? clashNote(merge!, clashes) : undefined;
  if (note) tally.clashes.push(note);
  // Only the import's bookkeeping changed (what the file said last, where the line is): nothing anyone sees, so
  // it is not counted as a change or given a new version (a form open on the row still saves). A row that only
  // now starts keeping what its file said is not audited either; a moved line, or a field kept over the file's, is.
  const onlyBookkeeping = Object.keys(changed).every((key) => bookkeeping.has(key));
  const firstBase = Object.keys(changed).every((key) => key.startsWith('imported') && existing[key] === null);
  const versioned = onlyBookkeeping ? changed : { ...changed, rowVersion: sql`${target.rowVersion} + 1`, updatedAt: new Date() };
  const [row] = (await db.update(target.table).set(versioned as never).where(eq(target.id, existing.id)).returning()) as Record<string, unknown>[];
  if (!onlyBookkeeping || !firstBase || note) tally.audits.push({ recordType: target.type, recordId: existing.id as number, action: 'update', before: existing, after: row, summary: note ? keptSummary(note) : byImport(target.type, existing, changed) });
  const outcome = onlyBookkeeping ? 'unchanged' : 'updated';
  tally[outcome]++;
  return { id: existing.id as number, outcome };
}
