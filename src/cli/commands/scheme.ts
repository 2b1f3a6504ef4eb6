import { writeOutputFile } from '../write-output.js';
import type { Command } from 'commander';
import { reportTableColumns, type ReportFormat } from '../../app/export/report-table-columns.js';
import { toCsv, toTextTable, toXlsx } from '../../app/export/tabular.js';
import { AppError } from '../../domain/errors.js';
import { basisDescriptions } from '../../domain/schemes/apportion.js';
import { findPractice } from '../../domain/schemes/practices.js';
import type { ReportRow, ReportTable } from '../../domain/schemes/report-columns.js';
import { schemeReportTables } from '../../domain/schemes/report-tables.js';
import { runScheme, type SchemeRun } from '../../domain/schemes/run-scheme.js';
import type { SchemeDefinition } from '../../domain/schemes/scheme-definition.js';
import { formatStatement } from '../../domain/schemes/statement.js';
import { displayPath } from '../read-input.js';
import { loadSchemeRunInput } from './scheme-files.js';
import { formatOption } from '../output.js';

interface RunOptions {
  delivered?: string;
  handSchedule?: string;
  reallocateDeclined?: boolean;
  format: ReportFormat;
  table?: string;
  out?: string;
}

function heading(definition: SchemeDefinition, run: SchemeRun): string {
  const a = run.allocation;
  const over = a.per === 'week' ? 'a week' : a.weeks ? `over ${a.weeks} weeks` : 'over the scheme';
  const years = definition.period.financialYears ? `; financial years ${definition.period.financialYears.join(', ')}` : '';
  const lines = [
    `${run.scheme.name} (version ${run.scheme.version})`,
    `Funder: ${run.scheme.funder}`,
    `${a.quantity.toLocaleString('en-GB')} ${a.unitLabel} ${over}, shared ${basisDescriptions[a.basis]} among ${a.rows.length} practices${a.listSizeTotal !== null ? ` (combined list ${a.listSizeTotal.toLocaleString('en-GB')})` : ''}${years}`,
  ];
  return `${lines.join('\n')}\n`;
}

function section(table: ReportTable, rows: readonly ReportRow[] = table.rows): string {
  return `\n${table.title}\n\n${toTextTable(rows, reportTableColumns(table, 'table'))}`;
}

/** The table format: the per-practice overview, then the summary, footing notes and whatever else the scheme has. */
function renderText(definition: SchemeDefinition, run: SchemeRun, tables: ReportTable[]): string {
  const byName = new Map(tables.map((t) => [t.name, t]));
  let out = heading(definition, run);
  out += section(byName.get('overview')!);
  out += section(byName.get('summary')!);
  out += `\nFooting notes: every TOTAL follows the rule "${definition.rounding.totals}": ${run.footing[0]?.totalsRule ?? ''}.\nWhere the rounded rows do not add up to the TOTAL, the difference is shown.\n\n${run.footing.map((f) => `- ${f.note}`).join('\n')}\n`;
  const schedule = byName.get('schedule');
  if (schedule) out += section(schedule);
  if (run.year1Schedule) out += `\n(The other schedule, ${run.year1Schedule.basis.label}, for each practice: --table contributions_year_1_cost.)\n`;
  const differences = byName.get('differences');
  if (differences && run.differences) {
    out += section(differences, differences.rows.filter((r) => r.scope !== 'practice_year'));
    out += `\n${run.differences.summary}\n(Each practice in each year: --table differences.)\n`;
  }
  const reallocation = byName.get('reallocation');
  if (reallocation) out += section(reallocation);
  const warnings = byName.get('warnings');
  if (warnings) out += section(warnings);
  return out;
}

function pickTable(tables: ReportTable[], name: string): ReportTable {
  const table = tables.find((t) => t.name === name);
  if (!table) throw new AppError('invalid', `This scheme run has no "${name}" table; it has: ${tables.map((t) => t.name).join(', ')}`);
  return table;
}

function emit(content: string | Buffer, out: string | undefined): void {
  if (out) {
    writeOutputFile(out, content);
    process.stderr.write(`atscale: wrote ${out}\n`);
  } else process.stdout.write(content);
}

async function runCommand(schemeFile: string, options: RunOptions): Promise<void> {
  const input = loadSchemeRunInput(schemeFile, options);
  const run = runScheme(input);
  const tables = schemeReportTables(run, input.definition);
  const warnings = run.warnings.filter((w) => w.severity === 'warning').length;
  switch (options.format) {
    case 'json':
      emit(`${JSON.stringify(options.table ? pickTable(tables, options.table).rows : run, null, 2)}\n`, options.out);
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
      emit(options.table ? section(pickTable(tables, options.table)) : renderText(input.definition, run, tables), options.out);
  }
  if (options.format !== 'table' && warnings > 0) process.stderr.write(`atscale: ${warnings} warning${warnings === 1 ? '' : 's'} (${whereWarningsAre(options)})\n`);
}

/** Where the output just written shows the warnings, or how to see them when it does not. */
function whereWarningsAre(options: RunOptions): string {
  if (options.table === 'warnings') return 'listed in the output';
  if (options.format === 'json' && !options.table) return 'see "warnings" in the output';
  if (options.format === 'xlsx' && !options.table) return 'see the warnings sheet';
  return 'list them with --table warnings';
}

export function registerSchemeCommands(program: Command): void {
  const scheme = program.command('scheme').description('Schemes funded per head: allocation by list share, payments on delivery, multi-year cost sharing');

  scheme
    .command('run')
    .description('Run a scheme from its YAML file (no database needed): allocation, payments, schedule, differences')
    .argument('<scheme-file>', 'the scheme file, e.g. examples/schemes/winter-access-2017-18.yaml')
    .option('--delivered <csv>', 'delivered activity (one row per practice); replaces the file the scheme names')
    .option('--hand-schedule <csv>', 'a hand-entered schedule to check against the cost model; replaces the one the scheme names')
    .option('--reallocate-declined', 'share out the allocation of practices whose return says they did not take part')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table'))
    .option('--table <name>', 'one table only: overview, allocation, payments, summary, footing, schedule, contributions, contributions_year_1_cost, differences, reallocation, statements, warnings')
    .option('--out <file>', 'write to a file instead of standard output (needed for xlsx)')
    .action((schemeFile: string, options: RunOptions) => runCommand(schemeFile, options));

  scheme
    .command('validate')
    .description('Check a scheme file and the files it names, without printing results')
    .argument('<scheme-file>')
    .action((schemeFile: string) => {
      const input = loadSchemeRunInput(schemeFile);
      runScheme(input);
      process.stdout.write(`${displayPath(schemeFile)}: valid (${input.definition.name}, version ${input.definition.version}, ${input.practices.length} practices)\n`);
    });

  scheme
    .command('statement')
    .description("Print one practice's statement")
    .argument('<scheme-file>')
    .requiredOption('--practice <name-or-ods-code>', 'the practice, by ODS code or name')
    .option('--delivered <csv>', 'delivered activity; replaces the file the scheme names')
    .action((schemeFile: string, options: { practice: string; delivered?: string }) => {
      const input = loadSchemeRunInput(schemeFile, options.delivered ? { delivered: options.delivered } : {});
      const practice = findPractice(input.practices, options.practice);
      const statement = practice && runScheme(input).statements.find((s) => s.practiceKey === practice.key);
      if (!statement) throw new AppError('not_found', `Practice "${options.practice}" is not taking part in ${input.definition.name}`);
      process.stdout.write(formatStatement(statement));
    });

}
