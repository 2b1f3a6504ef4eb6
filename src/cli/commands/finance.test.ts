import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { openTestDatabase } from '../../../test/support/databases.js';
import type { Database } from '../../db/client.js';
import { readSeed } from '../../../test/support/finance-seeds.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { monthLabel } from '../../domain/finance/financial-year.js';
import { formatList } from '../../domain/words.js';

/** The real `atscale finance` commands against PostgreSQL with the demo loaded, checked against the seed's figures. */
describe('atscale finance', () => {
  let database: Database;
  let env: Record<string, string | undefined>;
  const dir = mkdtempSync(join(tmpdir(), 'atscale-finance-'));

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    env = { DATABASE_URL: (database as unknown as { location: string }).location, ATSCALE_DATA_DIR: join(dir, 'unused') };
    const loaded = await runCli(['demo', 'load'], env);
    expect(loaded.stdout).toContain('the finance plan 2017/18, 2018/19, 2019/20');
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the 2018/19 I&E with its subtotals: a deficit of £4,188 on secured income only, £688 if the potential income comes in', async () => {
    const result = await runCli(['finance', 'ie', '--year', '2018/19'], env);
    expect(result.code).toBe(0);
    const printed = readSeed('ie-forecast-2018-19.csv').filter((r) => r.row_type !== 'item' && r.section !== 'expenditure');
    // The text table writes money as the pages do: £169,432, −£688.
    for (const row of printed) expect(result.stdout).toMatch(new RegExp(`${row.line!.replace(/[()+/]/g, '\\$&')}\\s+${Number(row.amount) < 0 ? '−' : ''}£${Math.abs(Number(row.amount)).toLocaleString('en-GB')}\\b`));
    // The row type (item, subtotal, total) is for the import; a person reads the lines' names.
    expect(result.stdout.split('\n')[2]).toMatch(/^Section +Line +Amount +Comment$/);
    expect(result.stdout).not.toMatch(/\bsubtotal\b/);
    expect(result.stdout).toContain('On secured income only: a deficit of £4,188\nIf the potential income of £3,500 comes in: a deficit of £688');
    expect(result.stdout).toContain('In 2018/19 the secured income streams bring in £445,000 gross, including £348,650 paid on to practices, while the I&E counts £169,432 of secured income');
    // The winter scheme's fee, as the schemes engine works it out, beside the plan's £3,500.
    const json = JSON.parse((await runCli(['finance', 'ie', '--year', '2018/19', '--format', 'json'], env)).stdout);
    const [fee] = json.schemeFees.lines;
    expect(fee).toMatchObject({ line: 'Winter scheme 17/18', scheme: 'Winter access scheme 2017/18', plannedPence: 350_000 });
    expect(json.schemeFees.withWorkedOutFees.resultPence).toBe(-68_800 + fee.workedOutPence - 350_000);
    expect(result.stdout).toContain('Scheme fees in the I&E 2018/19');
    expect(result.stdout).toContain(`With the schemes’ fees worked out from delivered activity: a deficit of ${formatPence(-json.schemeFees.withWorkedOutFees.resultPence)} if the potential income comes in`);
  }, 60_000);

  it('links a stream to a scheme by import, refusing a scheme that does not exist with its line and column', async () => {
    const streams = join(dir, 'link.csv');
    // The winter scheme moves from the secured winter stream to H Pylori in one file, and back.
    const header = 'funder,stream,status,financial_year,amount,payment_terms,arrears_months,practices_share_percent,linked_scheme';
    writeFileSync(streams, `${header}\nELR CCG,H Pylori,potential,2018/19,30000,on_claim,1,95,winter-access-2017-18\nNHS E,Winter access scheme,secured,2017/18,82000,on_claim,1,95,\n`);
    const moved = await runCli(['finance', 'import', 'streams', streams, '--format', 'json'], env);
    // Updated: the winter stream letting go of the scheme, and H Pylori taking it.
    expect(JSON.parse(moved.stdout)).toMatchObject({ inserted: 0, updated: 2, unchanged: 3 });
    writeFileSync(streams, `${header}\nELR CCG,H Pylori,potential,2018/19,30000,on_claim,1,95,\nNHS E,Winter access scheme,secured,2017/18,82000,on_claim,1,95,winter-access-2017-18\n`);
    expect((await runCli(['finance', 'import', 'streams', streams], env)).code).toBe(0);
    writeFileSync(streams, 'funder,stream,status,financial_year,amount,linked_scheme\nELR CCG,H Pylori,potential,2018/19,30000,no-such-scheme\n');
    const refused = await runCli(['finance', 'import', 'streams', streams], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('link.csv, line 2, column linked_scheme: there is no scheme "no-such-scheme"');
  }, 60_000);

  it('prints the streams as CSV and their totals as JSON, warning about money counted twice', async () => {
    const csv = await runCli(['finance', 'streams', '--format', 'csv'], env);
    expect(csv.stdout.split('\r\n')[0]).toBe('Funder,Service or scheme,Status,2017/18 £,2018/19 £,2019/20 £,Total £,Payment terms,Paid to practices,Contract,End date,Pays for scheme');
    expect(csv.stdout.split('\r\n').find((l) => l.startsWith('NHS E,Winter access scheme,Secured'))).toMatch(/,Winter access scheme 2017\/18$/);
    // Thirteen streams, then a TOTAL for the secured and one for the potential, never one of both.
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(1 + 13 + 2);
    expect(csv.stdout.trim().split('\r\n').slice(-2).map((l) => l.split(',').slice(0, 7).join(','))).toEqual(['TOTAL,,Secured,461500,445000,260000,1166500', 'TOTAL,,Potential,0,135000,180000,315000']);
    expect(csv.stderr).toContain('Demand management 2018/19 is counted twice');
    const json = JSON.parse((await runCli(['finance', 'streams', '--format', 'json'], env)).stdout);
    expect([json.totals.securedPence / 100, json.totals.potentialPence / 100]).toEqual([1_166_500, 315_000]);
    // A terminal shows each stream's ID, which a scenario takes.
    const table = (await runCli(['finance', 'streams'], env)).stdout;
    expect(table).toMatch(/^ID +Funder +Service or scheme/m);
    const winter = json.streams.find((s: { name: string }) => s.name === 'Winter access scheme') as { id: number };
    expect(table).toMatch(new RegExp(`^ *${winter.id} +NHS E +Winter access scheme`, 'm'));
  }, 60_000);

  it('prints the cash flow month by month, April to March, with months below the threshold', async () => {
    const json = JSON.parse((await runCli(['finance', 'cashflow', '--year', '18/19', '--threshold', '£0', '--format', 'json'], env)).stdout);
    expect(json.months.map((m: { month: string }) => m.month)).toEqual(['2018-04', '2018-05', '2018-06', '2018-07', '2018-08', '2018-09', '2018-10', '2018-11', '2018-12', '2019-01', '2019-02', '2019-03']);
    expect(json.thresholdPence).toBe(0);
    expect(json.monthsBelowThreshold).toEqual(json.months.filter((m: { closingPence: number }) => m.closingPence < 0).map((m: { month: string }) => m.month));
    // Under the table, the months are named as the table names them.
    const text = (await runCli(['finance', 'cashflow', '--year', '18/19', '--threshold', '£0'], env)).stdout;
    expect(text).toContain(`end below the threshold of £0: ${formatList((json.monthsBelowThreshold as string[]).map(monthLabel))}\n`);
  }, 60_000);

  it('gives the cash flow’s CSV the sentence on recorded dates its notes give, in the TOTAL row, once the winter scheme is invoiced', async () => {
    const schemes = JSON.parse((await runCli(['scheme', 'list', '--format', 'json'], env)).stdout) as { items: { id: number; slug: string }[] };
    const winter = String(schemes.items.find((s) => s.slug === 'winter-access-2017-18')!.id);
    expect(await runCli(['scheme', 'invoiced', winter, '--on', '2018-05-15', '--reference', 'INV-CLI-1'], env)).toMatchObject({ code: 0 });
    try {
      const { datedNote } = JSON.parse((await runCli(['finance', 'cashflow', '--year', '17/18', '--format', 'json'], env)).stdout) as { datedNote: string };
      expect(datedNote).toContain('expected in June 2018 (2018/19), invoiced on 15 May 2018');
      const csv = (await runCli(['finance', 'cashflow', '--year', '17/18', '--format', 'csv'], env)).stdout.trim().split('\r\n');
      expect(csv[0]).toMatch(/,Recorded dates$/);
      expect(csv.at(-1)!.startsWith('TOTAL,') && csv.at(-1)!.endsWith(`,"${datedNote}"`)).toBe(true);
    } finally {
      await runCli(['scheme', 'invoiced', winter, '--undo'], env);
    }
  }, 120_000);

  it('says a year outside the plan is not found (exit code 4), and refuses a bad year and a bad file (exit code 2, with the line and column)', async () => {
    const outside = await runCli(['finance', 'ie', '--year', '2025/26'], env);
    expect({ code: outside.code, stderr: outside.stderr }).toMatchObject({ code: 4, stderr: expect.stringContaining('2025/26 is outside the finance plan') });
    expect(await runCli(['finance', 'ie', '--year', '2025-2027'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('field year') });
    const bad = join(dir, 'savings.csv');
    writeFileSync(bad, 'scheme,financial_year,amount\nBulk buying,2018/19,"£1,000"\nBulk buying,2018-2020,-5\n');
    const rejected = await runCli(['finance', 'import', 'savings', bad], env);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toContain('savings.csv, line 3, column 2: "2018-2020" is not a financial year');
    expect(rejected.stderr).toContain('savings.csv, line 3, column 3: -5 is negative');
  }, 60_000);
});
