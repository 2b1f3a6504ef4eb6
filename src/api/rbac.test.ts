import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { epraccurRow, makeSchemeRequest } from '../../test/support/factories.js';

/**
 * Every endpoint × every role. The practice manager manages C82001 (Kibworth); "pm other" is the
 * same manager acting on C82002, a practice that is not theirs. Each row says who may call it;
 * everyone else must get 401 (signed out) or 403. A route the server has that this table lacks fails.
 */
type Role = 'anonymous' | 'admin' | 'pmOwn' | 'pmOther' | 'commissioner' | 'clinician';
const signedIn: Role[] = ['admin', 'pmOwn', 'pmOther', 'commissioner', 'clinician'];
const everyone: Role[] = ['anonymous', ...signedIn];
const adminOnly: Role[] = ['admin'];

interface Case {
  route: string;
  allowed: Role[];
  request: (role: Role, ids: Ids) => { method: string; path: string; body?: unknown };
}
interface Ids {
  jobId: string;
  groupId: number;
  membershipId: number;
  userId: number;
  /** The demo's winter scheme (Kibworth C82001 and Countesthorpe C82002 take part) and pharmacist scheme. */
  winterId: number;
  pharmacistsId: number;
  version: (path: string) => Promise<number>;
}

const practiceFor = (role: Role) => (role === 'pmOther' ? 'C82002' : 'C82001');
const csv = (header: string, row: string) => fileForm('rows.csv', `${header}\n${row}\n`);
let n = 0;
const unique = (role: Role) => `${role}-${++n}`;

