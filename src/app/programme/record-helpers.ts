import { eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { conflict, invalid } from '../../domain/errors.js';
import type { Db } from '../../db/client.js';
import { type FieldDef, parseSerialId, type RecordType } from '../records/record-type.js';
import type { RecordTypeName } from '../permissions.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { refuseClash } from '../records/clash.js';

/** Text a person may leave out: blank becomes null. */
export const optionalText = (max = 4000) => z.string().trim().max(max).nullable().optional().transform((v) => (v ? v : null));
export const requiredText = (what: string, max = 4000) => z.string().trim().min(1, `Enter ${what}`).max(max);
export const positiveId = recordIdSchema;

/** Refuses a second record with the same key (e.g. a deliverable ref), before the database does less politely. */
export function assertNoClash(db: Db, table: PgTable, idColumn: AnyPgColumn, where: SQL | undefined, existingId: unknown, message: string): Promise<void> {
  return refuseClash(db, table, idColumn, where, existingId, () => conflict(message));
}

/** The record a field points at must exist: "no work plan 12". */
export async function assertExists(db: Db, table: PgTable, idColumn: AnyPgColumn, id: unknown, field: string, label: string): Promise<Record<string, unknown>> {
  const [row] = await db.select().from(table as never).where(eq(idColumn, id)).limit(1);
  if (!row) throw invalid(`The ${label} does not exist`, [{ field, message: `no ${label} ${String(id)}` }]);
  return row as Record<string, unknown>;
}

interface ProgrammeTable {
  table: PgTable;
  id: AnyPgColumn;
  rowVersion: AnyPgColumn;
}

/** The parts every programme record type shares: a serial id, rowVersion, the table as its own source. */
export function programmeRecord<Input extends Record<string, unknown>>(
  t: ProgrammeTable,
  spec: {
    name: RecordTypeName;
    label: string;
    fields: Record<string, FieldDef>;
    defaultSort: string;
    schema: z.ZodObject<z.ZodRawShape>;
    prepare: RecordType<Input>['prepare'];
    afterWrite?: RecordType<Input>['afterWrite'];
    present?: RecordType<Input>['present'];
    presents?: RecordType<Input>['presents'];
    dependents?: RecordType<Input>['dependents'];
    alsoDeleted?: RecordType<Input>['alsoDeleted'];
    afterDelete?: RecordType<Input>['afterDelete'];
  },
): RecordType<Input> {
  return {
    name: spec.name,
    label: spec.label,
    table: t.table,
    source: t.table,
    idColumn: t.id,
    sourceIdColumn: t.id,
    versionColumn: t.rowVersion,
    createdByPeople: true,
    parseId: parseSerialId,
    fields: { id: { header: 'ID', column: t.id, kind: 'integer', filter: 'exact', sortable: true }, ...spec.fields },
    defaultSort: spec.defaultSort,
    createSchema: spec.schema as unknown as z.ZodType<Input>,
    updateSchema: spec.schema.partial() as unknown as z.ZodType<Partial<Input>>,
    prepare: spec.prepare,
    afterWrite: spec.afterWrite,
    dependents: spec.dependents,
    alsoDeleted: spec.alsoDeleted,
    afterDelete: spec.afterDelete,
    present: spec.present ?? ((row) => row),
    presents: spec.presents,
  };
}
