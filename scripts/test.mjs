// `npm test`: installs what the tests need (npm packages; Debian postgresql and chromium when absent),
// starts a throwaway PostgreSQL cluster, builds the web app, type-checks, and runs every test:
// unit, database (PGlite and PostgreSQL), API, CLI and browser. A missing service is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies, ensureWebBuild, root, run } from './ensure-deps.mjs';

const isRoot = process.getuid?.() === 0;
const fail = (message) => {
  console.error(`\nnpm test: ${message}`);
  process.exit(1);
};

function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

function ensureDebianPackages() {
  const missing = [];
  if (!postgresBin()) missing.push('postgresql');
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!missing.length) return;
  console.log(`Installing Debian packages: ${missing.join(', ')}…`);
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args]) : run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }));
  if (apt(['update', '-qq']) !== 0 || apt(['install', '-y', '-qq', ...missing]) !== 0) {
    fail(`could not install ${missing.join(' and ')} with apt-get. Install them (apt-get install ${missing.join(' ')}) and run npm test again.`);
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A throwaway cluster: initdb in a temp folder (as the postgres user when we are root), trust auth, loopback only. */
async function startPostgres() {
  const bin = postgresBin();
  if (!bin) fail('PostgreSQL is not installed.');
  const dir = mkdtempSync(join(tmpdir(), 'atscale-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const asPostgres = (command, args) => {
    if (!isRoot) return spawnSync(command, args, { stdio: 'pipe' });
    chownSync(dir, uid('postgres'), gid('postgres'));
    chownSync(data, uid('postgres'), gid('postgres'));
    return spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  };
  const init = asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  if (init.status !== 0) fail(`initdb failed:\n${init.stderr}`);
  const port = await freePort();
  const start = asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, '-l', join(dir, 'log'), '-w', 'start']);
  if (start.status !== 0) fail(`PostgreSQL did not start:\n${start.stderr}${existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : ''}`);
  const stop = () => {
    asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

const uid = (user) => Number(spawnSync('id', ['-u', user]).stdout.toString().trim());
const gid = (user) => Number(spawnSync('id', ['-g', user]).stdout.toString().trim());

ensureDependencies();
ensureDebianPackages();
const postgres = await startPostgres();
process.on('exit', postgres.stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

ensureWebBuild({ force: true });
console.log('Type-checking…');
if (run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]) !== 0) fail('the type check failed.');

mkdirSync(join(root, 'tmp'), { recursive: true });
const report = join(root, 'tmp/vitest-report.json');
const status = run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  env: { ...process.env, TEST_DATABASE_URL: postgres.url, CHROMIUM_PATH: '/usr/bin/chromium' },
});
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (skipped) {
    console.error('npm test: skipped tests hide broken features; none are allowed.');
    process.exitCode = 1;
  }
}
if (status !== 0) process.exitCode = status;
