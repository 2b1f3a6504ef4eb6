import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';

const seedPath = (name: string) => new URL(`../../../../shared/data/elr/${name}`, import.meta.url).pathname;

describe('atscale risks, actions and digest', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-governance-'));
  const env = { ATSCALE_DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined };
  // A command other than migrate, serve, demo load or restore uses a database that is there already.
  beforeAll(async () => expect((await runCli(['migrate'], env)).code).toBe(0), 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the seed registers all or nothing, again without changes, and lists them', async () => {
    // Without JW on the People page, the action log is refused whole, naming each line.
    const refused = await runCli(['actions', 'import', seedPath('board-actions.csv')], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('board-actions.csv, line 2, column 3 (owner): names "JW", who is not on the People page');
    expect((await runCli(['demo', 'load'], env)).code).toBe(0);
    const again = await runCli(['risks', 'import', seedPath('risks.csv')], env);
    // Counted as every import counts, under the file's name and where it went.
    expect(again.stdout).toMatch(/^risks\.csv via .+\n  Inserted   0\n  Updated    0\n  Unchanged  4\n$/);
    const listed = JSON.parse((await runCli(['risks', 'list', '--format', 'json'], env)).stdout) as Record<string, unknown>[];
    expect(listed.map((r) => [r.ref, r.likelihoodRaw, r.likelihood, r.impact])).toEqual([
      ['1', 'L', 2, null],
      ['2', 'M', 3, null],
      ['3', 'M', 3, null],
      ['4', 'M', 3, null],
    ]);
    // The table and CSV write a risk as its page and download do: R1, Open.
    const csv = (await runCli(['risks', 'list', '--format', 'csv'], env)).stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv[0]).toBe('Ref,Risk,Owner,Likelihood,Likelihood as written,Impact,Score,Rating,Mitigation,Review date,Status');
    expect(csv[1]).toMatch(/^R1,"Lack of openness, transparency and trust",,2,L,,,,.*,,Open$/);
    expect((await runCli(['risks', 'list'], env)).stdout).toMatch(/^R2 +Lack of management capacity/m);
  });

  it('lists overdue actions and refuses a file with an impossible date', async () => {
    const file = join(dir, 'actions.csv');
    const header = readFileSync(seedPath('board-actions.csv'), 'utf8').split('\n')[0];
    writeFileSync(file, `${header}\n8,Estates offer,JW,01/01/2019,Drafted,COO report April 2018\n9,Teaching academy,JW,30/02/2019,,COO report April 2018\n`);
    // Nothing overdue yet: the table says so rather than print headings over nothing.
    const none = await runCli(['actions', 'list', '--overdue'], env);
    expect([none.code, none.stderr]).toEqual([0, 'atscale: nothing to list\n']);
    const bad = await runCli(['actions', 'import', file], env);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('actions.csv, line 3, column 4 (due): "30/02/2019" is not a real date')]);
    writeFileSync(file, `${header}\n8,Estates offer,JW,01/01/2019,Drafted,COO report April 2018\n`);
    expect((await runCli(['actions', 'import', file], env)).stdout).toMatch(/Inserted +1\n +Updated +0\n +Unchanged +0\n/);
    const overdue = await runCli(['actions', 'list', '--overdue', '--format', 'csv'], env);
    expect(overdue.stdout.replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toEqual(['Ref,Action,Owner,Due,Status,Latest update,Outcome', '8,Estates offer,JW,2019-01-01,Open,Drafted,']);
    // The table writes the date as the pages do.
    expect((await runCli(['actions', 'list', '--overdue'], env)).stdout).toMatch(/^8 +Estates offer +JW +1 January 2019 +Open +Drafted$/m);
  });

  it('prints the digest on a dry run', async () => {
    const result = await runCli(['digest', 'send', '--dry-run'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('To: admin@elr-federation.example');
    expect(result.stdout).toContain('- Board action 8: Estates offer (due 1 January 2019)');
    expect(result.stdout).toContain('To: pm.kibworth@elr-federation.example');
    // The commissioner has the demo's fund applications to decide.
    expect(result.stdout).toContain('To: commissioner@elr-ccg.example');
    expect(result.stdout).toMatch(/- Fund application to decide \d+: .+: £[\d,.]+ from .+/);
    // The clinician has nothing due (a policy to acknowledge is the practice manager's to do).
    expect(result.stdout).not.toContain('To: clinician@elr-federation.example');
    expect(result.stdout).toMatch(/3 digests composed, none sent/);
  });

  it('lists the latest changes from the audit log, filtered, each record by its name beside its ID, and refuses an impossible date', async () => {
    const listed = await runCli(['audit', '--type', 'board_action', '--format', 'json'], env);
    expect(listed.code).toBe(0);
    const items = JSON.parse(listed.stdout) as { recordType: string; recordId: string; recordName: string | null; action: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.recordType === 'board_action')).toBe(true);
    // The latest is action 8's, named by its ref and words; its ID is the record's own.
    expect(items[0]).toMatchObject({ recordId: expect.stringMatching(/^\d+$/), recordName: 'Action 8: Estates offer' });
    const table = await runCli(['audit', '--limit', '3'], env);
    expect(table.stdout.split('\n')[0]).toMatch(/^When +Who +Record type +Record +Record name +Action +Summary$/);
    expect(table.stdout.trim().split('\n')).toHaveLength(2 + 3);
    // As the audit page reads: when in words, who by name (the command line's user), the action by its ref beside its ID.
    const actions = await runCli(['audit', '--type', 'board_action', '--limit', '1'], env);
    expect(actions.stdout.split('\n')[2]).toMatch(new RegExp(String.raw`^\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}[ap]m +\S+ \(command line\) +Board action +${items[0]!.recordId} +Action 8: Estates offer +\w+ +\S`));
    expect(await runCli(['audit', '--to', '2019-02-30'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('The --to date "2019-02-30" is not valid') });
    // By who made the change: part of a name or email, any case; a % is a percent sign, not "anything".
    const byDemo = JSON.parse((await runCli(['audit', '--who', 'DEMO', '--type', 'board_action', '--format', 'json'], env)).stdout) as { actorLabel: string }[];
    expect(byDemo.length).toBeGreaterThan(0);
    expect(new Set(byDemo.map((i) => i.actorLabel))).toEqual(new Set(['demo']));
    expect(await runCli(['audit', '--who', '%'], env)).toMatchObject({ code: 0, stderr: expect.stringMatching(/^atscale: no changes match --who %\n/) });
  });

  it('refuses to send the digest with no mail server set, saying so and failing, for a script to notice', async () => {
    const result = await runCli(['digest', 'send'], { ...env, SMTP_URL: undefined });
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('Set SMTP_URL (e.g. smtp://mail.example.nhs.uk:25) to send the digest, or use --dry-run');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
