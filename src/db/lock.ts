import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { keepPrivate } from './private-dir.js';
import { join } from 'node:path';
import { AppError } from '../domain/errors.js';

/**
 * PGlite's data directory must be opened by one process only: two corrupt it. Whoever opens it
 * (the server, or a CLI command) holds `atscale.lock` there. The server also writes its port and
 * a token for the CLI, so that while it runs the CLI can go through it instead of opening the files.
 */
export interface LockInfo {
  pid: number;
  purpose: 'server' | 'cli';
  startedAt: string;
  port?: number;
  cliToken?: string;
}

export interface DataDirLock {
  info: LockInfo;
  update(extra: Partial<LockInfo>): void;
  release(): void;
}

const lockPath = (dataDir: string) => join(dataDir, 'atscale.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the lock, if any; a lock left by a process that has died is removed. */
export function readLock(dataDir: string): LockInfo | undefined {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  if (info.pid !== process.pid && !isAlive(info.pid)) {
    rmSync(lockPath(dataDir), { force: true });
    return undefined;
  }
  return info;
}

export function acquireLock(dataDir: string, purpose: LockInfo['purpose']): DataDirLock {
  keepPrivate(dataDir);
  const path = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, purpose, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeFileSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return {
        info,
        update(extra) {
          Object.assign(info, extra);
          writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
        },
        release,
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dataDir);
      if (holder) {
        const who = holder.purpose === 'server' ? `the atscale server (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ''})` : `another atscale command (pid ${holder.pid})`;
        throw new AppError('unavailable', `The database in ${dataDir} is in use by ${who}. Stop it first, or wait for it to finish.`, { details: { holder } });
      }
    }
  }
  throw new AppError('unavailable', `Could not lock the database in ${dataDir}`);
}
