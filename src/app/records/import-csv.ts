import { AppError, invalid, type Problem } from '../../domain/errors.js';
import { csvText, noRowsProblem } from '../../domain/registry/index.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import type { AnyRecordType } from './record-type.js';
import { insertPrepared } from './records.js';
import { zodProblems } from './zod-problems.js';
import { parseCsv } from '../../domain/schemes/tabular-input.js';

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Creates records from a CSV file: a header row naming the fields (by their key, e.g. practiceCode,
 * or their column header, e.g. "ODS code"), one record a row. Every row is checked; if any is
 * wrong, nothing is written and every problem is reported with its line and column, at once.
 */
export async function importRecordsCsv(ctx: AppContext, type: AnyRecordType, file: { name: string; content: Uint8Array }) {
  authorize(ctx.actor, type.name, 'import');
  if (type.importCsv) return type.importCsv(ctx, file);
  // The one CSV reader: an unclosed quote, a row with more fields than the header or a file cut
  // short part-way through a row is refused, and each row keeps the line it starts on.
  const { header, rows } = parseCsv(csvText(file), file.name);
  if (!rows.length) throw invalid(`${file.name} has no rows`, [noRowsProblem(file.name)]);
  const shape = (type.createSchema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const keyByName = new Map<string, string>();
  for (const key of Object.keys(shape)) keyByName.set(normalise(key), key);
  for (const [key, field] of Object.entries(type.fields)) if (key in shape) keyByName.set(normalise(field.header), key);
  const problems: Problem[] = [];
  const keys = header.map((h, i) => {
    const key = keyByName.get(normalise(h));
    if (!key) problems.push({ file: file.name, line: 1, column: i + 1, message: `unknown column "${h}"; expected ${Object.keys(shape).join(', ')}` });
    return key;
  });
  if (problems.length) throw invalid(`${file.name} has columns atscale does not know`, problems);

  const inputs: Record<string, unknown>[] = [];
  rows.forEach(({ cells, line }) => {
    if (cells.length !== header.length) {
      problems.push({ file: file.name, line, message: `expected ${header.length} fields, found ${cells.length}` });
      return;
    }
    const raw: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      const cell = cells[i]!.trim();
      if (key && cell !== '') raw[key] = /^(true|yes)$/i.test(cell) ? true : /^(false|no)$/i.test(cell) ? false : cell;
    });
    const result = type.createSchema.safeParse(raw);
    if (!result.success) problems.push(...zodProblems(result.error, { file: file.name, line }).map((p) => ({ ...p, column: columnLabel(header, keys, p.column) })));
    else inputs.push({ ...(result.data as object), __line: line });
  });
  // Rows that could not be read are reported with what the record's rules say of the others, in
  // line order, so a file is put right in one go rather than problem by problem.
  if (!inputs.length && problems.length) throw refusedImport(file.name, problems);

  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never };
    // Row by row in the file's order, so each row is checked against those above it (two rows that
    // overlap; a locality membership below its practice's federation membership); any problem undoes all.
    let inserted = 0;
    for (const { __line: line, ...input } of inputs) {
      try {
        inserted += (await insertPrepared(txCtx, type, [input])).length;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // A row the record's rules refuse for several reasons is listed once for each.
        const found = error.problems.length > 1 ? error.problems : [{ field: error.problems[0]?.field, message: error.message }];
        problems.push(...found.map((p) => ({ file: file.name, line: line as number, column: p.field ? columnLabel(header, keys, p.field) : undefined, message: p.message })));
      }
    }
    if (problems.length) throw refusedImport(file.name, problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
    return { inserted, updated: 0, unchanged: 0, rejected: 0, errors: [] as Problem[] };
  });
}

/** "members.csv: 1 problem; nothing was imported" (or "3 problems"). */
export const refusedImport = (file: string, problems: Problem[]) => invalid(`${file}: ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}; nothing was imported`, problems);

function columnLabel(header: readonly string[], keys: (string | undefined)[], field: string | number | undefined): string | number | undefined {
  if (typeof field !== 'string') return field;
  const index = keys.indexOf(field.split('.')[0]);
  return index >= 0 ? `${index + 1} (${header[index]})` : field;
}