const cases: Case[] = [
  { route: 'GET /api/health', allowed: everyone, request: () => ({ method: 'GET', path: '/api/health' }) },
  { route: 'GET /api/session', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/session' }) },
  { route: 'GET /api/practices/{code}/details', allowed: signedIn, request: (r) => ({ method: 'GET', path: `/api/practices/${practiceFor(r)}/details` }) },
  { route: 'GET /api/organisations', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/organisations?kind=pcn' }) },
  { route: 'GET /api/groups/{id}/summary', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/groups/${ids.groupId}/summary` }) },
  { route: 'POST /api/groups/{id}/members', allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/groups/${ids.groupId}/members`, body: { practiceCodes: ['C82002'], startDate: `20${10 + (n++ % 5)}-01-0${1 + (n % 8)}`, endDate: null } }) },
  { route: 'POST /api/demo', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/demo', body: {} }) },
  { route: 'POST /api/imports/{kind}', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/imports/ods', body: fileForm('epraccur.csv', `${epraccurRow({ 1: 'C99001' })}\r\n`) }) },
  { route: 'GET /api/jobs/{id}', allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/jobs/${ids.jobId}` }) },
  { route: 'GET /api/jobs', allowed: adminOnly, request: () => ({ method: 'GET', path: '/api/jobs' }) },
  { route: 'GET /api/audit', allowed: adminOnly, request: () => ({ method: 'GET', path: '/api/audit' }) },
  { route: 'GET /api/practices', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/practices?commissioner=03W' }) },
  { route: 'GET /api/practices/export.{format}', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/practices/export.csv' }) },
  { route: 'GET /api/practices/{id}', allowed: signedIn, request: (r) => ({ method: 'GET', path: `/api/practices/${practiceFor(r)}` }) },
  { route: 'GET /api/practices/{id}/audit', allowed: adminOnly, request: (r) => ({ method: 'GET', path: `/api/practices/${practiceFor(r)}/audit` }) },
  { route: 'PATCH /api/practices/{id}', allowed: ['admin', 'pmOwn'], request: (r) => ({ method: 'PATCH', path: `/api/practices/${practiceFor(r)}`, body: { rowVersion: 99, notes: `by ${r}` } }) },
  ...(['groups', 'memberships', 'users'] as const).flatMap((type): Case[] => {
    const readers = type === 'users' ? adminOnly : signedIn;
    const id = (ids: Ids) => (type === 'groups' ? ids.groupId : type === 'memberships' ? ids.membershipId : ids.userId);
    const body = (r: Role, ids: Ids) =>
      type === 'groups' ? { name: unique(r), kind: 'peer_group' } : type === 'memberships' ? { groupId: ids.groupId, practiceCode: 'C82009', startDate: `19${10 + n++}-01-01`, endDate: `19${10 + n - 1}-12-31` } : { email: `${unique(r)}@example.nhs.uk`, name: 'New person', role: 'clinician', password: 'a long enough password' };
    const importFile = (r: Role, ids: Ids) =>
      type === 'groups' ? csv('name,kind', `${unique(r)},peer_group`) : type === 'memberships' ? csv('groupId,practiceCode,startDate,endDate', `${ids.groupId},C82010,19${30 + n++}-01-01,19${30 + n - 1}-06-30`) : csv('email,name,role,password', `${unique(r)}@example.nhs.uk,Someone,clinician,a long enough password`);
    return [
      { route: `GET /api/${type}`, allowed: readers, request: () => ({ method: 'GET', path: `/api/${type}` }) },
      { route: `GET /api/${type}/export.{format}`, allowed: readers, request: () => ({ method: 'GET', path: `/api/${type}/export.xlsx` }) },
      { route: `GET /api/${type}/{id}`, allowed: readers, request: (_r, ids) => ({ method: 'GET', path: `/api/${type}/${id(ids)}` }) },
      { route: `GET /api/${type}/{id}/audit`, allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/${type}/${id(ids)}/audit` }) },
      { route: `POST /api/${type}`, allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/${type}`, body: body(r, ids) }) },
      { route: `PATCH /api/${type}/{id}`, allowed: adminOnly, request: (_r, ids) => ({ method: 'PATCH', path: `/api/${type}/${id(ids)}`, body: { rowVersion: 99 } }) },
      { route: `DELETE /api/${type}/{id}`, allowed: adminOnly, request: (_r, ids) => ({ method: 'DELETE', path: `/api/${type}/${id(ids)}?rowVersion=99` }) },
      { route: `POST /api/${type}/import`, allowed: adminOnly, request: (r, ids) => ({ method: 'POST', path: `/api/${type}/import`, body: importFile(r, ids) }) },
    ];
  }),
  { route: 'GET /api/schemes', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/schemes?status=approved' }) },
  { route: 'GET /api/schemes/export.{format}', allowed: signedIn, request: () => ({ method: 'GET', path: '/api/schemes/export.csv' }) },
  { route: 'GET /api/schemes/{id}', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}` }) },
  { route: 'GET /api/schemes/{id}/audit', allowed: adminOnly, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/audit` }) },
  { route: 'POST /api/schemes', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/schemes', body: makeSchemeRequest() }) },
  { route: 'PATCH /api/schemes/{id}', allowed: adminOnly, request: (_r, ids) => ({ method: 'PATCH', path: `/api/schemes/${ids.winterId}`, body: { rowVersion: 99, definition: makeSchemeRequest().definition } }) },
  { route: 'POST /api/schemes/{id}/approve', allowed: adminOnly, request: (_r, ids) => ({ method: 'POST', path: `/api/schemes/${ids.winterId}/approve`, body: { rowVersion: 99 } }) },
  { route: 'GET /api/schemes/{id}/versions', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/versions` }) },
  { route: 'GET /api/schemes/{id}/run', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/run` }) },
  { route: 'POST /api/schemes/{id}/delivered', allowed: adminOnly, request: (_r, ids) => ({ method: 'POST', path: `/api/schemes/${ids.winterId}/delivered`, body: { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 208, gp: 0 } }] } }) },
  { route: 'GET /api/schemes/{id}/delivered', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/delivered` }) },
  {
    route: 'POST /api/schemes/{id}/hand-schedule',
    allowed: adminOnly,
    request: (_r, ids) => ({ method: 'POST', path: `/api/schemes/${ids.pharmacistsId}/hand-schedule`, body: { label: 'Spreadsheet', entries: ['2018/19', '2019/20', '2020/21', '2021/22'].map((year) => ({ year, amount: 100_000 })) } }),
  },
  { route: 'GET /api/schemes/{id}/statements/{practiceCode}', allowed: ['admin', 'pmOwn', 'commissioner', 'clinician'], request: (r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/statements/${practiceFor(r)}` }) },
  { route: 'GET /api/schemes/{id}/statements/{practiceCode}.pdf', allowed: ['admin', 'pmOwn', 'commissioner', 'clinician'], request: (r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/statements/${practiceFor(r)}.pdf` }) },
  { route: 'GET /api/schemes/{id}/export.xlsx', allowed: signedIn, request: (_r, ids) => ({ method: 'GET', path: `/api/schemes/${ids.winterId}/export.xlsx` }) },
  ...qualityCases(),
];

