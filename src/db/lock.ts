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
  /** Linux: the boot the holder ran in, and when its process started, so a pid reused after a crash or reboot is not taken for it. */
  bootId?: string;
  processStart?: string;
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

const readOrUndefined = (path: string) => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** Linux's id of this boot (undefined elsewhere). */
const currentBootId = () => readOrUndefined('/proc/sys/kernel/random/boot_id');

/** A process's state letter and start time (clock ticks since boot) from /proc/<pid>/stat, after its name, which may hold spaces. */
function procStat(pid: number): { state: string; start: string } | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields && fields.length > 19 ? { state: fields[0]!, start: fields[19]! } : undefined;
}

/** Who this process is, beyond its pid: written into the lock it takes. */
const identity = (): Pick<LockInfo, 'bootId' | 'processStart'> => ({ bootId: currentBootId(), processStart: procStat(process.pid)?.start });

/**
 * Whether the lock's holder still runs. After a power cut or a crashed VM the lock stays behind, and
 * after the reboot its pid may be some other program's: a lock from another boot, or naming a process
 * that started at another time (or has ended and awaits its parent), is stale. A lock without these
 * (written by an older atscale) is judged by its pid alone.
 */
function holderRuns(info: LockInfo): boolean {
  if (!isAlive(info.pid)) return false;
  const bootId = currentBootId();
  if (info.bootId && bootId && info.bootId !== bootId) return false;
  const stat = procStat(info.pid);
  if (stat?.state === 'Z') return false;
  return !(info.processStart && stat && stat.start !== info.processStart);
}

/** The live holder of the lock, if any; a lock left by a process that has died is removed. */
export function readLock(dataDir: string): LockInfo | undefined {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  if (info.pid !== process.pid && !holderRuns(info)) {
    rmSync(lockPath(dataDir), { force: true });
    return undefined;
  }
  return info;
}

export function acquireLock(dataDir: string, purpose: LockInfo['purpose']): DataDirLock {
  keepPrivate(dataDir);
  const path = lockPath(dataDir);
  const info: LockInfo = { pid: process.pid, purpose, startedAt: new Date().toISOString(), ...identity() };
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
