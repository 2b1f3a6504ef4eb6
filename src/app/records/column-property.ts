import { getTableColumns, getViewSelectedFields, isView } from 'drizzle-orm';
import type { PgTable, PgView } from 'drizzle-orm/pg-core';

/**
 * The property a column's value has in a row read from `source` (e.g. `displayName` for the view's
 * `display_name`). Matched by SQL column name, because a view hands out its own copies of columns.
 */
export function propertyOf(source: PgTable | PgView, column: unknown): string | undefined {
  const columns = isView(source) ? getViewSelectedFields(source) : getTableColumns(source as PgTable);
  const name = (column as { name?: string }).name;
  return Object.entries(columns).find(([, value]) => (value as { name?: string }).name === name)?.[0];
}
