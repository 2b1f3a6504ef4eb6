import { Argument, type Command } from 'commander';
import { withClient } from '../with-client.js';
import { csvTableOf, type FinanceQuery, type FinanceReportName } from '../../app/finance/finance-requests.js';
import { reportTableColumns } from '../../app/export/report-table-columns.js';
import { toCsv, toTextTable, toXlsx } from '../../app/export/tabular.js';
import { AppError } from '../../domain/errors.js';
import { type FinanceFileKind, financeFileKinds } from '../../domain/finance/finance-csv.js';
import { positionsWords, resultWords } from '../../domain/finance/income-expenditure.js';
import { monthLabel } from '../../domain/finance/financial-year.js';
import { formatList } from '../../domain/words.js';
import type { FinanceTable } from '../../domain/finance/presenters.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { formatOption } from '../output.js';
import { writeOutputFile } from '../write-output.js';
import { importReportLines } from '../import-report-text.js';
import { registerYearClosingCommands } from './finance-years.js';


interface ReportOptions {
  year?: string;
  threshold?: string;
  won?: string;
  lost?: string;
  format: 'table' | 'csv' | 'json' | 'xlsx';
  out?: string;
}

/**
 * A report table's columns. In a terminal or workbook the streams table leads with each stream's
 * ID, which `finance scenario --won/--lost` takes; its CSV keeps the columns the import reads back
 * (the IDs are in --format json). A terminal leaves out the I&E's row type (item, subtotal, total),
 * which the import reads but the lines' names already say, as the pages do.
 */
const columnsOf = (table: FinanceTable, format: 'table' | 'csv' | 'xlsx') => [
  ...(table.name === 'streams' && format !== 'csv' ? [{ header: 'ID', value: (row: FinanceTable['rows'][number]) => row.id as number, numeric: true }] : []),
  ...reportTableColumns(format === 'table' ? { columns: table.columns.filter((c) => c.key !== 'row_type') } : table, format, 'labels'),
];
const textOf = (table: FinanceTable) => `${table.title}\n\n${toTextTable(table.rows, columnsOf(table, 'table'))}`;

/**
 * Sentences under the tables: the I&E's result on secured income only and if the potential income
 * comes in, the cash flow's opening against last year's close and its low months, money counted
 * twice and why figures differ (in the streams or a scenario).
 */
function notes(report: FinanceReportName, result: Record<string, unknown>): string[] {
  if (report === 'ie') {
    const worked = (result.schemeFees as { withWorkedOutFees: { resultPence: number } | null } | undefined)?.withWorkedOutFees;
    const against = result.againstStreams as string | null;
    return [
      ...positionsWords(result as unknown as Parameters<typeof positionsWords>[0]).map((p) => `${p.label}: ${p.words}`),
      ...(worked ? [`With the schemes’ fees worked out from delivered activity: ${resultWords(worked.resultPence)}${result.potentialPence ? ' if the potential income comes in' : ''}`] : []),
      ...(against ? [against] : []),
    ];
  }
  if (report === 'cash-flow') {
    const below = result.monthsBelowThreshold as string[];
    const opening = result.openingNote as string | null;
    const dated = result.datedNote as string | null;
    return [...(opening ? [opening] : []), ...(dated ? [dated] : []), below.length ? `${below.length} month${below.length === 1 ? '' : 's'} end below the threshold of ${formatPence(result.thresholdPence as number)}: ${formatList(below.map(monthLabel))}` : `No month ends below the threshold of ${formatPence(result.thresholdPence as number)}`];
  }
  if (report === 'streams') return [...(result.doubleCounting as { message: string }[]).map((d) => `Warning: ${d.message}`), ...(result.againstIe as string[])];
  if (report === 'scenario') return [...(result.notes as string[]).map((n) => `Warning: ${n}`), ...(result.unchanged as string[])];
  return [];
}

async function report(name: FinanceReportName, options: ReportOptions) {
  await withClient(async (client) => {
    const query: FinanceQuery = { year: options.year, threshold: options.threshold, won: options.won, lost: options.lost };
    const result = await client.financeReport(name, query);
    // A closed year says so first: "Closed on 30 April 2019 by Jo Walker".
    const said = [...(typeof result.closed === 'string' ? [result.closed] : []), ...notes(name, result)];
    let content: string | Buffer;
    if (options.format === 'json') {
      const { tables: _tables, ...rest } = result;
      content = `${JSON.stringify(rest, null, 2)}\n`;
    } else if (options.format === 'csv') {
      const table = csvTableOf(result);
      content = toCsv(table.rows, columnsOf(table, 'csv'));
    }
    else if (options.format === 'xlsx') {
      if (!options.out) throw new AppError('invalid', '--format xlsx needs --out <file.xlsx>');
      content = await toXlsx(result.tables.map((t) => ({ name: t.name, rows: t.rows, columns: columnsOf(t, 'xlsx') })));
    } else content = `${result.tables.filter((t) => t.rows.length).map(textOf).join('\n')}${said.length ? `\n${said.join('\n')}\n` : ''}`;
    if (options.out) writeOutputFile(options.out, content);
    else process.stdout.write(content);
    if (options.format !== 'table') for (const note of said.filter((n) => n.startsWith('Warning'))) process.stderr.write(`atscale: ${note}\n`);
  });
}


export function registerFinanceCommands(program: Command): void {
  const finance = program.command('finance').description('The federation’s finances: income streams, savings, running costs, I&E, cash flow and scenarios');
  const reports: [string, FinanceReportName, string, boolean][] = [
    ['streams', 'streams', 'Income streams, secured and potential totals by funder and year, and money counted twice', false],
    ['savings', 'savings', 'Cost savings: expected and realised, and who benefits', false],
    ['running-costs', 'running-costs', 'A year’s running-cost budget lines', true],
    ['ie', 'ie', 'A year’s income and expenditure, with its surplus or deficit', true],
    ['cashflow', 'cash-flow', 'A year’s cash flow month by month, from payment terms and arrears', true],
    ['scenario', 'scenario', 'What if potential streams are won or lost: the I&E and cash flow beside the base', true],
  ];
  for (const [command, name, description, needsYear] of reports) {
    const cmd = finance.command(command).description(description).addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table')).option('--out <file>', 'write to a file (needed for xlsx)');
    if (needsYear) cmd.requiredOption('--year <year>', 'the financial year, e.g. 2018/19');
    if (name === 'cash-flow' || name === 'scenario') cmd.option('--threshold <amount>', 'warn about months that end below this balance, e.g. £20,000 (the year’s own threshold unless given)');
    if (name === 'scenario') cmd.option('--won <ids>', 'potential stream IDs to count as won, comma separated (the ID column of `atscale finance streams`)').option('--lost <ids>', 'stream IDs to count as lost, comma separated');
    cmd.action((options: ReportOptions) => report(name, options));
  }

  finance
    .command('import')
    .description('Import a finance file (all or nothing; importing it again changes nothing)')
    .addArgument(new Argument('<kind>', 'what the file holds').choices([...financeFileKinds]))
    .argument('<file>', 'the CSV file, e.g. income-streams.csv')
    .option('--year <year>', 'the financial year, for a file with no year column (running costs, the I&E)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (kind: FinanceFileKind, file: string, options: { year?: string; format: string }) => {
      await withClient(async (client) => {
        const result = await client.importFinance(kind, file, options.year);
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${importReportLines(result, client.via).join('\n')}\n`);
      });
    });
  registerYearClosingCommands(finance);
}
