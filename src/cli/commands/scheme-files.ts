import { dirname, resolve } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { AppError, type Problem } from '../../domain/errors.js';
import { readDeliveredTable } from '../../domain/schemes/delivered.js';
import { readHandScheduleTable, type HandSchedule } from '../../domain/schemes/hand-schedule.js';
import { readPracticeTable, toSchemePractices, type SchemePractice } from '../../domain/schemes/practices.js';
import type { SchemeRunInput } from '../../domain/schemes/run-scheme.js';
import { problemsFromZod, schemeDefinitionSchema, type SchemeDefinition } from '../../domain/schemes/scheme-definition.js';
import { parseCsv, type TabularInput } from '../../domain/schemes/tabular-input.js';
import { displayPath, readInputText } from '../read-input.js';

/**
 * Reading a scheme from files: the YAML scheme file and the CSVs it names beside it. This is the
 * only place the scheme command touches the disk; everything it reads goes to the pure rules in
 * src/domain/schemes, which report problems with the file, line and column given here.
 */

export function readCsvFile(path: string): TabularInput {
  return parseCsv(readInputText(path), displayPath(path));
}

/** Finds the line and column of a field in the YAML, for zod's problems (e.g. `deliveryModels.1.hourlyRate`). */
function locateField(doc: Document, counter: LineCounter, field: string | undefined): { line?: number; column?: number } {
  const path = (field ?? '').split('.').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  // A missing field has no node: fall back to its nearest parent that is in the file.
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const start = isNode(node) ? node.range?.[0] : undefined;
    if (start !== undefined) {
      const pos = counter.linePos(start);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

/** Reads and validates a scheme file, naming the line and column of each problem. */
export function readSchemeFile(path: string): SchemeDefinition {
  const file = displayPath(path);
  const counter = new LineCounter();
  const doc = parseDocument(readInputText(path), { lineCounter: counter });
  if (doc.errors.length) {
    const problems: Problem[] = doc.errors.map((e) => ({ file, ...(e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}), message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }));
    throw new AppError('invalid', `${file} is not valid YAML`, { problems });
  }
  const value: unknown = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError('invalid', `The scheme file ${file} is not valid`, { problems: [{ file, line: 1, column: 1, message: 'a scheme file is a set of fields (name:, funder:, period: and so on), one a line, not a single value or a list' }] });
  }
  const parsed = schemeDefinitionSchema.safeParse(value);
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error, file).map((p) => ({ ...p, ...locateField(doc, counter, p.field) }));
    throw new AppError('invalid', `The scheme file ${file} is not valid`, { problems });
  }
  return parsed.data;
}

export interface SchemeFileOptions {
  /** A delivered-activity CSV that replaces the one the scheme file names. */
  delivered?: string;
  /** A hand-schedule CSV that replaces the one the scheme file names. */
  handSchedule?: string;
  reallocateDeclined?: boolean;
}

/** Loads everything a file-only run needs: the scheme, its practice table, delivered activity and hand schedule. */
export function loadSchemeRunInput(schemePath: string, options: SchemeFileOptions = {}): SchemeRunInput {
  const definition = readSchemeFile(schemePath);
  const beside = (file: string) => resolve(dirname(schemePath), file);
  if (!definition.practices) {
    throw new AppError('invalid', `${displayPath(schemePath)} names a list snapshot but no practices; a file-only run needs a practice table`, {
      problems: [{ file: displayPath(schemePath), field: 'practices', message: 'add practices: { file: practices.csv } or run the scheme from the database' }],
    });
  }
  const practices: SchemePractice[] = Array.isArray(definition.practices)
    ? toSchemePractices(definition.practices, definition.practices.map((_, i) => ({ file: displayPath(schemePath), field: `practices.${i}` })))
    : readPracticeTable(readCsvFile(beside(definition.practices.file)));
  const deliveredPath = options.delivered ? resolve(options.delivered) : definition.delivered ? beside(definition.delivered.file) : null;
  const delivered = deliveredPath ? readDeliveredTable(readCsvFile(deliveredPath), practices, definition) : null;
  const handPath = options.handSchedule ? resolve(options.handSchedule) : definition.handSchedule?.file ? beside(definition.handSchedule.file) : null;
  let handSchedule: HandSchedule | null = null;
  if (handPath) {
    const label = definition.handSchedule?.label ?? `Hand schedule ${displayPath(handPath)}`;
    handSchedule = { label, description: definition.handSchedule?.description ?? null, entries: readHandScheduleTable(readCsvFile(handPath), practices, definition) };
  }
  return { definition, practices, delivered, handSchedule, reallocateDeclined: options.reallocateDeclined ?? false };
}
