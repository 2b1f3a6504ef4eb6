import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { epraccurRow } from '../../test/support/factories.js';

/**
 * A change made with the session cookie must carry that session's CSRF token: a page on another
 * site can make the browser send the cookie, never the token. Every way of getting it wrong is
 * refused before anything is read or written, a file upload as much as a JSON body.
 */
describe('CSRF tokens', () => {
  let server: TestServer;
  let admin: ApiClient;
  let otherSessionToken: string;

  /** What a forged change could have written: groups, practices, jobs started and audit rows. */
  const written = async () => ({
    groups: (await admin.request('GET', '/api/groups?pageSize=1')).body.total as number,
    practices: (await admin.request('GET', '/api/practices?pageSize=1')).body.total as number,
    jobs: ((await admin.request('GET', '/api/jobs')).body.items as unknown[]).length,
    audit: (await admin.request('GET', '/api/audit?pageSize=1')).body.total as number,
  });

  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    otherSessionToken = (await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password)).session.csrfToken!;
  });
  afterAll(() => server?.close());

  const changes: Record<string, { method: string; path: string; body: () => unknown; succeeds: number }> = {
    'a new group (JSON)': { method: 'POST', path: '/api/groups', body: () => ({ name: 'Forged peers', kind: 'peer_group' }), succeeds: 201 },
    'a groups CSV upload': { method: 'POST', path: '/api/groups/import', body: () => fileForm('groups.csv', 'name,kind\nForged by upload,peer_group\n'), succeeds: 200 },
    'an NHS file upload': { method: 'POST', path: '/api/imports/ods', body: () => fileForm('epraccur.csv', `${epraccurRow({ 1: 'C99001' })}\r\n`), succeeds: 202 },
  };
  const tokens: Record<string, () => string | undefined> = {
    'no token': () => undefined,
    'a wrong token': () => 'not-the-token-of-this-session-at-all-0123456',
    'the token of another session of the same user': () => otherSessionToken,
  };

  for (const [forgery, token] of Object.entries(tokens)) {
    for (const [change, request] of Object.entries(changes)) {
      it(`refuses ${change} sent with ${forgery}, writing nothing`, async () => {
        const before = await written();
        const forger = new ApiClient(server.baseUrl, { cookie: admin.session.cookie, csrfToken: token() });
        const response = await forger.request(request.method, request.path, request.body());
        expect(response).toMatchObject({ status: 403, body: { error: 'forbidden', message: 'The form has expired or did not come from atscale. Reload the page and try again' } });
        expect(await written()).toEqual(before);
      });
    }
  }

  // The same changes with the session's own token are made, so the refusals above were the token's.
  for (const [change, request] of Object.entries(changes)) {
    it(`makes ${change} sent with the session’s own token`, async () => {
      expect((await admin.request(request.method, request.path, request.body())).status).toBe(request.succeeds);
    });
  }
});
