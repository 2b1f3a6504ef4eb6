import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { needsInstall } from '../scripts/ensure-deps.mjs';

describe('npm start installs the packages only when node_modules lacks what package-lock.json names', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const lock = { '': { name: 'atscale' }, 'node_modules/zod': { version: '4.1.0' }, 'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true } };
  const project = (installed: Record<string, object> | undefined) => {
    const dir = mkdtempSync(join(tmpdir(), 'atscale-deps-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ packages: lock }));
    if (installed) {
      mkdirSync(join(dir, 'node_modules'));
      writeFileSync(join(dir, 'node_modules/.package-lock.json'), JSON.stringify({ packages: installed }));
      // As in a fresh clone with node_modules copied in: npm's record is older than the lock file.
      utimesSync(join(dir, 'node_modules/.package-lock.json'), new Date('2020-01-01'), new Date('2020-01-01'));
    }
    return dir;
  };

  it.each([
    ['nothing installed', undefined, true],
    ['every package at its version, however old the files (another platform’s optional build absent)', { 'node_modules/zod': { version: '4.1.0' } }, false],
    ['a package at another version', { 'node_modules/zod': { version: '3.25.0' } }, true],
    ['a package missing', {}, true],
  ] as const)('%s', (_case, installed, expected) => {
    expect(needsInstall(project(installed))).toBe(expected);
  });
});
