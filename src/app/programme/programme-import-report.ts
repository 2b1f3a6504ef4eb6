import { type Problem, invalid } from '../../domain/errors.js';
import { todayInEngland, optionalIsoDate } from '../../domain/iso-date.js';
import { csvText, noRowsProblem } from '../../domain/registry/index.js';
import { parseCsv, type TabularInput } from '../../domain/schemes/tabular-input.js';
import { type AuditEntry, recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import type { ImportReport } from '../registry/import-report.js';
import type { ImportTally } from './upsert-row.js';
import { importCounts } from '../../domain/words.js';

/** What a programme import did, in the registry imports' shape; nothing is written when the file has problems (the import throws them instead). */
export type ProgrammeImportReport = Omit<ImportReport, 'kind' | 'skipped'> & { kind: 'work-plan' | 'stp' };

export interface UploadedFile {
  name: string;
  content: Uint8Array;
}

/** The file's rows; a file with a header and nothing under it is refused, not imported as an empty plan. */
export function readTable(file: UploadedFile): TabularInput {
  const table = parseCsv(csvText(file), file.name);
  if (!table.rows.length) refuseProblems(file.name, [noRowsProblem(file.name)]);
  return table;
}

export function refuseProblems(file: string, problems: Problem[]): void {
  if (problems.length) throw invalid(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`, problems);
}

export function readAsOf(asOf: string | undefined): string {
  return optionalIsoDate(asOf, 'asOf') ?? todayInEngland();
}

/** Saves the tally's audit rows and one for the import itself, and shapes the report. */
export async function finishImport(ctx: AppContext, kind: ProgrammeImportReport['kind'], file: string, referenceDate: string | null, tally: ImportTally, notes: string[], extra: AuditEntry[] = []): Promise<ProgrammeImportReport> {
  const kept = tally.clashes.length ? [`Kept what was changed in atscale where this file changes it too (change it by hand if the file is right): ${tally.clashes.join('; ')}`] : [];
  const report: ProgrammeImportReport = { kind, file, referenceDate, inserted: tally.inserted, updated: tally.updated, unchanged: tally.unchanged, rejected: 0, errors: [], notes: [...notes, ...kept] };
  await recordAudit(ctx.db, ctx.actor, [
    ...tally.audits,
    ...extra,
    { recordType: 'import', recordId: file, action: 'import', after: report, summary: `Imported ${kind} ${file}: ${importCounts(report)}` },
  ]);
  return report;
}
