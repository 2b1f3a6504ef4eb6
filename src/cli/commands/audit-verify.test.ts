import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { openPglite } from '../../db/client.js';

describe('atscale audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-verify-'));
  const env = { ATSCALE_DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined };
  beforeAll(async () => expect((await runCli(['demo', 'load'], env)).code).toBe(0), 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says every seal matches and prints the latest to keep; names the first row changed behind its back, exit code 2', async () => {
    const whole = await runCli(['audit', 'verify'], env);
    expect(whole).toMatchObject({ code: 0, stdout: expect.stringContaining('Every sealed row matches its seal.') });
    const kept = /The latest seal, to keep elsewhere: (\d+:[0-9a-f]{64})$/m.exec(whole.stdout)![1]!;
    expect(await runCli(['audit', 'verify', '--anchor', kept], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('matches: the log up to there is as it was') });
    expect(await runCli(['audit', 'verify', '--anchor', 'latest'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('place:seal') });
    // Someone with the database's files changes a row behind atscale's back.
    const database = await openPglite(join(env.ATSCALE_DATA_DIR, 'pglite'));
    const [row] = await database.query<{ id: number }>("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 5 RETURNING id::int");
    await database.close();
    const failed = await runCli(['audit', 'verify', '--format', 'json'], env);
    expect(failed.code).toBe(2);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, failures: [{ id: row!.id, seq: 5, fault: 'altered' }] });
  });
});
