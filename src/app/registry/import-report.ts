import type { Problem } from '../../domain/errors.js';
import type { AuditEntry } from '../audit.js';

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
  return { ...emptyReport(kind, file, referenceDate), rejected: new Set(problems.map((p) => p.line ?? p.message)).size, errors: problems };
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
    summary: `${what} ${report.file}: ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged${extra.summaryTail ?? ''}`,
  };
}
