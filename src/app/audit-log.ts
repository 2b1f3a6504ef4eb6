import { and, desc, eq, ilike, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog, fundApplications } from '../db/schema/index.js';
import { likeText } from '../db/like.js';
import { auditSummary } from '../domain/audit/summary.js';
import { GP_PRACTICE_CODE } from '../domain/registry/ods-codes.js';
import { formatDateTime, formatLongDate } from '../domain/iso-date.js';
import { invalid } from '../domain/errors.js';
import { actorName, humanise, shortText } from '../domain/words.js';
import type { Actor } from './context.js';
import type { Column } from './export/tabular.js';
import { auditRecordNames } from './audit-record-names.js';
import { auditChangesOf } from './audit-changes.js';
import type { AuditFieldChange } from '../domain/audit/values.js';
import { authorize } from './permissions.js';
import { type Download, recordDownload } from './downloads.js';
import { labelsOfRecordType } from './records/field-labels.js';

/*
 * Reading the audit log (writing it is recordAudit, in audit.ts, which every use case imports):
 * each row comes with the one line a person reads, its fields named as the record type's labels
 * name them.
 */

export interface AuditQuery {
  recordType?: string;
  /** 'exclude': leave out sign-ins and sign-outs (session records), which outnumber the changes people look for. */
  signIns?: 'include' | 'exclude';
  recordId?: string;
  /** Part of the name or email of who made the change (any case): "priya", "pm.kibworth". */
  who?: string;
  /** ISO dates: changes on or after `from`, and on or before `to` (the whole day). */
  from?: string;
  to?: string;
  /** Paged as every list is (page from 1, pageSize), or by limit and offset; not both. */
  page?: number;
  pageSize?: number;
  limit?: number;
  offset?: number;
}

/** Whether an audit row's before or after names the practice: as a record of its own, a scheme return's figures, or a payment an invoice was for. */
function namesPractice(column: typeof auditLog.before | typeof auditLog.after, code: string): SQL {
  const named = JSON.stringify([{ practiceCode: code }]);
  return sql`(${column} ->> 'practiceCode' = ${code} OR ${column} -> 'delivered' @> ${named}::jsonb OR ${column} -> 'money' -> 'payments' @> ${named}::jsonb)`;
}

/**
 * A record by its ID, or, given an ODS code, everything about that practice: the practice itself
 * and every record that names it (its memberships, sub-contracts, applications…), which are kept
 * under their own IDs with the practice code in their before or after; its activity returns to
 * schemes and the invoices and payments that counted them (kept under the scheme); and the
 * drawdowns against its fund applications (which name the application, not the practice).
 */
function recordOrPractice(id: string): SQL {
  const code = id.toUpperCase();
  if (!GP_PRACTICE_CODE.test(code)) return eq(auditLog.recordId, id);
  const drawdown = sql`(${auditLog.recordType} = 'drawdown' AND COALESCE(${auditLog.after}, ${auditLog.before}) ->> 'applicationId' IN (SELECT ${fundApplications.id}::text FROM ${fundApplications} WHERE ${fundApplications.practiceCode} = ${code}))`;
  return sql`(${auditLog.recordId} = ${code} OR ${namesPractice(auditLog.before, code)} OR ${namesPractice(auditLog.after, code)} OR ${drawdown})`;
}

/**
 * An audit row as people read it: `summary` is what the change wrote, or else what it did, in words;
 * `recordName` is what its record is called ("Kibworth Medical Centre (C82001)"), where that says more
 * than `recordId`, and `recordStillThere` whether a page can link to it; `changes` are its before and
 * after field by field, labelled and in words.
 */
export type AuditRow = typeof auditLog.$inferSelect & { summary: string; recordName: string | null; recordStillThere: boolean; changes: AuditFieldChange[] };
async function presented(db: Db, rows: (typeof auditLog.$inferSelect)[]): Promise<AuditRow[]> {
  const names = await auditRecordNames(db, rows);
  const changesOf = await auditChangesOf(db, rows);
  return rows.map((row) => ({ ...row, summary: auditSummary(row, labelsOfRecordType(row.recordType)), recordName: names.nameOf(row), recordStillThere: names.stillThere(row), changes: changesOf(row) }));
}

