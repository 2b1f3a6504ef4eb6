import { join } from 'node:path';
import type { Config } from './config.js';
import { type Database, openPglite, openPostgres } from './db/client.js';
import { acquireLock, type DataDirLock, type LockInfo } from './db/lock.js';
import { AppError } from './domain/errors.js';

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

export async function openDatabase(config: Config, purpose: LockInfo['purpose'], options: { migrate?: boolean } = {}): Promise<Opened> {
  let database: Database;
  let lock: DataDirLock | undefined;
  if (config.databaseUrl) {
    try {
      database = await openPostgres(config.databaseUrl);
    } catch (error) {
      throw new AppError('unavailable', `Cannot connect to PostgreSQL at ${config.databaseUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`);
    }
  } else {
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
      lock?.release();
    },
  };
}
