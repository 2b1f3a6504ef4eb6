import { type Problem, rejectedRows } from '../../domain/errors.js';
import type { AuditEntry } from '../audit.js';
import { importCounts } from '../../domain/words.js';

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

/** "3 rows rejected; nothing was imported", or the file refused as a whole (wrong kind, header, empty). */
export function rejectionSummary(report: ImportReport): string {
  const rows = rejectedRows(report.errors);
  return rows === 0 ? 'the file was refused; nothing was imported' : `${rows === 1 ? '1 row' : `${rows} rows`} rejected; nothing was imported`;
}

/**
 * A file naming practices the registry does not hold, refused with the way on. In date order this
 * is ordinary: a list-size or PCN file names practices opened after the latest ODS file imported.
 */
export function unknownPracticesReport(kind: ImportKind, file: string, unknown: { line?: number; column: string; code: string }[], referenceDate: string | null): ImportReport {
  const report = rejectedReport(kind, file, unknown.map((u) => ({ file, line: u.line, column: u.column, message: `practice ${u.code} is not in the registry; import an ODS file that includes it first` })), referenceDate);
  const practices = new Set(unknown.map((u) => u.code)).size;
  report.notes.push(
    `${practices === 1 ? '1 practice' : `${practices} practices`} in this file ${practices === 1 ? 'is' : 'are'} not in the registry (often one opened after the latest ODS file imported). Import an ODS file that includes ${practices === 1 ? 'it' : 'them'} first, or import again skipping practices not in the registry (the 'Skip practices not in the registry' box on the imports page, --skip-unknown on the command line) to import the other rows and list ${practices === 1 ? 'it' : 'them'}.`,
  );
  return report;
}

/** "1 practice already holds facts newer than this file (…); it was left as it is", or "3 practices … they were". */
export function olderNote(count: number, things: [string, string], facts: string): string {
  return count === 1 ? `1 ${things[0]} already holds ${facts}; it was left as it is.` : `${count} ${things[1]} already hold ${facts}; they were left as they are.`;
}

/** Values equal for change detection: null and undefined alike, dates compared as text. */
export const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

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