function auditWhere(query: AuditQuery): SQL | undefined {
  // A span that ends before it starts matches nothing, which would read as "no changes": say so instead.
  if (query.from && query.to && query.from > query.to) throw invalid(`The "to" date (${formatLongDate(query.to)}) is before the "from" date (${formatLongDate(query.from)})`, [{ field: 'to', message: 'must be on or after the "from" date' }]);
  const where: SQL[] = [];
  if (query.recordType) where.push(eq(auditLog.recordType, query.recordType));
  if (query.signIns === 'exclude') where.push(ne(auditLog.recordType, 'session'));
  if (query.recordId) where.push(recordOrPractice(query.recordId.trim()));
  if (query.who?.trim()) where.push(ilike(auditLog.actorLabel, `%${likeText(query.who.trim())}%`));
  // Days are days in England, as the log shows its times: 00:30 BST on 2 June is on 2 June, though it is 1 June in UTC.
  if (query.from) where.push(sql`${auditLog.at} >= (${query.from}::date)::timestamp AT TIME ZONE 'Europe/London'`);
  if (query.to) where.push(sql`${auditLog.at} < (${query.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London'`);
  return where.length ? and(...where) : undefined;
}

/** A page of the audit log, newest first, with how many changes match in all. */
export async function listAudit(ctx: { db: Db; actor: Actor }, query: AuditQuery) {
  authorize(ctx.actor, 'audit', 'read');
  const where = auditWhere(query);
  const paged = query.page !== undefined || query.pageSize !== undefined;
  if (paged && (query.limit !== undefined || query.offset !== undefined)) throw invalid('Page the audit log by page and pageSize, or by limit and offset, not both', [{ field: query.limit !== undefined ? 'limit' : 'offset', message: 'is not an option beside page and pageSize' }]);
  const pageSize = Math.min(query.pageSize ?? query.limit ?? 100, 1000);
  const page = query.page ?? 1;
  const offset = paged ? (page - 1) * pageSize : (query.offset ?? 0);
  const [rows, total] = await Promise.all([ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset(offset), ctx.db.$count(auditLog, where)]);
  return { items: await presented(ctx.db, rows), total, ...(paged ? { page, pageSize } : {}) };
}

/** Every change that matches, newest first, for a download: up to `AUDIT_EXPORT_LIMIT` rows (narrow the dates for more). */
export const AUDIT_EXPORT_LIMIT = 100_000;
export async function exportAudit(ctx: { db: Db; actor: Actor }, query: AuditQuery, download: Pick<Download, 'name' | 'title' | 'format' | 'filters'>) {
  authorize(ctx.actor, 'audit', 'read');
  const rows = await ctx.db.select().from(auditLog).where(auditWhere(query)).orderBy(desc(auditLog.id)).limit(AUDIT_EXPORT_LIMIT);
  // Who did what, by name and email, and what records held before and after: a download of it is itself audited.
  await recordDownload(ctx, { ...download, rows: rows.length, holds: 'names and email addresses of who made each change, and what the records held before and after' });
  return presented(ctx.db, rows);
}

/** The kinds of record the log holds, for the audit page's filter: every one that has a row, not a list kept by hand. */
export async function auditedRecordTypes(ctx: { db: Db; actor: Actor }): Promise<string[]> {
  authorize(ctx.actor, 'audit', 'read');
  const rows = await ctx.db.selectDistinct({ recordType: auditLog.recordType }).from(auditLog).orderBy(auditLog.recordType);
  return rows.map((r) => r.recordType);
}

/** UK time as a spreadsheet sorts it: 2026-11-24 09:05:12. */
const ukTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'medium' });
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The audit log as a table to download: one row a change, its before and after as JSON. */
export const auditColumns: Column<AuditRow>[] = [
  // A Date from the database; an ISO string when the rows came through the API as JSON.
  { header: 'When (UK time)', value: (a) => ukTime.format(new Date(a.at)) },
  { header: 'Who', value: (a) => actorName(a.actorLabel) },
  // Who as recorded, with the email a person signed in with (or the command line's user).
  { header: 'Who (as recorded)', value: (a) => a.actorLabel },
  { header: 'Record type', value: (a) => humanise(a.recordType) },
  { header: 'Record', value: (a) => a.recordId },
  { header: 'Record name', value: (a) => a.recordName },
  { header: 'Action', value: (a) => humanise(a.action) },
  { header: 'Summary', value: (a) => a.summary },
  { header: 'Before', value: (a) => json(a.before) },
  { header: 'After', value: (a) => json(a.after) },
];

const downloaded = (header: string) => auditColumns.find((c) => c.header === header)!;

/**
 * The columns a terminal shows, as the audit page writes them: when in words, who by name
 * (`actorName`), each record's name beside its ID (cut where it runs long; the download and
 * `--format json` have it whole). Before and after are JSON, so a table leaves them out.
 */
export const auditTerminalColumns: Column<AuditRow>[] = [
  { header: 'When', value: (a) => formatDateTime(a.at) },
  { header: 'Who', value: (a) => actorName(a.actorLabel) },
  downloaded('Record type'),
  downloaded('Record'),
  { header: 'Record name', value: (a) => (a.recordName ? shortText(a.recordName, 60) : null) },
  downloaded('Action'),
  downloaded('Summary'),
];
