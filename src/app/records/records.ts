import { and, count, eq, getTableColumns, getViewSelectedFields, isView, SQL, sql } from 'drizzle-orm';
import type { PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import { AppError, conflict, invalid, notFound, staleChange } from '../../domain/errors.js';
import { formatList } from '../../domain/words.js';
import type { Db } from '../../db/client.js';
import { type AuditEntry, recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize, authorizeAny } from '../permissions.js';
import { buildListClauses, type ListQuery } from './list-query.js';
import { propertyOf } from './column-property.js';
import type { AnyRecordType } from './record-type.js';
import { capitalise } from '../../domain/problem-sentence.js';
import { besideSchemaProblems, readInput } from './read-input.js';
import { isOwnersChange, refuseUnlessOwnersChange } from './owner-changes.js';
import { isInputRefusal, joinRefusals } from './refusals.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * What a list or read selects: every column of the source, and each field worked out in SQL (a
 * task's latest position, a risk's score) under the field's own name, so pages and exports show it.
 */
function selection(type: AnyRecordType, reads: Record<string, SQL> = {}): SelectedFields {
  const columns = isView(type.source) ? getViewSelectedFields(type.source) : getTableColumns(type.source as PgTable);
  const workedOut = Object.entries(type.fields).filter(([, field]) => field.column instanceof SQL);
  // A field a list's filter reads another way keeps the property its column has.
  const readOtherwise = Object.entries(reads).map(([key, column]) => [propertyOf(type.source, type.fields[key]!.column) ?? key, column]);
  return { ...(columns as SelectedFields), ...Object.fromEntries(workedOut.map(([key, field]) => [key, field.column as SQL])), ...Object.fromEntries(readOtherwise) };
}

