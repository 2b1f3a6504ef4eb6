import type { Command } from 'commander';
import { closeFinancialYear, financialYearStates, reopenFinancialYear, type FinancialYearState } from '../../app/finance/year-closing.js';
import { formatList } from '../../domain/words.js';
import { formatOption } from '../output.js';
import { withClient } from '../with-client.js';

const stateWords = (year: FinancialYearState) => `${year.financialYear}: ${year.closed ? year.closed.words : 'open'}`;
const print = (format: string, answer: unknown, text: string) => process.stdout.write(format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : `${text}\n`);

/**
 * `atscale finance years | close-year | reopen-year`: the same use cases as the financial-years
 * page. A change to a closed year's figures is refused elsewhere with exit code 8.
 */
export function registerYearClosingCommands(finance: Command): void {
  finance
    .command('years')
    .description('The plan’s financial years, each open or closed (when, by whom)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (options: { format: string }) => {
      await withClient(async (client) => {
        const years = await client.read((ctx) => financialYearStates(ctx), '/api/finance/year-ends');
        print(options.format, years, years.length ? years.map(stateWords).join('\n') : 'The plan has no years yet');
      });
    });
  finance
    .command('close-year')
    .description('Close a financial year’s accounts (admins): its figures then cannot change until it is reopened. Refused while something in it is open, naming each, unless --anyway')
    .argument('<year>', 'the financial year, e.g. 2018-19 or 2018/19')
    .option('--anyway', 'close although something in the year is still open (the audit names each)')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (year: string, options: { anyway?: boolean; format: string }) => {
      await withClient(async (client) => {
        const body = { financialYear: year, ...(options.anyway ? { anyway: true } : {}) };
        const closed = await client.act((ctx) => closeFinancialYear(ctx, body), '/api/finance/year-ends/close', body);
        print(options.format, closed, `${stateWords(closed)}${closed.stillOpen.length ? `\nStill open when closed (kept in the audit): ${formatList(closed.stillOpen)}` : ''}`);
      });
    });
  finance
    .command('reopen-year')
    .description('Reopen a closed financial year (admins), saying why; the audit keeps the reason')
    .argument('<year>', 'the financial year, e.g. 2018-19')
    .requiredOption('--reason <text>', 'why the year is reopened, e.g. "Auditors asked for the CBS accrual to be corrected"')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (year: string, options: { reason: string; format: string }) => {
      await withClient(async (client) => {
        const body = { financialYear: year, reason: options.reason };
        const reopened = await client.act((ctx) => reopenFinancialYear(ctx, body), '/api/finance/year-ends/reopen', body);
        print(options.format, reopened, stateWords(reopened));
      });
    });
}
