import { formatLongDate } from '../domain/iso-date.js';
import { formatCount } from '../domain/schemes/format-money.js';

/** What every import reports, whichever file it read (NHS files, a work plan, the finance plan, a register). */
export interface ImportCounts {
  file: string;
  /** What the file was read as, where one command imports several kinds ("streams"). */
  kind?: string;
  referenceDate?: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected?: number;
  skipped?: number;
  notes?: readonly string[];
}

/**
 * An import's report as `--format text` prints it, the same for every import: the file, the date
 * it describes ("as at 1 June 2018") and where it went, then its counts as the imports page shows
 * them (Inserted 13,778), then the problems of a rejected file (`problems`, lines already
 * written), and its notes last, so that what to do next is the last thing read.
 *
 *     epraccur-2018-06.csv (as at 1 June 2018) via /srv/atscale/data/pglite
 *       Inserted   13,778
 *       Updated        31
 */
export function importReportLines(report: ImportCounts, via: string, problems: readonly string[] = []): string[] {
  const about = [report.kind, report.referenceDate ? `as at ${formatLongDate(report.referenceDate)}` : undefined].filter(Boolean).join(', ');
  const counts: [string, number | undefined][] = [['Inserted', report.inserted], ['Updated', report.updated], ['Unchanged', report.unchanged], ['Rejected', report.rejected], ['Skipped', report.skipped || undefined]];
  const shown = counts.filter((c): c is [string, number] => c[1] !== undefined).map(([label, n]) => [label, formatCount(n)] as const);
  const width = Math.max(...shown.map(([, n]) => n.length));
  return [`${report.file}${about ? ` (${about})` : ''} via ${via}`, ...shown.map(([label, n]) => `  ${label.padEnd(9)}  ${n.padStart(width)}`), ...problems, ...(report.notes ?? []).map((n) => `  Note: ${n}`)];
}