export async function listRecords(ctx: AppContext, type: AnyRecordType, query: ListQuery): Promise<Page<Record<string, unknown>>> {
  authorize(ctx.actor, type.name, 'read');
  const { where, orderBy, reads } = buildListClauses(type, query, ctx.actor);
  const [totalRow] = (await ctx.db.select({ n: count() }).from(type.source as never).where(where)) as { n: number }[];
  const rows = await ctx.db
    .select(selection(type, reads))
    .from(type.source as never)
    .where(where)
    .orderBy(...orderBy)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map((r) => type.present(r as Record<string, unknown>)), total: Number(totalRow?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

/** Every matching record, for export (no paging). */
export async function listAllRecords(ctx: AppContext, type: AnyRecordType, query: Omit<ListQuery, 'page' | 'pageSize'>) {
  authorize(ctx.actor, type.name, 'read');
  const { where, orderBy, reads } = buildListClauses(type, { ...query, page: 1, pageSize: 1 }, ctx.actor);
  const rows = await ctx.db.select(selection(type, reads)).from(type.source as never).where(where).orderBy(...orderBy);
  return rows.map((r) => type.present(r as Record<string, unknown>));
}

async function loadRow(ctx: AppContext, type: AnyRecordType, id: string | number, from: 'source' | 'table' = 'source') {
  const source = from === 'source' ? type.source : type.table;
  const idColumn = from === 'source' ? type.sourceIdColumn : type.idColumn;
  const scope = from === 'source' ? type.readScope?.(ctx.actor) : undefined;
  const [row] = await (from === 'source' ? ctx.db.select(selection(type)) : ctx.db.select()).from(source as never).where(and(eq(idColumn, id), scope)).limit(1);
  return row as Record<string, unknown> | undefined;
}

export async function getRecord(ctx: AppContext, type: AnyRecordType, rawId: string) {
  authorize(ctx.actor, type.name, 'read');
  const row = await loadRow(ctx, type, type.parseId(rawId));
  if (!row) throw notFound(`${capitalise(type.label)} ${rawId}`);
  return type.present(row);
}

/**
 * The input as the record type reads it, or one refusal saying everything wrong with it: the
 * schema's problems and what the type's own rules (`prepare`) say of the fields it could read,
 * so a form shows every problem at once. The rules are only asked when the actor may make the
 * record; they write nothing, and the caller's transaction rolls back on the refusal.
 */
async function readOrRefuse(ctx: AppContext, type: AnyRecordType, input: unknown, existing: Record<string, unknown> | undefined, action: 'create' | 'update') {
  if (action === 'update') refuseUnknownFields(type, input);
  const read = readInput<Record<string, unknown>>(action === 'create' ? type.createSchema : type.updateSchema, type.updateSchema, input);
  if (read.ok) return action === 'update' ? onlyGiven(read.data, input) : read.data;
  const refusals = [invalid(`The ${type.label} is not valid`, read.problems)];
  if (read.readable && mayCheck(ctx, type, action, existing ?? read.readable)) {
    try {
      await type.prepare(ctx.db, action === 'update' ? onlyGiven(read.readable, input) : read.readable, existing);
    } catch (error) {
      if (isInputRefusal(error)) refusals.push(new AppError('invalid', error.message, { problems: besideSchemaProblems(read.problems, error.problems.length ? error.problems : [{ message: error.message }]), details: error.details }));
    }
  }
  throw joinRefusals(refusals.filter((r) => r.problems.length), `The ${type.label} is not valid`);
}

/**
 * An update changes only the fields it was given: one left out keeps its stored value, whatever
 * default the schema gives a new record (a task's status, a milestone's "X", a contract's fee).
 */
function onlyGiven(data: Record<string, unknown>, input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object') return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => Object.hasOwn(input, key)));
}

/**
 * A field an update names that the record type does not have is refused, not ignored: a program
 * that sends back what it read (`shareBp`, where the write field is `sharePercent`) would otherwise
 * be told its change was saved.
 */
function refuseUnknownFields(type: AnyRecordType, input: unknown): void {
  const schema = type.updateSchema as { shape?: Record<string, unknown>; _zod?: { def?: { catchall?: unknown } } };
  const shape = schema.shape;
  // A schema that takes other fields (`.loose()`) refuses them itself, in its own words (a practice's NHS fields).
  if (!shape || schema._zod?.def?.catchall || !input || typeof input !== 'object' || Array.isArray(input)) return;
  // rowVersion is every record's, sent with a change to be checked (?check=true) as with one to be saved.
  const unknown = Object.keys(input).filter((key) => key !== 'rowVersion' && !Object.hasOwn(shape, key));
  if (!unknown.length) return;
  const fields = Object.keys(shape).join(', ');
  throw invalid(`The ${type.label} has no field ${formatList(unknown.map((k) => `"${k}"`))}`, unknown.map((field) => ({ field, message: writtenInstead(field, shape) ?? `is not a field a change can set; the fields are ${fields}` })));
}

/**
 * What to send instead of a field a record is read with but not written with: money is read in
 * pence (amountPence) and written in pounds (amount), a share in basis points (shareBp) and written
 * as a percentage (sharePercent), so a program sending back what it read is told how to write it.
 */
function writtenInstead(field: string, shape: Record<string, unknown>): string | undefined {
  const pence = /^(.+)Pence$/.exec(field)?.[1];
  if (pence && Object.hasOwn(shape, pence)) return `is read in pence; write "${pence}" in pounds instead, for example "£1,234.56"`;
  const bp = /^(.+)Bp$/.exec(field)?.[1];
  if (bp && Object.hasOwn(shape, `${bp}Percent`)) return `is read in basis points; write "${bp}Percent" as a percentage instead, for example 95`;
  return undefined;
}

function mayCheck(ctx: AppContext, type: AnyRecordType, action: 'create' | 'update', row: Record<string, unknown>): boolean {
  try {
    authorize(ctx.actor, type.name, action, type.practiceCodeOf?.(row));
    return true;
  } catch {
    return false;
  }
}

export async function createRecord(ctx: AppContext, type: AnyRecordType, input: unknown) {
  authorizeAny(ctx.actor, type.name, 'create');
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never };
    const data = await readOrRefuse(txCtx, type, input, undefined, 'create');
    authorize(ctx.actor, type.name, 'create', type.practiceCodeOf?.(data));
    const [created] = await insertPrepared(txCtx, type, [data]);
    return created!;
  });
}

