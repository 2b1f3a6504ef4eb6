import type { z } from 'zod';
import { withClient } from '../with-client.js';
import type { AtscaleClient } from '../client.js';
import type { listSchemeVersions, StoredSchemeRun, StoredStatement } from '../../app/schemes/run-stored-scheme.js';
import { statementFacts, statementPractice } from '../../app/schemes/scheme-presenters.js';
import { statementPracticeCodeSchema } from '../../app/schemes/scheme-requests.js';
import type { SchemeOverview } from '../../app/schemes/schemes-overview.js';
import { type Column, toTextTable } from '../../app/export/tabular.js';
import { invalid } from '../../domain/errors.js';
import { formatDateTime, formatLongDate } from '../../domain/iso-date.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { returnsStateWords } from '../../domain/schemes/returns-due.js';
import { settlementRows, settlementStatus } from '../../domain/schemes/settlement.js';
import type { SchemeDefinition } from '../../domain/schemes/scheme-definition.js';
import { approvalTerms, invoiceTerms, schemeTerms, type SchemeTerm } from '../../domain/schemes/scheme-terms.js';
import { formatStatement } from '../../domain/schemes/statement.js';
import { actorName, humanise } from '../../domain/words.js';
import { type OutputFormat, writeRows } from '../output.js';
import { renderParts, type ReportOutputOptions, type TextPart, writeSchemeReport } from './scheme-report-output.js';

/**
 * Schemes kept in atscale, as the scheme pages show them: the list, one scheme's terms and
 * figures, a practice's statement. Each reads the same use case as the page's API route, here or,
 * while `atscale serve` holds the embedded database, through that route (AtscaleClient.read).
 */

const useCases = () => import('../../app/schemes/run-stored-scheme.js');

/** An ID or version typed on the command line, checked as the API's path and query check it. */
function parseTyped<T>(schema: z.ZodType<T>, raw: string, field: string, message: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(`${field} "${raw}" is not valid`, [{ field, message }]);
  return parsed.data;
}

export const schemeIdOf = (raw: string) => parseTyped(recordIdSchema, raw, 'scheme ID', 'must be a whole number, the ID column of `atscale scheme list`');
export const versionOf = (raw: string | undefined) => (raw === undefined ? undefined : parseTyped(recordIdSchema, raw, '--version', 'must be a version number, a whole number from 1'));

/** A query string for the API, without the keys left out. */
const queryOf = (values: Record<string, string | number | boolean | undefined>) => {
  const query = new URLSearchParams(Object.entries(values).flatMap(([k, v]) => (v === undefined || v === false ? [] : [[k, String(v)]])));
  return query.size ? `?${query}` : '';
};

/** Terms as a summary list in a terminal: the key, then the value; a list's further lines under the first. */
function termsText(terms: readonly SchemeTerm[]): string {
  const width = Math.max(...terms.map((t) => t.key.length));
  const lines = terms.flatMap(({ key, value }) => {
    const values = typeof value === 'string' ? [value] : value.length ? value : [''];
    return values.map((line, i) => `  ${(i === 0 ? key : '').padEnd(width)}  ${line}`.trimEnd());
  });
  return `${lines.join('\n')}\n`;
}

// ---- atscale scheme list ----

type SchemeRecord = { id: number; name: string; funder: string } & Record<string, unknown>;
type ListedScheme = SchemeRecord & Omit<SchemeOverview, 'id'>;

/** The status of the version read (an admin's: the latest), with the approved version still in force beside a draft, as the schemes list shows it. */
function statusWords(s: ListedScheme): string {
  if (!s.version) return 'Being prepared';
  return `${humanise(s.version.status)}${s.version.status === 'draft' && s.inForce ? ` (version ${s.inForce} approved)` : ''}`;
}

function returnsWords(s: ListedScheme): string {
  return s.returns.kind === 'overdue' ? `${returnsStateWords(s.returns)} (were due ${formatLongDate(s.returns.dueOn)})` : returnsStateWords(s.returns);
}

/** The version in force's payments as the schemes list shows them: "Paid on 30 May 2018, invoiced 15 May 2018". */
function paymentsWords(s: ListedScheme): string | null {
  if (!s.payments) return s.inForce ? 'No activity paid for' : null;
  const { state, days } = settlementStatus(s.payments, s.version?.version === s.payments.version ? undefined : s.payments.version);
  return state === 'Not invoiced' ? (days ? `Not invoiced (${days})` : state) : `${state} ${days}`;
}

/** The schemes list's columns, named as the version read names the scheme, with the ID `scheme show` takes. */
const listColumns: Column<ListedScheme>[] = [
  { header: 'ID', value: (s) => s.id, numeric: true },
  { header: 'Scheme', value: (s) => s.version?.name ?? s.name },
  { header: 'Funder', value: (s) => s.version?.funder ?? s.funder },
  { header: 'Status', value: statusWords },
  { header: 'Version', value: (s) => s.version?.version ?? null, numeric: true },
  { header: 'List sizes at', value: (s) => (s.version ? (s.version.listSnapshotDate ?? 'List sizes given in the scheme') : null), date: true },
  { header: 'Activity returns', value: returnsWords },
  { header: 'Payments', value: paymentsWords },
  // What the version in force was invoiced and paid for, as it kept them when each was recorded: blank where not recorded, or recorded before amounts were kept.
  { header: 'Invoiced (£)', value: (s) => s.payments?.invoiced?.amount?.totalPence ?? null, numeric: true, pence: true },
  { header: 'Paid to practices (£)', value: (s) => s.payments?.paid?.amountPence ?? null, numeric: true, pence: true },
];

