import type { Problem } from '../../domain/errors.js';
import type { Actor } from '../context.js';
import { type Column, toCsvFile } from '../export/tabular.js';
import type { JobRunner } from './jobs.js';

const problemColumns: Column<Problem>[] = [
  { header: 'File', value: (p) => p.file },
  { header: 'Line', value: (p) => p.line, numeric: true },
  { header: 'Column', value: (p) => p.column },
  { header: 'Field', value: (p) => p.field },
  { header: 'Problem', value: (p) => p.message },
];

/** The problems that stopped a job (a rejected file's rows, or the job's own failure), every one of them. */
export function problemsOf(result: Record<string, unknown> | null): Problem[] {
  return ((result?.errors ?? result?.problems ?? []) as Problem[]).filter((p) => p && typeof p.message === 'string');
}

/**
 * A rejected import's problems as a CSV to download and work through: the page lists the first of
 * them, this file has them all, with file, line and column as the page gives them.
 */
export async function jobProblemsCsv(jobs: JobRunner, actor: Actor, jobId: string): Promise<{ fileName: string; content: string }> {
  const job = await jobs.get(actor, jobId);
  const stem = (job.fileName ?? 'import').replace(/\.[^.]*$/, '');
  return { fileName: `${stem}-problems.csv`, content: toCsvFile(problemsOf(job.result), problemColumns) };
}
