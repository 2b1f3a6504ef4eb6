import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, startTestServer, type TestServer } from '../../test/support/api.js';
import { recordTypes } from '../app/records/registry.js';
import { operationIdOf } from './openapi.js';

type Parameter = { name: string; in: string; schema?: Record<string, unknown>; required?: boolean };
type Operation = { operationId?: string; parameters?: Parameter[]; responses: Record<string, unknown>; security?: Record<string, unknown>[]; requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, { type?: string; format?: string }> } }> } };

describe('the API as an integrator reads it: its OpenAPI document and its refusals', () => {
  let server: TestServer;
  let admin: ApiClient;
  let spec: { openapi: string; info: { description: string }; paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
  const operations = () => Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    spec = (await admin.request('GET', '/api/openapi.json')).body;
  });
  afterAll(() => server?.close());

  it('is generated from the zod schemas', async () => {
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.paths['/api/session']!.post!.requestBody).toMatchObject({ content: { 'application/json': { schema: { required: ['email', 'password'] } } } });
    expect((spec.paths['/api/session']!.get!.responses['200'] as { content: { 'application/json': { schema: { properties: { user: unknown } } } } }).content['application/json'].schema.properties.user).toMatchObject({ nullable: true, required: ['id', 'label', 'role', 'roleLabel', 'practiceCodes'] });
  });

  it('gives every parameter a schema, each path parameter its place in the path, and no parameter that is not one', () => {
    for (const { path, method, op } of operations()) {
      for (const parameter of op.parameters ?? []) {
        const where = `${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}`;
        expect(typeof parameter.schema, where).toBe('object');
        expect(['type', 'additionalProperties'], where).not.toContain(parameter.name);
        if (parameter.in === 'path') expect(path, where).toContain(`{${parameter.name}}`);
      }
    }
  });

  it('names each record list’s real query: paging, sorting and every filter, and the export without paging', () => {
    for (const [plural, type] of Object.entries(recordTypes)) {
      const names = (path: string) => (spec.paths[path]!.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const filters = [...Object.entries(type.fields).filter(([, f]) => f.filter).map(([name]) => name), ...Object.keys(type.conditions ?? {})];
      expect(names(`/api/${plural}`).sort(), plural).toEqual(['q', 'sort', 'dir', 'page', 'pageSize', ...filters].sort());
      expect(names(`/api/${plural}/export.{format}`).sort(), plural).toEqual(['q', 'sort', 'dir', ...filters].sort());
    }
    const sort = spec.paths['/api/practices']!.get!.parameters!.find((p) => p.name === 'sort')!;
    expect(sort.schema).toMatchObject({ enum: expect.arrayContaining(['name', 'listSize']) });
  });

  it('says how to sign in and send changes, how money is written, and what every error looks like', () => {
    expect(spec.components.securitySchemes).toMatchObject({ session: { type: 'apiKey', in: 'cookie', name: 'atscale_session' }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' } });
    expect(spec.info.description).toMatch(/whole pence in fields named …Pence/);
    for (const { path, method, op } of operations()) {
      expect(op.responses.default, `${method} ${path}`).toEqual({ $ref: '#/components/responses/Error' });
      if (method !== 'get' && path !== '/api/session') expect(op.security, `${method} ${path}`).toEqual([{ session: [], csrf: [] }]);
    }
  });

  it('names every operation once, from its method and address, for a client generator', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations()) expect(op.operationId, `${method} ${path}`).toBe(operationIdOf(method, path));
    expect(spec.paths['/api/risks/{id}/history']!.get!.operationId).toBe('getRisksByIdHistory');
    expect(spec.paths['/api/practices/export.{format}']!.get!.operationId).toBe('getPracticesExportByFormat');
  });

  it('describes each upload as a multipart form with its file and fields, and a route that also reads JSON as both', () => {
    const nhsFile = spec.paths['/api/imports/{kind}']!.post!.requestBody!.content['multipart/form-data']!.schema;
    expect(nhsFile).toMatchObject({ required: ['file'], properties: { file: { type: 'string', format: 'binary' }, asOf: { type: 'string' }, skipUnknown: { type: 'string' } } });
    expect(Object.keys(spec.paths['/api/schemes/{id}/delivered']!.post!.requestBody!.content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(spec.paths['/api/schemes/{id}/delivered']!.post!.requestBody!.content['application/json']!.schema.properties).toHaveProperty('entries');
    for (const { path, method, op } of operations().filter(({ op }) => op.requestBody?.content['multipart/form-data'])) {
      expect(op.requestBody!.content['multipart/form-data']!.schema.properties!.file, `${method} ${path}`).toMatchObject({ format: 'binary' });
    }
  });

  it('lists the refusals each operation may answer with, each the one error body', () => {
    const refusalsOf = (op: Operation) => Object.keys(op.responses).filter((status) => /^[45]/.test(status));
    expect(refusalsOf(spec.paths['/api/risks/{id}']!.get!)).toEqual(['400', '401', '403', '404', '503']);
    expect(refusalsOf(spec.paths['/api/risks/{id}']!.patch!)).toEqual(['400', '401', '403', '404', '409', '413', '415', '503']);
    expect(refusalsOf(spec.paths['/api/session']!.post!)).toEqual(['400', '413', '415', '429', '503']);
    expect(spec.paths['/api/risks/{id}']!.get!.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    for (const name of ['BadRequest', 'Unauthenticated', 'Forbidden', 'NotFound', 'Conflict', 'TooLarge', 'Unsupported', 'RateLimited', 'Unavailable']) {
      expect(spec.components.responses![name], name).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    }
  });

  it('refuses, by name, a query parameter a list, the audit log or a finance report does not take', async () => {
    expect(await admin.request('GET', '/api/practices?commissionerCode=03W')).toMatchObject({ status: 400, body: { problems: [{ field: 'commissionerCode', message: 'unknown filter' }] } });
    expect(await admin.request('GET', '/api/practices?page=1&page=2')).toMatchObject({ status: 400, body: { problems: [{ field: 'page', message: 'is given more than once' }] } });
    expect(await admin.request('GET', '/api/practices/export.csv?page=2')).toMatchObject({ status: 400, body: { problems: [{ field: 'page' }] } });
    expect(await admin.request('GET', '/api/practices/export.pdf')).toMatchObject({ status: 400, body: { problems: [{ field: 'format' }] } });
    expect(await admin.request('GET', '/api/finance/ie?yaer=2018/19')).toMatchObject({ status: 400, body: { problems: [{ field: 'yaer', message: 'is not an option here' }] } });
    expect(await admin.request('GET', '/api/audit?bogus=1')).toMatchObject({ status: 400, body: { problems: [{ field: 'bogus', message: 'is not an option here' }] } });
    expect(await admin.request('GET', '/api/practices?status=all')).toMatchObject({ status: 400, body: { problems: [{ field: 'status', message: 'must be one of active, closed, dormant, proposed' }] } });
    // A reference as pages write it (R1) finds the risk stored as 1.
    expect((await admin.request('GET', '/api/risks?ref=R1')).body.items.map((r: { ref: string }) => r.ref)).toEqual(['1']);
  });

  it('pages the audit log as every list is, or by limit and offset, not both', async () => {
    const first = await admin.request('GET', '/api/audit?pageSize=2');
    const second = await admin.request('GET', '/api/audit?page=2&pageSize=2');
    const byOffset = await admin.request('GET', '/api/audit?limit=2&offset=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    expect(second.body.items.map((i: { id: number }) => i.id)).toEqual(byOffset.body.items.map((i: { id: number }) => i.id));
    expect(second.body.items[0].id).toBeLessThan(first.body.items[1].id);
    expect(await admin.request('GET', '/api/audit?page=2&limit=2')).toMatchObject({ status: 400, body: { problems: [{ field: 'limit' }] } });
  });

  it('names a field as it was sent, with no "body." or "querystring." before it', async () => {
    const refused = await admin.request('POST', '/api/groups', { name: '', kind: 'federation', parentId: 'x' });
    expect(refused.status).toBe(400);
    expect(refused.body.problems.map((p: { field: string }) => p.field)).not.toContainEqual(expect.stringMatching(/^(body|querystring|params)\./));
    expect(await admin.request('GET', '/api/groups/1/summary?on=2024-02-30')).toMatchObject({ status: 400, body: { problems: [{ field: 'on' }] } });
  });

  it('refuses a body that is neither JSON nor a form as the wrong type', async () => {
    const plain = await fetch(`${server.baseUrl}/api/groups`, { method: 'POST', headers: { cookie: admin.session.cookie!, 'x-csrf-token': admin.session.csrfToken!, 'content-type': 'text/plain' }, body: '{"name":"Text group","kind":"peer_group"}' });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ error: 'unsupported', problems: [] });
  });

  it('calls a JSON body over the size limit a request, not a file', async () => {
    const big = await admin.request('POST', '/api/groups', { name: 'x'.repeat(3 * 1024 * 1024), kind: 'peer_group' });
    expect(big).toMatchObject({ status: 413, body: { error: 'too_large', message: 'The request is too large' } });
  });

  it('tells a program that sends back what it read how to write money and shares', async () => {
    const [line] = (await admin.request('GET', '/api/ie-lines?pageSize=1')).body.items;
    const sentBack = await admin.request('PATCH', `/api/ie-lines/${line.id}`, { rowVersion: line.rowVersion, amountPence: line.amountPence });
    expect(sentBack).toMatchObject({ status: 400, body: { problems: [{ field: 'amountPence', message: 'is read in pence; write "amount" in pounds instead, for example "£1,234.56"' }] } });
    const [share] = (await admin.request('GET', '/api/sub-contracts?pageSize=1')).body.items;
    const shareBack = await admin.request('PATCH', `/api/sub-contracts/${share.id}`, { rowVersion: share.rowVersion, shareBp: share.shareBp });
    expect(shareBack).toMatchObject({ status: 400, body: { problems: [{ field: 'shareBp', message: 'is read in basis points; write "sharePercent" as a percentage instead, for example 95' }] } });
    // Nothing was changed by either.
    expect((await admin.request('GET', `/api/ie-lines/${line.id}`)).body.rowVersion).toBe(line.rowVersion);
  });
});
