import { eq } from 'drizzle-orm';
import { decodeText, parsePatientsRegistered } from '../../domain/registry/index.js';
import { bulkInsert, bulkUpsert, type BulkColumn } from '../../db/bulk.js';
import { unknownPracticeCodes } from '../../db/repos/registry.js';
import { listSizes } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { emptyReport, importAuditRows, type ImportOptions, type ImportReport, rejectedReport, skipPracticesNotInRegistry, withUnknownPractices, unknownPracticesReport } from './import-report.js';
import { formatLongDate } from '../../domain/iso-date.js';

interface ListSizeRow {
  odsCode: string;
  patients: number;
  commissionerCode: string | null;
}

/**
 * Imports a "Patients registered at a GP practice" totals file as one dated list-size snapshot per
 * practice. A practice the registry does not know is an error (import the ODS file first), unless
 * the user asks to skip those rows, when they are listed instead.
 */
export async function importListSizesFile(ctx: AppContext, file: { name: string; content: Uint8Array }, options: ImportOptions = {}): Promise<ImportReport> {
  authorize(ctx.actor, 'list_size', 'import');
  const parsed = parsePatientsRegistered(decodeText(file.content), file.name);
  // Rows of practices the registry does not hold, found even when other rows have problems, so one report lists every problem.
  const unknownIn = async (db: AppContext['db']) => {
    const notInRegistry = await unknownPracticeCodes(db, parsed.rows.map((r) => r.odsCode));
    return parsed.rows.filter((row) => notInRegistry.has(row.odsCode)).map((row) => ({ line: row.line, column: parsed.odsCodeColumn, code: row.odsCode }));
  };
  if (parsed.problems.length) {
    const unknown = options.skipUnknown ? [] : await unknownIn(ctx.db);
    return rejectedReport('list-sizes', file.name, withUnknownPractices(file.name, parsed.problems, unknown), parsed.extractDate ?? null);
  }
  const snapshotDate = parsed.extractDate;

  return ctx.db.transaction(async (tx) => {
    const unknown = await unknownIn(tx as never);
    const unknownLines = new Set(unknown.map((u) => u.line));
    const rows: ListSizeRow[] = parsed.rows.filter((row) => !unknownLines.has(row.line)).map((row) => ({ odsCode: row.odsCode, patients: row.patients, commissionerCode: row.commissionerCode || null }));
    if (unknown.length && !options.skipUnknown) return unknownPracticesReport('list-sizes', file.name, unknown, snapshotDate);
    const report = emptyReport('list-sizes', file.name, snapshotDate);
    skipPracticesNotInRegistry(report, unknown.length, unknown.map((u) => u.code));
    const stored = new Map((await tx.select().from(listSizes).where(eq(listSizes.snapshotDate, snapshotDate))).map((l) => [l.odsCode, l]));
    const inserts: ListSizeRow[] = [];
    const writes: ListSizeRow[] = [];
    const changes: { recordType: string; recordId: string; action: 'update'; before: unknown; after: unknown }[] = [];
    for (const row of rows) {
      const current = stored.get(row.odsCode);
      if (!current) {
        report.inserted++;
        inserts.push(row);
      } else if (current.patients !== row.patients || (current.commissionerCode ?? null) !== row.commissionerCode) {
        report.updated++;
        writes.push(row);
        changes.push({ recordType: 'list_size', recordId: `${row.odsCode}@${snapshotDate}`, action: 'update', before: { patients: current.patients, commissionerCode: current.commissionerCode ?? null }, after: { patients: row.patients, commissionerCode: row.commissionerCode } });
      } else report.unchanged++;
    }
    options.onProgress?.(0, inserts.length + writes.length, 'Saving');
    const columns: BulkColumn<ListSizeRow>[] = [
      { name: 'ods_code', type: 'text', value: (r) => r.odsCode },
      { name: 'snapshot_date', type: 'date', value: () => snapshotDate },
      { name: 'patients', type: 'int', value: (r) => r.patients },
      { name: 'commissioner_code', type: 'text', value: (r) => r.commissionerCode },
    ];
    await bulkInsert(tx as never, 'list_sizes', columns, inserts);
    await bulkUpsert(tx as never, 'list_sizes', columns, writes, { target: ['ods_code', 'snapshot_date'], update: ['patients', 'commissioner_code'] });
    await recordAudit(tx as never, ctx.actor, importAuditRows(report, `list sizes on ${formatLongDate(snapshotDate)} from`, changes));
    options.onProgress?.(inserts.length + writes.length, inserts.length + writes.length, 'Saved');
    return report;
  });
}
