import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

/** Where the demo's data files live (demo/ at the project root). */
export const demoFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../demo');

/** A demo CSV (under demo/) as rows keyed by its header. */
export const readDemoCsv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(demoFolder, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
