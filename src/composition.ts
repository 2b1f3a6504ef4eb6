import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './config.js';
import { type Database, openPglite, openPostgres } from './db/client.js';
import { acquireLock, type DataDirLock, type LockInfo } from './db/lock.js';
import { AppError } from './domain/errors.js';
import { holdAlone, holdAsServer, type Presence } from './db/server-presence.js';

/**
 * The composition root: turns configuration into an open, migrated database. With DATABASE_URL it
 * is PostgreSQL; otherwise embedded PGlite under the data directory, held by a lock file because
 * two processes opening the same PGlite directory would corrupt it.
 */
export interface Opened {
  database: Database;
  lock?: DataDirLock;
  close(): Promise<void>;
}

export const pgliteDir = (config: Config) => join(config.dataDir, 'pglite');

/**
 * Opens the configured database. `create: false` (a command that only reads or changes what is
 * stored) refuses where there is no embedded database yet: run from another folder, the CLI would
 * otherwise make a new, empty one there and import into it, unseen by the server.
 */
export async function openDatabase(config: Config, purpose: LockInfo['purpose'], options: { migrate?: boolean; create?: boolean; alone?: boolean } = {}): Promise<Opened> {
  let database: Database;
  let lock: DataDirLock | undefined;
  let presence: Presence | undefined;
  if (config.databaseUrl) {
    try {
      database = await openPostgres(config.databaseUrl);
    } catch (error) {
      throw new AppError('unavailable', `Cannot connect to PostgreSQL at ${config.databaseUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`);
    }
    // `alone` (a restore): no server may be using it. A server: alongside others, but not during a restore.
    const hold = options.alone ? holdAlone : purpose === 'server' ? holdAsServer : undefined;
    presence = await hold?.(config.databaseUrl, database.location).catch(async (error: unknown) => {
      await database.close();
      throw error;
    });
  } else {
    if (options.create === false && !existsSync(pgliteDir(config))) {
      throw new AppError(
        'not_found',
        `There is no atscale database in ${resolve(config.dataDir)}. Run atscale in the folder the server runs in, or set ATSCALE_DATA_DIR (or DATABASE_URL) to the database it uses. To start a new one, run atscale migrate or npm start.`,
      );
    }
    lock = acquireLock(config.dataDir, purpose);
    try {
      database = await openPglite(pgliteDir(config));
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  if (options.migrate !== false) await database.migrate();
  return {
    database,
    lock,
    async close() {
      await database.close();
      await presence?.release();
      lock?.release();
    },
  };
}
