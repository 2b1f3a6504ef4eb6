import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../project-root.js';
import { acquireLock, type LockInfo } from './lock.js';

/** Another process that takes the lock, as a server does, and keeps running until killed. */
function holdLockElsewhere(dataDir: string): Promise<ChildProcess> {
  const script = `import { acquireLock } from './src/db/lock.ts'; acquireLock(${JSON.stringify(dataDir)}, 'server'); console.log('held'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
}

describe('the data directory lock after a crash', () => {
  const root = mkdtempSync(join(tmpdir(), 'atscale-lock-'));
  const children: ChildProcess[] = [];
  let dataDir: string;
  let n = 0;
  beforeEach(() => {
    dataDir = join(root, `data-${n++}`);
  });
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });
  const lockFile = () => join(dataDir, 'atscale.lock');
  const rewriteLock = (change: Partial<LockInfo>) => writeFileSync(lockFile(), JSON.stringify({ ...(JSON.parse(readFileSync(lockFile(), 'utf8')) as LockInfo), ...change }));

  it('is refused while the process that holds it runs', async () => {
    const holder = await holdLockElsewhere(dataDir);
    children.push(holder);
    expect(() => acquireLock(dataDir, 'cli')).toThrow(`is in use by the atscale server (pid ${holder.pid})`);
  }, 30_000);

  it.each([
    ['left from before a reboot, naming a pid some other program now has', { bootId: '00000000-0000-0000-0000-000000000000' }],
    ['naming a pid that a process started since has been given', { processStart: '1' }],
  ])('is taken over when %s', async (_name, change) => {
    const holder = await holdLockElsewhere(dataDir);
    children.push(holder);
    rewriteLock(change);
    const lock = acquireLock(dataDir, 'server');
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, purpose: 'server' });
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  }, 30_000);

  it('is taken over when its process was killed (SIGKILL leaves the file behind)', async () => {
    const holder = await holdLockElsewhere(dataDir);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(existsSync(lockFile())).toBe(true);
    acquireLock(dataDir, 'server').release();
  }, 30_000);
});
