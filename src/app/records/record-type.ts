import type { NamesOf } from './export-names.js';
import type { FieldLabels } from '../../domain/audit/summary.js';
import { eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgView } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor, AppContext } from '../context.js';
import type { RecordTypeName } from '../permissions.js';
import { invalid } from '../../domain/errors.js';
import { recordIdSchema } from '../../domain/record-id.js';

/** `number`: a figure that may have decimals (a threshold of 72.5%); `integer`: a whole number. */
export type FieldKind = 'text' | 'integer' | 'number' | 'date' | 'boolean';

/** A column a list can show, filter (exact match, or `search` for part of the text) and sort by. */
export interface FieldDef {
  header: string;
  column: AnyPgColumn | SQL;
  kind: FieldKind;
  /** An integer of pence: exports write it in pounds. */
  pence?: true;
  /** An integer of basis points (9500): exports write it as a percentage (95), as the pages show it. */
  basisPoints?: true;
  /** Words for the codes the column holds (in_progress → In progress); exports write the words. `'words'` turns the code itself into words. */
  labels?: Readonly<Record<string, string>> | 'words';
  /** Written in front of the value wherever it is shown, as pages show it: a risk's reference 1 is R1. */
  prefix?: string;
  /** The field holds another record's id: exports write that record's name instead. */
  names?: NamesOf;
  filter?: 'exact' | 'search';
  /** Every value the field may hold (a practice's status): an exact filter asking for another is refused, not answered with nothing. Words for codes (`labels`) say it too. */
  values?: readonly string[];
  /** What a `search` filter looks in, when people type more than the column holds (a lead's initials and the names they stand for). */
  searchIn?: SQL;
  sortable?: boolean;
}

/**
 * A filter on something a list does not show as a column, such as membership of a group today
 * (`?memberOf=7`): its value is read as `kind` says, as a field filter's is, then `where` turns it
 * into the condition.
 */
export interface ConditionFilter {
  kind: FieldKind;
  /** What it keeps, for the API description: "members today of the group with this id". */
  description: string;
  /** How a download's "About" tab names it ("Members of"), and where the ids it takes find their names. */
  label?: string;
  names?: NamesOf;
  where(value: unknown): SQL;
  /** Fields the list reads another way under this filter (a federation's members show its localities, not every group's), by field name. */
  reads?(value: unknown): Record<string, SQL>;
}

/**
 * One record type, declared once: where it is stored, how lists show it, what input is valid,
 * how it names its practice (for "own practice" permissions). The generic use cases in
 * records.ts give every record type list/filter/sort/page, get, create, update with optimistic
 * concurrency, delete, audit, CSV/XLSX export and CSV import.
 */
