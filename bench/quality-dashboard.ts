import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { systemActor } from '../src/app/context.js';
import { loadDemo } from '../src/app/demo/load-demo.js';
import { importNhsFile } from '../src/app/registry/import-file.js';
import { openPostgres } from '../src/db/client.js';
import { nhsFile, releasesInDateOrder } from '../test/support/nhs-files.js';
import { freshDatabase } from './registry-import.js';

/**
 * Issue "Quality", performance: the dashboard API under load. Every NHS release and QOF 2022-23 in
 * PostgreSQL, the real server in its own process, 50 clients on loopback each sending the next
 * request as soon as the last is answered, for DURATION seconds; target p95 ≤ 100 ms.
 */
const CLIENTS = Number(process.env.BENCH_DASHBOARD_CLIENTS ?? 50);
const DURATION_S = Number(process.env.BENCH_DASHBOARD_SECONDS ?? 15);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function startServer(url: string, token: string): Promise<{ baseUrl: string; stop(): void }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', join(import.meta.dirname, 'dashboard-server.ts')], { env: { ...process.env, BENCH_SERVER_DATABASE_URL: url, BENCH_SERVER_TOKEN: token }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the bench server exited with code ${code}`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** GETs a URL and reads the whole body; resolves with the status code. */
function get(agent: http.Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (response) => {
        response.on('data', () => {});
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

export async function benchQualityDashboard(postgresUrl: string): Promise<string[]> {
  const fresh = await freshDatabase(process.env.BENCH_DATABASE_URL ?? postgresUrl);
  const database = await openPostgres(fresh.url);
  let server: { baseUrl: string; stop(): void } | undefined;
  try {
    await database.migrate();
    const ctx = { db: database.db, actor: systemActor };
    for (const [kind, name] of releasesInDateOrder) await importNhsFile(ctx, kind, nhsFile(name), { skipUnknown: true });
    for (const name of ['PREVALENCE_2223.csv', 'MAPPING_INDICATORS_2021_v2.csv']) await importNhsFile(ctx, 'qof', nhsFile(name));
    await loadDemo(ctx);
    const [federation] = await database.query<{ id: number }>("SELECT id FROM practice_groups WHERE kind = 'federation' LIMIT 1");
    const registers = (await database.query<{ code: string }>("SELECT code FROM indicators WHERE code LIKE 'QOF_PREV_%' ORDER BY code")).map((r) => r.code);
    const [rows] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator_values');

    const token = randomBytes(32).toString('base64url');
    server = await startServer(fresh.url, token);
    // The dashboard for each register across the federation, and a practice's page against its peers.
    const paths = registers.flatMap((code, i) => [
      `/api/quality/dashboard?indicator=${code}&period=2023-03-31&group=${federation!.id}`,
      `/api/quality/practices/C820${String(i % 2 === 0 ? '01' : '09')}?indicator=${code}`,
    ]);
    const headers = { authorization: `Bearer ${token}` };
    for (const path of paths) {
      const response = await fetch(`${server.baseUrl}${path}`, { headers });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    }
    // A lean client (node:http with keep-alive, as autocannon uses) so the load generator takes
    // as little as it can of the CPU the server and PostgreSQL share with it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const latencies: number[] = [];
    let failures = 0;
    const end = Date.now() + DURATION_S * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = client; Date.now() < end; n += CLIENTS) {
          const start = performance.now();
          const status = await get(agent, `${server!.baseUrl}${paths[n % paths.length]}`, headers);
          latencies.push(performance.now() - start);
          if (status !== 200) failures++;
        }
      }),
    );
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    return [
      `Quality dashboard API under load: ${CLIENTS} concurrent clients for ${DURATION_S} s on loopback, PostgreSQL with every NHS release and QOF 2022-23 (${rows!.n} figures)`,
      `requests ${latencies.length} (${(latencies.length / DURATION_S).toFixed(0)}/s), failures ${failures}; dashboard (federation, ${registers.length} registers) and practice pages`,
      `p50 ${ms(percentile(latencies, 50))}   p95 ${ms(percentile(latencies, 95))}   p99 ${ms(percentile(latencies, 99))}   (target p95 ≤ 100 ms)`,
    ];
  } finally {
    server?.stop();
    await database.close();
    await new Promise((r) => setTimeout(r, 500));
    await fresh.drop();
  }
}
