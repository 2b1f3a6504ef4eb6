import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runCli, runCliAtTerminal, startCliServer } from '../../test/support/cli.js';
import { epraccurRow } from '../../test/support/factories.js';

/** An admin at a terminal: who may sign in, a forgotten password, someone who has left. */
describe('an admin at a terminal: atscale users and atscale check, with the embedded database and through the running server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-users-'));
  const env = { ATSCALE_DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined };
  // A command other than migrate, serve, demo load or restore uses a database that is there already.
  beforeAll(async () => expect((await runCli(['migrate'], env)).code).toBe(0), 120_000);
  const manager = 'pm.kibworth@elr-federation.example';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the users with their roles and practices, by role or by part of a name, as a table, CSV or JSON', async () => {
    expect((await runCli(['demo', 'load'], env)).code).toBe(0);
    const table = await runCli(['users', 'list'], env);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID +Name +Email +Role +Practices +Signed in$/);
    expect(table.stdout).toMatch(/Priya Patel +pm\.kibworth@elr-federation\.example +Practice manager +C82001 +Never/);
    const clinicians = await runCli(['users', 'list', '--role', 'clinician', '--format', 'csv'], env);
    expect(clinicians.stdout.trim().split('\r\n')).toEqual(['ID,Name,Email,Role,Practices,Signed in', expect.stringMatching(/^\d+,Dr Sam Okafor,clinician@elr-federation\.example,Clinician,C82009,Never$/)]);
    const found = JSON.parse((await runCli(['users', 'list', '--search', 'KIBWORTH', '--format', 'json'], env)).stdout) as { email: string; practiceCodes: string[] }[];
    expect(found).toEqual([expect.objectContaining({ email: manager, practiceCodes: ['C82001'] })]);
    const nobody = await runCli(['users', 'list', '--search', 'nobody'], env);
    expect(nobody).toMatchObject({ code: 0, stderr: 'atscale: no users match "nobody"\n' });
    expect(nobody.stdout.trim().split('\n')).toHaveLength(2); // the headings and their rule, no rows
    expect((await runCli(['users', 'list', '--role', 'locum'], env)).code).not.toBe(0);
    // The demo's memberships keep every membership rule.
    expect(await runCli(['check'], env)).toMatchObject({ code: 0, stdout: '', stderr: expect.stringMatching(/^Checked \d+ memberships: each keeps the rules\.\n$/) });
  }, 120_000);

  it('sets a new password (ending their sign-ins) and disables and enables a user through the running server, each audited, so sign-in follows', async () => {
    const port = await freePort();
    const server = await startCliServer({ ATSCALE_DATA_DIR: env.ATSCALE_DATA_DIR, PORT: String(port) });
    const session = (password: string) => fetch(`http://localhost:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: manager, password }) });
    const signIn = async (password: string) => (await session(password)).status;
    const signedInAs = async (cookie: string) => ((await (await fetch(`http://localhost:${port}/api/session`, { headers: { cookie } })).json()) as { user: { label: string } | null }).user?.label ?? null;
    try {
      // Signed in before the password is set: that sign-in ends with it.
      const before = (await session('demo-manager-password')).headers.get('set-cookie')!.split(';')[0]!;
      expect(await signedInAs(before)).toBe(`Priya Patel <${manager}>`);
      expect(await runCli(['users', 'set-password', '--email', manager, '--password', 'too short'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('field --password (or ATSCALE_NEW_PASSWORD): must be at least 12 characters') });
      expect(await runCli(['users', 'set-password', '--email', 'PM.Kibworth@elr-federation.example'], { ...env, ATSCALE_NEW_PASSWORD: 'a new and longer password' })).toMatchObject({
        code: 0,
        stdout: `Set a new password for Priya Patel <${manager}>\n`,
      });
      expect(await signedInAs(before)).toBeNull();
      expect(await signIn('demo-manager-password')).toBe(401);
      expect(await signIn('a new and longer password')).toBe(200);
      // At a terminal, with neither --password nor ATSCALE_NEW_PASSWORD, it is typed twice and never shown; a script is told what to give.
      const typed = 'typed at a terminal, unseen';
      const asked = [{ after: 'New password (at least 12 characters; not shown): ', type: typed }];
      expect(await runCliAtTerminal(['users', 'set-password', '--email', manager], env, [...asked, { after: 'The same again: ', type: 'something else entirely' }])).toMatchObject({ code: 2, output: expect.stringContaining('The two passwords typed differ; no password was set.') });
      const atTerminal = await runCliAtTerminal(['users', 'set-password', '--email', manager], env, [...asked, { after: 'The same again: ', type: typed }]);
      expect(atTerminal).toMatchObject({ code: 0, output: expect.stringContaining(`Set a new password for Priya Patel <${manager}>`) });
      expect(atTerminal.output).not.toContain('typed at');
      expect(await signIn(typed)).toBe(200);
      expect(await runCli(['users', 'set-password', '--email', manager], { ...env, ATSCALE_NEW_PASSWORD: undefined })).toMatchObject({ code: 2, stderr: expect.stringContaining('field --password (or ATSCALE_NEW_PASSWORD): give the new password (at least 12 characters): not at a terminal, so it cannot be asked for') });
      expect(await runCli(['users', 'disable', '--email', manager], env)).toMatchObject({ code: 0, stdout: `Priya Patel <${manager}> is now disabled\n` });
      expect(await runCli(['users', 'disable', '--email', manager], env)).toMatchObject({ code: 0, stdout: `Priya Patel <${manager}> was already disabled\n` });
      expect(await signIn(typed)).not.toBe(200);
      expect(await runCli(['users', 'enable', '--email', manager], env)).toMatchObject({ code: 0, stdout: `Priya Patel <${manager}> is now able to sign in\n` });
      expect(await signIn(typed)).toBe(200);
      expect(await runCli(['users', 'disable', '--email', 'left@elr-federation.example'], env)).toMatchObject({ code: 4, stderr: expect.stringContaining('No user has the email left@elr-federation.example') });
      const audit = JSON.parse((await runCli(['audit', '--type', 'user', '--format', 'json'], env)).stdout) as { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
      // Newest first: enabled, disabled, then the password (whose hash the audit never shows).
      expect(audit.slice(0, 3).map((a) => [a.action, a.before?.disabled, a.after?.disabled])).toEqual([
        ['update', true, false],
        ['update', false, true],
        ['update', false, false],
      ]);
      expect(JSON.stringify(audit)).not.toMatch(/passwordHash|\$argon|\$scrypt/);
      // Once they have left: refused while they can sign in, then anonymised through the running server.
      expect(await runCli(['users', 'anonymise', '--email', manager], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('can still sign in: disable them first') });
      await runCli(['users', 'disable', '--email', manager], env);
      expect(await runCli(['users', 'anonymise', '--email', manager], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Priya Patel is now “Former user \d+” in \d+ places\n$/) });
      expect((await runCli(['users', 'list', '--search', 'Priya', '--format', 'json'], env)).stdout.trim()).toBe('[]');
    } finally {
      await server.stop();
    }
  }, 240_000);

  it('after an ODS file closes a member practice, says so, and ends its memberships on the closing date through the running server', async () => {
    const file = join(dir, 'epraccur.csv');
    writeFileSync(file, `${epraccurRow({ 1: 'C82001', 2: 'KIBWORTH MEDICAL CENTRE', 12: '20260930', 13: 'C', 15: '04V' })}\r\n`);
    const imported = await runCli(['import', 'ods', file], env);
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringMatching(/Note: Kibworth Medical Centre \(C82001\) closed on 30 September 2026 and is still in [^.]+\. End those memberships on the closing date from the groups page, or with atscale check --end-at-closing\./) });
    const check = await runCli(['check'], env);
    expect(check).toMatchObject({ code: 2, stderr: expect.stringMatching(/problems? to put right on the groups’ pages \(\d memberships? of closed practices: atscale check --end-at-closing ends (it|them) on the closing date\)\.\n$/) });
    const port = await freePort();
    const server = await startCliServer({ ATSCALE_DATA_DIR: env.ATSCALE_DATA_DIR, PORT: String(port) });
    try {
      const ended = await runCli(['check', '--end-at-closing'], env);
      expect(ended).toMatchObject({ code: 0, stdout: '' });
      expect(ended.stderr).toMatch(/^Ended \d memberships?:\n  Kibworth Medical Centre \(C82001\) left [^\n]+ on 30 September 2026, when it closed\nChecked \d+ memberships: each keeps the rules\.\n$/);
      expect((await runCli(['check', '--end-at-closing'], env)).stderr).toMatch(/^No membership runs past its practice’s close date\.\n/);
      const audit = JSON.parse((await runCli(['audit', '--type', 'membership', '--format', 'json'], env)).stdout) as { summary: string; actor: string }[];
      expect(audit[0]).toMatchObject({ summary: 'Ended on 30 September 2026, when the practice closed' });
    } finally {
      await server.stop();
    }
  }, 240_000);

  it('a new install without the demo says how to add the first admin, who can then sign in', async () => {
    const fresh = { ATSCALE_DATA_DIR: join(dir, 'fresh'), DATABASE_URL: undefined };
    const port = await freePort();
    const server = await startCliServer({ ATSCALE_DATA_DIR: fresh.ATSCALE_DATA_DIR, PORT: String(port) });
    try {
      expect(server.output()).toContain('No one can sign in yet. Add the first admin from another terminal (it goes through this server):\n  npx atscale users add --email you@example.org --name "Your name" --role admin');
      expect(server.output()).not.toContain('Demo sign-ins');
      const added = await runCli(['users', 'add', '--email', 'coo@example.org', '--name', 'Sam Lee', '--role', 'admin'], { ...fresh, ATSCALE_NEW_PASSWORD: 'the first admin password' });
      expect(added).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Added Sam Lee <coo@example\.org> as federation admin \(id \d+\)\n$/) });
      const signIn = await fetch(`http://localhost:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'coo@example.org', password: 'the first admin password' }) });
      expect(signIn.status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
