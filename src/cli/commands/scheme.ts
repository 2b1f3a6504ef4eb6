import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { basisDescriptions } from '../../domain/schemes/apportion.js';
import { findPractice } from '../../domain/schemes/practices.js';
import { schemeReportTables } from '../../domain/schemes/report-tables.js';
import { runScheme, type SchemeRun } from '../../domain/schemes/run-scheme.js';
import type { SchemeDefinition } from '../../domain/schemes/scheme-definition.js';
import { formatStatement } from '../../domain/schemes/statement.js';
import { poundsAsWritten } from '../../domain/schemes/scheme-terms.js';
import { displayPath } from '../read-input.js';
import { loadSchemeRunInput } from './scheme-files.js';
import { formatOption, type OutputFormat } from '../output.js';
import { listSchemes, printStoredStatement, showScheme, type ShowOptions } from './scheme-stored.js';
import { addSettlementCommands } from './scheme-settle.js';
import { renderParts, type ReportOutputOptions, tableNamesHelp, type TextPart, writeSchemeReport } from './scheme-report-output.js';

interface StatementOptions {
  practice: string;
  delivered?: string;
  version?: string;
  format: 'text' | 'json';
}

/** `scheme statement 3`: a whole number names a scheme kept in atscale; anything else is a scheme file. */
const storedSchemeId = /^\s*\d+\s*$/;

interface RunOptions extends ReportOutputOptions {
  delivered?: string;
  handSchedule?: string;
  reallocateDeclined?: boolean;
}

function heading(definition: SchemeDefinition, run: SchemeRun): string {
  const a = run.allocation;
  const over = a.per === 'patient' ? 'for each registered patient' : a.per === 'week' ? 'a week' : a.weeks ? `over ${a.weeks} weeks` : 'over the scheme';
  const years = definition.period.financialYears ? `; financial years ${definition.period.financialYears.join(', ')}` : '';
  const lines = [
    `${run.scheme.name} (version ${run.scheme.version})`,
    `Funder: ${run.scheme.funder}`,
    `${a.unit === 'gbp' ? poundsAsWritten(a.quantity) : `${a.quantity.toLocaleString('en-GB')} ${a.unitLabel}`} ${over}, shared ${basisDescriptions[a.basis]} among ${a.rows.length} practices${a.listSizeTotal !== null ? ` (combined list ${a.listSizeTotal.toLocaleString('en-GB')})` : ''}${years}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The table format: the per-practice overview, then the summary, footing notes and whatever else the scheme has. */
const runParts: TextPart[] = ['overview', 'summary', 'footing_notes', 'schedule', 'differences', 'reallocation', 'warnings'];

async function runCommand(schemeFile: string, options: RunOptions): Promise<void> {
  const input = loadSchemeRunInput(schemeFile, options);
  const run = runScheme(input);
  const tables = schemeReportTables(run, input.definition);
  await writeSchemeReport(tables, run, options, run, () => heading(input.definition, run) + renderParts(input.definition, run, tables, runParts));
}

export function registerSchemeCommands(program: Command): void {
  const scheme = program.command('scheme').description('Schemes funded per head: allocation by list share, payments on delivery, multi-year cost sharing; run from a YAML file, or kept in atscale');

  scheme
    .command('run')
    .description('Run a scheme from its YAML file (no database needed): allocation, payments, schedule, differences')
    .argument('<scheme-file>', 'the scheme file, e.g. examples/schemes/winter-access-2017-18.yaml')
    .option('--delivered <csv>', 'delivered activity (one row per practice); replaces the file the scheme names')
    .option('--hand-schedule <csv>', 'a hand-entered schedule to check against the cost model; replaces the one the scheme names')
    .option('--reallocate-declined', 'share out the allocation of practices whose return says they did not take part')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table'))
    .option('--table <name>', tableNamesHelp)
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
    .command('list')
    .description('List the schemes kept in atscale, as the schemes page does: ID, status, version, list sizes and where activity returns stand')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table', 'output format (xlsx with --out)'))
    .option('--out <file>', 'write to this file instead of standard output')
    .action((options: { format: OutputFormat; out?: string }) => listSchemes(options));

  scheme
    .command('show')
    .description('Show a scheme kept in atscale as its page does: terms, versions, allocation, the invoice and payments per practice on the activity recorded, footing notes, schedule, warnings')
    .argument('<id>', 'the scheme’s ID (the ID column of `atscale scheme list`)')
    .option('--version <n>', 'this version (the latest unless given)')
    .option('--reallocate-declined', 'share out the allocation of practices whose return says they did not take part')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table', 'output format: csv one table (the overview unless --table names another), json what the API’s GET /api/schemes/{id}/run gives, xlsx every table (with --out)'))
    .option('--table <name>', tableNamesHelp)
    .option('--out <file>', 'write to a file instead of standard output (needed for xlsx)')
    .action((id: string, options: ShowOptions) => showScheme(id, options));

  scheme
    .command('statement')
    .description("Print one practice’s statement, from a scheme file or a scheme kept in atscale")
    .argument('<scheme>', 'the scheme file, or the ID of a scheme kept in atscale (a whole number: the ID column of `atscale scheme list`)')
    .requiredOption('--practice <name-or-ods-code>', 'the practice, by ODS code or name (a scheme kept in atscale: by ODS code)')
    .option('--delivered <csv>', 'delivered activity; replaces the file the scheme names (a scheme file only)')
    .option('--version <n>', 'this version of a scheme kept in atscale (the latest unless given)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action((schemeArg: string, options: StatementOptions) => {
      if (storedSchemeId.test(schemeArg)) {
        if (options.delivered) throw new AppError('invalid', '--delivered is for a scheme file: a scheme kept in atscale is paid on the activity recorded against it');
        return printStoredStatement(schemeArg, options);
      }
      if (options.version !== undefined) throw new AppError('invalid', `--version is for a scheme kept in atscale: ${displayPath(schemeArg)} is a scheme file, which has one version`);
      const input = loadSchemeRunInput(schemeArg, options.delivered ? { delivered: options.delivered } : {});
      const practice = findPractice(input.practices, options.practice);
      const statement = practice && runScheme(input).statements.find((s) => s.practiceKey === practice.key);
      if (!statement) throw new AppError('not_found', `Practice "${options.practice}" is not taking part in ${input.definition.name}`);
      process.stdout.write(options.format === 'json' ? `${JSON.stringify(statement, null, 2)}\n` : formatStatement(statement));
    });

  addSettlementCommands(scheme);
}
