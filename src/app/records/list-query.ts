import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { invalid } from '../../domain/errors.js';
import type { Actor } from '../context.js';
import type { AnyRecordType, FieldDef, FieldKind } from './record-type.js';
import { pageNumberSchema } from '../../domain/record-id.js';

/** Paging, sorting and free-text search, shared by every list. Field filters come on top, by field name. */
export const listQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.string().max(60).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  page: pageNumberSchema.default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
});

export type ListQuery = z.infer<typeof listQuerySchema> & { filters?: Record<string, string> };

function filterValue(field: { kind: FieldKind }, name: string, raw: string): unknown {
  switch (field.kind) {
    case 'integer': {
      const n = Number(raw);
      if (!Number.isInteger(n)) throw invalid(`Filter ${name} must be a whole number`, [{ field: name, message: 'must be a whole number' }]);
      return n;
    }
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw invalid(`Filter ${name} must be a number`, [{ field: name, message: 'must be a number' }]);
      return n;
    }
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw invalid(`Filter ${name} must be true or false`, [{ field: name, message: 'must be true or false' }]);
      return raw === 'true';
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw invalid(`Filter ${name} must be a date (YYYY-MM-DD)`, [{ field: name, message: 'must be a date' }]);
      return raw;
    default:
      return raw;
  }
}

/** The values a field may hold, where the record type says: its `values`, or the codes its labels word. */
export const knownValues = (field: FieldDef): readonly string[] | undefined => field.values ?? (field.labels && field.labels !== 'words' ? Object.keys(field.labels) : undefined);

/** A record type's own condition of that name: never one every object inherits ("constructor"). */
const conditionOf = (type: AnyRecordType, name: string) => (type.conditions && Object.hasOwn(type.conditions, name) ? type.conditions[name] : undefined);

/** Builds WHERE and ORDER BY for a list; unknown filter or sort names are refused, not ignored. */
export function buildListClauses(type: AnyRecordType, query: ListQuery, actor: Actor): { where: SQL | undefined; orderBy: SQL[]; reads: Record<string, SQL> } {
  const conditions: (SQL | undefined)[] = [type.readScope?.(actor)];
  const filters = Object.entries(query.filters ?? {});
  // What a condition reads another way is filtered, searched and sorted as it is read.
  const reads: Record<string, SQL> = {};
  for (const [name, raw] of filters) {
    const condition = conditionOf(type, name);
    if (condition?.reads) Object.assign(reads, condition.reads(filterValue(condition, name, raw)));
  }
  const fields: Record<string, FieldDef> = { ...type.fields, ...Object.fromEntries(Object.entries(reads).map(([name, column]) => [name, { ...type.fields[name]!, column }])) };
  for (const [name, raw] of filters) {
    const condition = conditionOf(type, name);
    if (condition) {
      conditions.push(condition.where(filterValue(condition, name, raw)));
      continue;
    }
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field?.filter) throw invalid(`Cannot filter ${type.label} records by "${name}"`, [{ field: name, message: 'unknown filter' }]);
    // A reference as people see it (R1) finds the record stored as 1.
    const value = filterValue(field, name, field.prefix && raw.toUpperCase().startsWith(field.prefix.toUpperCase()) ? raw.slice(field.prefix.length) : raw);
    const known = knownValues(field);
    if (field.filter === 'exact' && known && !known.includes(String(value))) throw invalid(`Filter ${name} must be one of ${known.join(', ')}`, [{ field: name, message: `must be one of ${known.join(', ')}` }]);
    conditions.push(field.filter === 'search' ? ilike((field.searchIn ?? field.column) as never, `%${raw}%`) : eq(field.column as never, value));
  }
  if (query.q) {
    const searchable = Object.values(fields).filter((f) => f.filter === 'search');
    if (searchable.length) conditions.push(or(...searchable.map((f) => ilike((f.searchIn ?? f.column) as never, `%${query.q}%`))));
  }
  const sortName = query.sort ?? type.defaultSort;
  const sortField = fields[sortName];
  if (!sortField?.sortable) throw invalid(`Cannot sort ${type.label} records by "${sortName}"`, [{ field: 'sort', message: 'unknown sort' }]);
  // Empty values last whichever way the list runs: "highest score first" starts with a score.
  const direction = (key: SQL | FieldDef['column']) => (query.dir === 'desc' ? sql`${key} DESC NULLS LAST` : sql`${key} ASC NULLS LAST`);
  const orderBy = [...(sortField.kind === 'text' ? naturalSortKeys(sortField.column) : [sortField.column]).map(direction), asc(type.sourceIdColumn)];
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return { where: present.length ? and(...present) : undefined, orderBy, reads };
}

/**
 * Text in the order people expect of references: R2 before R10, task 1.2 before 1.10, action 2
 * before 10. Sorts by the text before the first digit (ignoring case), then, for text ending in a
 * number or dotted numbers, by those numbers, then by the whole text.
 */
function naturalSortKeys(column: FieldDef['column']): SQL[] {
  return [
    sql`lower(substring(${column} from '^\\D*'))`,
    sql`CASE WHEN ${column} ~ '^\\D*\\d{1,30}(\\.\\d{1,30})*$' THEN string_to_array(substring(${column} from '\\d{1,30}(?:\\.\\d{1,30})*$'), '.')::numeric[] END`,
    sql`lower(${column})`,
  ];
}
