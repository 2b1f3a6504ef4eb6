import { reportTableColumns, type ReportFormat } from '../../app/export/report-table-columns.js';
import { toCsv, toTextTable, toXlsx } from '../../app/export/tabular.js';
import { AppError } from '../../domain/errors.js';
import type { ReportRow, ReportTable } from '../../domain/schemes/report-columns.js';
import type { SchemeRun } from '../../domain/schemes/run-scheme.js';
import type { SchemeDefinition } from '../../domain/schemes/scheme-definition.js';
import { writeOutputFile } from '../write-output.js';

/**
 * How the scheme commands write a scheme's report tables, whether worked out from a YAML file
 * (`scheme run`) or kept in atscale (`scheme show`): the same tables in the same formats.
 */
export interface ReportOutputOptions {
  format: ReportFormat;
  table?: string;
  out?: string;
}

export function section(table: ReportTable, rows: readonly ReportRow[] = table.rows): string {
  return `\n${table.title}\n\n${toTextTable(rows, reportTableColumns(table, 'table'))}`;
}

function pickTable(tables: ReportTable[], name: string): ReportTable {
  const table = tables.find((t) => t.name === name);
  if (!table) throw new AppError('invalid', `This scheme run has no "${name}" table; it has: ${tables.map((t) => t.name).join(', ')}`);
  return table;
}

export function emit(content: string | Buffer, out: string | undefined): void {
  if (out) {
    writeOutputFile(out, content);
    process.stderr.write(`atscale: wrote ${out}\n`);
  } else process.stdout.write(content);
}

/** The parts of the table format after a scheme's heading, in the order a command gives them: report tables by name, or the footing notes. */
export type TextPart = ReportTable['name'] | 'footing_notes';

/**
 * The table format's body: each part in turn, where the scheme has it. The differences show the
 * scheme and each year (each practice's are a --table away); the other contributions schedule is
 * named after the last of the schedule and contributions, with how to see it.
 */
export function renderParts(definition: SchemeDefinition, run: SchemeRun, tables: ReportTable[], parts: readonly TextPart[]): string {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const otherScheduleAfter = parts.includes('contributions') && byName.has('contributions') ? 'contributions' : 'schedule';
  let out = '';
  for (const part of parts) {
    if (part === 'footing_notes') {
      out += `\nFooting notes: every TOTAL follows the rule "${definition.rounding.totals}": ${run.footing[0]?.totalsRule ?? ''}.\nWhere the rounded rows do not add up to the TOTAL, the difference is shown.\n\n${run.footing.map((f) => `- ${f.note}`).join('\n')}\n`;
      continue;
    }
    const table = byName.get(part);
    if (!table) continue;
    if (part === 'differences' && run.differences) {
      out += section(table, table.rows.filter((r) => r.scope !== 'practice_year'));
      out += `\n${run.differences.summary}\n(Each practice in each year: --table differences.)\n`;
    } else out += section(table);
    if (part === otherScheduleAfter && run.year1Schedule) out += `\n(The other schedule, ${run.year1Schedule.basis.label}, for each practice: --table contributions_year_1_cost.)\n`;
  }
  return out;
}

/**
 * Writes a run in the chosen format: the table format as `text` gives it, or one table (--table);
 * CSV one table (the overview unless --table names another); JSON `whole` (or one table's rows);
 * XLSX every table, a sheet each. In a format that does not list them, the warnings are counted on
 * standard error, with where to find them.
 */
export async function writeSchemeReport(tables: ReportTable[], run: SchemeRun, options: ReportOutputOptions, whole: unknown, text: () => string): Promise<void> {
  switch (options.format) {
    case 'json':
      emit(`${JSON.stringify(options.table ? pickTable(tables, options.table).rows : whole, null, 2)}\n`, options.out);
      break;
    case 'csv': {
      const table = pickTable(tables, options.table ?? 'overview');
      emit(toCsv(table.rows, reportTableColumns(table, 'csv')), options.out);
      break;
    }
    case 'xlsx': {
      if (!options.out) throw new AppError('invalid', '--format xlsx needs --out <file.xlsx>');
      const chosen = options.table ? [pickTable(tables, options.table)] : tables;
      emit(await toXlsx(chosen.map((t) => ({ name: t.name, rows: t.rows, columns: reportTableColumns(t, 'xlsx') }))), options.out);
      break;
    }
    default:
      emit(options.table ? section(pickTable(tables, options.table)) : text(), options.out);
  }
  const warnings = run.warnings.filter((w) => w.severity === 'warning').length;
  if (options.format !== 'table' && warnings > 0) process.stderr.write(`atscale: ${warnings} warning${warnings === 1 ? '' : 's'} (${whereWarningsAre(options)})\n`);
}

/** Where the output just written shows the warnings, or how to see them when it does not. */
function whereWarningsAre(options: ReportOutputOptions): string {
  if (options.table === 'warnings') return 'listed in the output';
  if (options.format === 'json' && !options.table) return 'see "warnings" in the output';
  if (options.format === 'xlsx' && !options.table) return 'see the warnings sheet';
  return 'list them with --table warnings';
}

/** The --table option's help: every report table a scheme may have. */
export const tableNamesHelp = 'one table only: overview, allocation, payments, summary, footing, schedule, contributions, contributions_year_1_cost, differences, reallocation, statements, warnings';
