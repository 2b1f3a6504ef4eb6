import { type Command, Option } from 'commander';
import type { ImportKind, ImportReport } from '../../app/registry/import-report.js';
import type { Column } from '../../app/export/tabular.js';
import { withClient } from '../with-client.js';
import { exportColumns } from '../../app/records/export-columns.js';
import { practiceRecord } from '../../app/registry/practice-record.js';
import type { AtscaleClient } from '../client.js';

import { AppError, describeProblem } from '../../domain/errors.js';
import { basename } from 'node:path';
import { exitCodeFor, formatOption, type OutputFormat, writeRows } from '../output.js';
import { progressReporter } from '../progress.js';
import { importReportLines } from '../import-report-text.js';
import { optionalIsoDate } from '../../domain/iso-date.js';
import { practiceLabels as label } from '../../domain/registry/practice-labels.js';
import { countOf, humanise } from '../../domain/words.js';
import { notInRegistrySentence } from '../../domain/registry/not-in-registry.js';
import { pcnFilter } from '../../domain/registry/ods-codes.js';
import { endedSentences } from '../../domain/groups/membership-check.js';

/**
 * An import report as `--format json` prints it: every problem names its file, line and column (null
 * where none), and the notes say what was left out and why (--skip-unknown's practices, summarised;
 * `practicesNotInRegistry` lists every one).
 */
export function reportJson(report: ImportReport): Record<string, unknown> {
  const { kind: _k, ...rest } = report;
  return { ...rest, errors: report.errors.map((e) => ({ file: e.file ?? report.file, line: e.line ?? null, column: e.column ?? null, message: e.message })) };
}

