import { type Problem, rejectedRows } from '../../domain/errors.js';
import type { AuditEntry } from '../audit.js';
import { importCounts } from '../../domain/words.js';
import { skippedPracticesNote } from '../../domain/registry/not-in-registry.js';
import { formatCount } from '../../domain/schemes/format-money.js';
import { changeSummary } from '../records/field-labels.js';

export const importKinds = ['ods', 'list-sizes', 'pcns', 'qof', 'indicators'] as const;
export type ImportKind = (typeof importKinds)[number];

/** What an import did. When `rejected` > 0 nothing was written. */
export interface ImportReport {
  kind: ImportKind;
  file: string;
  referenceDate: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rows left out on purpose (e.g. unknown practices when asked to skip them), listed in `notes`. */
  skipped: number;
  errors: Problem[];
  notes: string[];
  /**
   * Every practice the file names that the registry does not hold, in code order: why it was
   * refused (with `rejected`), or what was left out (with `skipped`). Pages and the text report
   * name the first few and count the rest; `--format json` gives them all.
   */
  practicesNotInRegistry?: string[];
}

export interface ImportOptions {
  /** Import the rows of known practices and list the others, instead of rejecting the file. */
  skipUnknown?: boolean;
  /** The date the file describes, when it cannot be read from the file itself (ODS files carry none). */
  asOf?: string;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export function emptyReport(kind: ImportKind, file: string, referenceDate: string | null = null): ImportReport {
  return { kind, file, referenceDate, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, errors: [], notes: [] };
}

export function rejectedReport(kind: ImportKind, file: string, problems: Problem[], referenceDate: string | null = null): ImportReport {
  // A date that could not be read is no date: null, never "".
  return { ...emptyReport(kind, file, referenceDate || null), rejected: rejectedRows(problems) || 1, errors: problems };
}

/** "3 rows rejected; nothing was imported", "6,209 practices not in the registry; …", or the file refused as a whole (wrong kind, header, empty). */
export function rejectionSummary(report: ImportReport): string {
  const unknown = report.practicesNotInRegistry?.length;
  if (unknown) return `${unknown === 1 ? '1 practice' : `${formatCount(unknown)} practices`} not in the registry; nothing was imported`;
  const rows = rejectedRows(report.errors);
  return rows === 0 ? 'the file was refused; nothing was imported' : `${rows === 1 ? '1 row' : `${formatCount(rows)} rows`} rejected; nothing was imported`;
}

/** How an import's job ends: failed where anything was rejected (nothing was written), and the sentence the imports page shows. */
export const importOutcome = (report: ImportReport): { failed: boolean; message: string } =>
  report.rejected > 0 ? { failed: true, message: rejectionSummary(report) } : { failed: false, message: importCounts(report) };

/**
 * A file naming practices the registry does not hold, refused. In date order this is ordinary: a
 * list-size or PCN file names practices opened after the latest ODS file imported. Each row is a
 * problem (all of them to download); `practicesNotInRegistry` lets the page and the command line
 * say it in one sentence with their own way on (a box to tick, --skip-unknown).
 */
/** A row naming a practice the registry lacks; `file` where the row is more than the file (a workbook's sheet: "ePCN.xlsx [PCN Core Partner Details]"). */
type UnknownPracticeRow = { line?: number; column?: string | number; code: string; file?: string };

/** A problem for each row naming a practice the registry does not hold. */
export const unknownPracticeProblems = (file: string, unknown: readonly UnknownPracticeRow[]): Problem[] =>
  unknown.map((u) => ({ file: u.file ?? file, line: u.line, column: u.column, message: `practice ${u.code} is not in the registry; import an ODS file that includes it first` }));

/** A file's row problems and its rows naming practices the registry lacks, in one list in line order: every problem in one report. */
export const withUnknownPractices = (file: string, problems: readonly Problem[], unknown: readonly UnknownPracticeRow[]): Problem[] =>
  [...problems, ...unknownPracticeProblems(file, unknown)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

export function unknownPracticesReport(kind: ImportKind, file: string, unknown: UnknownPracticeRow[], referenceDate: string | null): ImportReport {
  const report = rejectedReport(kind, file, unknownPracticeProblems(file, unknown), referenceDate);
  return { ...report, practicesNotInRegistry: distinctCodes(unknown.map((u) => u.code)) };
}

/** Rows of practices not in the registry, left out as asked: counted, summarised in a note, and every code kept. */
export function skipPracticesNotInRegistry(report: ImportReport, skippedRows: number, codes: readonly string[], rows: readonly [string, string] = ['row', 'rows']): void {
  if (!skippedRows) return;
  const practices = distinctCodes(codes);
  report.skipped += skippedRows;
  report.notes.push(skippedPracticesNote(skippedRows, rows, practices));
  report.practicesNotInRegistry = practices;
}

const distinctCodes = (codes: readonly string[]) => [...new Set(codes)].sort();

/** "1 practice already holds facts newer than this file (…); it was left as it is", or "3 practices … they were". */
export function olderNote(count: number, things: [string, string], facts: string): string {
  return count === 1 ? `1 ${things[0]} already holds ${facts}; it was left as it is.` : `${formatCount(count)} ${things[1]} already hold ${facts}; they were left as they are.`;
}

/** Values equal for change detection: null and undefined alike, dates compared as text. */
export const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

/**
 * The audit rows an import leaves: one for each record it changed, its summary saying which import
 * did it ("Changed status and close date, by ODS import epraccur.csv", so a practice's history tells
 * a file's change from a person's), and the import's own row (`importAuditEntry`).
 */
export function importAuditRows(report: ImportReport, what: string, changes: readonly AuditEntry[], extra: Parameters<typeof importAuditEntry>[2] = {}): AuditEntry[] {
  const byImport = (e: AuditEntry): AuditEntry => ({ ...e, summary: `${changeSummary(e.recordType, e.before, e.after)}, by ${what} ${report.file}` });
  return [...changes.map(byImport), importAuditEntry(report, what, extra)];
}

/** The audit row an import leaves: what it did, under the file's name, with counts in the summary. */
export function importAuditEntry(report: ImportReport, what: string, extra: { after?: Record<string, unknown>; summaryTail?: string } = {}): AuditEntry {
  return {
    recordType: 'import',
    recordId: report.file,
    action: 'import',
    after: { ...report, errors: undefined, ...extra.after },
    summary: `${what} ${report.file}: ${importCounts(report)}${extra.summaryTail ?? ''}`,
  };
}
