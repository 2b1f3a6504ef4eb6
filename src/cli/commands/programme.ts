import type { Command } from 'commander';
import { Option } from 'commander';
import type { Column } from '../../app/export/tabular.js';
import type { ProgrammeImportReport } from '../../app/programme/programme-import-report.js';
import { optionalIsoDate } from '../../domain/iso-date.js';
import { AppError } from '../../domain/errors.js';
import { type Rag, ragLabels, type TaskStatus, taskStatusLabels, taskStatuses } from '../../domain/programme/task-status.js';
import { formatOption, type OutputFormat, writeRows } from '../output.js';
import { progressReporter } from '../progress.js';
import { importReportLines } from '../import-report-text.js';
import type { ProgrammeClient } from './programme-client.js';

/** The client opens databases and HTTP connections: load it only when a command runs. */
const connectProgramme = async () => (await import('./programme-client.js')).connectProgramme();

function printReports(reports: ProgrammeImportReport[], format: string, via: string) {
  if (format === 'json') return void process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
  // A rejected file is refused before it gets here, so its rejected count (0) says nothing.
  for (const r of reports) process.stdout.write(`${importReportLines({ ...r, kind: undefined, rejected: undefined }, via).join('\n')}\n`);
}

async function withClient<T>(run: (client: ProgrammeClient) => Promise<T>): Promise<T> {
  const client = await connectProgramme();
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}

const taskColumns: Column<Record<string, unknown>>[] = [
  { header: 'Task', value: (r) => r.ref as string },
  { header: 'Description', value: (r) => r.description as string },
  { header: 'Lead', value: (r) => r.lead as string },
  { header: 'Involved', value: (r) => r.involved as string },
  { header: 'Time', value: (r) => r.timeText as string },
  { header: 'Target date', value: (r) => r.targetDate as string, date: true },
  { header: 'Status', value: (r) => taskStatusLabels[r.status as TaskStatus] ?? (r.status as string) },
  { header: 'RAG', value: (r) => ragLabels[r.rag as Rag] ?? (r.rag as string | null) },
  { header: 'Overdue', value: (r) => (r.overdue ? 'Yes' : '') },
  { header: 'ID used twice', value: (r) => (r.duplicateRef ? 'Yes' : '') },
];

interface ListOptions {
  plan?: string;
  lead?: string;
  status?: string;
  section?: string;
  overdue?: boolean;
  format: OutputFormat;
  out?: string;
}

/** A plan named by id or by its exact name; a plan that is not there is refused, not listed as no tasks. */
async function planIdOf(client: ProgrammeClient, plan: string): Promise<number> {
  const plans = await client.list('work-plans', {});
  const byId = /^\d+$/.test(plan) ? plans.find((p) => p.id === Number(plan)) : undefined;
  const found = byId ?? plans.find((p) => String(p.name).toLowerCase() === plan.toLowerCase());
  if (!found) throw new AppError('not_found', /^\d+$/.test(plan) ? `There is no work plan with ID ${plan}` : `There is no work plan called "${plan}"`);
  return found.id as number;
}

async function listTasks(options: ListOptions) {
  await withClient(async (client) => {
    const filters: Record<string, string> = {};
    if (options.plan) filters.planId = String(await planIdOf(client, options.plan));
    if (options.lead) filters.lead = options.lead;
    if (options.status) filters.status = options.status;
    if (options.overdue) filters.overdue = 'true';
    let rows = await client.list('plan-tasks', filters);
    if (options.section) {
      const sections = await client.list('plan-sections', { ref: options.section, ...(filters.planId ? { planId: filters.planId } : {}) });
      const ids = new Set(sections.map((s) => s.id));
      rows = rows.filter((r) => ids.has(r.sectionId));
    }
    await writeRows(rows, await withPlanColumn(client, rows), options.format, { out: options.out, sheetName: 'Tasks', json: rows });
  });
}

/** Tasks of more than one plan say which plan each is in: their ids repeat from plan to plan. */
async function withPlanColumn(client: ProgrammeClient, rows: Record<string, unknown>[]): Promise<Column<Record<string, unknown>>[]> {
  if (new Set(rows.map((r) => r.planId)).size < 2) return taskColumns;
  const names = new Map((await client.list('work-plans', {})).map((p) => [p.id, p.name as string]));
  return [{ header: 'Plan', value: (r) => names.get(r.planId) ?? null }, ...taskColumns];
}


export function registerProgrammeCommands(program: Command): void {
  const plan = program.command('plan').description('Work plans: tasks with leads, target dates, status and a dated position log');
  plan
    .command('import')
    .description('Import a work plan CSV (all or nothing; re-running changes nothing); IDs used twice are kept and flagged')
    .argument('<file>')
    .option('--name <plan>', 'the work plan to import into (default: the file name)')
    .option('--as-of <date>', 'the date the positions describe (YYYY-MM-DD), given to each new log entry; default today')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (file: string, options: { name?: string; asOf?: string; format: string }) => {
      await withClient(async (client) => {
        const progress = progressReporter('plan import');
        try {
          const report = await client.importWorkPlan(file, { planName: options.name, asOf: optionalIsoDate(options.asOf, '--as-of'), onProgress: options.format === 'json' ? undefined : progress.update });
          progress.stop();
          printReports([report], options.format, client.via);
        } finally {
          progress.stop();
        }
      });
    });
  plan
    .command('list')
    .description('List work-plan tasks')
    .option('--plan <id-or-name>', 'one work plan')
    .option('--lead <initials-or-name>', 'tasks whose lead names them, e.g. JW')
    .addOption(new Option('--status <status>', 'progress').choices([...taskStatuses]))
    .option('--section <ref>', 'one section, by its number')
    .option('--overdue', 'only tasks past their target date and not done or stopped')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table'))
    .option('--out <file>', 'write to a file (needed for xlsx)')
    .action((options: ListOptions) => listTasks(options));

  const stp = program.command('stp').description('STP deliverables, key actions, milestone grid and outcomes');
  stp
    .command('import')
    .description('Import STP deliverables, milestones and outcomes CSVs, in any order (re-running changes nothing)')
    .argument('<files...>')
    .option('--as-of <date>', 'the date of the outcomes’ current positions (YYYY-MM-DD)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (files: string[], options: { asOf?: string; format: string }) => {
      await withClient(async (client) => printReports(await client.importStp(files, optionalIsoDate(options.asOf, '--as-of')), options.format, client.via));
    });
  stp
    .command('grid')
    .description('The milestone grid: a row per key action (or per source row that holds two), a column per quarter or half-year')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table'))
    .option('--out <file>', 'write to a file (needed for xlsx)')
    .action(async (options: { format: OutputFormat; out?: string }) => {
      await withClient(async (client) => {
        const grid = await client.grid();
        const { stpGridColumns } = await import('../../app/programme/stp-grid.js');
        await writeRows(grid.rows, stpGridColumns(grid), options.format, { out: options.out, sheetName: 'STP milestones', json: grid });
      });
    });
}
