import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';

describe('atscale contracts list and atscale funds list on the demo federation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-contracts-'));
  const env = { ATSCALE_DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined };
  beforeAll(async () => {
    expect((await runCli(['demo', 'load'], env)).code).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the contracts with a notice, renewal or end date within 90 days, with the practices that have not signed', async () => {
    const listed = await runCli(['contracts', 'list', '--expiring', '90', '--today', '2019-12-15', '--format', 'json'], env);
    expect(listed.code).toBe(0);
    const register = JSON.parse(listed.stdout) as { items: { reference: string; unsignedPractices: { practiceCode: string }[]; reminders: { kind: string; daysLeft: number }[] }[] };
    expect(register.items.map((c) => c.reference)).toEqual(['LCC-CBS-2017']);
    expect(register.items[0]!.unsignedPractices.map((p) => p.practiceCode)).toEqual(['C82078', 'C82098']);
    expect(register.items[0]!.reminders).toEqual([expect.objectContaining({ kind: 'notice', daysLeft: 17 })]);
    const table = await runCli(['contracts', 'list', '--expiring', '90', '--today', '2019-12-15'], env);
    expect(table.stdout).toMatch(/LCC-CBS-2017.*£200,000 +a year .* 13 +11 .*\(C82078\); .*\(C82098\).*Last day to give notice in 17 days/);
    // Dates as the register's page writes them, each value's basis in the form's words under one heading.
    expect(table.stdout.split('\n')[0]).toMatch(/ Starts +Ends +Notice by +Renewal +Value +Value basis /);
    expect(table.stdout).toMatch(/LCC-CBS-2017 .* 1 April 2017 +31 March 2020 +1 January 2020 +1 October 2019 +£200,000 +a year /);
    expect(table.stdout).toContain('\nReminders within 90 days of 15 December 2019.\n');
    // A window of no days is the day itself, not "within 0 days".
    expect((await runCli(['contracts', 'list', '--expiring', '0', '--today', '2019-12-15'], env)).stdout).toContain('Reminders on 15 December 2019.\n');
    const everything = (await runCli(['contracts', 'list', '--today', '2019-12-15'], env)).stdout;
    expect(everything).toMatch(/RCC-VITRU-2018 .*£81,000 +in total /);
    expect(everything).toMatch(/LLRPCL-HP-2018 .*£30,000 +estimated, paid at tariff /);
    const refused = await runCli(['contracts', 'list', '--expiring', 'soon'], env);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('--expiring must be a whole number of days') });
    expect(await runCli(['contracts', 'list', '--today', '2019-02-30'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--today: is not a real date') });
    const out = join(dir, 'contracts.xlsx');
    expect((await runCli(['contracts', 'list', '--format', 'xlsx', '--out', out], env)).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('lists the funds with their totals worked out from the list sizes', async () => {
    const listed = await runCli(['funds', 'list', '--format', 'csv'], env);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\r\n');
    // Money in a CSV is a number of pounds, for a spreadsheet to add up.
    expect(lines[0]).toBe('ID,Fund,Commissioner,Footprint,For,Rates a head,List,List at,Allocated (£),Waiting (£),Approved (£),Drawn (£),Left to apply for (£),Warnings');
    expect(lines.find((l) => l.includes('ELR transformation fund'))).toContain('2017/18 £0.50; 2018/19 £2,327255,2018-01-01,818137.5,');
    expect(lines.find((l) => l.includes('LLR transformation fund'))).toContain(',490882.5,');
    expect(lines.find((l) => l.includes('demand management'))).toContain(',32725.5,');
    // A terminal shows them as money, the list grouped and its date in words.
    expect((await runCli(['funds', 'list'], env)).stdout).toMatch(/ELR transformation fund .* 327,255 +1 January 2018 +£818,137\.50 /);
  }, 120_000);
});
