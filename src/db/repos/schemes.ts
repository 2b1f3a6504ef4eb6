import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { groupMemberships, listSizes, practiceOverview, schemeDelivered, schemeHandSchedules, schemeInvoiceReferences, schemes, schemeVersions } from '../schema/index.js';

/** Queries for stored schemes. Each takes the database (or the caller's transaction) as its first argument. */

export type SchemeRow = typeof schemes.$inferSelect;
export type SchemeVersionRow = typeof schemeVersions.$inferSelect;
export type DeliveredRow = typeof schemeDelivered.$inferSelect;
export type DeliveredInsert = typeof schemeDelivered.$inferInsert;
export type HandScheduleRow = typeof schemeHandSchedules.$inferSelect;
export type HandScheduleInsert = typeof schemeHandSchedules.$inferInsert;

export async function findScheme(db: Db, id: number): Promise<SchemeRow | undefined> {
  const [row] = await db.select().from(schemes).where(eq(schemes.id, id));
  return row;
}

/**
 * Holds a scheme's row until the transaction ends, so saves of its activity returns, and an edit that
 * carries them into a new version, go one after the other: a save may copy to a second version, and
 * two at once would wait on each other's rows, or an edit would carry what it read before a return.
 */
export async function lockScheme(db: Db, schemeId: number): Promise<void> {
  await db.select({ id: schemes.id }).from(schemes).where(eq(schemes.id, schemeId)).for('no key update');
}

/** Every scheme, by name; or those `where` keeps (the ones a reader may see). */
export function allSchemes(db: Db, where?: SQL): Promise<SchemeRow[]> {
  return db.select().from(schemes).where(where).orderBy(asc(schemes.name), asc(schemes.id));
}

export async function findSchemeBySlug(db: Db, slug: string): Promise<SchemeRow | undefined> {
  const [row] = await db.select().from(schemes).where(eq(schemes.slug, slug));
  return row;
}

export async function insertScheme(db: Db, values: typeof schemes.$inferInsert): Promise<SchemeRow> {
  const [row] = await db.insert(schemes).values(values).returning();
  return row!;
}

/**
 * Optimistic concurrency: changes the scheme only if it still has the row version the caller read,
 * and takes the row's lock for the rest of the transaction. Undefined when someone else got there first.
 */
export async function updateSchemeIfUnchanged(db: Db, id: number, expectedRowVersion: number, changes: Partial<typeof schemes.$inferInsert>): Promise<SchemeRow | undefined> {
  const [row] = await db
    .update(schemes)
    .set({ ...changes, rowVersion: sql`${schemes.rowVersion} + 1`, updatedAt: new Date() })
    .where(and(eq(schemes.id, id), eq(schemes.rowVersion, expectedRowVersion)))
    .returning();
  return row;
}

/**
 * Sets a scheme's returns-due date if it is still `basedOn` (what the caller read). It is not a term
 * of the scheme, so the row version stays as it is and an edit of the terms in progress is not refused.
 */
export async function updateReturnsDueIf(db: Db, id: number, basedOn: string | null, returnsDueOn: string | null): Promise<SchemeRow | undefined> {
  const [row] = await db
    .update(schemes)
    .set({ returnsDueOn })
    .where(and(eq(schemes.id, id), basedOn === null ? isNull(schemes.returnsDueOn) : eq(schemes.returnsDueOn, basedOn)))
    .returning();
  return row;
}

export function listVersions(db: Db, schemeId: number): Promise<SchemeVersionRow[]> {
  return db.select().from(schemeVersions).where(eq(schemeVersions.schemeId, schemeId)).orderBy(asc(schemeVersions.version));
}

export async function findVersion(db: Db, schemeId: number, version: number): Promise<SchemeVersionRow | undefined> {
  const [row] = await db.select().from(schemeVersions).where(and(eq(schemeVersions.schemeId, schemeId), eq(schemeVersions.version, version)));
  return row;
}

export async function insertVersion(db: Db, values: typeof schemeVersions.$inferInsert): Promise<SchemeVersionRow> {
  const [row] = await db.insert(schemeVersions).values(values).returning();
  return row!;
}