/** The quality dashboard (src/api/routes/quality.ts) and thresholds (generic record routes). */
function qualityCases(): Case[] {
  const view = 'indicator=QOF_PREV_AF&period=2023-03-31';
  const get = (route: string, path: (ids: Ids) => string, allowed = signedIn): Case => ({ route, allowed, request: (_r, ids) => ({ method: 'GET', path: path(ids) }) });
  return [
    get('GET /api/quality/indicators', () => '/api/quality/indicators'),
    get('GET /api/quality/dashboard', (ids) => `/api/quality/dashboard?${view}&group=${ids.groupId}`),
    get('GET /api/quality/funnel.svg', (ids) => `/api/quality/funnel.svg?${view}&group=${ids.groupId}`),
    get('GET /api/quality/practices/{code}', () => '/api/quality/practices/C82001?indicator=DNA_RATE'),
    get('GET /api/quality/evaluation', (ids) => `/api/quality/evaluation?indicator=DNA_RATE&group=${ids.groupId}&beforeFrom=2024-04-01&beforeTo=2025-03-01&afterFrom=2025-04-01&afterTo=2026-03-01`),
    get('GET /api/quality/review-pack', (ids) => `/api/quality/review-pack?locality=${ids.groupId}`),
    get('GET /api/quality/review-pack.xlsx', (ids) => `/api/quality/review-pack.xlsx?locality=${ids.groupId}`),
    get('GET /api/thresholds', () => '/api/thresholds'),
    get('GET /api/thresholds/export.{format}', () => '/api/thresholds/export.csv'),
    get('GET /api/thresholds/{id}', () => '/api/thresholds/1'),
    get('GET /api/thresholds/{id}/audit', () => '/api/thresholds/1/audit', adminOnly),
    { route: 'POST /api/thresholds', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/thresholds', body: { indicatorCode: 'QOF_PREV_AF', minimum: 1 } }) },
    { route: 'PATCH /api/thresholds/{id}', allowed: adminOnly, request: () => ({ method: 'PATCH', path: '/api/thresholds/1', body: { rowVersion: 99 } }) },
    { route: 'DELETE /api/thresholds/{id}', allowed: adminOnly, request: () => ({ method: 'DELETE', path: '/api/thresholds/1?rowVersion=99' }) },
    { route: 'POST /api/thresholds/import', allowed: adminOnly, request: () => ({ method: 'POST', path: '/api/thresholds/import', body: csv('indicatorCode,minimum', 'QOF_PREV_AF,2') }) },
  ];
}

describe('permissions: every endpoint × every role', () => {
  let server: TestServer;
  const clients = {} as Record<Role, ApiClient>;
  const ids = {} as Ids;

  beforeAll(async () => {
    server = await startTestServer();
    clients.anonymous = new ApiClient(server.baseUrl);
    clients.admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    clients.pmOwn = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
    clients.pmOther = clients.pmOwn;
    clients.commissioner = await ApiClient.signIn(server.baseUrl, demoUser('commissioner').email, demoUser('commissioner').password);
    clients.clinician = await ApiClient.signIn(server.baseUrl, demoUser('clinician').email, demoUser('clinician').password);
    const job = await clients.admin.request('GET', '/api/jobs');
    const started = await clients.admin.request('POST', '/api/imports/ods', fileForm('epraccur.csv', `${epraccurRow()}\r\n`));
    ids.jobId = started.body.id ?? job.body.items[0]?.id;
    const groups = await clients.admin.request('GET', '/api/groups?kind=federation');
    ids.groupId = groups.body.items[0].id;
    ids.membershipId = (await clients.admin.request('GET', '/api/memberships?pageSize=1')).body.items[0].id;
    ids.userId = (await clients.admin.request('GET', '/api/users?pageSize=1')).body.items[0].id;
    ids.winterId = (await clients.admin.request('GET', '/api/schemes?slug=winter-access-2017-18')).body.items[0].id;
    ids.pharmacistsId = (await clients.admin.request('GET', '/api/schemes?slug=clinical-pharmacists-2018')).body.items[0].id;
  });
  afterAll(() => server?.close());

  it('has a row for every route the server registers', async () => {
    const spec = (await clients.anonymous.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const registered = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...cases.map((c) => c.route), 'POST /api/session', 'DELETE /api/session']);
    expect(registered.filter((route) => !covered.has(route))).toEqual([]);
    expect(cases.length).toBeGreaterThan(30);
  });

  for (const testCase of cases) {
    it(`${testCase.route}: allowed for ${testCase.allowed.join(', ')}`, async () => {
      const outcomes: Record<string, number> = {};
      const expected: Record<string, string> = {};
      for (const role of everyone) {
        const { method, path, body } = testCase.request(role, ids);
        const response = await clients[role].request(method, path, body);
        outcomes[role] = response.status;
        const allowed = testCase.allowed.includes(role);
        expected[role] = allowed ? (response.status === 401 || response.status === 403 || response.status >= 500 ? 'allowed' : String(response.status)) : role === 'anonymous' ? '401' : '403';
        if (!allowed) expect(response.body).toMatchObject({ error: role === 'anonymous' ? 'unauthenticated' : 'forbidden' });
      }
      expect(Object.fromEntries(Object.entries(outcomes).map(([k, v]) => [k, String(v)]))).toEqual(expected);
    });
  }
});
