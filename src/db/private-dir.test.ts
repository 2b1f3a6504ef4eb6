import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from './lock.js';
import { keepPrivate } from './private-dir.js';

describe('the data directory holds password hashes and documents: only its owner opens it', () => {
  const root = mkdtempSync(join(tmpdir(), 'atscale-private-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const mode = (dir: string) => statSync(dir).mode & 0o777;

  it('creates it 0700', () => {
    keepPrivate(join(root, 'new', 'pglite'));
    expect(mode(join(root, 'new', 'pglite'))).toBe(0o700);
  });

  it('closes one made open before this rule, as the lock is taken on start', () => {
    const old = join(root, 'old');
    mkdirSync(old, { mode: 0o777 });
    const lock = acquireLock(old, 'server');
    expect(mode(old)).toBe(0o700);
    lock.release();
  });
});
