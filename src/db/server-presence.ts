import pg from 'pg';
import { AppError } from '../domain/errors.js';

/**
 * PostgreSQL has no lock file: servers sharing a database say they are there by holding a shared
 * advisory lock (one key, atscale's; advisory locks belong to one database), and a restore, which
 * replaces everything under them, takes it exclusively or refuses. Each is held on a connection of
 * its own, so it lasts exactly as long as the process that holds it, a killed one included.
 */
const atscaleKey = 0x61747363; // "atsc"

export interface Presence {
  release(): Promise<void>;
}

async function take(url: string, query: string, refusal: string): Promise<Presence> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const [row] = (await client.query<{ taken: boolean }>(query, [atscaleKey])).rows;
  if (!row?.taken) {
    await client.end();
    throw new AppError('unavailable', refusal);
  }
  return { release: () => client.end() };
}

/** A server on the database, alongside any others; refused while a restore holds it. */
export const holdAsServer = (url: string, where: string) =>
  take(url, 'SELECT pg_try_advisory_lock_shared($1) AS taken', `The database ${where} is being restored by atscale restore. Start the server when it has finished.`);

/** A restore: refused while any server uses the database, since it would replace what they hold. */
export const holdAlone = (url: string, where: string) =>
  take(url, 'SELECT pg_try_advisory_lock($1) AS taken', `The database ${where} is in use by a running atscale server. Stop it first: a restore replaces everything it holds.`);
