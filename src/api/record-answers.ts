import { type Column, getTableColumns, getViewSelectedFields, isView, SQL } from 'drizzle-orm';
import type { PgTable, PgView } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { AnyRecordType, FieldKind } from '../app/records/record-type.js';
import { auditLog } from '../db/schema/index.js';

/*
 * What the API answers with, described from what it reads: a record is every column of the table or
 * view its list reads, each field worked out in SQL, and what its type's `present` adds. The answers
 * are for the OpenAPI document (route-docs.ts); openapi-answers.test.ts checks real answers against them.
 */

/** A column as JSON writes it: a timestamp is an ISO date-time, a date column an ISO date. */
function columnAnswer(column: Column): z.ZodType {
  const base = ((): z.ZodType => {
    switch (column.columnType) {
      case 'PgSerial':
      case 'PgInteger':
      case 'PgBigInt53':
      case 'PgBigSerial53':
      case 'PgSmallInt':
        return z.number().int();
      case 'PgDoublePrecision':
      case 'PgReal':
        return z.number();
      case 'PgBoolean':
        return z.boolean();
      case 'PgDateString':
        return z.iso.date();
      case 'PgTimestamp':
        return z.iso.datetime();
      case 'PgJsonb':
      case 'PgJson':
        return z.unknown();
      case 'PgArray':
        return z.array(columnAnswer((column as unknown as { baseColumn: Column }).baseColumn));
      default:
        return z.string();
    }
  })();
  // Any JSON at all already holds null.
  return column.notNull || base instanceof z.ZodUnknown ? base : base.nullable();
}

const fieldAnswer: Record<FieldKind, () => z.ZodType> = {
  text: () => z.string(),
  integer: () => z.number().int(),
  number: () => z.number(),
  boolean: () => z.boolean(),
  date: () => z.iso.date(),
};

/** Every column of a table or view, as JSON writes it, by its property name. */
export function columnsAnswer(source: PgTable | PgView): Record<string, z.ZodType> {
  const columns = (isView(source) ? getViewSelectedFields(source) : getTableColumns(source as PgTable)) as Record<string, Column>;
  return Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, columnAnswer(column)]));
}

const recordAnswers = new Map<string, z.ZodType>();

/** One record of a type as lists and reads answer with it, registered under its own name (Practice, IeLine). */
export function recordAnswer(type: AnyRecordType): z.ZodType {
  const known = recordAnswers.get(type.name);
  if (known) return known;
  const workedOut = Object.entries(type.fields).filter(([, field]) => field.column instanceof SQL);
  const answer = z
    .object({
      ...columnsAnswer(type.source),
      ...Object.fromEntries(workedOut.map(([key, field]) => [key, fieldAnswer[field.kind]().nullable()])),
      ...type.presents,
    })
    .meta({ id: type.name.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase()), description: `one ${type.label}` });
  recordAnswers.set(type.name, answer);
  return answer;
}

/** A page of a list: the items, how many match in all, and which page of what size this is. */
export const pageOf = (item: z.ZodType) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The answer to an update: the record as it now is, and what else the change brought into line (an ended membership's localities). */
export const updatedAnswer = (type: AnyRecordType) => (recordAnswer(type) as z.ZodObject).extend({ alsoChanged: z.array(z.string()).optional().describe('a sentence for each record this change brought into line') });

/** An audit row as people read it: the one line it did, its record's name, and its before and after field by field. */
export const auditRowAnswer = z
  .object({
    ...columnsAnswer(auditLog),
    summary: z.string(),
    recordName: z.string().nullable(),
    recordStillThere: z.boolean(),
    changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  })
  .meta({ id: 'AuditRow' });

/** A page of the audit log: by page and pageSize, or (without them) by limit and offset. */
export const auditPageAnswer = z.object({ items: z.array(auditRowAnswer), total: z.number().int(), page: z.number().int().optional(), pageSize: z.number().int().optional() });

/** What a CSV import of records reports: all or nothing, so `errors` is empty when it answers. */
export const csvImportAnswer = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.object({ file: z.string().optional(), line: z.number().int().optional(), message: z.string() })),
});

/** `?check=true`: what is wrong with the record, without saving it (none when it would save). */
export const checkAnswer = z.object({ problems: z.array(z.object({ field: z.string().optional(), file: z.string().optional(), line: z.number().int().optional(), column: z.string().optional(), message: z.string() })) });
