import { sql } from 'drizzle-orm';
import { decodeText, type OdsPracticeRecord, parseEpraccur } from '../../domain/registry/index.js';
import { bulkInsert, bulkUpsert, type BulkColumn } from '../../db/bulk.js';
import { practices } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { emptyReport, importAuditRows, type ImportOptions, type ImportReport, olderNote, rejectedReport, sameValue } from './import-report.js';
import { historyColumns, type HistoryRow } from './practice-history.js';
import { endPcnMembershipsAtClosing } from './pcn-closings.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { memberChangesNotes, stillMembersNote } from '../groups/check-memberships.js';
import { practiceLabel } from '../groups/membership-rules.js';
import type { MemberChange } from '../../domain/groups/member-changes.js';

type PracticeValues = typeof practices.$inferInsert;

/** The fields an ODS file is the authority for; a difference in any of them is an update. */
const odsFields = ['name', 'postcode', 'address', 'status', 'statusRaw', 'prescribingSetting', 'isGpPractice', 'nationalGrouping', 'highLevelGeography', 'commissionerCode', 'providerCode', 'openDate', 'closeDate', 'joinParentDate', 'leftParentDate', 'phone'] as const;
/** The changes worth keeping as history of a practice. */
const historyFields = ['name', 'status', 'commissionerCode', 'closeDate'] as const;

function toValues(r: OdsPracticeRecord, sourceDate: string): PracticeValues {
  return {
    odsCode: r.odsCode,
    name: r.name,
    postcode: r.postcode || null,
    address: r.addressLines.join(', ') || null,
    status: r.status,
    statusRaw: r.statusRaw,
    prescribingSetting: r.prescribingSetting,
    isGpPractice: r.isGpPractice,
    nationalGrouping: r.nationalGrouping || null,
    highLevelGeography: r.highLevelHealthGeography || null,
    commissionerCode: r.commissionerCode || null,
    providerCode: r.providerCode || null,
    openDate: r.openDate,
    closeDate: r.closeDate,
    joinParentDate: r.joinParentDate,
    leftParentDate: r.leftParentDate,
    phone: r.phone || null,
    sourceDate,
  };
}

/** ODS files carry no release date: take the latest date in the file, unless the user gives one. */
function referenceDateOf(records: OdsPracticeRecord[]): string {
  let latest = '1970-01-01';
  for (const r of records) for (const d of [r.openDate, r.closeDate, r.joinParentDate, r.leftParentDate]) if (d && d > latest) latest = d;
  return latest;
}

const practiceColumns: BulkColumn<PracticeValues>[] = [
  { name: 'ods_code', type: 'text', value: (r) => r.odsCode },
  { name: 'name', type: 'text', value: (r) => r.name },
  { name: 'postcode', type: 'text', value: (r) => r.postcode },
  { name: 'address', type: 'text', value: (r) => r.address },
  { name: 'status', type: 'text', value: (r) => r.status },
  { name: 'status_raw', type: 'text', value: (r) => r.statusRaw },
  { name: 'prescribing_setting', type: 'text', value: (r) => r.prescribingSetting },
  { name: 'is_gp_practice', type: 'bool', value: (r) => r.isGpPractice },
  { name: 'national_grouping', type: 'text', value: (r) => r.nationalGrouping },
  { name: 'high_level_geography', type: 'text', value: (r) => r.highLevelGeography },
  { name: 'commissioner_code', type: 'text', value: (r) => r.commissionerCode },
  { name: 'provider_code', type: 'text', value: (r) => r.providerCode },
  { name: 'open_date', type: 'date', value: (r) => r.openDate },
  { name: 'close_date', type: 'date', value: (r) => r.closeDate },
  { name: 'join_parent_date', type: 'date', value: (r) => r.joinParentDate },
  { name: 'left_parent_date', type: 'date', value: (r) => r.leftParentDate },
  { name: 'phone', type: 'text', value: (r) => r.phone },
  { name: 'source_date', type: 'date', value: (r) => r.sourceDate },
];

/**
 * Imports an ODS epraccur file: every row (all prescribing settings) is kept; a practice missing
 * from a newer file is left as it was (ODS drops old records; absence is not closure); a file
 * older than what is stored does not overwrite newer facts.
 */
