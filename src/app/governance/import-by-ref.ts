import { and, eq, sql } from 'drizzle-orm';
import { AppError, invalid, type Problem } from '../../domain/errors.js';
import { csvText, noRowsProblem } from '../../domain/registry/index.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import type { AnyRecordType, CsvImportReport } from '../records/record-type.js';
import { insertPrepared } from '../records/records.js';
import { zodProblems } from '../records/zod-problems.js';
import { parseCsv } from '../../domain/schemes/tabular-input.js';
import { downloadLayout, rowFromDownload } from '../records/read-download.js';

/** How one register's CSV layout (e.g. the ELR seed's risks.csv) becomes record inputs. */
export interface RegisterLayout {
  /** Columns the file must have, as its header names them. */
  columns: string[];
  /** The input field each CSV column fills, so a problem names the column the person sees. */
  columnOf: Record<string, string>;
  /** Columns read from another field of the record type's download (an action's `update` from its "Latest update"). */
  alsoFrom?: Record<string, string>;
  /** The record's input from one row; problems for cells that cannot be read. */
  toInput(row: Record<string, string>, ctx: AppContext): Promise<{ input: Record<string, unknown>; problems: { column: string; message: string }[] }>;
  /** Writes what lives beside a row once it is saved (e.g. an action's first update); true when it changed something. */
  afterRow?(ctx: AppContext, id: number, row: Record<string, string>): Promise<boolean>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Imports a register keyed by `ref`: new refs are created, changed ones updated (with audit and
 * whatever the record keeps beside), identical ones left alone, so importing the same file again
 * changes nothing. A kept record takes the file's filled cells; its blank ones leave it as it is.
 * Every row is checked; one problem anywhere and nothing is written.
 */
export async function importByRef(ctx: AppContext, type: AnyRecordType, file: { name: string; content: Uint8Array }, layout: RegisterLayout): Promise<CsvImportReport> {
  const table = parseCsv(csvText(file), file.name);
  const fields = [...table.header];
  refuseRepeatedColumns(file.name, fields);
  const rowsRead = table.rows.map(({ line, cells }) => ({ line, row: Object.fromEntries(fields.map((h, i) => [h, cells[i] ?? ''])) }));
  // atscale's own download of the register, edited in a spreadsheet, is read under the file's column names.
  const fromDownload = downloadLayout(type, fields, layout);
  const header = fromDownload ? fields.map((h) => fromDownload.get(h)?.column ?? h) : fields;
  const rows = fromDownload ? rowsRead.map(({ line, row }) => ({ line, row: rowFromDownload(row, fromDownload) })) : rowsRead;
  const missing = layout.columns.filter((c) => !header.includes(c));
  if (missing.length) throw invalid(`${file.name} lacks columns ${missing.join(', ')}`, missing.map((c) => ({ file: file.name, line: 1, message: `no "${c}" column; expected ${layout.columns.join(', ')}` })));
  const columnLabel = (field: string | number | undefined) => {
    const name = layout.columnOf[String(field ?? '').split('.')[0]!] ?? String(field ?? '');
    const index = header.indexOf(name);
    return index >= 0 ? `${index + 1} (${fields[index]})` : name || undefined;
  };
  if (!rows.length) throw invalid(`${file.name} has no rows`, [noRowsProblem(file.name)]);
  const refTable = type.table as never as { ref: never; id: never };
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx as never };
    const problems: Problem[] = [];
    const report: CsvImportReport = { inserted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] };
    const lineOfRef = new Map<string, number>();
    for (const { line, row } of rows) {
      const { input: raw, problems: cellProblems } = await layout.toInput(row, txCtx);
      problems.push(...cellProblems.map((p) => ({ file: file.name, line, column: columnLabel(p.column), message: p.message })));
      const result = type.createSchema.safeParse(raw);
      if (!result.success) {
        problems.push(...zodProblems(result.error, { file: file.name, line }).map((p) => ({ ...p, column: columnLabel(p.column) })));
        continue;
      }
      if (cellProblems.length) continue;
      // Two rows of one reference would be merged into one record, the second's cells over the first's.
      const ref = String((result.data as { ref: unknown }).ref);
      const firstOn = lineOfRef.get(ref);
      if (firstOn !== undefined) {
        problems.push({ file: file.name, line, column: columnLabel('ref'), message: `reference ${ref} appears again (first on line ${firstOn})` });
        continue;
      }
      lineOfRef.set(ref, line);
      try {
        const { id, outcome } = await saveRow(txCtx, type, refTable, result.data as Record<string, unknown>);
        const besideChanged = layout.afterRow ? await layout.afterRow(txCtx, id, row) : false;
        report[outcome === 'unchanged' && besideChanged ? 'updated' : outcome]++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push(...(error.problems.length ? error.problems : [{ message: error.message }]).map((p) => ({ file: file.name, line, column: columnLabel(p.field ?? p.column), message: p.message })));
      }
    }
    if (problems.length) throw invalid(`${file.name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`, problems);
    return report;
  });
}

/** Two columns of one name: which of them a row's value comes from would be a guess. */
function refuseRepeatedColumns(file: string, header: readonly string[]): void {
  const problems = header.flatMap((name, i) => (name !== '' && header.indexOf(name) < i ? [{ file, line: 1, column: i + 1, message: `the column "${name}" appears twice (columns ${header.indexOf(name) + 1} and ${i + 1}): keep one` }] : []));
  if (problems.length) throw invalid(`${file} has a column twice`, problems);
}

type RowOutcome = 'inserted' | 'updated' | 'unchanged';

async function saveRow(ctx: AppContext, type: AnyRecordType, table: { ref: never; id: never }, input: Record<string, unknown>): Promise<{ id: number; outcome: RowOutcome }> {
  // Locked until the import commits, so a web edit saved meanwhile waits instead of being overwritten with a stale "before".
  const [existing] = (await ctx.db.select().from(type.table as never).where(eq(table.ref, input.ref as never)).for('update')) as Record<string, unknown>[];
  if (!existing) {
    const [created] = await insertPrepared(ctx, type, [input]);
    return { id: created!.id as number, outcome: 'inserted' };
  }
  const id = existing.id as number;
  // A blank cell, or a column the file does not have, says nothing of a record already kept: what
  // was set since in atscale (a risk's impact, an action's due date or outcome) stays.
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined && value !== ''));
  const values = await type.prepare(ctx.db, given, existing);
  const changed = Object.entries(values).filter(([key, value]) => !same(existing[key], value));
  if (!changed.length) return { id, outcome: 'unchanged' };
  const before = type.present(existing);
  await ctx.db
    .update(type.table)
    .set({ ...Object.fromEntries(changed), rowVersion: sql`${type.versionColumn} + 1`, updatedAt: new Date() } as never)
    .where(and(eq(table.id, id as never)));
  await type.afterWrite?.(ctx.db, id, given, ctx.actor);
  const [after] = (await ctx.db.select().from(type.table as never).where(eq(table.id, id as never))) as Record<string, unknown>[];
  await recordAudit(ctx.db, ctx.actor, { recordType: type.name, recordId: id, action: 'update', before, after: type.present(after!), summary: 'changed by import' });
  return { id, outcome: 'updated' };
}
