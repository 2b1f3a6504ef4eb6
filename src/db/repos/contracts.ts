import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { applicationLines, contractDocuments, contracts, drawdowns, fundApplications, funds, groupMemberships, practiceGroups, subContracts } from '../schema/index.js';

/** Queries for contracts, sub-contracts and funds. Each takes the database (or the caller's transaction) first. */

export type ContractRow = typeof contracts.$inferSelect;
export type SubContractRow = typeof subContracts.$inferSelect;
export type ApplicationRow = typeof fundApplications.$inferSelect;

export async function findGroup(db: Db, id: number) {
  const [row] = await db.select().from(practiceGroups).where(eq(practiceGroups.id, id));
  return row;
}

/** Practices that were ever members of a group while a period ran. */
export async function groupMembersDuring(db: Db, groupId: number, from: string, to: string | null): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: groupMemberships.practiceCode })
    .from(groupMemberships)
    .where(and(eq(groupMemberships.groupId, groupId), to ? lte(groupMemberships.startDate, to) : undefined, or(isNull(groupMemberships.endDate), gte(groupMemberships.endDate, from))))
    .orderBy(asc(groupMemberships.practiceCode));
  return rows.map((r) => r.code);
}

export async function findContract(db: Db, id: number): Promise<ContractRow | undefined> {
  const [row] = await db.select().from(contracts).where(eq(contracts.id, id));
  return row;
}

export const allContracts = (db: Db) => db.select().from(contracts).orderBy(asc(contracts.title));

export async function subContractsOf(db: Db, contractIds: readonly number[]): Promise<SubContractRow[]> {
  if (!contractIds.length) return [];
  return db.select().from(subContracts).where(inArray(subContracts.contractId, [...contractIds])).orderBy(asc(subContracts.practiceCode));
}

/** Documents of a contract without their bytes. */
export function documentsOf(db: Db, contractId: number) {
  return db
    .select({ id: contractDocuments.id, fileName: contractDocuments.fileName, contentType: contractDocuments.contentType, sizeBytes: contractDocuments.sizeBytes, uploadedBy: contractDocuments.uploadedBy, uploadedAt: contractDocuments.uploadedAt })
    .from(contractDocuments)
    .where(eq(contractDocuments.contractId, contractId))
    .orderBy(asc(contractDocuments.id));
}

export async function findDocument(db: Db, contractId: number, documentId: number) {
  const [row] = await db.select().from(contractDocuments).where(and(eq(contractDocuments.contractId, contractId), eq(contractDocuments.id, documentId)));
  return row;
}

export async function deleteDocument(db: Db, documentId: number) {
  await db.delete(contractDocuments).where(eq(contractDocuments.id, documentId));
}

export async function insertDocument(db: Db, values: typeof contractDocuments.$inferInsert) {
  const [row] = await db.insert(contractDocuments).values(values).returning({ id: contractDocuments.id });
  return row!.id;
}

export function applicationsOf(db: Db, fundId: number) {
  return db.select().from(fundApplications).where(eq(fundApplications.fundId, fundId)).orderBy(asc(fundApplications.id));
}

/** A practice's own applications to any fund, with the fund's name and what has been drawn down. */
/** What has been drawn down against an application, in pence (0 before any drawdown), as a column of a select. */
export const drawnPenceOfApplication = () => sql<number>`coalesce((SELECT sum(d.amount_pence) FROM drawdowns d WHERE d.application_id = ${fundApplications.id}), 0)`.mapWith(Number);

export function applicationsByPractice(db: Db, practiceCode: string) {
  return db
    .select({
      id: fundApplications.id,
      fundId: fundApplications.fundId,
      fundName: funds.name,
      title: fundApplications.title,
      status: fundApplications.status,
      requestedPence: fundApplications.requestedPence,
      approvedPence: fundApplications.approvedPence,
      drawnPence: drawnPenceOfApplication(),
    })
    .from(fundApplications)
    .innerJoin(funds, eq(funds.id, fundApplications.fundId))
    .where(eq(fundApplications.practiceCode, practiceCode))
    .orderBy(asc(funds.name), asc(fundApplications.id));
}

export async function findApplication(db: Db, id: number): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(fundApplications).where(eq(fundApplications.id, id));
  return row;
}

export function linesOf(db: Db, applicationId: number) {
  return db.select().from(applicationLines).where(eq(applicationLines.applicationId, applicationId)).orderBy(asc(applicationLines.lineNo));
}

export function drawdownsOf(db: Db, applicationIds: readonly number[]) {
  if (!applicationIds.length) return Promise.resolve([] as (typeof drawdowns.$inferSelect)[]);
  return db.select().from(drawdowns).where(inArray(drawdowns.applicationId, [...applicationIds])).orderBy(asc(drawdowns.drawnOn), asc(drawdowns.id));
}

export async function insertApplication(db: Db, values: typeof fundApplications.$inferInsert, lines: { description: string; amountPence: number }[]) {
  const [row] = await db.insert(fundApplications).values(values).returning();
  await db.insert(applicationLines).values(lines.map((line, i) => ({ applicationId: row!.id, lineNo: i + 1, ...line })));
  return row!;
}

/** Optimistic concurrency: changes the application only if it still has the row version the caller read. */
export async function updateApplicationIfUnchanged(db: Db, id: number, rowVersion: number, values: Partial<typeof fundApplications.$inferInsert>) {
  const [row] = await db
    .update(fundApplications)
    .set({ ...values, rowVersion: sql`${fundApplications.rowVersion} + 1`, updatedAt: new Date() })
    .where(and(eq(fundApplications.id, id), eq(fundApplications.rowVersion, rowVersion)))
    .returning();
  return row;
}

export async function insertDrawdown(db: Db, values: typeof drawdowns.$inferInsert) {
  const [row] = await db.insert(drawdowns).values(values).returning();
  return row!;
}

export async function deleteDrawdown(db: Db, id: number) {
  await db.delete(drawdowns).where(eq(drawdowns.id, id));
}

/** Holds a fund's row until the transaction ends, so two decisions on its pots are made one after the other. */
export async function lockFund(db: Db, fundId: number): Promise<void> {
  await db.select({ id: funds.id }).from(funds).where(eq(funds.id, fundId)).for('update');
}
