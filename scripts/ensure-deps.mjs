// Installs the npm packages when they are missing or not the versions package-lock.json names. Node built-ins only:
// this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync as readdir, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  if (!needsInstall(root)) return;
  console.log('Installing npm packages (first run only)…');
  const command = existsSync(lock) ? 'ci' : 'install';
  if (run('npm', [command, '--no-audit', '--no-fund', '--loglevel=error']) !== 0) {
    console.error('npm could not install the packages; see the messages above.');
    process.exit(1);
  }
}

/**
 * Whether node_modules lacks a package package-lock.json asks for, or has another version of it, as
 * npm's own record of what it installed (node_modules/.package-lock.json) says. Compared by content,
 * not by file times: a fresh clone's package-lock.json is always newer than a node_modules copied or
 * linked in beside it, and `npm ci` would then delete and download everything again. A package
 * marked optional (another platform's build) may be absent.
 */
export function needsInstall(dir) {
  const installed = readJson(join(dir, 'node_modules/.package-lock.json'))?.packages;
  if (!installed) return true;
  const wanted = readJson(join(dir, 'package-lock.json'))?.packages;
  if (!wanted) return false;
  return Object.entries(wanted).some(([path, entry]) => path !== '' && (installed[path] ? installed[path].version !== entry.version : !entry.optional));
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Builds the web app when it has not been built or its sources are newer than the build. */
export function ensureWebBuild({ force = false } = {}) {
  const index = join(root, 'dist/web/index.html');
  if (!force && existsSync(index) && newestMtime(join(root, 'src/web')) < statSync(index).mtimeMs) return;
  console.log('Building the web app…');
  if (run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']) !== 0) {
    console.error('The web app did not build; see the messages above.');
    process.exit(1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  const walk = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdir(path)) walk(join(path, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  if (existsSync(dir)) walk(dir);
  return newest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDependencies();
