import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db } from './client.js';

const dialect = new PgDialect();
const asText = (value: string) => value;
const textTypes = new Set([pg.types.builtins.DATE, pg.types.builtins.TIMESTAMP, pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.INTERVAL]);
const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (textTypes.has(oid) ? asText : pg.types.getTypeParser(oid, format as 'text')) };

/** Statement names by SQL text: the texts are few (values are parameters), so this stays small. */
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `atscale_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a read query as a named prepared statement on PostgreSQL, so a query the API runs on every
 * request (the quality dashboard's) is planned once per connection instead of every time; on PGlite
 * it runs as an ordinary query. The name is a hash of the text, so two different texts never share one.
 * Dates and times come back as the text PostgreSQL sends, as they do through Drizzle.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!(client instanceof pg.Pool) && !(client instanceof pg.Client)) return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const { sql: text, params } = dialect.sqlToQuery(query);
  const name = nameOf(text);
  const result = await (client as pg.Pool).query({ name, text, values: params, types } as pg.QueryConfig);
  return result.rows as T[];
}
