import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../../test/support/api.js';
import { databaseKinds } from '../../test/support/databases.js';
import type { Case, Ids, Role } from '../../test/support/rbac/cases.js';
import { recordCases } from '../../test/support/rbac/record-cases.js';
import { routeCases } from '../../test/support/rbac/route-cases.js';
import { openWorld } from '../../test/support/rbac/world.js';

type Media = Record<string, { schema?: unknown }>;
type Response = { content?: Media; $ref?: string };
type Operation = { operationId?: string; responses: Record<string, Response> };
type Spec = { paths: Record<string, Record<string, Operation>> };

// ajv-formats is CommonJS: its default export is the function under ESM's default.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/**
 * GET routes whose success answer the document does not describe yet. Each is a debt, named: the
 * test fails if one here becomes described (take it off) or one not here is undescribed (describe it).
 */
const notYetDescribed: string[] = [
  'GET /api/practices/{code}/details',
  'GET /api/groups/{id}/summary',
  'GET /api/schemes/overview',
  'GET /api/schemes/practices-on',
  'GET /api/schemes/{id}/versions',
  'GET /api/schemes/{id}/run',
  'GET /api/schemes/{id}/delivered',
  'GET /api/schemes/{id}/hand-schedule',
  'GET /api/schemes/{id}/statements/{practiceCode}',
  'GET /api/programme/work-plans/{id}/summary',
  'GET /api/programme/tasks/{id}',
  'GET /api/programme/stp-grid',
  'GET /api/risks/heat-map',
  'GET /api/policies/{id}/acknowledgements',
  'GET /api/my-items',
  'GET /api/practices/{code}/money',
  'GET /api/finance/{report}',
  'GET /api/contract-register',
  'GET /api/contracts/{id}/overview',
  'GET /api/fund-overview',
  'GET /api/funds/{id}/report',
  'GET /api/fund-applications/{id}',
  'GET /api/quality/indicators',
  'GET /api/quality/dashboard',
  'GET /api/quality/practices/{code}',
  'GET /api/quality/evaluation',
  'GET /api/quality/review-pack',
];

/** A JSON pointer to a part of the document, for ajv to compile where it stands (its $refs then resolve). */
const pointer = (...parts: string[]) => `openapi#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

const cases = new Map<string, Case>([...routeCases, ...recordCases].map((c) => [c.route, c]));
const cliToken = 'openapi-answers-cli-token';

/**
 * The integrator's check: every GET the document lists is called with values from the demo's own
 * records (the permissions table's requests, as a role that may call it), and its real answer is
 * checked against the document's schema for that status: a property the document does not name, a
 * type it does not say, a status or file type it does not list, each fails.
 */
describe.each(databaseKinds)('every GET route answers as the OpenAPI document says (%s)', (kind) => {
  let server: TestServer;
  let clients: Record<Role, ApiClient>;
  let ids: Ids;
  let spec: Spec;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    server = await startTestServer({ kind, cliToken });
    ({ clients, ids } = await openWorld(server));
    spec = (await clients.anonymous.request('GET', '/api/openapi.json')).body;
    ajv.addSchema(spec as object, 'openapi');
  }, 120_000);
  afterAll(() => server?.close());

  const gets = () => Object.entries(spec.paths).flatMap(([path, operations]) => (operations.get ? [{ path, operation: operations.get }] : []));
  const successOf = (operation: Operation) => Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
  const described = (operation: Operation) => successOf(operation).some(([, response]) => Object.keys(response.content ?? {}).length > 0);

  it('describes the success answer of every GET route, but those it names as not yet described', () => {
    const undescribed = gets()
      .filter(({ operation }) => !described(operation))
      .map(({ path }) => `GET ${path}`);
    expect(undescribed).toEqual(notYetDescribed);
  });

  it('lists every route the server serves, but the document itself', () => {
    // printRoutes draws a tree: each line's path follows on from the line above it one level up.
    const above: string[] = [];
    const served = server.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .flatMap((line) => {
        const match = /── (\S+) \(([^)]+)\)/.exec(line);
        if (!match) return [];
        const depth = (line.indexOf('── ') - 1) / 4;
        above[depth] = (depth ? above[depth - 1]! : '') + match[1]!;
        // A parameter is named "{}" on both sides: the router keeps one name where routes differ (:code|:id).
        const path = above[depth]!.replace(/:\w+(\|:\w+)*/g, '{}');
        return match[2]!.split(', ').filter((m) => m !== 'HEAD' && m !== 'OPTIONS').map((method) => `${method} ${path}`);
      });
    const documented = new Set(Object.entries(spec.paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{\w+\}/g, '{}')}`)));
    expect(served.length).toBeGreaterThan(100);
    expect(served.filter((route) => !documented.has(route))).toEqual(['GET /api/openapi.json']);
  });

  it('calls every GET route with real records and finds its answer as documented', async () => {
    const mismatches: string[] = [];
    for (const { path, operation } of gets()) {
      const route = `GET ${path}`;
      const testCase = cases.get(route);
      if (!testCase) {
        mismatches.push(`${route}: no request to make (add it to test/support/rbac/)`);
        continue;
      }
      // The backup is the CLI's alone: asked with its token.
      const role = testCase.allowed[0] ?? 'admin';
      const request = await testCase.request(role, ids);
      const headers: Record<string, string> = testCase.allowed.length ? {} : { authorization: `Bearer ${cliToken}` };
      const answer = await clients[role].request('GET', request.path, undefined, headers);
      const response = operation.responses[String(answer.status)];
      if (!response || !/^2/.test(String(answer.status))) {
        mismatches.push(`${route} (${request.path}): answered ${answer.status}, which is not a documented success: ${JSON.stringify(answer.body).slice(0, 200)}`);
        continue;
      }
      const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const media = response.content ?? {};
      if (!(type in media)) {
        if (!notYetDescribed.includes(route)) mismatches.push(`${route}: answered ${type}, the document says ${Object.keys(media).join(', ') || 'nothing'}`);
        continue;
      }
      if (type !== 'application/json') continue;
      const where = pointer('paths', path, 'get', 'responses', String(answer.status), 'content', type, 'schema');
      const validate = validators.get(where) ?? ajv.compile({ $ref: where });
      validators.set(where, validate);
      if (!validate(answer.body)) mismatches.push(`${route} (${request.path}): ${ajv.errorsText(validate.errors, { dataVar: 'answer' })}`);
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
