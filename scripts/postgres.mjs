// A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp folder (as the postgres
// user when we are root), trust auth, loopback only, fsync off. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = process.getuid?.() === 0;

export function postgresBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
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
export async function startPostgres(fail) {
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

