#!/usr/bin/env node
// `atscale` / `npx atscale`, run in this same process so signals (Ctrl+C, SIGTERM) reach the command
// itself. It runs one bundled file, dist/cli/atscale.mjs, built here with esbuild (a fraction of a
// second) whenever a source file is newer than it: loading the ~400 TypeScript files one by one
// through tsx took about 2 seconds of CPU before every command did anything. No build step is asked
// of anyone. Should the bundle not build (a read-only folder), the TypeScript runs through tsx; so it
// does with ATSCALE_CLI_SOURCE=1.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist/cli/atscale.mjs');

/** The latest change to anything the command is built from: the server side of src/ and this file. */
function newestChange(dir, newest = statSync(fileURLToPath(import.meta.url)).mtimeMs) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name !== 'web') newest = newestChange(join(dir, entry.name), newest);
    } else if (entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(join(dir, entry.name)).mtimeMs);
    }
  }
  return newest;
}

const builtAt = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** Builds the bundle beside its place and moves it in, so two commands started together never read half a file. */
async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  const building = `${bundle}.${process.pid}.mjs`;
  try {
    await build({ entryPoints: [join(root, 'src/cli/main.ts')], outfile: building, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'inline', logLevel: 'silent' });
    renameSync(building, bundle);
  } finally {
    rmSync(building, { force: true });
  }
}

async function entryPoint() {
  if (process.env.ATSCALE_CLI_SOURCE !== '1') {
    try {
      if (builtAt(bundle) <= newestChange(join(root, 'src'))) await buildBundle();
      process.setSourceMapsEnabled(true);
      return pathToFileURL(bundle).href;
    } catch {
      // Run from source below.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return pathToFileURL(join(root, 'src/cli/main.ts')).href;
}

const { runCli } = await import(await entryPoint());
await runCli(process.argv);
