import { z } from 'zod';
import type { AnyRecordType, FieldDef } from '../../app/records/record-type.js';
import { knownValues } from '../../app/records/list-query.js';

const valueOf: Record<FieldDef['kind'], () => z.ZodType> = {
  text: () => z.string(),
  integer: () => z.number().int(),
  number: () => z.number(),
  boolean: () => z.enum(['true', 'false']),
  date: () => z.iso.date(),
};

/** How a filter matches, in the API description. */
const matching = (field: FieldDef) => (field.filter === 'search' ? 'holds these words, any case' : 'is exactly this');

/**
 * The query a record type's list and export take, for the API description: paging, sorting, the
 * free-text search and each filter by name. The list's use case reads the query itself (and
 * refuses a name it does not take), so this schema describes; it does not check.
 */
export function listQueryDoc(type: AnyRecordType, paged: boolean) {
  const sortable = Object.entries(type.fields).filter(([, f]) => f.sortable).map(([name]) => name);
  const shape: Record<string, z.ZodType> = {
    q: z.string().max(200).optional().describe('words to find anywhere in the record'),
    sort: (sortable.length ? z.enum(sortable as [string, ...string[]]) : z.string()).optional().describe(`the field to sort by (${type.defaultSort ?? 'the first'} unless given)`),
    dir: z.enum(['asc', 'desc']).optional().describe('asc unless given'),
  };
  if (paged) {
    shape.page = z.number().int().min(1).optional().describe('1 unless given; a page past the end has no items');
    shape.pageSize = z.number().int().min(1).max(1000).optional().describe('50 unless given');
  }
  for (const [name, field] of Object.entries(type.fields)) {
    const known = field.filter === 'exact' ? knownValues(field) : undefined;
    if (field.filter) shape[name] = (known?.length ? z.enum(known as [string, ...string[]]) : valueOf[field.kind]()).optional().describe(`filter: ${field.header} ${matching(field)}`);
  }
  for (const [name, condition] of Object.entries(type.conditions ?? {})) shape[name] = valueOf[condition.kind]().optional().describe(`filter: ${condition.description}`);
  return z.object(shape).strict();
}
