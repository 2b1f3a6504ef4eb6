import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { projectRoot } from '../../project-root.js';

/** Where the demo's data files live (demo/ at the project root). */
export const demoFolder = join(projectRoot, 'demo');

/**
 * A demo CSV (under demo/) as rows keyed by its header. A row with more or fewer cells than the
 * header (an unquoted comma in "£33,000") is an error in the project's own files, not a row to cut short.
 */
export function readDemoCsv(name: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(demoFolder, name), 'utf8'), { header: true, skipEmptyLines: true, delimiter: ',' });
  const [problem] = parsed.errors;
  if (problem) throw new Error(`demo/${name} line ${(problem.row ?? 0) + 2}: ${problem.message}`);
  return parsed.data;
}