export async function updateVersion(db: Db, id: number, changes: Partial<typeof schemeVersions.$inferInsert>): Promise<SchemeVersionRow> {
  const [row] = await db.update(schemeVersions).set(changes).where(eq(schemeVersions.id, id)).returning();
  return row!;
}

/** Marks every other approved version of the scheme as superseded (a newer version has been approved): their numbers, and the day each was invoiced if it was. */
export function supersedeOtherVersions(db: Db, schemeId: number, approvedVersion: number): Promise<{ version: number; invoicedOn: string | null }[]> {
  return db
    .update(schemeVersions)
    .set({ status: 'superseded' })
    .where(and(eq(schemeVersions.schemeId, schemeId), eq(schemeVersions.status, 'approved'), ne(schemeVersions.version, approvedVersion)))
    .returning({ version: schemeVersions.version, invoicedOn: schemeVersions.invoicedOn });
}

const underReference = (column: typeof schemeVersions.invoiceReference | typeof schemeInvoiceReferences.reference, reference: string) => sql`upper(${column}) = upper(${reference})`;

/**
 * The recorded invoice (not undone) that holds a reference, in any case, on any scheme, or null: at
 * most one does, as the index `scheme_versions_invoice_reference_key` keeps it.
 */
export async function invoiceHoldingReference(db: Db, reference: string) {
  const [holder] = await db
    .select({ schemeId: schemeVersions.schemeId, schemeName: schemes.name, version: schemeVersions.version, on: sql<string>`${schemeVersions.invoicedOn}`, totalPence: schemeVersions.invoicedPence })
    .from(schemeVersions)
    .innerJoin(schemes, eq(schemes.id, schemeVersions.schemeId))
    .where(and(underReference(schemeVersions.invoiceReference, reference), isNotNull(schemeVersions.invoicedOn)));
  return holder ?? null;
}

/** Every invoice recorded under a reference since migration 0029, undone since or not, the earliest first: what the reference named before. */
export function invoicesEverUnder(db: Db, reference: string) {
  return db
    .select({ schemeId: schemeInvoiceReferences.schemeId, schemeName: schemes.name, version: schemeInvoiceReferences.version, on: schemeInvoiceReferences.invoicedOn, totalPence: schemeInvoiceReferences.invoicedPence })
    .from(schemeInvoiceReferences)
    .innerJoin(schemes, eq(schemes.id, schemeInvoiceReferences.schemeId))
    .where(underReference(schemeInvoiceReferences.reference, reference))
    .orderBy(asc(schemeInvoiceReferences.invoicedOn), asc(schemeInvoiceReferences.id));
}

/** Keeps an invoice recorded under a reference, so what the reference named stays known after an undo. */
export async function keepInvoiceReference(db: Db, values: typeof schemeInvoiceReferences.$inferInsert): Promise<void> {
  await db.insert(schemeInvoiceReferences).values(values);
}

const versionOf = <T extends typeof schemeDelivered | typeof schemeHandSchedules>(table: T, schemeId: number, version: number) => and(eq(table.schemeId, schemeId), eq(table.version, version));

/** Delivered activity of one version, optionally only some practices' (a practice manager's). */
export function deliveredRows(db: Db, schemeId: number, version: number, practiceCodes?: readonly string[]): Promise<DeliveredRow[]> {
  return db
    .select()
    .from(schemeDelivered)
    .where(and(versionOf(schemeDelivered, schemeId, version), practiceCodes ? inArray(schemeDelivered.practiceCode, [...practiceCodes]) : undefined))
    .orderBy(asc(schemeDelivered.id));
}

/** Each figure recorded against a version (practice, quantity, what it says about taking part), weekly or for the whole scheme. */
export function returnedFigures(db: Db, schemeId: number, version: number) {
  return db.select({ practiceCode: schemeDelivered.practiceCode, quantity: schemeDelivered.quantity, takesPart: schemeDelivered.takesPart }).from(schemeDelivered).where(versionOf(schemeDelivered, schemeId, version));
}

