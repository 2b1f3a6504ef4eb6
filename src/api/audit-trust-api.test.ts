import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, startTestServer, type TestServer } from '../../test/support/api.js';
import { databaseKinds } from '../../test/support/databases.js';

/** What a data protection officer asks of the audit log over HTTP: who took people's details away, and whether the log can be trusted. */
describe.each(databaseKinds)('downloads of personal data and the audit log’s seals over the API (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
  });
  afterAll(() => server?.close());

  const download = (client: ApiClient, path: string) => fetch(`${server.baseUrl}${path}`, { headers: { cookie: client.session.cookie! } });
  const latestDownload = async () => (await admin.request('GET', '/api/audit?recordType=download&limit=1')).body.items[0];

  it('records who downloaded the users, the People page’s contacts or the audit log, when, which file and how many rows, never what they held', async () => {
    const users = await download(admin, '/api/users/export.csv?role=admin');
    expect(users.status).toBe(200);
    const userRows = (await users.text()).trim().split('\n').length - 1;
    const fileName = /filename="([^"]+)"/.exec(users.headers.get('content-disposition')!)![1];
    const row = await latestDownload();
    expect(row).toMatchObject({ actorLabel: expect.stringContaining(demoUser('admin').email), recordId: fileName, action: 'download', after: { file: fileName, rows: userRows, filters: [expect.stringContaining('Role')] } });
    expect(row.summary).toMatch(new RegExp(`^Downloaded users as CSV \\(${userRows} rows?, filtered by Role[^)]*\\): names, email addresses`));
    // What the file held stays out of the log: no email of a user listed.
    expect(JSON.stringify(row)).not.toContain('password');
    expect(JSON.stringify(row.after)).not.toContain(demoUser('admin').email);

    expect((await download(admin, '/api/people/export.xlsx')).status).toBe(200);
    expect(await latestDownload()).toMatchObject({ recordId: expect.stringMatching(/^people-\d{4}-\d\d-\d\d\.xlsx$/), summary: expect.stringMatching(/^Downloaded people as XLSX \(\d+ rows?\): names, job titles/) });

    expect((await download(admin, '/api/audit/export.csv?who=pm.kibworth')).status).toBe(200);
    expect(await latestDownload()).toMatchObject({ recordId: expect.stringMatching(/^audit-log-\d{4}-\d\d-\d\d\.csv$/), after: { filters: [expect.stringContaining('pm.kibworth')] } });
  });

  it('leaves no row for a download that holds no one’s personal details', async () => {
    const before = (await admin.request('GET', '/api/audit?recordType=download&limit=1')).body.total;
    expect((await download(admin, '/api/practices/export.csv')).status).toBe(200);
    expect((await download(manager, '/api/risks/export.csv')).status).toBe(200);
    expect((await admin.request('GET', '/api/audit?recordType=download&limit=1')).body.total).toBe(before);
  });

  it('checks the audit log’s seals for an admin, naming the latest seal, and refuses anyone else', async () => {
    const check = await admin.request('GET', '/api/audit/seals');
    expect(check).toMatchObject({ status: 200, body: { ok: true, failures: [], head: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
    const kept = `${check.body.head.seq}:${check.body.head.hash}`;
    expect((await admin.request('GET', `/api/audit/seals?anchor=${kept}`)).body).toMatchObject({ ok: true, kept: { matches: true } });
    expect(await admin.request('GET', '/api/audit/seals?anchor=nonsense')).toMatchObject({ status: 400, body: { problems: [{ field: 'anchor' }] } });
    expect((await manager.request('GET', '/api/audit/seals')).status).toBe(403);
  });
});
