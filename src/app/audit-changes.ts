import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type AuditFieldChange, auditFieldChanges, type ValueReading } from '../domain/audit/values.js';
import { propertyOf } from './records/column-property.js';
import type { NamesOf } from './records/export-names.js';
import { fieldLabelsOf } from './records/field-labels.js';
import type { AnyRecordType } from './records/record-type.js';
import { recordTypes } from './records/registry.js';

/*
 * The audit page's "before and after", property by property, as the record type declares its
 * fields: labelled ("Owner", not ownerText), ids named (a meeting's title, the people an owner
 * names), codes in words. One query for each kind of record whose ids the page's rows hold.
 */

interface Reading extends Omit<ValueReading, 'names'> {
  namesOf?: NamesOf;
}

let byName: Map<string, Record<string, Reading>> | undefined;

/** How each property of a record type is read: its fields in their order, then the labels and references it declares beside them. */
function readingsOf(type: AnyRecordType): Record<string, Reading> {
  const labels = fieldLabelsOf(type);
  const readings: Record<string, Reading> = {};
  for (const [key, field] of Object.entries(type.fields)) {
    const property = propertyOf(type.source, field.column) ?? key;
    readings[property] = { label: labels[property], labels: field.labels, pence: field.pence, basisPoints: field.basisPoints, prefix: field.prefix, namesOf: field.names };
  }
  for (const [property, label] of Object.entries(type.labels ?? {})) readings[property] = { ...readings[property], label };
  for (const [property, namesOf] of Object.entries(type.refersTo ?? {})) readings[property] = { ...readings[property], namesOf };
  return readings;
}

const readingsByType = (name: string) => (byName ??= new Map(Object.values(recordTypes).map((type) => [type.name, readingsOf(type)]))).get(name) ?? {};

interface AuditedRow {
  recordType: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** The ids a value holds: one, or a list of them. */
const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value.flatMap(idsIn) : typeof value === 'number' || typeof value === 'string' ? [String(value)] : []);
const propertiesOf = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Each row's changes, field by field, in words. */
export async function auditChangesOf(db: Db, rows: readonly AuditedRow[]): Promise<(row: AuditedRow) => AuditFieldChange[]> {
  const wanted = new Map<NamesOf, Set<string>>();
  for (const row of rows) {
    for (const [property, reading] of Object.entries(readingsByType(row.recordType))) {
      if (!reading.namesOf) continue;
      const ids = [...idsIn(propertiesOf(row.before)[property]), ...idsIn(propertiesOf(row.after)[property])];
      if (ids.length) wanted.set(reading.namesOf, new Set([...(wanted.get(reading.namesOf) ?? []), ...ids]));
    }
  }
  const names = new Map<NamesOf, Map<string, string>>();
  for (const [namesOf, ids] of wanted) {
    const found = await db
      .select({ id: sql<string>`${namesOf.id}::text`, name: sql<string>`${namesOf.name}` })
      .from(namesOf.id.table)
      .where(sql`${namesOf.id}::text = ANY(${sql.param([...ids])}::text[])`);
    names.set(namesOf, new Map(found.map((r) => [r.id, String(r.name)])));
  }
  return (row) => {
    const readings = Object.fromEntries(Object.entries(readingsByType(row.recordType)).map(([property, { namesOf, ...reading }]) => [property, { ...reading, names: namesOf ? names.get(namesOf) : undefined }]));
    return auditFieldChanges(row, readings);
  };
}