export interface RecordType<Input extends Record<string, unknown> = Record<string, unknown>> {
  name: RecordTypeName;
  /** Singular, for messages: "locality". */
  label: string;
  /** Where writes go. */
  table: PgTable;
  /** What lists and reads use: the table, or a view that joins what a person needs to see. */
  source: PgTable | PgView;
  idColumn: AnyPgColumn;
  sourceIdColumn: AnyPgColumn;
  versionColumn: AnyPgColumn;
  parseId(raw: string): string | number;
  /** Whether people create and delete these records (false where an NHS file is the authority, as for practices). */
  createdByPeople: boolean;
  /**
   * Set where every change goes through the capability's own use cases and routes (schemes are
   * versioned and approved): the generic routes then only list, get, export and show history.
   */
  ownWriteRoutes?: boolean;
  fields: Record<string, FieldDef>;
  /** Filters beyond the fields', by name (never a field's name): not columns, so lists and exports do not show them. */
  conditions?: Record<string, ConditionFilter>;
  /**
   * What people call the properties a record holds beyond its fields' headings (an ODS import
   * changes a practice's `statusRaw`, its "ODS status code"), so an audit summary names them so too.
   */
  labels?: FieldLabels;
  /** Properties that hold other records' ids without being fields (a risk's owners on the People page): the audit names what they point at. */
  refersTo?: Readonly<Record<string, NamesOf>>;
  defaultSort: string;
  createSchema: z.ZodType<Input>;
  updateSchema: z.ZodType<Partial<Input>>;
  /** The practice a record belongs to, for `own_practice` permission rules. */
  practiceCodeOf?(row: Record<string, unknown>): string | null;
  /**
   * Fields the people a record names as its owners (its `ownerPersonIds`) may change though their
   * role may not: a risk's owner records its review. Anything else they send is refused.
   */
  ownersMayChange?: readonly string[];
  /** Limits what an actor may list and read (e.g. a user list). */
  readScope?(actor: Actor): SQL | undefined;
  /** Checks rules that span records (the practice exists, dates in order) and returns the values to store. */
  prepare(db: Db, input: Partial<Input>, existing: Record<string, unknown> | undefined): Promise<Record<string, unknown>>;
  /** Writes what lives beside the row (e.g. a user's practices, a risk's score history). */
  afterWrite?(db: Db, id: string | number, input: Partial<Input>, actor: Actor): Promise<void>;
  /**
   * Refuses a write that would alter the figures of a closed financial year, through the one guard
   * (`refuseChangeInClosedYears`, src/app/finance/closed-years.ts): `before` is the stored row (an
   * update, a delete), `after` the values to store (a create, an update: only what changes).
   */
  guardClosedYears?(db: Db, before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): Promise<void>;
  /** What a delete takes with it (rows removed by cascade), kept in the delete's audit entry so nothing goes unrecorded. */
  alsoDeleted?(db: Db, id: string | number): Promise<Record<string, unknown>>;
  /** Records that point at this one by its id: a delete is refused while any exist, so none is left pointing at nothing. */
  dependents?: readonly Dependent[];
  /** What to do instead when dependents stop a delete; by default, remove them first or keep the record. */
  whenDepended?: string;
  /** A line for the audit row of an edit whose change the presented record cannot show (e.g. a new password, never shown). */
  auditSummary?(input: Partial<Input>): string | undefined;
  /**
   * Brings records that follow this one into line after an update, inside its transaction, auditing
   * each (a locality membership ends with its federation membership); returns a sentence for each,
   * which the update's answer carries as `alsoChanged`.
   */
  afterUpdate?(db: Db, after: Record<string, unknown>, actor: Actor): Promise<string[]>;
  /** Refuses a delete that more than `dependents` columns can see relies on the record (a scheme version's practices), in a sentence. */
  refuseDelete?(db: Db, existing: Record<string, unknown>): Promise<void>;
  /** Puts right what depends on the deleted row (e.g. flags worked out across its siblings). */
  afterDelete?(db: Db, deleted: Record<string, unknown>, actor: Actor): Promise<void>;
  /** Replaces the generic CSV import where a type reads its own file layout (e.g. a seed register keyed by ref, re-importable). */
  importCsv?(ctx: AppContext, file: { name: string; content: Uint8Array }): Promise<CsvImportReport>;
  /** What `present` adds to or changes in a row beyond its columns and worked-out fields (a risk's score and rating), for the API description. */
  presents?: z.ZodRawShape;
  /**
   * The personal data a download of these records carries, in words ("names and email addresses"):
   * each download is then audited, who, when and how many rows (`downloadRecords`).
   */
  personalData?: string;
  /** Shapes a row for the API, CLI and audit (never a password hash). */
  present(row: Record<string, unknown>): Record<string, unknown>;
}

export type AnyRecordType = RecordType<any>;

/**
 * An `alsoDeleted` for rows that ON DELETE CASCADE takes with a record: each part lists the rows of
 * its column's table that point at the record, in id order, less the `omit` columns (a file's bytes).
 */
export function keptInAudit(parts: Record<string, { column: AnyPgColumn; omit?: string[] }>) {
  return async (db: Db, id: string | number): Promise<Record<string, unknown>> => {
    const kept: Record<string, unknown> = {};
    for (const [key, { column, omit = [] }] of Object.entries(parts)) {
      const columns = Object.fromEntries(Object.entries(getTableColumns(column.table)).filter(([name]) => !omit.includes(name)));
      kept[key] = await db.select(columns).from(column.table).where(eq(column, id)).orderBy(sql`1`);
    }
    return kept;
  };
}

/** A column of another table that holds this record's id, named for the message that refuses the delete. */
export interface Dependent {
  column: AnyPgColumn;
  one: string;
  many: string;
  /** The column is an array of ids (e.g. a risk's owners) rather than one id. */
  array?: true;
}

/** A serial id from the address or a CSV cell, refused with a 400 naming `id` when it cannot be one. */
export function parseSerialId(raw: string): number {
  const parsed = recordIdSchema.safeParse(raw);
  if (!parsed.success) throw invalid(`"${raw}" is not a record id`, [{ field: 'id', message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}

/**
 * Where a record with a serial `id` and a `row_version` is kept, for a type that lists straight
 * from its table: `{ ...storedIn(risks), name: 'risk', … }`.
 */
export function storedIn(table: PgTable & { id: AnyPgColumn; rowVersion: AnyPgColumn }) {
  return {
    table,
    source: table,
    idColumn: table.id,
    sourceIdColumn: table.id,
    versionColumn: table.rowVersion,
    parseId: parseSerialId,
  };
}

/** What a CSV import reports; `errors` is empty because imports are all or nothing. */
export interface CsvImportReport {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { file?: string; line?: number; message: string }[];
}
