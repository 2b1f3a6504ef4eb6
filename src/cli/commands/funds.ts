import type { Command } from 'commander';
import { fundOverviewColumns } from '../../app/funds/fund-export.js';
import { fundsOverview } from '../../app/funds/fund-report.js';
import { withClient } from '../with-client.js';
import { formatOption, type OutputFormat, writeRows } from '../output.js';

/** `atscale funds list`: each per-head fund with its total and what is approved, drawn and remaining. */
export function registerFundCommands(program: Command): void {
  program
    .command('funds')
    .description('Per-head funds')
    .command('list')
    .description('List funds given per registered patient, with allocated, approved, drawn and remaining')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table', 'output format (xlsx with --out)'))
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: { format: OutputFormat; out?: string }) => {
      await withClient(async (client) => {
        const overview = await client.read((ctx) => fundsOverview(ctx), '/api/fund-overview');
        await writeRows(overview.items, fundOverviewColumns, options.format, { json: overview, out: options.out, sheetName: 'Funds' });
      });
    });
}
