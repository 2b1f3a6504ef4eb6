import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../../test/support/api.js';
import { type Case, everyone, type Ids, type Role, signedIn, wrongBody } from '../../test/support/rbac/cases.js';
import { recordCases } from '../../test/support/rbac/record-cases.js';
import { routeCases } from '../../test/support/rbac/route-cases.js';
import { openWorld } from '../../test/support/rbac/world.js';

/**
 * Every endpoint × every role (the table is test/support/rbac/). Each row says who may call it, and
 * its request is one that succeeds for them (a row version as it stands, a record they may see, a
 * valid body): each of them must be answered 2xx. Everyone else must get 401 signed out, 403, or 404
 * where the record is not there for them. A route the server has that this table lacks fails.
 */
const cases: Case[] = [...routeCases, ...recordCases];

/** What a role hears, in a word the table can compare: 2xx for any success, else the status and error, with the message when it was not expected. */
function heard(response: { status: number; body: any }, expected: string): string {
  if (response.status >= 200 && response.status < 300) return '2xx';
  const said = `${response.status} ${response.body?.error ?? ''}`.trim();
  return said === expected ? said : `${said}: ${response.body?.message ?? JSON.stringify(response.body)}`;
}

function expectedFor(testCase: Case, role: Role): string {
  if (testCase.allowed.includes(role)) return '2xx';
  if (role === 'anonymous') return '401 unauthenticated';
  return testCase.hidden?.includes(role) ? '404 not_found' : '403 forbidden';
}

describe('permissions: every endpoint × every role', () => {
  let server: TestServer;
  let clients: Record<Role, ApiClient>;
  let ids: Ids;

  beforeAll(async () => {
    server = await startTestServer();
    ({ clients, ids } = await openWorld(server));
  });
  afterAll(() => server?.close());

  it('has a row for every route the server registers', async () => {
    const spec = (await clients.anonymous.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const registered = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...cases.map((c) => c.route), 'POST /api/session', 'DELETE /api/session']);
    expect(registered.filter((route) => !covered.has(route))).toEqual([]);
    expect(cases.map((c) => c.route).filter((route, i, all) => all.indexOf(route) !== i)).toEqual([]);
  });

  for (const testCase of cases) {
    it(`${testCase.route}: allowed for ${testCase.allowed.join(', ') || 'nobody'}`, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = {};
      // The refused are asked first, so what an allowed role changes (a record deleted) cannot change what they hear.
      for (const role of [...everyone.filter((r) => !testCase.allowed.includes(r)), ...testCase.allowed]) {
        const { method, path, body } = await testCase.request(role, ids);
        expected[role] = expectedFor(testCase, role);
        outcomes[role] = heard(await clients[role].request(method, path, body), expected[role]);
      }
      expect(outcomes).toEqual(expected);
    });
  }

  // Someone who may not make this change at all is told so before what they sent is read: a
  // commissioner posting a body of the wrong types hears 403, while whoever may use the route hears
  // 400 for the same body, so the body is one that would be refused. The practice manager acting on
  // another practice is left out where they may act on their own: they may use the route, so their
  // wrong body is a 400. A DELETE sends no body; its refusals are the table's.
  for (const testCase of cases.filter((c) => /^(POST|PUT|PATCH) /.test(c.route) && !c.readsNothing)) {
    const refused = signedIn.filter((role) => !testCase.allowed.includes(role) && !(role === 'pmOther' && testCase.allowed.includes('pmOwn')));
    const allowed = testCase.allowed[0];
    if (refused.length === 0 || !allowed) continue;
    const allowedHears = testCase.wrongBodyHeard?.outcome ?? '400 invalid';
    it(`${testCase.route}: a wrong body is refused as forbidden from ${refused.join(', ')}, unread, and heard as ${allowedHears} from ${allowed}`, async () => {
      const outcomes: Record<string, string> = {};
      const expected: Record<string, string> = Object.fromEntries([...refused.map((role) => [role, '403 forbidden']), [allowed, allowedHears]]);
      for (const role of [...refused, allowed]) {
        const { method, path, body } = await testCase.request(role, ids);
        outcomes[role] = heard(await clients[role].request(method, path, wrongBody(body)), expected[role]!);
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