/** Schemes whose activity returns are due on or before `until`, the soonest first. */
export function schemesWithReturnsDueBy(db: Db, until: string): Promise<SchemeRow[]> {
  return db.select().from(schemes).where(lte(schemes.returnsDueOn, until)).orderBy(asc(schemes.returnsDueOn), asc(schemes.id));
}

/** Replaces one version's delivered rows: all of them, or only those of the given practice-and-week returns. */
export async function replaceDelivered(db: Db, schemeId: number, version: number, rows: readonly DeliveredInsert[], only?: readonly { practiceCode: string; week: number | null }[]): Promise<void> {
  const scope = only?.map((r) => and(eq(schemeDelivered.practiceCode, r.practiceCode), r.week === null ? isNull(schemeDelivered.week) : eq(schemeDelivered.week, r.week)));
  if (!only || scope!.length) await db.delete(schemeDelivered).where(and(versionOf(schemeDelivered, schemeId, version), scope ? or(...scope) : undefined));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(schemeDelivered).values(rows.slice(i, i + 1000) as DeliveredInsert[]);
}

export function handScheduleRows(db: Db, schemeId: number, version: number): Promise<HandScheduleRow[]> {
  return db.select().from(schemeHandSchedules).where(versionOf(schemeHandSchedules, schemeId, version)).orderBy(asc(schemeHandSchedules.id));
}

export async function replaceHandSchedule(db: Db, schemeId: number, version: number, rows: readonly HandScheduleInsert[]): Promise<void> {
  await db.delete(schemeHandSchedules).where(versionOf(schemeHandSchedules, schemeId, version));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(schemeHandSchedules).values(rows.slice(i, i + 1000) as HandScheduleInsert[]);
}

/** Deletes rows by id (inputs that no longer fit an edited draft). */
export async function deleteInputRows(db: Db, deliveredIds: readonly number[], handIds: readonly number[]): Promise<void> {
  if (deliveredIds.length) await db.delete(schemeDelivered).where(inArray(schemeDelivered.id, [...deliveredIds]));
  if (handIds.length) await db.delete(schemeHandSchedules).where(inArray(schemeHandSchedules.id, [...handIds]));
}

/** Practices as the registry names them (the local name where one is set), by ODS code. */
export async function registryPractices(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, { odsCode: string; displayName: string }>();
  const rows = await db
    .select({ odsCode: practiceOverview.odsCode, displayName: practiceOverview.displayName })
    .from(practiceOverview)
    .where(inArray(practiceOverview.odsCode, [...codes]));
  return new Map(rows.map((r) => [r.odsCode, r]));
}

/** Each practice's registered list at exactly the snapshot date. */
export async function listSizesAt(db: Db, codes: readonly string[], snapshotDate: string): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ odsCode: listSizes.odsCode, patients: listSizes.patients })
    .from(listSizes)
    .where(and(eq(listSizes.snapshotDate, snapshotDate), inArray(listSizes.odsCode, [...codes])));
  return new Map(rows.map((r) => [r.odsCode, r.patients]));
}

/** The list-size snapshot dates the registry holds for some practices, newest first (for a helpful message): the newest `limit`, or all of them. */
export async function snapshotDatesFor(db: Db, codes: readonly string[], limit: number | null = 5): Promise<string[]> {
  if (codes.length === 0) return [];
  const query = db.selectDistinct({ date: listSizes.snapshotDate }).from(listSizes).where(inArray(listSizes.odsCode, [...codes])).orderBy(sql`${listSizes.snapshotDate} desc`);
  const rows = await (limit === null ? query : query.limit(limit));
  return rows.map((r) => r.date);
}

/** The practices that were members of a group on a date. */
export async function groupMembersOn(db: Db, groupId: number, date: string) {
  const rows = await db
    .select({ odsCode: groupMemberships.practiceCode })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.groupId, groupId), lte(groupMemberships.startDate, date), or(isNull(groupMemberships.endDate), gte(groupMemberships.endDate, date))))
    .orderBy(asc(groupMemberships.practiceCode));
  return rows.map((r) => r.odsCode);
}
