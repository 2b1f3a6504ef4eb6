// `npm test`: installs what the tests need (npm packages; Debian postgresql, chromium and
// poppler-utils when absent), starts a throwaway PostgreSQL cluster, builds the web app,
// type-checks, and runs every test: unit, database (PGlite and PostgreSQL), API, CLI and browser. A missing service is a failure.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ensureWebBuild, root, run } from './ensure-deps.mjs';
import { postgresBin, startPostgres } from './postgres.mjs';

const isRoot = process.getuid?.() === 0;
const fail = (message) => {
  console.error(`\nnpm test: ${message}`);
  process.exit(1);
};

function ensureDebianPackages() {
  const missing = [];
  if (!postgresBin()) missing.push('postgresql');
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  // The statement PDF tests read the text back with poppler's pdftotext, as a reader would see it.
  if (!existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
  if (!missing.length) return;
  console.log(`Installing Debian packages: ${missing.join(', ')}…`);
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), 'apt-get', ...args]) : run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }));
  if (apt(['update', '-qq']) !== 0 || apt(['install', '-y', '-qq', ...missing]) !== 0) {
    fail(`could not install ${missing.join(' and ')} with apt-get. Install them (apt-get install ${missing.join(' ')}) and run npm test again.`);
  }
}

ensureDependencies();
ensureDebianPackages();
const postgres = await startPostgres(fail);
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
