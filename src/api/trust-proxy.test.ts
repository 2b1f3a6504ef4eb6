import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser, startTestServer, type TestServer } from '../../test/support/api.js';

/** Eleven failed sign-ins as the commissioner from one address, then the right password from another, all through a proxy on this machine. */
async function lockOutThenSignIn(server: TestServer): Promise<number[]> {
  const { email, password } = demoUser('commissioner');
  const signIn = (from: string, pass: string) => fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ email, password: pass }) });
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await signIn('203.0.113.5', 'guess')).status);
  statuses.push((await signIn('198.51.100.7', password)).status);
  return statuses;
}

describe('behind a reverse proxy (ATSCALE_TRUST_PROXY)', () => {
  let trusting: TestServer;
  let notTrusting: TestServer;
  beforeAll(async () => {
    trusting = await startTestServer({ trustProxy: ['127.0.0.1'] });
    notTrusting = await startTestServer();
  });
  afterAll(async () => {
    await trusting?.close();
    await notTrusting?.close();
  });

  it('counts failed sign-ins by each user’s own address, so someone guessing elsewhere cannot hold the user out', async () => {
    const statuses = await lockOutThenSignIn(trusting);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 200]);
  });

  it('without the setting, believes no forwarded address: every request through the proxy is one address', async () => {
    expect((await lockOutThenSignIn(notTrusting)).slice(10)).toEqual([429, 429]);
  });

  it('holds back one address trying one password on many users (30 failures a minute), and the audit names each refusal', async () => {
    const from = '192.0.2.50';
    const attempt = (email: string) => fetch(`${trusting.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ email, password: 'Summer2026!' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await attempt(`user${i}@elr-federation.example`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const [refused] = await trusting.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'refuse' AND after->>'address' = '${from}'`);
    expect(refused!.n).toBe(30);
  });
});
