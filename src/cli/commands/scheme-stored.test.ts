import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runCli, startCliServer, type CliResult } from '../../../test/support/cli.js';
import type { AppContext } from '../../app/context.js';
import { listSchemeVersions, runStoredScheme, schemeStatement } from '../../app/schemes/run-stored-scheme.js';
import { updateScheme } from '../../app/schemes/save-scheme.js';
import { schemesOverview } from '../../app/schemes/schemes-overview.js';
import { readConfig } from '../../config.js';
import { readLock } from '../../db/lock.js';
import { formatLongDate } from '../../domain/iso-date.js';
import { formatCount, formatPence } from '../../domain/schemes/format-money.js';
import { returnsStateWords } from '../../domain/schemes/returns-due.js';
import { LocalClient } from '../client.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const rows = (text: string) => Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;

/**
 * The real `atscale scheme list|show|statement` on the demo's stored schemes, checked against what
 * the use cases behind the scheme pages give: on the embedded database, then through the running
 * server (which must print the very same, and the same as its API).
 */
describe('atscale scheme list, show and statement on the schemes kept in atscale', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-schemes-'));
  const env = { ATSCALE_DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined };
  /** What the main commands printed on the embedded database, to compare with what they print through the server. */
  const printed = new Map<string, CliResult>();
  const atscale = async (...args: string[]) => {
    const result = await runCli(args, env);
    printed.set(args.join(' '), result);
    return result;
  };
  let winterId = 0;

  /** What a use case gives, as JSON carries it: read in this process while no command holds the embedded database. */
  async function useCase<T>(read: (ctx: AppContext) => Promise<T>): Promise<T> {
    const client = await LocalClient.open(readConfig({ ATSCALE_DATA_DIR: env.ATSCALE_DATA_DIR }));
    try {
      return JSON.parse(JSON.stringify(await read(client.ctx))) as T;
    } finally {
      await client.close();
    }
  }

  beforeAll(async () => {
    expect((await runCli(['demo', 'load'], env)).code).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the schemes with the version, list sizes and returns the schemes page shows', async () => {
    const listed = await atscale('scheme', 'list', '--format', 'json');
    expect(listed.code).toBe(0);
    const json = JSON.parse(listed.stdout) as { items: ({ id: number; slug: string } & Record<string, unknown>)[] };
    const overview = await useCase((ctx) => schemesOverview(ctx));
    // Each scheme's record carries what the overview says of it (version, inForce, returns, payments).
    const overviewPart = (item: Record<string, unknown>) => Object.fromEntries(Object.keys(overview.items[0]!).map((key) => [key, item[key]]));
    expect(json.items.map(overviewPart).sort((a, b) => Number(a.id) - Number(b.id))).toEqual([...overview.items].sort((a, b) => a.id - b.id));
    winterId = json.items.find((s) => s.slug === 'winter-access-2017-18')!.id;
    const winter = overview.items.find((o) => o.id === winterId)!;
    // A terminal: the ID `scheme show` takes, the status and snapshot date in words, the returns as the page words them.
    const table = await atscale('scheme', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID +Scheme +Funder +Status +Version +List sizes at +Activity returns +Payments +Invoiced +Paid to practices$/);
    expect(table.stdout).toMatch(new RegExp(`^ *${winterId} +Winter access scheme 2017/18 +NHS England, through .* +Approved +1 +${escape(formatLongDate(winter.version!.listSnapshotDate!))} +${escape(returnsStateWords(winter.returns))} +Not invoiced$`, 'm'));
    const csv = rows((await runCli(['scheme', 'list', '--format', 'csv'], env)).stdout);
    expect(csv.find((r) => Number(r.ID) === winterId)).toMatchObject({ Status: 'Approved', Version: '1', 'List sizes at': winter.version!.listSnapshotDate });
  }, 120_000);

  it('shows the winter scheme’s payments per practice and its invoice with the figures the scheme page’s run gives', async () => {
    const id = String(winterId);
    const json = await atscale('scheme', 'show', id, '--format', 'json');
    expect(json.code).toBe(0);
    const stored = await useCase((ctx) => runStoredScheme(ctx, winterId));
    expect(JSON.parse(json.stdout)).toEqual(stored);
    const payments = stored.run.payments!;
    const text = (await atscale('scheme', 'show', id)).stdout;
    expect(text).toContain(`Scheme ${id}, version ${stored.version.version} (approved)`);
    // The invoice as the page's summary list gives it, each practice's payment and fee on its row, and the TOTAL.
    expect(text).toMatch(new RegExp(`^ +Delivered cost +${escape(formatPence(payments.totals.amount.total))}\n +Federation fee \\(5%\\) +${escape(formatPence(payments.totals.fee!.total))}\n +Total to invoice +${escape(formatPence(payments.totals.grandTotal.total))}$`, 'm'));
    for (const row of payments.rows) {
      const code = stored.run.allocation.rows.find((a) => a.practiceKey === row.practiceKey)!.odsCode!;
      expect(text).toMatch(new RegExp(`^${escape(row.practiceName)} +${code} .* ${escape(formatPence(row.amountPence))} +${escape(formatPence(row.feePence!))}$`, 'm'));
    }
    const totals = [payments.totals.deliveredTotal!, stored.run.allocation.totals.quantity.total].map(formatCount).join(' +');
    expect(text).toMatch(new RegExp(`^TOTAL .* ${totals} +${escape(formatPence(payments.totals.amount.total))} +${escape(formatPence(payments.totals.fee!.total))}$`, 'm'));
    // A CSV of the payments holds pounds, for a spreadsheet to add up.
    const csv = rows((await runCli(['scheme', 'show', id, '--format', 'csv', '--table', 'payments'], env)).stdout);
    expect(csv.filter((r) => r.practice !== 'TOTAL').map((r) => Number(r.delivered_cost))).toEqual(payments.rows.map((r) => r.amountPence / 100));
    // The run a version names: version 1 is the latest, and there is no version 2.
    expect(JSON.parse((await runCli(['scheme', 'show', id, '--version', '1', '--format', 'json'], env)).stdout)).toEqual(stored);
  }, 120_000);

  it('prints a practice’s statement from the stored scheme, as its PDF words it', async () => {
    const json = await atscale('scheme', 'statement', String(winterId), '--practice', 'c82001', '--format', 'json');
    const stored = await useCase((ctx) => schemeStatement(ctx, winterId, 'C82001'));
    expect(JSON.parse(json.stdout)).toEqual(stored);
    const text = (await atscale('scheme', 'statement', String(winterId), '--practice', 'C82001')).stdout;
    expect(text).toContain(`Statement for ${stored.statement.practiceName} (C82001)\n`);
    expect(text).toContain(`Scheme version      version 1 (approved `);
    for (const total of stored.statement.totals) expect(text).toContain(`${formatPence(total.amountPence)}  (${total.rule})`);
  }, 120_000);

  it('says what is wrong with an ID, a version or a practice, with the exit codes the README lists', async () => {
    expect(await runCli(['scheme', 'show', '999'], env)).toMatchObject({ code: 4, stderr: 'atscale: Scheme 999 was not found\n' });
    expect(await runCli(['scheme', 'show', 'winter'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('field scheme ID: must be a whole number, the ID column of `atscale scheme list`') });
    expect(await runCli(['scheme', 'show', String(winterId), '--version', '2'], env)).toMatchObject({ code: 4, stderr: expect.stringContaining('has no version 2') });
    expect(await runCli(['scheme', 'statement', String(winterId), '--practice', 'Kibworth'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('field --practice: must be the practice’s ODS code') });
    expect(await runCli(['scheme', 'statement', String(winterId), '--practice', 'C82001', '--delivered', 'returns.csv'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--delivered is for a scheme file') });
    expect(await runCli(['scheme', 'statement', 'examples/schemes/winter-access-2017-18.yaml', '--practice', 'C82001', '--version', '1'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--version is for a scheme kept in atscale') });
  }, 240_000);

  it('prints the very same through the running server, which gives the same as its API', async () => {
    const server = await startCliServer({ ATSCALE_DATA_DIR: env.ATSCALE_DATA_DIR, PORT: String(await freePort()) });
    try {
      const lock = readLock(env.ATSCALE_DATA_DIR)!;
      const api = async (path: string) => (await fetch(`http://127.0.0.1:${lock.port}${path}`, { headers: { authorization: `Bearer ${lock.cliToken}` } })).json();
      expect(printed.size).toBe(6);
      for (const [args, local] of printed) {
        const through = await runCli(args.split(' '), env);
        expect({ args, code: through.code, stdout: through.stdout }).toEqual({ args, code: local.code, stdout: local.stdout });
      }
      expect(JSON.parse(printed.get(`scheme show ${winterId} --format json`)!.stdout)).toEqual(await api(`/api/schemes/${winterId}/run`));
      expect(JSON.parse(printed.get(`scheme statement ${winterId} --practice c82001 --format json`)!.stdout)).toEqual(await api(`/api/schemes/${winterId}/statements/C82001`));
      // Errors keep their exit codes through the server.
      expect(await runCli(['scheme', 'show', '999'], env)).toMatchObject({ code: 4, stderr: 'atscale: Scheme 999 was not found\n' });
      expect(await runCli(['scheme', 'statement', String(winterId), '--practice', 'Kibworth'], env)).toMatchObject({ code: 2 });
    } finally {
      await server.stop();
    }
  }, 240_000);

  it('records the winter scheme as invoiced and paid, refuses an undo out of order, and approves a draft, as the scheme page does', async () => {
    const id = String(winterId);
    const settlement = async () => (await useCase((ctx) => listSchemeVersions(ctx, winterId))).items[0]!;
    expect(await runCli(['scheme', 'invoiced', id], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('Give the day with --on') });
    // What it was invoiced and paid for is the run's, as the scheme page reads it.
    const { totals } = (await useCase((ctx) => runStoredScheme(ctx, winterId))).run.payments!;
    const invoiced = await runCli(['scheme', 'invoiced', id, '--on', '2018-05-15', '--reference', 'INV-77'], env);
    expect(invoiced).toMatchObject({ code: 0, stdout: `Winter access scheme 2017/18, version 1: Invoiced on 15 May 2018 (ref INV-77) for ${formatPence(totals.grandTotal.total)}; not yet paid to practices.\n` });
    expect(await runCli(['scheme', 'invoiced', id, '--on', '2018-05-15', '--reference', 'INV-77'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('version 1 (already so): ') });
    expect(await runCli(['scheme', 'paid', id, '--on', '2018-05-30'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining(`paid ${formatPence(totals.amount.sumOfRoundedRows)} to practices on 30 May 2018`) });
    expect(await settlement()).toMatchObject({
      invoiced: { on: '2018-05-15', reference: 'INV-77', amount: { totalPence: totals.grandTotal.total, deliveredPence: totals.amount.total, feePence: totals.fee!.total } },
      paid: { on: '2018-05-30', reference: null, amountPence: totals.amount.sumOfRoundedRows },
    });
    // scheme list gives what the version in force was invoiced and paid for, as pounds to add up in a CSV.
    const listed = rows((await runCli(['scheme', 'list', '--format', 'csv'], env)).stdout).find((r) => Number(r.ID) === winterId);
    expect(listed).toMatchObject({ Payments: 'Paid on 30 May 2018, invoiced 15 May 2018', 'Invoiced (£)': String(totals.grandTotal.total / 100), 'Paid to practices (£)': String(totals.amount.sumOfRoundedRows / 100) });
    // scheme show gives it beside the total to invoice, as the page's summary does.
    const shown = (await atscale('scheme', 'show', id)).stdout;
    expect(shown).toMatch(new RegExp(`^ +Invoice +Invoiced on 15 May 2018 \\(ref INV-77\\) for ${escape(formatPence(totals.grandTotal.total))} \\(delivered cost ${escape(formatPence(totals.amount.total))} and fee ${escape(formatPence(totals.fee!.total))}\\)\n +Payment to practices +Paid ${escape(formatPence(totals.amount.sumOfRoundedRows))} to practices on 30 May 2018$`, 'm'));
    // Not invoiced while paid: refused whole, nothing changed.
    expect(await runCli(['scheme', 'invoiced', id, '--undo'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('undo “paid to practices” first') });
    expect(await runCli(['scheme', 'paid', id, '--undo'], env)).toMatchObject({ code: 0 });
    expect(await runCli(['scheme', 'invoiced', id, '--undo'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('Not invoiced yet') });
    expect(await settlement()).toMatchObject({ invoiced: null, paid: null });
    expect(await runCli(['scheme', 'approve', id], env)).toMatchObject({ code: 5, stderr: expect.stringContaining('is already approved') });
    const draft = await useCase(async (ctx) => {
      const [version] = (await listSchemeVersions(ctx, winterId)).items;
      return updateScheme(ctx, winterId, { rowVersion: (await runStoredScheme(ctx, winterId)).scheme.rowVersion, definition: { ...(version!.definition as object), fee: { percent: 4 } } as never });
    });
    expect(draft.version.status).toBe('draft');
    // Through the running server: the same requests as the page's (PUT settlement, POST approve).
    const server = await startCliServer({ ATSCALE_DATA_DIR: env.ATSCALE_DATA_DIR, PORT: String(await freePort()) });
    try {
      expect(await runCli(['scheme', 'invoiced', id, '--on', '2018-05-15', '--reference', 'INV-77'], env)).toEqual(invoiced);
      expect(await runCli(['scheme', 'invoiced', id, '--undo'], env)).toMatchObject({ code: 0 });
      expect(await runCli(['scheme', 'approve', id], env)).toMatchObject({ code: 0, stdout: 'Approved version 2 of Winter access scheme 2017/18; version 1 superseded.\n' });
      expect(await runCli(['scheme', 'approve', id], env)).toMatchObject({ code: 5 });
      // Undone, INV-77 is free again: version 2 (a fee of 4%, another total) is invoiced under it, for its own total.
      const again = await runCli(['scheme', 'invoiced', id, '--on', '2018-05-16', '--reference', 'INV-77'], env);
      expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('version 2: Invoiced on 16 May 2018 (ref INV-77) for ') });
      expect(again.stdout).not.toContain(`for ${formatPence(totals.grandTotal.total)};`);
    } finally {
      await server.stop();
    }
  }, 240_000);
});
