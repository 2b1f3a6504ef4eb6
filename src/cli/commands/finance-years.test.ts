import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { openTestDatabase } from '../../../test/support/databases.js';
import type { Database } from '../../db/client.js';
import { formatLongDate, todayInEngland } from '../../domain/iso-date.js';

/** The real `atscale finance close-year | reopen-year` against PostgreSQL with the demo loaded. */
describe('atscale finance close-year and reopen-year', () => {
  let database: Database;
  let env: Record<string, string | undefined>;
  const dir = mkdtempSync(join(tmpdir(), 'atscale-year-end-'));
  const costs = join(dir, 'running-costs.csv');
  const closedLine = new RegExp(`^2017/18: Closed on ${formatLongDate(todayInEngland())} by .+ \\(command line\\)$`, 'm');

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    env = { DATABASE_URL: (database as unknown as { location: string }).location, ATSCALE_DATA_DIR: join(dir, 'unused') };
    expect((await runCli(['demo', 'load'], env)).code).toBe(0);
    writeFileSync(costs, 'category,line,amount\nOther,Auditors’ late fee,£450\n');
  }, 180_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to close a year with a scheme still open, naming it (exit 5), and closes it with --anyway', async () => {
    const refused = await runCli(['finance', 'close-year', '2017-18'], env);
    expect(refused).toMatchObject({ code: 5, stdout: '' });
    expect(refused.stderr).toContain('2017/18 still has something open: Winter access scheme 2017/18 version 1 is approved but not invoiced to the commissioner.');
    const closed = await runCli(['finance', 'close-year', '2017-18', '--anyway'], env);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toMatch(closedLine);
    expect(closed.stdout).toContain('Still open when closed (kept in the audit): Winter access scheme 2017/18 version 1');
    expect((await runCli(['finance', 'years'], env)).stdout).toMatch(closedLine);
  });

  it('refuses a finance file for the closed year with exit code 8 and the year, and its I&E says it is closed', async () => {
    const refused = await runCli(['finance', 'import', 'running-costs', costs, '--year', '2017/18'], env);
    expect(refused.code).toBe(8);
    expect(refused.stderr).toMatch(/^atscale: This change to a running-cost line would alter the figures of a closed financial year: 2017\/18 was closed on .+ \(command line\)\. An admin may reopen that year/);
    expect((await runCli(['finance', 'ie', '--year', '2017/18'], env)).stdout).toMatch(/^Closed on .+ \(command line\)$/m);
    expect((await runCli(['finance', 'import', 'running-costs', costs, '--year', '2018/19'], env)).code).toBe(0);
  });

  it('reopens the year only with a reason, and then takes the file', async () => {
    expect((await runCli(['finance', 'reopen-year', '2017-18'], env)).code).not.toBe(0);
    const reopened = await runCli(['finance', 'reopen-year', '2017-18', '--reason', 'Auditors asked for the late fee'], env);
    expect(reopened).toMatchObject({ code: 0, stdout: '2017/18: open\n' });
    expect((await runCli(['finance', 'import', 'running-costs', costs, '--year', '2017/18'], env)).code).toBe(0);
  });
});