export async function listSchemes(options: { format: OutputFormat; out?: string }): Promise<void> {
  await withClient(async (client) => {
    const schemes = (await client.listRecords('schemes', {})) as SchemeRecord[];
    const overview = await client.read(async (ctx) => (await import('../../app/schemes/schemes-overview.js')).schemesOverview(ctx), '/api/schemes/overview');
    const byId = new Map(overview.items.map(({ id, ...o }) => [id, o]));
    const items = schemes.flatMap((s) => {
      const o = byId.get(s.id);
      return o ? [{ ...s, ...o }] : [];
    });
    if (!items.length && options.format === 'table') process.stderr.write('atscale: no schemes have been set up yet\n');
    await writeRows(items, listColumns, options.format, { json: { today: overview.today, items }, out: options.out, sheetName: 'Schemes', emptySaid: true });
  });
}

// ---- atscale scheme show ----

export type Versions = Awaited<ReturnType<typeof listSchemeVersions>>;

/** A scheme's versions, as its page reads them. */
export const readVersions = (client: AtscaleClient, id: number): Promise<Versions> => client.read(async (ctx) => (await useCases()).listSchemeVersions(ctx, id), `/api/schemes/${id}/versions`);
type Version = Versions['items'][number];

const versionColumns = (shown: number): Column<Version>[] => [
  { header: 'Version', value: (v) => `Version ${v.version}${v.version === shown ? ' (shown)' : ''}` },
  { header: 'Status', value: (v) => humanise(v.status) },
  { header: 'List sizes from', value: (v) => v.listSnapshotDate ?? 'Given in the terms', date: true },
  { header: 'Created', value: (v) => `${formatDateTime(v.createdAt)}${v.createdBy ? ` by ${actorName(v.createdBy)}` : ''}` },
  { header: 'Approved', value: (v) => (v.approvedAt ? `${formatDateTime(v.approvedAt)}${v.approvedBy ? ` by ${actorName(v.approvedBy)}` : ''}` : 'Not approved') },
];

/** After the terms, versions and allocation: the payments, then the rest of what the scheme page shows, in its order. */
const showParts: TextPart[] = ['payments', 'footing_notes', 'schedule', 'contributions', 'differences', 'reallocation', 'warnings'];

/** The table format: the scheme page in a terminal — terms, versions, allocation, the invoice and payments, footing notes and the rest. */
function showText(versions: Versions, stored: StoredSchemeRun): string {
  const { run, tables, version } = stored;
  const shown = versions.items.find((v) => v.version === version.version);
  const definition = (shown?.definition ?? {}) as SchemeDefinition;
  const latest = versions.items.at(-1)?.version ?? version.version;
  let out = `${version.name}\nScheme ${stored.scheme.id}, version ${version.version} (${version.status})\n`;
  if (version.version !== latest) out += `\nYou are looking at version ${version.version}, which is ${version.status}. Its figures use its own terms and list sizes. The latest is version ${latest}: atscale scheme show ${stored.scheme.id}\n`;
  out += `\nTerms\n\n${termsText([...schemeTerms(definition), { key: 'Version', value: `${version.version} (${humanise(version.status)})` }, ...approvalTerms(version, definition)])}`;
  out += `\nVersions\n\n${toTextTable([...versions.items].reverse(), versionColumns(version.version))}`;
  out += renderParts(definition, run, tables, ['allocation']);
  const summary = tables.find((t) => t.name === 'summary');
  const invoice = summary ? invoiceTerms(summary, definition) : [];
  // Beside the total to invoice, as the page's summary: whether it was invoiced and paid, and for how much.
  if (invoice.length) out += `\nInvoice to the funder\n\n${termsText([...invoice, ...settlementRows(version)])}\nPractices are paid for everything they delivered; the fee is added to the invoice to the funder.\n`;
  return out + renderParts(definition, run, tables, showParts);
}

export interface ShowOptions extends ReportOutputOptions {
  version?: string;
  reallocateDeclined?: boolean;
}

export async function showScheme(idText: string, options: ShowOptions): Promise<void> {
  const id = schemeIdOf(idText);
  const version = versionOf(options.version);
  const reallocateDeclined = options.reallocateDeclined ?? false;
  await withClient(async (client) => {
    const versions = await readVersions(client, id);
    const stored = await client.read(async (ctx) => (await useCases()).runStoredScheme(ctx, id, { version, reallocateDeclined }), `/api/schemes/${id}/run${queryOf({ version, reallocateDeclined })}`);
    await writeSchemeReport(stored.tables, stored.run, options, stored, () => showText(versions, stored));
  });
}

// ---- atscale scheme statement <id> ----

export async function printStoredStatement(idText: string, options: { practice: string; version?: string; format: 'text' | 'json' }): Promise<void> {
  const id = schemeIdOf(idText);
  const version = versionOf(options.version);
  const code = parseTyped(statementPracticeCodeSchema, options.practice, '--practice', 'must be the practice’s ODS code, e.g. C82001, for a scheme kept in atscale');
  await withClient(async (client) => {
    const stored: StoredStatement = await client.read(async (ctx) => (await useCases()).schemeStatement(ctx, id, code, { version }), `/api/schemes/${id}/statements/${code}${queryOf({ version })}`);
    if (options.format === 'json') process.stdout.write(`${JSON.stringify(stored, null, 2)}\n`);
    else {
      const facts = statementFacts(stored).map(([key, value]) => ({ key, value }));
      process.stdout.write(`${stored.version.name}\nStatement for ${statementPractice(stored.statement)}\n\n${termsText(facts)}\n${formatStatement(stored.statement)}`);
    }
  });
}