function printReport(report: ImportReport, format: string, via: string) {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(reportJson(report), null, 2)}\n`);
    return;
  }
  process.stdout.write(`${importReportLines({ ...report, kind: undefined }, via, problemLines(report)).join('\n')}\n`);
}

/** Why nothing was imported: practices the registry does not hold in one sentence, or the first 100 problems, each with its line. */
function problemLines(report: ImportReport): string[] {
  if (!report.rejected) return [];
  const unknown = report.practicesNotInRegistry ?? [];
  if (unknown.length) return [`Nothing was imported. ${notInRegistrySentence(unknown, 'import again with --skip-unknown to import the rows of the practices it holds')}`, '  (--format json lists every row refused, with its line.)'];
  return ['Nothing was imported. Problems:', ...report.errors.slice(0, 100).map((e) => `  ${describeProblem({ ...e, file: e.file ?? report.file })}`), ...(report.errors.length > 100 ? [`  … and ${report.errors.length - 100} more (use --format json for all)`] : [])];
}

export interface ImportCommandOptions {
  format: string;
  skipUnknown?: boolean;
  asOf?: string;
}

/** Imports one file with a progress bar, prints its report (unless told not to) and sets exit code 2 when it was rejected. */
export async function importWithProgress(client: AtscaleClient, kind: ImportKind, file: string, options: ImportCommandOptions, { print = true } = {}): Promise<ImportReport> {
  const progress = progressReporter(`import ${kind}`);
  try {
    const asOf = optionalIsoDate(options.asOf, '--as-of', 'The --as-of date');
    const report = await client.importFile(kind, file, { skipUnknown: options.skipUnknown, asOf, onProgress: options.format === 'json' ? undefined : progress.update });
    progress.stop();
    if (print) printReport(report, options.format, client.via);
    if (report.rejected > 0) process.exitCode = 2;
    return report;
  } catch (error) {
    if (options.format !== 'json' || !print || !(error instanceof AppError)) throw error;
    // A program that asked for JSON gets the report, the file refused whole (not there, not a CSV, a bad --as-of), with the error's exit code.
    const name = basename(file);
    const report = (await import('../../app/registry/import-report.js')).rejectedReport(kind, name, [{ file: name, message: [error.message, ...error.problems.map((p) => describeProblem(p))].join('; ') }]);
    printReport(report, 'json', client.via);
    process.exitCode = exitCodeFor(error);
    return report;
  } finally {
    progress.stop();
  }
}

/** The practices table, headed as the pages head them; `--format json` gives the practices as the API does, keyed by field. */
const practiceColumns: Column<Record<string, unknown>>[] = [
  { header: label.odsCode, value: (r) => r.odsCode as string },
  { header: label.displayName, value: (r) => r.displayName as string },
  { header: label.status, value: (r) => (r.status ? humanise(r.status as string) : null) },
  { header: label.commissionerCode, value: (r) => r.commissionerCode as string },
  { header: 'PCN', value: (r) => (r.pcnName ?? r.pcnCode) as string },
  { header: label.locality, value: (r) => r.locality as string },
  { header: label.listSize, value: (r) => r.listSize as number, numeric: true, count: true },
  { header: label.listSizeDate, value: (r) => r.listSizeDate as string, date: true },
];

export function registerRegistryCommands(program: Command): void {
  registerCheckCommand(program);
  const imports = program.command('import').description('Import NHS open data (all or nothing; re-running changes nothing)');
  const kinds: [ImportKind, string, string][] = [
    ['ods', 'ods <file>', 'ODS GP practice file (epraccur.csv)'],
    ['list-sizes', 'list-sizes <file>', 'Patients registered at a GP practice, totals (gp-reg-pat-prac-all.csv)'],
    ['pcns', 'pcns <file>', 'PCN membership: ODS ePCN.xlsx or the gp-reg-pat-prac-map.csv mapping'],
  ];
  for (const [kind, usage, description] of kinds) {
    const command = imports.command(usage).description(description).addOption(formatOption(['text', 'json'], 'text'));
    // The ODS file is what adds practices to the registry: it cannot name one the registry lacks.
    if (kind !== 'ods') command.option('--skip-unknown', 'import rows of known practices and list the others, instead of rejecting the file');
    command
      .option('--as-of <date>', 'the date the file describes (YYYY-MM-DD), where the file does not say')
      .action(async (file: string, options: ImportCommandOptions) => {
        await withClient((client) => importWithProgress(client, kind, file, options));
      });
  }

  program
    .command('practices')
    .description('List GP practices with commissioner, PCN, locality and latest list size')
    .option('--commissioner <code>', 'commissioner (sub-ICB location or CCG) code, e.g. 03W')
    .option('--pcn <code or name>', 'PCN code (U30213) or part of its name (Rutland)')
    .option('--locality <name>', 'locality (hub) name')
    .option('--member-of <group>', 'members today of a group: a federation, footprint, locality or peer group, by its name or ID')
    .addOption(new Option('--status <status>', 'practice status').choices(['active', 'closed', 'dormant', 'proposed', 'all']).default('active'))
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .action(async (options: { commissioner?: string; pcn?: string; locality?: string; memberOf?: string; status: string; format: OutputFormat }) => {
      const filters: Record<string, string> = { gpPractice: 'true' };
      if (options.commissioner) filters.commissioner = options.commissioner.toUpperCase();
      if (options.pcn) Object.assign(filters, pcnFilter(options.pcn));
      if (options.locality) filters.locality = options.locality;
      if (options.status !== 'all') filters.status = options.status;
      await withClient(async (client) => {
        if (options.memberOf) filters.memberOf = String(await groupIdOf(client, options.memberOf));
        const rows = await client.listPractices(filters);
        // The choices as they were typed: `member-of "Rutland"`, not the group's ID.
        const typed = { ...filters, ...(options.memberOf ? { memberOf: options.memberOf } : {}) };
        const choices = Object.entries(typed).filter(([k]) => k !== 'gpPractice' && k !== 'status');
        const which = `${options.status === 'all' ? '' : `${options.status} `}GP practices`;
        // Nothing asked for and nothing found: the registry is empty, or this is not the database meant.
        // (Only the empty registry is told to load the demo: one with no dormant practice is not empty.)
        if (!rows.length && !choices.length && options.status !== 'active' && options.status !== 'all') process.stderr.write(`atscale: the registry holds no ${which}\n`);
        else if (!rows.length && !choices.length) process.stderr.write(`atscale: the registry holds no ${which}: run atscale demo load, or import an ODS file (atscale import ods <file>); if it should hold some, check ATSCALE_DATA_DIR or DATABASE_URL points at your database\n`);
        else if (!rows.length) process.stderr.write(`atscale: no ${which} match ${choices.map(([k, v]) => `${k === 'memberOf' ? 'member-of' : k} "${v}"`).join(' and ')}\n`);
        // The table fits a terminal; a CSV has every column of the practices page's download.
        await writeRows(rows, options.format === 'csv' ? exportColumns(practiceRecord) : practiceColumns, options.format, { emptySaid: true });
      });
    });
}

/**
 * `atscale check`: every stored membership against the rules; exit code 2 when any breaks one. Members
 * the NHS files have changed since they joined (dormant, moved commissioner) are named too, and break no rule.
 * `--end-at-closing` first ends each membership that runs past its practice's close date on that date.
 */
function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('Check every stored membership against the membership rules: a practice closed since by a newer ODS file, or a membership an older atscale stored')
    .option('--end-at-closing', 'first end each membership that runs past its practice’s close date on that date (audited; all or nothing)')
    .addOption(formatOption(['table', 'csv', 'json'], 'table'))
    .action(async (options: { format: OutputFormat; endAtClosing?: boolean }) => {
      await withClient(async (client) => {
        const checks = () => import('../../app/groups/check-memberships.js');
        if (options.endAtClosing) {
          const { ended } = await client.act(async (ctx) => (await checks()).endMembershipsAtClosing(ctx), '/api/membership-check/end-at-closing');
          process.stderr.write(ended.length ? `Ended ${countOf(ended.length, 'membership')}:\n${endedSentences(ended).map((s) => `  ${s}\n`).join('')}` : 'No membership runs past its practice’s close date.\n');
        }
        const result = await client.read(async (ctx) => (await checks()).checkMemberships(ctx), '/api/membership-check');
        // Not rule breaks, so not in the exit code: what the NHS files changed of members since they joined.
        const notes = result.notes.length ? `Members the NHS files have changed since they joined:\n${result.notes.map((n) => `  ${n}\n`).join('')}` : '';
        if (!result.problems.length) {
          process.stderr.write(`Checked ${countOf(result.checked, 'membership')}: each keeps the rules.\n${notes}`);
          if (options.format === 'table') return;
        } else {
          const endable = result.problems.filter((p) => p.endOn).length;
          const hint = endable ? ` (${countOf(endable, 'membership')} of closed practices: atscale check --end-at-closing ends ${endable === 1 ? 'it' : 'them'} on the closing date)` : '';
          process.stderr.write(`Checked ${countOf(result.checked, 'membership')}: ${countOf(result.problems.length, 'problem')} to put right on the groups’ pages${hint}.\n${notes}`);
          process.exitCode = 2;
        }
        await writeRows(result.problems, [{ header: 'Group', value: (p) => p.groupName }, { header: 'Practice', value: (p) => p.practiceCode }, { header: 'Problem', value: (p) => p.message }], options.format, { json: result, emptySaid: true });
      });
    });
}

/** A group named on the command line, by its ID or its name (any case); a name two groups share is refused, naming their IDs. */
async function groupIdOf(client: AtscaleClient, named: string): Promise<number> {
  const groups = (await client.listRecords('groups', {})) as { id: number; name: string; kind: string }[];
  const wanted = named.trim().toLowerCase();
  const found = groups.filter((g) => String(g.id) === wanted || g.name.toLowerCase() === wanted);
  if (found.length === 1) return found[0]!.id;
  const option = [{ field: '--member-of', message: found.length ? `names ${found.length} groups: ${found.map((g) => `${g.name} (ID ${g.id}, ${humanise(g.kind)})`).join(', ')}; give the ID` : `must be the name or ID of a group: ${groups.map((g) => `${g.name} (ID ${g.id})`).join(', ') || 'there are none yet'}` }];
  throw new AppError(found.length ? 'invalid' : 'not_found', found.length ? `More than one group is named "${named}"` : `No group is named "${named}"`, { problems: option });
}
