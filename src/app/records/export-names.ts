
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.js';
import type { AnyRecordType } from './record-type.js';

/** For each field that points at another record by id, the names of those records by id: an export writes the name a page shows, not the id. */
export async function referencedNames(ctx: AppContext, type: AnyRecordType): Promise<Map<string, Map<unknown, string>>> {
  const names = new Map<string, Map<unknown, string>>();
  for (const [key, field] of Object.entries(type.fields)) {
    if (!field.names) continue;
    const rows = await ctx.db.select({ id: field.names.id, name: field.names.name }).from(field.names.id.table);
    names.set(key, new Map(rows.map((r) => [r.id, String(r.name)])));
  }
  // A filter that is not a field (a practices list cut to a federation's members) is named in words too.
  for (const [key, condition] of Object.entries(type.conditions ?? {})) {
    if (!condition.names) continue;
    const rows = await ctx.db.select({ id: condition.names.id, name: condition.names.name }).from(condition.names.id.table);
    names.set(key, new Map(rows.map((r) => [r.id, String(r.name)])));
  }
  return names;
}

/** Where a field's ids find their names: the id column of the table it points at, and its name (a column, or text made of its columns). */
export interface NamesOf {
  id: AnyPgColumn;
  name: AnyPgColumn | SQL;
}

