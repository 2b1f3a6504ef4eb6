import { todayInEngland } from '../domain/iso-date.js';
import { formatCount } from '../domain/schemes/format-money.js';
import { recordAudit } from './audit.js';
import type { AppContext } from './context.js';
import { listAllRecords } from './records/records.js';
import type { ListQuery } from './records/list-query.js';
import type { AnyRecordType } from './records/record-type.js';

/** A file's name as every download names it: what it holds and the day, "users-2026-11-26.csv". */
export const downloadFileName = (name: string, format: string, today = todayInEngland()): string => `${name}-${today}.${format}`;

export interface Download {
  /** The file's name before its date ("users"). */
  name: string;
  /** What it holds, in words ("Users", "Audit log"). */
  title: string;
  format: 'csv' | 'xlsx';
  rows: number;
  /** The filters that cut it, in words; none for every record the reader may see. */
  filters?: readonly string[];
  /** The personal data it carries, in words ("names, email addresses and roles"). */
  holds: string;
}

/**
 * Who took people's personal data away: a download of it leaves an audit row saying who, when,
 * which file, how many rows and how they were filtered (never its contents), so a data protection
 * officer can answer "who has a copy of this list?" from the audit log.
 */
export async function recordDownload(ctx: AppContext, download: Download): Promise<void> {
  const file = downloadFileName(download.name, download.format);
  const cut = download.filters?.length ? `, filtered by ${download.filters.join('; ')}` : '';
  await recordAudit(ctx.db, ctx.actor, {
    recordType: 'download',
    recordId: file,
    action: 'download',
    after: { file, rows: download.rows, filters: download.filters ?? [], holds: download.holds },
    summary: `Downloaded ${download.title.charAt(0).toLowerCase()}${download.title.slice(1)} as ${download.format.toUpperCase()} (${formatCount(download.rows)} ${download.rows === 1 ? 'row' : 'rows'}${cut}): ${download.holds}`,
  });
}

/** Every matching record for a download, sorted as asked; a download of a type that holds personal data (`personalData`) is audited. */
export async function downloadRecords(ctx: AppContext, type: AnyRecordType, query: Omit<ListQuery, 'page' | 'pageSize'>, download: Pick<Download, 'name' | 'title' | 'format' | 'filters'>) {
  const rows = await listAllRecords(ctx, type, query);
  if (type.personalData) await recordDownload(ctx, { ...download, rows: rows.length, holds: type.personalData });
  return rows;
}
