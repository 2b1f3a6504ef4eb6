import type { Command } from 'commander';
import { contractRegister, defaultReminderDays } from '../../app/contracts/contract-register.js';
import type { Column } from '../../app/export/tabular.js';
import { AppError } from '../../domain/errors.js';
import { formatBp } from '../../domain/contracts/sub-contract-rules.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { readConfig } from '../../config.js';
import { connect } from '../client.js';
import { type OutputFormat, writeRows } from '../output.js';

type RegisterRow = Awaited<ReturnType<typeof contractRegister>>['items'][number];

const columns: Column<RegisterRow>[] = [
  { header: 'ID', value: (c) => c.id, numeric: true },
  { header: 'Reference', value: (c) => c.reference },
  { header: 'Title', value: (c) => c.title },
  { header: 'Commissioner', value: (c) => c.commissioner },
  { header: 'Starts', value: (c) => c.startDate },
  { header: 'Ends', value: (c) => c.endDate },
  { header: 'Notice by', value: (c) => c.noticeDate },
  { header: 'Renewal', value: (c) => c.renewalDate },
  { header: 'Value', value: (c) => (c.valuePence === null ? null : `${formatPence(c.valuePence)}${c.valueBasis === 'a_year' ? ' a year' : c.valueBasis === 'tariff' ? ' (tariff, estimated)' : ''}`) },
  { header: 'Federation fee', value: (c) => formatBp(c.federationFeeBp) },
  { header: 'Signed', value: (c) => `${c.signedCount} of ${c.subContractCount}` },
  { header: 'Not signed', value: (c) => c.unsignedPractices.map((p) => p.practiceCode).join(' ') },
  { header: 'Reminders', value: (c) => c.reminders.map((r) => `${r.message} (${r.date})`).join('; ') },
];

/** `atscale contracts list`: the contract register, or only what falls due within --expiring days. */
export function registerContractCommands(program: Command): void {
  program
    .command('contracts')
    .description('The contracts register')
    .command('list')
    .description('List head contracts with notice, renewal and end dates, and the practices that have not signed')
    .option('--expiring <days>', 'only contracts with a notice, renewal or end date within this many days')
    .option('--today <date>', 'count days from this date (YYYY-MM-DD) instead of today')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (options: { expiring?: string; today?: string; format: OutputFormat }) => {
      const expiring = options.expiring === undefined ? undefined : Number(options.expiring);
      if (expiring !== undefined && !(Number.isInteger(expiring) && expiring >= 0)) throw new AppError('invalid', `--expiring must be a whole number of days, not "${options.expiring}"`);
      const query = new URLSearchParams({ ...(expiring !== undefined ? { expiring: String(expiring) } : {}), ...(options.today ? { today: options.today } : {}) });
      const client = await connect(readConfig());
      try {
        const register = await client.read(async (ctx) => contractRegister(ctx, { expiringWithinDays: expiring, today: options.today }), `/api/contract-register?${query}`);
        await writeRows(register.items, columns, options.format, { json: register });
        if (options.format === 'table') process.stdout.write(`\nReminders within ${expiring ?? defaultReminderDays} days of ${register.today}.\n`);
      } finally {
        await client.close();
      }
    });
}
