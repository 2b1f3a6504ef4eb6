import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { projectRoot } from '../../project-root.js';

/** Where the demo's data files live (demo/ at the project root). */
export const demoFolder = join(projectRoot, 'demo');

/** A demo CSV (under demo/) as rows keyed by its header. */
export const readDemoCsv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(demoFolder, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
