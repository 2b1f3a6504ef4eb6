// Installs the npm packages when they are missing or older than package-lock.json. Node built-ins only:
// this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync as readdir, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function ensureDependencies() {
  const marker = join(root, 'node_modules/.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
  if (!stale) return;
  console.log('Installing npm packages (first run only)…');
  const command = existsSync(lock) ? 'ci' : 'install';
  if (run('npm', [command, '--no-audit', '--no-fund', '--loglevel=error']) !== 0) {
    console.error('npm could not install the packages; see the messages above.');
    process.exit(1);
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
