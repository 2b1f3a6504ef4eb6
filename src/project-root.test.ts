import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectRoot, projectRoot } from './project-root.js';

describe('the project folder', () => {
  it.each([
    ['the TypeScript sources', 'src/cli/commands'],
    ['the bundled command', 'dist/cli'],
    ['the folder itself', ''],
  ])('is found from %s', (_where, below) => {
    expect(findProjectRoot(join(projectRoot, below))).toBe(projectRoot);
  });

  it('holds what the code reads from it', () => {
    for (const path of ['package.json', 'src/db/migrations/meta/_journal.json', 'demo', 'examples/schemes']) expect(existsSync(join(projectRoot, path)), path).toBe(true);
  });

  it('is not made up where there is none', () => {
    expect(() => findProjectRoot(mkdtempSync(join(tmpdir(), 'no-project-')))).toThrow(/No package.json above/);
  });
});
