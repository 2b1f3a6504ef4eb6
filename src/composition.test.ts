import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../test/support/databases.js';
import { type Config, readConfig } from './config.js';
import { openDatabase } from './composition.js';
import type { Database } from './db/client.js';

/** The configuration a server and the CLI share: a PostgreSQL database of the test cluster's, or an embedded one in a folder of its own. */
async function sharedConfig(kind: (typeof databaseKinds)[number], dir: string): Promise<{ config: Config; database?: Database }> {
  if (kind === 'pglite') return { config: readConfig({ ATSCALE_DATA_DIR: join(dir, 'data') }) };
  const database = await openTestDatabase('postgres');
  return { config: readConfig({ DATABASE_URL: database.location, ATSCALE_DATA_DIR: join(dir, 'unused') }), database };
}

describe.each(databaseKinds)('a restore and the servers on its database (%s)', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-alone-'));
  let config: Config;
  let database: Database | undefined;
  beforeAll(async () => ({ config, database } = await sharedConfig(kind, dir)), 60_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a restore while a server uses the database (it would replace what the server holds), and lets it once the server stops', async () => {
    const server = await openDatabase(config, 'server');
    const refused = await openDatabase(config, 'cli', { alone: true }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/is in use by (a running atscale server|the atscale server)/) });
    await server.close();
    const restore = await openDatabase(config, 'cli', { alone: true });
    // While the restore runs, a server does not start on half of it.
    await expect(openDatabase(config, 'server')).rejects.toMatchObject({ kind: 'unavailable' });
    await restore.close();
    await (await openDatabase(config, 'server')).close();
  }, 60_000);
});

describe('servers sharing a PostgreSQL database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-shared-'));
  let config: Config;
  let database: Database | undefined;
  beforeAll(async () => ({ config, database } = await sharedConfig('postgres', dir)), 60_000);
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('run side by side (there is no lock file), and a restore waits for both to stop', async () => {
    const [first, second] = [await openDatabase(config, 'server'), await openDatabase(config, 'server')];
    await first.close();
    await expect(openDatabase(config, 'cli', { alone: true })).rejects.toMatchObject({ message: expect.stringContaining('Stop it first: a restore replaces everything it holds') });
    await second.close();
    await (await openDatabase(config, 'cli', { alone: true })).close();
  }, 60_000);
});
