import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, projectRoot, runCli, runCliAtTerminal, startCliServer } from '../../test/support/cli.js';
import { openTestDatabase } from '../../test/support/databases.js';
import { epraccurRow } from '../../test/support/factories.js';
import { nhsDir } from '../../test/support/nhs-files.js';
import type { Database } from '../db/client.js';

describe('the atscale command with the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-cli-'));
  const env = { ATSCALE_DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined };
  // A command other than migrate, serve, demo load or restore uses a database that is there already.
  beforeAll(async () => expect((await runCli(['migrate'], env)).code).toBe(0), 120_000);
  const good = join(dir, 'epraccur.csv');
  const bad = join(dir, 'epraccur-bad.csv');
  const listSizes = join(dir, 'gp-reg-pat-prac-all.csv');
  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, '');
  writeFileSync(good, [epraccurRow({ 1: 'C99001', 2: 'FIRST SURGERY' }), epraccurRow({ 1: 'C99002', 2: 'SECOND SURGERY', 15: '04C' })].join('\r\n'));
  writeFileSync(bad, [epraccurRow({ 1: 'C99003' }), epraccurRow({ 1: 'C99004', 11: '20181301' })].join('\r\n'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects a bad file with JSON naming file, line and column, exits non-zero and writes nothing; then imports a good one idempotently', async () => {
    const rejected = await runCli(['import', 'ods', bad, '--format', 'json'], env);
    expect(rejected.code).toBe(2);
    // Nothing was written: the registry is still empty, and a list says so and what to do.
    expect((await runCli(['practices'], env)).stderr).toBe(
      'atscale: the registry holds no active GP practices: run atscale demo load, or import an ODS file (atscale import ods <file>); if it should hold some, check ATSCALE_DATA_DIR or DATABASE_URL points at your database\n',
    );
    expect(JSON.parse(rejected.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, rejected: 1, errors: [{ file: 'epraccur-bad.csv', line: 2, column: 11, message: expect.stringMatching(/open date/) }] });
    // A file that is not there, or a bad --as-of, is still a report to a program that asked for JSON, with the error's exit code.
    const missing = await runCli(['import', 'ods', join(dir, 'not-there.csv'), '--format', 'json'], env);
    expect({ code: missing.code, report: JSON.parse(missing.stdout) }).toMatchObject({ code: 4, report: { inserted: 0, rejected: 1, errors: [{ file: 'not-there.csv', message: expect.stringContaining('no such file') }] } });
    const badDate = await runCli(['import', 'ods', good, '--as-of', '2018-02-30', '--format', 'json'], env);
    expect({ code: badDate.code, report: JSON.parse(badDate.stdout) }).toMatchObject({ code: 2, report: { rejected: 1, errors: [{ file: 'epraccur.csv', message: 'The --as-of date "2018-02-30" is not valid; field --as-of: is not a real date' }] } });
    const future = await runCli(['import', 'ods', good, '--as-of', '2090-01-01', '--format', 'json'], env);
    expect({ code: future.code, report: JSON.parse(future.stdout) }).toMatchObject({ code: 2, report: { rejected: 1, errors: [{ message: expect.stringContaining('(1 January 2090) is after today') }] } });
    const first = await runCli(['import', 'ods', good, '--format', 'json'], env);
    expect({ code: first.code, report: JSON.parse(first.stdout) }).toMatchObject({ code: 0, report: { inserted: 2, updated: 0, unchanged: 0, rejected: 0, errors: [] } });
    const again = await runCli(['import', 'ods', good, '--format', 'json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
    // A registry with practices but none dormant is not told to load the demo.
    expect(await runCli(['practices', '--status', 'dormant'], env)).toMatchObject({ code: 0, stderr: 'atscale: the registry holds no dormant GP practices\n' });
    const listed = await runCli(['practices', '--commissioner', '03W', '--format', 'csv'], env);
    // Every column of the practices page's download, the postcode included.
    expect(listed.stdout.trim().split('\r\n')).toEqual(['ODS code,Name,Status,GP practice,Sub-ICB code,PCN code,PCN name,Locality,Postcode,List size,List size date', 'C99001,FIRST SURGERY,Active,Yes,03W,,,,LE1 1AA,,']);
    // JSON is for programs: the practices as the API gives them, keyed by field, not by the headings people read.
    const [json] = JSON.parse((await runCli(['practices', '--commissioner', '03W', '--format', 'json'], env)).stdout) as Record<string, unknown>[];
    expect(json).toMatchObject({ odsCode: 'C99001', displayName: 'FIRST SURGERY', status: 'active', commissionerCode: '03W', pcnCode: null, listSize: null, listSizeDate: null });
    expect(json).not.toHaveProperty(['ODS code']);
    // What --skip-unknown left out is in the JSON too, not only in the text report.
    writeFileSync(listSizes, ['PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS', ...['C99001', 'Q99999'].map((code) => `GP_PRAC_PAT_LIST,2025-04-01,GP,03W,E38000051,${code},LE1 1AA,ALL,ALL,100`)].join('\r\n'));
    // Refused, the text report says why in one sentence and how to go on, instead of listing each row.
    const refused = await runCli(['import', 'list-sizes', listSizes], env);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('\nNothing was imported. 1 practice in this file is not in the registry (Q99999): import the ODS practice file (epraccur) first, or import again with --skip-unknown to import the rows of the practices it holds.\n');
    const skipped = JSON.parse((await runCli(['import', 'list-sizes', listSizes, '--skip-unknown', '--format', 'json'], env)).stdout);
    expect(skipped).toMatchObject({ inserted: 1, skipped: 1, rejected: 0, notes: ['Skipped 1 row for 1 practice not in the registry: Q99999.'], practicesNotInRegistry: ['Q99999'] });
    // The table reads as the practices page does: the status in words, the list size's date as a date.
    expect((await runCli(['practices', '--commissioner', '03W'], env)).stdout).toMatch(/^C99001 +FIRST SURGERY +Active +03W +100 +1 April 2025$/m);
  }, 120_000);

  it('refuses a format outside its choices, a file that is not there and an impossible --as-of date with a message and a non-zero exit, not a stack trace', async () => {
    const format = await runCli(['practices', '--format', 'xml'], env);
    expect(format).toMatchObject({ code: 2, stderr: expect.stringContaining("argument 'xml' is invalid. Allowed choices are table, csv, json") });
    const status = await runCli(['practices', '--status', 'weird'], env);
    expect(status).toMatchObject({ code: 2, stderr: expect.stringContaining('Allowed choices are active, closed, dormant, proposed, all') });
    const missing = await runCli(['import', 'ods', join(dir, 'not-there.csv')], env);
    expect(missing).toMatchObject({ code: 4, stderr: expect.stringContaining('not-there.csv: no such file') });
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    // An empty file is called empty, here and through the server below.
    expect(await runCli(['import', 'pcns', empty], env)).toMatchObject({ code: 2, stdout: expect.stringContaining('empty.csv: the file is empty') });
    const asOf = await runCli(['import', 'ods', good, '--as-of', '2018-02-31'], env);
    expect(asOf).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of: is not a real date') });
    expect((await runCli(['import', 'ods', good, '--as-of', 'yesterday'], env)).stderr).toContain('--as-of: must be a date written YYYY-MM-DD');
    expect((await runCli(['--help'], env)).code).toBe(0);
    expect(await runCli(['--version'], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    // A QOF file that is not there stops the command before any file is read, as other imports do.
    const qof = await runCli(['import', 'qof', join(dir, 'PREVALENCE_2223.csv'), good], env);
    expect(qof).toMatchObject({ code: 4, stderr: `atscale: Cannot read ${join(dir, 'PREVALENCE_2223.csv')}: no such file\n` });
    const environment = await runCli(['practices'], { ...env, PORT: 'abc', DATABASE_URL: 'mysql://x' });
    expect(environment).toMatchObject({ code: 2, stderr: expect.stringContaining('field DATABASE_URL: DATABASE_URL must start with postgres://') });
    expect(environment.stderr).toContain('field PORT: must be a number');
    expect(environment.stderr).not.toMatch(/\n\s+at /);
    const noPassword = await runCli(['users', 'add', '--email', 'someone@example.nhs.uk', '--name', 'Someone', '--role', 'clinician'], { ...env, ATSCALE_NEW_PASSWORD: '' });
    expect(noPassword).toMatchObject({ code: 2, stderr: expect.stringContaining('field --password (or ATSCALE_NEW_PASSWORD): must be at least 12 characters') });
    // A kind of record the log has never held, and a span that ends before it starts, are slips to correct, not empty answers.
    expect(await runCli(['audit', '--type', 'nonsense'], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^atscale: atscale keeps no records of type "nonsense"\n  field --type: one of: .*\bpractice\b/) });
    // A type atscale keeps, with nothing changed yet, is an empty answer, not a slip.
    expect(await runCli(['audit', '--type', 'stp_outcome'], env)).toMatchObject({ code: 0, stderr: expect.stringContaining('no changes match --type stp_outcome') });
    expect(await runCli(['audit', '--from', '2026-11-25', '--to', '2026-11-24'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('The "to" date (24 November 2026) is before the "from" date (25 November 2026)') });
    expect(await runCli(['audit', '--who', 'nobody-at-all'], env)).toMatchObject({ code: 0, stderr: expect.stringContaining('no changes match --who nobody-at-all') });
  }, 120_000);

  it('says whether migrate created the database or found it up to date; other commands do not make one where there is none', async () => {
    const fresh = { ...env, ATSCALE_DATA_DIR: join(dir, 'migrated') };
    // Run from the wrong folder, an import would have made a new, empty database there and filled it unseen.
    const elsewhere = await runCli(['import', 'ods', good], fresh);
    expect([elsewhere.code, elsewhere.stderr]).toEqual([4, expect.stringMatching(/^atscale: There is no atscale database in .+migrated\. Run atscale in the folder the server runs in, or set ATSCALE_DATA_DIR/)]);
    expect(existsSync(join(dir, 'migrated', 'pglite'))).toBe(false);
    expect(await runCli(['migrate'], fresh)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Created the embedded database in .+migrated.pglite \(\d+ migrations\)\.\n$/) });
    expect(await runCli(['migrate'], fresh)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^The embedded database in .+ was already up to date \(\d+ migrations\)\.\n$/) });
  }, 60_000);

  it('prints one JSON document for several QOF files, a list of their reports, prevalence first', async () => {
    const result = await runCli(['import', 'qof', join(nhsDir, 'MAPPING_INDICATORS_2021_v2.csv'), join(nhsDir, 'PREVALENCE_2223.csv'), '--format', 'json'], env);
    expect(result.code).toBe(0);
    const reports = JSON.parse(result.stdout) as { file: string; rejected: number; errors: unknown[] }[];
    expect(reports.map((r) => [r.file, r.rejected, r.errors])).toEqual([['PREVALENCE_2223.csv', 0, []], ['MAPPING_INDICATORS_2021_v2.csv', 0, []]]);
  }, 60_000);

  it('stops quietly when the program reading its output stops early (atscale practices | head -1)', async () => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin/atscale.mjs'), 'practices', '--status', 'all'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  }, 60_000);

  it('says a port in use is in use, and lets go of the database so other commands still work', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const served = await runCli(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' }, 60_000);
      expect(served.code).toBe(7);
      expect(served.stderr).toContain(`Port ${port} is already in use by another program`);
      expect(served.stderr).not.toMatch(/\n\s+at /);
      expect((await runCli(['practices', '--format', 'csv'], env)).code).toBe(0);
    } finally {
      taken.close();
    }
  });

  it('goes through the running server while it holds the database, and refuses what needs the files to itself', async () => {
    const port = await freePort();
    const server = await startCliServer({ ATSCALE_DATA_DIR: env.ATSCALE_DATA_DIR, PORT: String(port), ATSCALE_MAX_UPLOAD_MB: '0.002' }, ['--demo']);
    try {
      expect(server.output()).toContain(`atscale is running at http://localhost:${port}`);
      expect(server.output()).toMatch(/admin@elr-federation\.example \/ demo-admin-password/);
      // Each sign-in under its role as people call it.
      expect(server.output()).toMatch(/^ {2}Practice manager +pm\.kibworth@elr-federation\.example \/ demo-manager-password$/m);
      const listed = await runCli(['practices', '--locality', 'Rutland', '--format', 'json'], env);
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout).map((p: Record<string, unknown>) => p.odsCode).sort()).toEqual(['C82010', 'C82044', 'C82077', 'C82649']);
      // A PCN by part of its name, as the list shows it; a choice that matches nothing says so.
      const byPcnName = await runCli(['practices', '--pcn', 'rutland', '--format', 'json'], env);
      expect(JSON.parse(byPcnName.stdout).map((p: Record<string, unknown>) => p.pcnName)).toEqual(expect.arrayContaining(['RUTLAND HEALTH PCN']));
      expect(await runCli(['practices', '--locality', 'Nowhere'], env)).toMatchObject({ code: 0, stderr: 'atscale: no active GP practices match locality "Nowhere"\n' });
      // A group by name, in any case: the federation's members today (two of the 31 have left).
      const members = await runCli(['practices', '--member-of', 'east leicestershire & rutland gp federation', '--format', 'json'], env);
      expect(JSON.parse(members.stdout)).toHaveLength(29);
      const notAGroup = await runCli(['practices', '--member-of', 'Nowhere'], env);
      expect(notAGroup).toMatchObject({ code: 4, stderr: expect.stringContaining('atscale: No group is named "Nowhere"\n  field --member-of: must be the name or ID of a group: ') });
      expect(notAGroup.stderr).toContain('Rutland (ID ');
      const imported = await runCli(['import', 'ods', good], env);
      expect(imported.stdout).toContain(`via the running server at http://127.0.0.1:${port}`);
      expect(imported.stdout).toMatch(/\n  Unchanged +2\n/);
      expect(await runCli(['import', 'ods', empty], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('atscale: empty.csv is empty') });
      // Over the server's upload limit (2 KB here), the command says which limit and what to do instead.
      const tooLarge = await runCli(['import', 'list-sizes', join(nhsDir, 'MAPPING_INDICATORS_2021_v2.csv')], env);
      expect(tooLarge).toMatchObject({ code: 2, stderr: expect.stringContaining('MAPPING_INDICATORS_2021_v2.csv is larger than the upload limit of 2 KB of the running server (ATSCALE_MAX_UPLOAD_MB). Stop the server') });
      const added = await runCli(['users', 'add', '--email', 'new.pm@example.nhs.uk', '--name', 'New Manager', '--role', 'practice_manager', '--practice', 'C82010', '--password', 'a long enough password'], env);
      expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('Added New Manager <new.pm@example.nhs.uk> as practice manager (id ') });
      const duplicate = await runCli(['users', 'add', '--email', 'new.pm@example.nhs.uk', '--name', 'Again', '--role', 'clinician', '--password', 'a long enough password'], env);
      expect(duplicate).toMatchObject({ code: 5, stderr: expect.stringContaining('already a user') });
      // A backup while the server runs: the server takes it, so no one need stop using atscale. A browser cannot.
      const served = await runCli(['backup', join(dir, 'served-backup.json.gz')], env);
      expect(served).toMatchObject({ code: 0, stdout: `Backed up to ${join(dir, 'served-backup.json.gz')}\n` });
      expect(statSync(join(dir, 'served-backup.json.gz')).mode & 0o777).toBe(0o600);
      expect(JSON.parse(gunzipSync(readFileSync(join(dir, 'served-backup.json.gz'))).toString('utf8'))).toMatchObject({ format: 'atscale-backup', tables: { practices: expect.any(Array) } });
      const signIn = await fetch(`http://127.0.0.1:${port}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@elr-federation.example', password: 'demo-admin-password' }) });
      const inBrowser = await fetch(`http://127.0.0.1:${port}/api/backup`, { headers: { cookie: signIn.headers.get('set-cookie')!.split(';')[0]! } });
      expect([inBrowser.status, ((await inBrowser.json()) as { message: string }).message]).toEqual([403, 'A backup holds every user’s password hash, so it is taken on the server’s machine: run atscale backup <file> there']);
    } finally {
      // A second signal while it closes the database must not cut it short: it ends cleanly and lets go of the lock.
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
    expect(existsSync(join(env.ATSCALE_DATA_DIR!, 'atscale.lock'))).toBe(false);
    const backup = await runCli(['backup', join(dir, 'backup.json.gz')], env);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining('Backed up to') });
    // It holds password hashes: only its owner may read it.
    expect(statSync(join(dir, 'backup.json.gz')).mode & 0o777).toBe(0o600);
    // A backup that fails (no database there, PostgreSQL down) leaves the last good one of that name as it was, and no part-written file.
    const lastGood = readFileSync(join(dir, 'backup.json.gz'));
    expect(await runCli(['backup', join(dir, 'backup.json.gz')], { ...env, ATSCALE_DATA_DIR: join(dir, 'nowhere') })).toMatchObject({ code: 4 });
    expect(await runCli(['backup', join(dir, 'backup.json.gz')], { ...env, DATABASE_URL: `postgres://atscale@127.0.0.1:${await freePort()}/atscale` })).toMatchObject({ code: 7 });
    expect(readFileSync(join(dir, 'backup.json.gz')).equals(lastGood)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.includes('backup'))).toEqual(['backup.json.gz', 'served-backup.json.gz']);
    // Not at a terminal, a restore over stored data is refused until it says --yes, saying what it would replace.
    const unasked = await runCli(['restore', join(dir, 'backup.json.gz')], env);
    expect(unasked).toMatchObject({ code: 2, stderr: expect.stringMatching(/^atscale: This replaces everything stored in .+ \(33 practices, \d+ groups and \d+ users\) with the backup made on \d{1,2} [A-Z][a-z]+ \d{4} at .+ Run atscale restore .+ --yes to go on\.\n$/) });
    // At a terminal it asks; anything but yes restores nothing.
    const declined = await runCliAtTerminal(['restore', join(dir, 'backup.json.gz')], env, [{ after: 'Type yes to restore: ', type: 'no' }]);
    expect(declined).toMatchObject({ code: 2, output: expect.stringMatching(/This replaces everything stored in [\s\S]+Type yes to restore: [\s\S]*Nothing was restored\./) });
    const restore = await runCli(['restore', join(dir, 'backup.json.gz'), '--yes'], env);
    // One table a line, with its rows.
    expect(restore.stdout).toMatch(/^practices +33$/m);
    expect(restore.stdout).toMatch(/^audit_log +\d+$/m);
  }, 240_000);
});

describe('the atscale command with DATABASE_URL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(() => database?.close());

  it('points every command at PostgreSQL instead of the embedded database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atscale-cli-pg-'));
    const url = (database as unknown as { location: string }).location;
    expect(url).not.toContain('***');
    const env = { DATABASE_URL: url, ATSCALE_DATA_DIR: join(dir, 'unused') };
    const loaded = await runCli(['demo', 'load'], env);
    expect(loaded.stdout).toContain('Loaded East Leicestershire & Rutland GP Federation: 31 practices in 6 localities.');
    const listed = await runCli(['practices', '--pcn', 'U67590', '--format', 'json'], env);
    expect(JSON.parse(listed.stdout)).toHaveLength(4);
    expect((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM practices'))[0]!.n).toBe(31);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
