import { todayInEngland } from '../../domain/iso-date.js';
import type { Command } from 'commander';
import { isOverdue } from '../../domain/governance/due-dates.js';
import type { Column } from '../../app/export/tabular.js';
import { exportColumns } from '../../app/records/export-columns.js';
import { riskRecord } from '../../app/governance/risk-record.js';
import { boardActionRecord } from '../../app/governance/board-action-record.js';
import type { CsvImportReport } from '../../app/records/record-type.js';
import { withClient } from '../with-client.js';
import { formatOption, type OutputFormat, writeRows } from '../output.js';
import { importReportLines } from '../import-report-text.js';
import { basename } from 'node:path';

type Row = Record<string, unknown>;

// The register's columns as its download writes them (R1, Moderate, Open), through the record types' own fields.
const riskColumns = exportColumns(riskRecord, undefined, ['ref', 'risk', 'ownerText', 'likelihood', 'likelihoodRaw', 'impact', 'score', 'rating', 'mitigation', 'reviewDate', 'status']);
const actionColumns = exportColumns(boardActionRecord, undefined, ['ref', 'action', 'ownerText', 'dueDate', 'status', 'latestUpdate', 'outcome']);

// A rejected file is refused with its problems before it gets here, so its rejected count (0) says nothing.
function printImport(file: string, report: CsvImportReport, via: string): void {
  process.stdout.write(`${importReportLines({ ...report, file: basename(file), rejected: undefined }, via).join('\n')}\n`);
}

/** Lists and imports for a register: `atscale <name> list|import`. */
function registerRegister(program: Command, name: string, plural: string, description: string, columns: Column<Row>[], pick: (rows: Row[], options: { overdue?: boolean }) => Row[] = (rows) => rows) {
  const command = program.command(name).description(description);
  const list = command
    .command('list')
    .description(`List ${description.toLowerCase()}`)
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table'))
    .option('--out <file>', 'write to a file (needed for xlsx)');
  if (name === 'actions') list.option('--overdue', 'only open actions whose due date has passed');
  list.action(async (options: { format: OutputFormat; out?: string; overdue?: boolean }) =>
    withClient(async (client) => {
      const rows = pick(await client.listRecords(plural, {}), options);
      await writeRows(rows, columns, options.format, { out: options.out, json: rows, sheetName: name });
    }),
  );
  command
    .command('import <file>')
    .description(`Import ${description.toLowerCase()} from a CSV file keyed by its ${name === 'risks' ? 'id column (each risk’s ref)' : 'ref column'} (all or nothing; importing again changes nothing)`)
    .action(async (file: string) => withClient(async (client) => printImport(file, await client.importRecords(plural, file), client.via)));
}

export function registerGovernanceCommands(program: Command) {
  registerRegister(program, 'risks', 'risks', 'The risk register', riskColumns);
  registerRegister(program, 'actions', 'board-actions', 'The board action log', actionColumns, (rows, options) => {
    const today = todayInEngland();
    return options.overdue ? rows.filter((r) => isOverdue(r.dueDate as string | null, today, r.status === 'closed')) : rows;
  });
  program
    .command('digest')
    .description('The daily email of items due')
    .command('send')
    .description('Send today’s digest to everyone with items due (SMTP_URL); --dry-run prints it instead')
    .option('--dry-run', 'print the emails without sending them')
    .action(async (options: { dryRun?: boolean }) =>
      withClient(async (client) => {
        const result = await client.sendDigest(!!options.dryRun);
        if (options.dryRun) for (const m of result.messages) process.stdout.write(`To: ${m.to}\nSubject: ${m.subject}\n\n${m.text}\n`);
        process.stdout.write(`${options.dryRun ? `${result.messages.length} digests composed, none sent` : `${result.sent} digests sent`} (${result.today})\n`);
      }),
    );
}
