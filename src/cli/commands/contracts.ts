import type { Command } from 'commander';
import { contractRegister, defaultReminderDays } from '../../app/contracts/contract-register.js';
import { registerColumns } from '../../app/contracts/register-columns.js';
import { AppError } from '../../domain/errors.js';
import { withinDaysOf } from '../../domain/words.js';
import { formatLongDate, optionalIsoDate } from '../../domain/iso-date.js';
import { withClient } from '../with-client.js';
import { formatOption, type OutputFormat, writeRows } from '../output.js';

/** `atscale contracts list`: the contract register, or only what falls due within --expiring days. */
export function registerContractCommands(program: Command): void {
  program
    .command('contracts')
    .description('The contracts register')
    .command('list')
    .description('List head contracts with notice, renewal and end dates, and the practices that have not signed')
    .option('--expiring <days>', 'only contracts with a notice, renewal or end date within this many days')
    .option('--today <date>', 'count days from this date (YYYY-MM-DD) instead of today')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table', 'output format (xlsx with --out)'))
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (options: { expiring?: string; today?: string; format: OutputFormat; out?: string }) => {
      const expiring = options.expiring === undefined ? undefined : Number(options.expiring);
      if (expiring !== undefined && !(Number.isInteger(expiring) && expiring >= 0)) throw new AppError('invalid', `--expiring must be a whole number of days, not "${options.expiring}"`);
      // Checked here as the API checks it: run directly, 2019-02-30 was read as 2 March.
      const today = optionalIsoDate(options.today, '--today', 'The --today date');
      const query = new URLSearchParams({ ...(expiring !== undefined ? { expiring: String(expiring) } : {}), ...(today ? { today } : {}) });
      await withClient(async (client) => {
        const register = await client.read(async (ctx) => contractRegister(ctx, { expiringWithinDays: expiring, today }), `/api/contract-register?${query}`);
        await writeRows(register.items, registerColumns, options.format, { json: register, out: options.out, sheetName: 'Contracts' });
        if (options.format === 'table') process.stdout.write(`\nReminders ${withinDaysOf(expiring ?? defaultReminderDays, formatLongDate(register.today))}.\n`);
      });
    });
}