export async function importOdsFile(ctx: AppContext, file: { name: string; content: Uint8Array }, options: ImportOptions = {}): Promise<ImportReport> {
  authorize(ctx.actor, 'practice', 'import');
  const onProgress = options.onProgress;
  const parsed = parseEpraccur(decodeText(file.content), file.name, onProgress && { onProgress: (d, t) => onProgress(d, t, 'Checking rows') });
  if (parsed.problems.length) return rejectedReport('ods', file.name, parsed.problems);
  const asOf = options.asOf ?? referenceDateOf(parsed.records);
  const report = emptyReport('ods', file.name, asOf);

  return ctx.db.transaction(async (tx) => {
    const existing = new Map((await tx.select().from(practices)).map((p) => [p.odsCode, p]));
    const inserts: PracticeValues[] = [];
    const writes: PracticeValues[] = [];
    const history: HistoryRow[] = [];
    const audits: { recordType: string; recordId: string; action: 'update'; before: unknown; after: unknown }[] = [];
    let older = 0;
    for (const record of parsed.records) {
      const values = toValues(record, asOf);
      const current = existing.get(record.odsCode);
      if (!current) {
        report.inserted++;
        inserts.push(values);
        continue;
      }
      const changed = odsFields.filter((f) => !sameValue(current[f], values[f]));
      if (changed.length === 0) report.unchanged++;
      else if (current.sourceDate && current.sourceDate > asOf) {
        older++;
        report.unchanged++;
      } else {
        report.updated++;
        writes.push(values);
        audits.push({ recordType: 'practice', recordId: record.odsCode, action: 'update', before: pick(current, changed), after: pick(values, changed) });
        const changedHistory = historyFields.filter((f) => changed.includes(f));
        if (changedHistory.length) history.push({ odsCode: record.odsCode, validFrom: asOf, changedFields: changedHistory, snapshot: { ...pick(values, historyFields), ...movedOn(current, values, asOf), before: pick(current, changedHistory) } });
      }
    }
    if (older) report.notes.push(olderNote(older, ['practice', 'practices'], `facts newer than this file (${formatLongDate(asOf)})`));
    options.onProgress?.(0, inserts.length + writes.length, 'Saving');
    await bulkInsert(tx as never, 'practices', practiceColumns, inserts);
    await bulkUpsert(tx as never, 'practices', practiceColumns, writes, {
      target: ['ods_code'],
      update: practiceColumns.slice(1).map((c) => c.name),
    });
    // Only rows that really changed get a new version, so a stale web edit still conflicts.
    if (report.updated) await tx.execute(sql`UPDATE practices SET row_version = row_version + 1, updated_at = now() WHERE ods_code = ANY(${sql.param(audits.map((a) => a.recordId))}::text[])`);
    // A practice the file closes leaves its PCN on its close date.
    const closings = await endPcnMembershipsAtClosing(tx as never, parsed.records.filter((r) => r.closeDate || existing.get(r.odsCode)?.closeDate).map((r) => r.odsCode), asOf);
    await bulkUpsert(tx as never, 'practice_history', historyColumns, [...history, ...closings.history], undefined);
    if (closings.note) report.notes.push(closings.note);
    await recordAudit(tx as never, ctx.actor, importAuditRows(report, 'ODS import', [...audits, ...closings.audits]));
    // A member practice this file closes stays a member until an admin ends it: say so.
    const closedNow = writes.filter((w) => w.closeDate && w.closeDate !== existing.get(w.odsCode)?.closeDate).map((w) => w.odsCode);
    const stillMembers = await stillMembersNote(tx as never, closedNow);
    if (stillMembers) report.notes.push(stillMembers);
    report.notes.push(...(await memberChangesNotes(tx as never, writes.flatMap((w) => memberChange(existing.get(w.odsCode)!, w)), asOf)));
    options.onProgress?.(inserts.length + writes.length, inserts.length + writes.length, 'Saved');
    return report;
  });
}

/**
 * When a practice that changed commissioner joined the new one, as the ODS file dates it (its
 * "join provider/purchaser date"), if the file gave a new such date no later than the file's own:
 * the move is then placed on that day, not on the date of the first file that showed it. A file
 * that changed the code but kept the old join date says nothing of when, so the file's date stands.
 */
function movedOn(current: PracticeValues, values: PracticeValues, asOf: string): { joinedCommissionerOn?: string } {
  const joined = values.joinParentDate;
  if (current.commissionerCode === values.commissionerCode || !joined || joined === current.joinParentDate || joined > asOf) return {};
  return { joinedCommissionerOn: joined };
}

/** A practice this file moved to another commissioner or made dormant, for the groups it is in to hear of. */
function memberChange(current: PracticeValues, values: PracticeValues): MemberChange[] {
  const practice = practiceLabel(current.localName ?? values.name, values.odsCode);
  const changes: MemberChange[] = [];
  if (current.commissionerCode && current.commissionerCode !== values.commissionerCode) changes.push({ practiceCode: values.odsCode, practice, kind: 'moved', from: current.commissionerCode, to: values.commissionerCode ?? null });
  if (values.status === 'dormant' && current.status !== 'dormant') changes.push({ practiceCode: values.odsCode, practice, kind: 'dormant' });
  return changes;
}

export function pick<T extends object>(source: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (source as Record<string, unknown>)[k] ?? null]));
}