/**
 * Says what is wrong with an input without saving it (the form asks while it has problems of its
 * own to show, so the person sees every problem at once): an "invalid" refusal, or nothing.
 */
export async function checkRecord(ctx: AppContext, type: AnyRecordType, input: unknown, rawId?: string): Promise<{ problems: [] }> {
  const action = rawId === undefined ? 'create' : 'update';
  authorizeAny(ctx.actor, type.name, action);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never };
    const existing = rawId === undefined ? undefined : await loadRow(txCtx, type, type.parseId(rawId), 'table');
    if (rawId !== undefined && !existing) throw notFound(`${capitalise(type.label)} ${rawId}`);
    const data = await readOrRefuse(txCtx, type, input, existing, action);
    authorize(ctx.actor, type.name, action, type.practiceCodeOf?.(existing ?? data));
    const values = await type.prepare(txCtx.db, data, existing);
    // As a save would be refused in a closed year, so is its check: the form says so before the person finishes.
    if (!(existing && changesNothing(values, existing))) await type.guardClosedYears?.(txCtx.db, existing, values);
  });
  return { problems: [] };
}

/** Inserts already-parsed inputs inside the caller's transaction, with one audit row each. */
export async function insertPrepared(ctx: AppContext, type: AnyRecordType, inputs: Record<string, unknown>[]) {
  const results: Record<string, unknown>[] = [];
  const audits: AuditEntry[] = [];
  for (const data of inputs) {
    const values = await type.prepare(ctx.db, data, undefined);
    await type.guardClosedYears?.(ctx.db, undefined, values);
    const [row] = await ctx.db.insert(type.table).values(values as never).returning();
    const id = (row as Record<string, unknown>)[columnKey(type)] as string | number;
    await type.afterWrite?.(ctx.db, id, data, ctx.actor);
    const presented = type.present((await loadRow(ctx, type, id)) ?? (row as Record<string, unknown>));
    audits.push({ recordType: type.name, recordId: id, action: 'create', after: presented });
    results.push(presented);
  }
  await recordAudit(ctx.db, ctx.actor, audits);
  return results;
}

/**
 * Optimistic concurrency: the caller sends the rowVersion it read. The update only applies if the
 * stored row still has it; otherwise someone else changed it first and the caller gets a conflict.
 */
export async function updateRecord(ctx: AppContext, type: AnyRecordType, rawId: string, input: unknown, expectedVersion: number) {
  // Someone whose role may not change the type may still be one of a record's owners, where the type lets owners change some fields.
  const byOwner = isOwnersChange(ctx.actor, type);
  authorizeAny(ctx.actor, type.name, byOwner ? 'read' : 'update');
  const id = type.parseId(rawId);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never };
    const existing = await loadRow(txCtx, type, id, 'table');
    if (!existing) throw notFound(`${capitalise(type.label)} ${rawId}`);
    if (byOwner) await refuseUnlessOwnersChange(txCtx.db, ctx.actor, type, existing, input);
    else authorize(ctx.actor, type.name, 'update', type.practiceCodeOf?.(existing));
    const data = await readOrRefuse(txCtx, type, input, existing, 'update');
    const before = type.present((await loadRow(txCtx, type, id)) ?? existing);
    const values = await type.prepare(txCtx.db, data, existing);
    // A save that changes nothing (the form sent back what it showed) writes nothing: no new version, no audit row.
    if (!type.afterWrite && existing[versionKey(type)] === expectedVersion && changesNothing(values, existing)) return before;
    await type.guardClosedYears?.(txCtx.db, existing, values);
    const updated = await tx
      .update(type.table)
      .set({ ...values, rowVersion: sql`${type.versionColumn} + 1`, updatedAt: new Date() } as never)
      .where(and(eq(type.idColumn, id), eq(type.versionColumn, expectedVersion)))
      .returning();
    if (updated.length === 0) {
      // The versions are for programs (details); people are told what happened and what to do.
      throw staleChange(`This ${type.label} was changed by someone else since you opened it. Reload it and make your change again.`, expectedVersion, existing[versionKey(type)]);
    }
    await type.afterWrite?.(txCtx.db, id, data, ctx.actor);
    const after = type.present((await loadRow(txCtx, type, id))!);
    await recordAudit(txCtx.db, ctx.actor, { recordType: type.name, recordId: id, action: 'update', before, after, summary: type.auditSummary?.(data) });
    const alsoChanged = (await type.afterUpdate?.(txCtx.db, after, ctx.actor)) ?? [];
    return alsoChanged.length ? { ...after, alsoChanged } : after;
  });
}

