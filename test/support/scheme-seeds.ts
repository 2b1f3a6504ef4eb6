import { AppError, type Problem } from '../../src/domain/errors.js';
/**
 * Factories and real-data loaders for the scheme tests. Imported by *.test.ts files only: it reads
 * files, which the scheme rules themselves never do.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { readDeliveredTable } from '../../src/domain/schemes/delivered.js';
import { readHandScheduleTable } from '../../src/domain/schemes/hand-schedule.js';
import { readPracticeTable, type SchemePractice } from '../../src/domain/schemes/practices.js';
import type { SchemeRunInput } from '../../src/domain/schemes/run-scheme.js';
import { parseSchemeDefinition, type SchemeDefinition, type SchemeDefinitionInput } from '../../src/domain/schemes/scheme-definition.js';
import { parseCsv, type TabularInput } from '../../src/domain/schemes/tabular-input.js';

/** The seeds' figures, kept outside the repository (../shared/data/elr). */
export const ELR_DATA = fileURLToPath(new URL('../../../shared/data/elr/', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../../examples/schemes/', import.meta.url));

export function readTable(path: string, file = path.split('/').pop()!): TabularInput {
  return parseCsv(readFileSync(path, 'utf8'), file);
}

/** A CSV as records keyed by header, e.g. the golden winter-access-2017-18-expected.csv. */
export function readRecords(path: string): Record<string, string>[] {
  const table = readTable(path);
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row.cells[i] ?? ''])));
}

export function loadExampleDefinition(name: string): SchemeDefinition {
  return parseSchemeDefinition(parseYaml(readFileSync(`${EXAMPLES}${name}.yaml`, 'utf8')), `${name}.yaml`);
}

/** Loads an example scheme with the files it names, as the CLI does. */
export function loadExample(name: string): SchemeRunInput {
  const definition = loadExampleDefinition(name);
  if (!definition.practices || Array.isArray(definition.practices)) throw new Error('the examples keep their practices in a CSV');
  const practices = readPracticeTable(readTable(`${EXAMPLES}${definition.practices.file}`));
  const delivered = definition.delivered ? readDeliveredTable(readTable(`${EXAMPLES}${definition.delivered.file}`), practices, definition) : null;
  const handFile = definition.handSchedule?.file;
  const handSchedule = handFile
    ? { label: definition.handSchedule!.label, description: null, entries: readHandScheduleTable(readTable(`${EXAMPLES}${handFile}`), practices, definition) }
    : null;
  return { definition, practices, delivered, handSchedule };
}

let counter = 0;

export function makePractice(overrides: Partial<SchemePractice> = {}): SchemePractice {
  counter += 1;
  const name = overrides.name ?? `Practice ${counter}`;
  return { key: overrides.odsCode ?? name, name, listSize: 10_000, participation: 'yes', ...overrides };
}

/** A small valid scheme definition; override any top-level field. */
export function makeDefinition(overrides: Partial<SchemeDefinitionInput> = {}): SchemeDefinition {
  return parseSchemeDefinition({
    version: 1,
    name: 'Test scheme',
    funder: 'Test CCG',
    period: { weeks: 8 },
    listSnapshot: { date: '2018-01-01' },
    apportionment: { basis: 'list_size' },
    shared: { unit: 'appointments', quantity: 100 },
    deliveryModels: [
      { id: 'nurse', name: 'Nurse', unitsPerHour: 4, hourlyRate: 50 },
      { id: 'gp', name: 'GP', unitsPerHour: 6, hourlyRate: 95 },
    ],
    ...overrides,
  });
}

/** A table as a test writes it: a header line and rows, as CSV text. */
export function csv(file: string, text: string): TabularInput {
  return parseCsv(text.replace(/^\n/, ''), file);
}

/** The problems an AppError carries, or [] when `run` succeeds: for tables of bad input. */
export function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.problems;
    throw error;
  }
  return [];
}
