import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, startTestServer, type TestServer } from '../../test/support/api.js';

/** What a program is told when its request is not one the API takes: a method, a query name, a row version. */
describe('a request the API does not take is refused, saying what it does take', () => {
  let server: TestServer;
  let admin: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
  });
  afterAll(() => server?.close());

  it('a real path asked with a method it does not take is a 405 listing those it does; a path that is not one is a 404', async () => {
    const wrongMethod = await admin.request('DELETE', '/api/practices/C82001?x=1');
    expect(wrongMethod).toMatchObject({ status: 405, body: { error: 'method_not_allowed', message: '/api/practices/C82001 does not take DELETE: it takes GET, HEAD, PATCH' } });
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD, PATCH');
    expect(await admin.request('POST', '/api/health')).toMatchObject({ status: 405, body: { message: '/api/health does not take POST: it takes GET, HEAD' } });
    expect(await admin.request('GET', '/api/nothing-here')).toMatchObject({ status: 404, body: { message: 'No such endpoint: GET /api/nothing-here' } });
  });

  it.each([
    ['a report that declares its query', '/api/contract-register?expiring=30&expires=30', 'expires'],
    ['a report that takes no query', '/api/my-items?page=2', 'page'],
    ['an export that takes no query', '/api/programme/stp-grid/export.csv?year=2018', 'year'],
    ['a scheme’s run', '/api/schemes/1/run?versoin=1', 'versoin'],
    ['the organisations', '/api/organisations?kind=pcn&code=U1', 'code'],
  ])('%s refuses a query name it does not take, naming it', async (_name, path, name) => {
    expect(await admin.request('GET', path)).toMatchObject({ status: 400, body: { error: 'invalid', problems: [{ field: name, message: expect.stringContaining('is not an option here') }] } });
  });

  it('reads the names it does take as before', async () => {
    expect((await admin.request('GET', '/api/contract-register?expiring=30')).status).toBe(200);
    expect((await admin.request('GET', '/api/organisations?kind=pcn')).status).toBe(200);
    expect((await admin.request('GET', '/api/my-items')).status).toBe(200);
  });

  it('a delete without the rowVersion it was based on is told to send it', async () => {
    const group = (await admin.request('GET', '/api/groups?pageSize=1')).body.items[0];
    expect(await admin.request('DELETE', `/api/groups/${group.id}`)).toMatchObject({ status: 400, body: { problems: [{ field: 'rowVersion', message: 'is required: send the rowVersion you read' }] } });
  });

  it('sends every answer with headers that keep it from being framed, sniffed or kept in a shared browser', async () => {
    const answer = await admin.request('GET', '/api/practices?pageSize=1');
    expect(Object.fromEntries(['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cache-control'].map((h) => [h, answer.headers.get(h)]))).toEqual({
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Strict-Transport-Security only where atscale is served over HTTPS (secure cookies).
    expect(answer.headers.get('strict-transport-security')).toBeNull();
  });

  it('signs in with a cookie that lasts only while the browser is open, out of reach of scripts and other sites', async () => {
    const { email, password } = demoUser('clinician');
    const response = await fetch(`${server.baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
  });

  it('ends a user’s other sign-ins on their next request when they change their own password, and holds back guessing the current one', async () => {
    const { email, password } = demoUser('clinician');
    const here = await ApiClient.signIn(server.baseUrl, email, password);
    const elsewhere = await ApiClient.signIn(server.baseUrl, email, password);
    expect((await elsewhere.request('GET', '/api/practices?pageSize=1')).status).toBe(200);
    expect((await here.request('POST', '/api/session/password', { currentPassword: password, newPassword: 'green kettle window 42' })).status).toBe(200);
    // At once, not after the session cache's seconds: it cannot change the password back.
    expect((await elsewhere.request('GET', '/api/practices?pageSize=1')).status).toBe(401);
    const guesses: number[] = [];
    for (let i = 0; i < 11; i++) guesses.push((await here.request('POST', '/api/session/password', { currentPassword: `guess ${i}`, newPassword: 'another kettle 43' })).status);
    expect(guesses).toEqual([...Array(10).fill(400), 429]);
    expect((await here.request('POST', '/api/session/password', { currentPassword: 'green kettle window 42', newPassword: password })).status).toBe(429);
  });
});