/** True when every value a save would write is the one already stored (dates and numbers compared as stored). */
function changesNothing(values: Record<string, unknown>, existing: Record<string, unknown>): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.entries(values).every(([key, value]) => value === undefined || (key in existing && same(value, existing[key])));
}

export async function deleteRecord(ctx: AppContext, type: AnyRecordType, rawId: string, expectedVersion: number) {
  const id = type.parseId(rawId);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never };
    const existing = await loadRow(txCtx, type, id, 'table');
    if (!existing) throw notFound(`${capitalise(type.label)} ${rawId}`);
    authorize(ctx.actor, type.name, 'delete', type.practiceCodeOf?.(existing));
    await refuseWhileDepended(txCtx.db, type, id, rawId);
    await type.refuseDelete?.(txCtx.db, existing);
    await type.guardClosedYears?.(txCtx.db, existing, undefined);
    const before = { ...type.present((await loadRow(txCtx, type, id)) ?? existing), ...(await type.alsoDeleted?.(txCtx.db, id)) };
    const deleted = await tx.delete(type.table).where(and(eq(type.idColumn, id), eq(type.versionColumn, expectedVersion))).returning();
    if (deleted.length === 0) throw staleChange(`This ${type.label} was changed by someone else since you opened it. Reload it and try again.`, expectedVersion, existing[versionKey(type)]);
    await type.afterDelete?.(txCtx.db, deleted[0]!, ctx.actor);
    await recordAudit(txCtx.db, ctx.actor, { recordType: type.name, recordId: id, action: 'delete', before });
  });
}

/** Refuses to delete a record other records still point at, saying how many of each. */
async function refuseWhileDepended(db: Db, type: AnyRecordType, id: string | number, rawId: string): Promise<void> {
  const found: string[] = [];
  for (const d of type.dependents ?? []) {
    const [row] = await db.select({ n: count() }).from(d.column.table).where(d.array ? sql`${id} = ANY(${d.column})` : eq(d.column, id));
    const n = Number(row?.n ?? 0);
    if (n) found.push(`${n} ${n === 1 ? d.one : d.many}`);
  }
  if (found.length) throw conflict(`${capitalise(type.label)} ${rawId} still has ${formatList(found)}, so it cannot be deleted. ${type.whenDepended ?? `Remove ${found.length === 1 ? 'them' : 'those'} first, or keep it.`}`);
}

const columnKey = (type: AnyRecordType) => tableProperty(type, type.idColumn);
const versionKey = (type: AnyRecordType) => tableProperty(type, type.versionColumn);

function tableProperty(type: AnyRecordType, column: unknown): string {
  const property = propertyOf(type.table, column);
  if (!property) throw new Error(`a column of ${type.name} does not belong to its table`);
  return property;
}

