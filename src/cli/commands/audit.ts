import type { Command } from 'commander';
import { auditColumns, auditedRecordTypes, auditTerminalColumns, listAudit } from '../../app/audit-log.js';
import { checkAuditSeals, readKeptSeal } from '../../app/audit-seals.js';
import { permissions } from '../../app/permissions.js';
import { AppError, invalid } from '../../domain/errors.js';
import { optionalIsoDate } from '../../domain/iso-date.js';
import { formatOption, type OutputFormat, writeRows } from '../output.js';
import { withClient } from '../with-client.js';

/** What the log records beside the record types: imports, sign-ins, backups, the demo's loading, and rows the NHS imports write. */
const auditOnlyKinds = ['import', 'session', 'backup', 'demo', 'organisation', 'indicator_value'];

interface AuditOptions {
  type?: string;
  record?: string;
  who?: string;
  from?: string;
  to?: string;
  limit: string;
  format: OutputFormat;
  out?: string;
}

/** `atscale audit`: the latest changes, newest first, as the audit page lists them; a file gets each change's before and after too. */
export function registerAuditCommand(program: Command) {
  const audit = program.command('audit');
  audit
    .command('verify')
    .description('Check every seal of the audit log: say the first row that fails (exit code 2), and print the latest seal to keep elsewhere')
    .option('--anchor <place:seal>', 'a seal kept from an earlier check (place:SHA-256): check the log still holds it')
    .addOption(formatOption(['text', 'json'], 'text'))
    .action(async (options: { anchor?: string; format: OutputFormat }) => {
      const kept = options.anchor === undefined ? undefined : readKeptSeal(options.anchor, '--anchor');
      await withClient(async (client) => {
        const check = await client.read((ctx) => checkAuditSeals(ctx, kept), `/api/audit/seals${options.anchor ? `?anchor=${encodeURIComponent(options.anchor)}` : ''}`);
        process.stdout.write(options.format === 'json' ? `${JSON.stringify(check, null, 2)}\n` : `${check.sentences.join('\n')}\n`);
        if (!check.ok) process.exitCode = 2;
      });
    });
  audit
    .description('List the latest changes to stored records, newest first (who, when, what; before and after in csv, json and xlsx)')
    .option('--type <recordType>', 'only changes to this kind of record, e.g. practice, risk, import')
    .option('--record <id>', 'only changes to this record (its ID), or, given an ODS code, to that practice and every record naming it (its scheme returns, the invoices and payments counting them, drawdowns against its fund applications)')
    .option('--who <text>', 'only changes made by someone whose name or email holds this (any case)')
    .option('--from <date>', 'only changes on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only changes on or before this date (YYYY-MM-DD)')
    .option('--limit <n>', 'how many changes, at most 1000', '100')
    .addOption(formatOption(['table', 'csv', 'json', 'xlsx'], 'table'))
    .option('--out <file>', 'write to a file (needed for xlsx)')
    .action(async (options: AuditOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new AppError('invalid', '--limit must be a whole number from 1 to 1000');
      const query = { recordType: options.type, recordId: options.record, who: options.who, from: optionalIsoDate(options.from, '--from', 'The --from date'), to: optionalIsoDate(options.to, '--to', 'The --to date'), limit };
      await withClient(async (client) => {
        const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)]));
        const { items } = await client.read((ctx) => listAudit(ctx, query), `/api/audit?${params}`);
        if (!items.length && options.type) {
          // A kind of record the log has never held is more likely a slip than a quiet record.
          const known = await client.read(async (ctx) => ({ items: await auditedRecordTypes(ctx) }), '/api/audit/record-types');
          // A type of record atscale keeps, or a kind of change it logs, is a real choice with nothing to show yet.
          const kinds = new Set<string>([...known.items, ...Object.keys(permissions), ...auditOnlyKinds]);
          if (!kinds.has(options.type)) throw invalid(`atscale keeps no records of type "${options.type}"`, [{ field: '--type', message: `one of: ${[...kinds].sort().join(', ')}` }]);
        }
        if (!items.length) process.stderr.write(`atscale: no changes match ${describeFilters(options)}\n`);
        await writeRows(items, options.format === 'table' ? auditTerminalColumns : auditColumns, options.format, { out: options.out, json: items, sheetName: 'audit log' });
      });
    });
}

/** The choices made, in the command's own words, for "no changes match …". */
function describeFilters(options: AuditOptions): string {
  const chosen = [options.type && `--type ${options.type} (a record type such as practice, risk or import)`, options.record && `--record ${options.record}`, options.who && `--who ${options.who}`, options.from && `--from ${options.from}`, options.to && `--to ${options.to}`].filter(Boolean);
  return chosen.length ? chosen.join(' and ') : 'yet: nothing has been changed';
}
