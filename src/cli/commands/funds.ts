import type { Command } from 'commander';
import type { Column } from '../../app/export/tabular.js';
import { fundsOverview } from '../../app/funds/fund-report.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { readConfig } from '../../config.js';
import { connect } from '../client.js';
import { type OutputFormat, writeRows } from '../output.js';

type FundRow = Awaited<ReturnType<typeof fundsOverview>>['items'][number];

const money = (value: (f: FundRow) => number, header: string): Column<FundRow> => ({ header, value: (f) => formatPence(value(f)), numeric: true });

const columns: Column<FundRow>[] = [
  { header: 'ID', value: (f) => f.id, numeric: true },
  { header: 'Fund', value: (f) => f.name },
  { header: 'Commissioner', value: (f) => f.commissioner },
  { header: 'Rates a head', value: (f) => f.years.map((y) => `${y.year} ${formatPence(y.ratePence)}`).join('; ') },
  { header: 'List', value: (f) => f.listTotal, numeric: true },
  { header: 'List at', value: (f) => f.listSnapshotDate },
  money((f) => f.allocatedPence, 'Allocated'),
  money((f) => f.requestedPence, 'Waiting'),
  money((f) => f.approvedPence, 'Approved'),
  money((f) => f.drawnPence, 'Drawn'),
  money((f) => f.remainingPence, 'Remaining'),
];

/** `atscale funds list`: each per-head fund with its total and what is approved, drawn and remaining. */
export function registerFundCommands(program: Command): void {
  program
    .command('funds')
    .description('Per-head funds')
    .command('list')
    .description('List funds given per registered patient, with allocated, approved, drawn and remaining')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (options: { format: OutputFormat }) => {
      const client = await connect(readConfig());
      try {
        const overview = await client.read((ctx) => fundsOverview(ctx), '/api/fund-overview');
        await writeRows(overview.items, columns, options.format, { json: overview });
      } finally {
        await client.close();
      }
    });
}
