import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { epraccurRow, listSizeHeader, listSizeRow } from '../../test/support/factories.js';
import { WEB_NOT_BUILT } from './server.js';
import { actorName } from '../domain/words.js';
import { dayInEngland } from '../domain/iso-date.js';

describe('the API with bad input', () => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ maxUploadBytes: 64 * 1024 });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
  });
  afterAll(() => server?.close());

  it('serves its health', async () => {
    expect((await admin.request('GET', '/api/health')).body).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('says, where the web pages are not built, that only the API is served and how to build them', async () => {
    expect(await admin.request('GET', '/practices/C82001')).toMatchObject({ status: 404, body: { error: 'not_found', message: WEB_NOT_BUILT } });
    expect(await admin.request('GET', '/api/nothing-here')).toMatchObject({ status: 404, body: { message: 'No such endpoint: GET /api/nothing-here' } });
  });

  it('refuses a wrong password with one message, and slows down repeated attempts', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    // Nobody signed in and no cookie sent: nothing to put away.
    const nobody = await anonymous.request('GET', '/api/session');
    expect(nobody).toMatchObject({ status: 200, body: { user: null } });
    expect(nobody.headers.getSetCookie()).toEqual([]);
    const wrong = await anonymous.request('POST', '/api/session', { email: 'admin@elr-federation.example', password: 'wrong' });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'unauthenticated', message: 'The email address or password is not right' } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await anonymous.request('POST', '/api/session', { email: 'someone@example.nhs.uk', password: 'guess' })).status);
    const held = await anonymous.request('POST', '/api/session', { email: 'someone@example.nhs.uk', password: 'guess' });
    expect(statuses).toEqual(Array(10).fill(401));
    expect(held.status).toBe(429);
    // A script is told when to try again, in seconds, as HTTP says.
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(held.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('ends a session at once on sign-out', async () => {
    const clinician = await ApiClient.signIn(server.baseUrl, demoUser('clinician').email, demoUser('clinician').password);
    expect((await clinician.request('GET', '/api/session')).status).toBe(200);
    expect((await clinician.request('DELETE', '/api/session')).status).toBe(200);
    // "Who am I" says nobody (no 401 for a page to log before sign-in); everything else refuses.
    const signedOut = await clinician.request('GET', '/api/session');
    expect(signedOut).toMatchObject({ status: 200, body: { user: null, csrfToken: null } });
    expect(signedOut.headers.getSetCookie().join()).toMatch(/^atscale_session=;/);
    expect(await clinician.request('GET', '/api/practices')).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    // The audit has the sign-out beside the sign-in, by whom.
    const audit = (await admin.request('GET', '/api/audit?recordType=session&pageSize=5')).body.items as { summary: string; actorLabel: string }[];
    expect(audit.find((row) => row.summary === 'Signed out')).toMatchObject({ actorLabel: expect.stringContaining(demoUser('clinician').email) });
  });

  it('ends a disabled user’s session on their next request, and refuses them at sign-in', async () => {
    const email = 'locum.disabled@example.nhs.uk';
    const created = await admin.request('POST', '/api/users', { email, name: 'A locum', role: 'clinician', password: 'a long enough password' });
    expect(created.status).toBe(201);
    const locum = await ApiClient.signIn(server.baseUrl, email, 'a long enough password');
    const leftOpen = await ApiClient.signIn(server.baseUrl, email, 'a long enough password');
    expect((await locum.request('GET', '/api/session')).status).toBe(200);
    const disabled = await admin.request('PATCH', `/api/users/${created.body.id}`, { rowVersion: created.body.rowVersion, disabled: true });
    expect(disabled.status).toBe(200);
    const afterDisabling = await locum.request('GET', '/api/session');
    expect(afterDisabling).toMatchObject({ status: 200, body: { user: null } });
    // The ended session's cookie is put away, so the browser stops sending it.
    expect(afterDisabling.headers.getSetCookie().join()).toMatch(/atscale_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await locum.request('GET', '/api/practices')).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
    await expect(ApiClient.signIn(server.baseUrl, email, 'a long enough password')).rejects.toThrow(/failed: 401/);
    // Enabled again, they sign in afresh: a sign-in left open elsewhere when they were disabled stays ended.
    expect((await admin.request('PATCH', `/api/users/${created.body.id}`, { rowVersion: disabled.body.rowVersion, disabled: false })).status).toBe(200);
    expect(await leftOpen.request('GET', '/api/practices')).toMatchObject({ status: 401 });
    expect((await (await ApiClient.signIn(server.baseUrl, email, 'a long enough password')).request('GET', '/api/session')).body.user).toMatchObject({ label: `A locum <${email}>` });
  });

  it('gives practices only to practice managers and clinicians: refused for a commissioner, and dropped when a manager becomes one', async () => {
    const refused = await admin.request('POST', '/api/users', { email: 'icb.lead@example.nhs.uk', name: 'ICB lead', role: 'commissioner', practiceCodes: ['C82001'], password: 'a long enough password' });
    expect(refused).toMatchObject({ status: 400, body: { message: 'A commissioner sees every practice, so has no practices of their own', problems: [{ field: 'practiceCodes', message: 'must be blank for a commissioner: practices are for practice managers and clinicians' }] } });
    const manager = await admin.request('POST', '/api/users', { email: 'moving.on@example.nhs.uk', name: 'Moving On', role: 'practice_manager', practiceCodes: ['C82001'], password: 'a long enough password' });
    expect(manager.body.practiceCodes).toEqual(['C82001']);
    const promoted = await admin.request('PATCH', `/api/users/${manager.body.id}`, { rowVersion: manager.body.rowVersion, role: 'admin' });
    expect(promoted).toMatchObject({ status: 200, body: { role: 'admin', practiceCodes: [] } });
  });

  it('ends the other sign-ins of a user whose password is changed, keeping the one that changed it', async () => {
    const email = 'second.admin@example.nhs.uk';
    const created = await admin.request('POST', '/api/users', { email, name: 'Second Admin', role: 'admin', password: 'a long enough password' });
    const here = await ApiClient.signIn(server.baseUrl, email, 'a long enough password');
    const elsewhere = await ApiClient.signIn(server.baseUrl, email, 'a long enough password');
    expect(await here.request('PATCH', `/api/users/${created.body.id}`, { rowVersion: created.body.rowVersion, password: 'a new and longer password' })).toMatchObject({ status: 200 });
    expect((await here.request('GET', '/api/session')).body.user).toMatchObject({ label: `Second Admin <${email}>` });
    expect((await elsewhere.request('GET', '/api/session')).body.user).toBeNull();
  });

  it('names each invalid field of a request body', async () => {
    const response = await admin.request('POST', '/api/users', { email: 'not-an-email', name: '', role: 'boss', password: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('refuses an id, a page or a row version that cannot be one, and an impossible date, with a 400 naming it, never a 500', async () => {
    const problemField = async (method: string, path: string, body?: unknown) => {
      const response = await admin.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(400);
      return (response.body.problems as { field?: string }[]).map((p) => p.field);
    };
    for (const id of ['abc', '0', '1.5', '3000000000']) expect(await problemField('GET', `/api/groups/${id}`)).toEqual(['id']);
    expect(await problemField('PATCH', '/api/groups/abc', { rowVersion: 1, name: 'x' })).toEqual(['id']);
    for (const query of ['page=-1', 'page=abc', 'pageSize=0', 'pageSize=abc', 'pageSize=100000000', 'page=3000000000']) {
      expect(await problemField('GET', `/api/groups?${query}`)).toEqual([query.split('=')[0]]);
    }
    const [group] = (await admin.request('GET', '/api/groups?pageSize=1')).body.items;
    expect(await problemField('PATCH', `/api/groups/${group.id}`, { rowVersion: 99999999999999, name: 'x' })).toEqual(['rowVersion']);
    expect(await problemField('GET', '/api/fund-applications/3000000000')).toEqual(['id']);
    expect(await problemField('GET', `/api/groups/${group.id}/summary?on=2024-02-30`)).toEqual(['on']);
  });

  it('refuses an impossible as-of date for an NHS import before starting the job', async () => {
    const form = new FormData();
    form.set('asOf', '2018-02-31');
    form.set('file', new Blob(['x']), 'epraccur.csv');
    const response = await admin.request('POST', '/api/imports/ods', form);
    expect(response).toMatchObject({ status: 400, body: { problems: [{ field: 'asOf', message: 'is not a real date' }] } });
  });

  it('says what each role may do, for the users page', async () => {
    const { items } = (await admin.request('GET', '/api/roles')).body as { items: { role: string; label: string; description: string }[] };
    expect(items.map((r) => [r.role, r.label])).toEqual([
      ['admin', 'Federation admin'],
      ['practice_manager', 'Practice manager'],
      ['commissioner', 'Commissioner'],
      ['clinician', 'Clinician'],
    ]);
    expect(items.find((r) => r.role === 'commissioner')!.description).toBe('Reads everything but the admin pages (users, imports, the audit log); decides fund applications; changes nothing else.');
  });

  it('refuses an oversized upload, a file of the wrong type and an empty file before reading it', async () => {
    const big = await admin.request('POST', '/api/imports/ods', fileForm('epraccur.csv', 'x'.repeat(70 * 1024)));
    expect(big).toMatchObject({ status: 413, body: { error: 'too_large', message: 'epraccur.csv is larger than the upload limit of 64 KB', problems: [{ field: 'file', message: 'must be 64 KB or smaller' }] } });
    const text = await admin.request('POST', '/api/imports/ods', fileForm('notes.txt', 'hello'));
    expect(text).toMatchObject({ status: 415, body: { error: 'unsupported', message: expect.stringContaining('notes.txt') } });
    const zipped = await admin.request('POST', '/api/imports/list-sizes', fileForm('gp-reg-pat-prac-all.zip', 'PK'));
    expect(zipped).toMatchObject({ status: 415, body: { message: 'gp-reg-pat-prac-all.zip is a zip archive: unzip it and choose the .csv file inside' } });
    const empty = await admin.request('POST', '/api/imports/ods', fileForm('epraccur.csv', ''));
    expect(empty).toMatchObject({ status: 400, body: { message: 'epraccur.csv is empty', problems: [{ field: 'file', message: 'The selected file is empty' }] } });
  });

  it('rejects a list-size file uploaded as an ODS file, naming what it is', async () => {
    const job = await admin.runImport('ods', fileForm('gp-reg.csv', `${listSizeHeader}\r\n${listSizeRow('C82001', '100')}\r\n`));
    expect(job.status).toBe('failed');
    expect(job.result.errors[0]).toMatchObject({ file: 'gp-reg.csv' });
    const asPcns = await admin.runImport('pcns', fileForm('gp-reg.csv', `${listSizeHeader}\r\n${listSizeRow('C82001', '100')}\r\n`));
    expect(asPcns.result.errors).toEqual([
      { file: 'gp-reg.csv', message: 'this looks like a "Patients Registered at a GP Practice" totals file (gp-reg-pat-prac-all); expected an ODS ePCN workbook (ePCN.xlsx) or a "Patients Registered at a GP Practice" mapping file (gp-reg-pat-prac-map)' },
    ]);
  });

  it('says what a newer ODS file changed about a practice with the words people see, and that the import did it, on its page and in the download', async () => {
    await admin.runImport('ods', fileForm('epraccur.csv', epraccurRow({ 1: 'C97500' })));
    await admin.runImport('ods', fileForm('epraccur.csv', epraccurRow({ 1: 'C97500', 12: '20200630', 13: 'C', 15: '04C' })));
    const [change] = (await admin.request('GET', '/api/practices/C97500/audit')).body.items as { summary: string }[];
    expect(change!.summary).toBe('Changed status, ODS status code, sub-ICB code and close date, by ODS import epraccur.csv');
    const csv = Papa.parse<Record<string, string>>((await admin.request('GET', '/api/audit/export.csv?recordType=practice&recordId=C97500')).body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(csv.map((row) => row.Summary)).toEqual([change!.summary]);
  });

  it('gives every problem of a rejected file as a CSV to download, however many there are', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => epraccurRow({ 1: `C98${String(i).padStart(3, '0')}`, 11: '20181301' }));
    const job = await admin.runImport('ods', fileForm('epraccur-many.csv', [epraccurRow({ 1: 'C97001' }), ...rows].join('\r\n')));
    expect(job.result.errors).toHaveLength(120);
    const csv = await admin.request('GET', `/api/jobs/${job.id}/problems.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="epraccur-many-problems.csv"');
    const [header, ...lines] = Papa.parse<string[]>(String(csv.body).replace(/^\uFEFF/, '').trim()).data;
    expect(header).toEqual(['File', 'Line', 'Column', 'Field', 'Problem']);
    expect(lines).toHaveLength(120);
    expect(lines[119]).toEqual(['epraccur-many.csv', '121', '11', '', "open date '20181301' is not a date (expected YYYYMMDD)"]);
  });

  it('exports any list as CSV and XLSX with the same filters', async () => {
    // Kibworth's latest list size, which the export shows with its date.
    await admin.runImport('list-sizes', fileForm('gp-reg.csv', [listSizeHeader, listSizeRow('C82001', '9400')].join('\r\n')));
    const csv = await admin.request('GET', '/api/practices/export.csv?commissioner=03W&sort=odsCode');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('ODS code,Name,Status,GP practice,Sub-ICB code,PCN code,PCN name,Locality,Postcode,List size,List size date');
    // Codes in words, with the PCN’s name beside its code, as the page shows them.
    expect(lines[1]).toMatch(/^C82001,Kibworth Medical Centre,Active,Yes,03W,U30213,[A-Z][^,]+ PCN,Harborough,LE8 0LG,9400,2025-04-01$/);
    expect(lines).toHaveLength(1 + 30);
    // The file starts with a byte-order mark, so Excel on Windows reads it as UTF-8.
    const raw = await fetch(`${server.baseUrl}/api/practices/export.csv?commissioner=03W`, { headers: { cookie: admin.session.cookie! } });
    expect([...Buffer.from(await raw.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await fetch(`${server.baseUrl}/api/practices/export.xlsx?commissioner=03W&sort=odsCode`, { headers: { cookie: admin.session.cookie! } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    // A date is a date a spreadsheet can sort and filter, not text.
    expect(sheet.getRow(2).getCell(11).value).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(sheet.getColumn(11).numFmt).toBe('d mmm yyyy');
    // Columns fit their values, and every column can be filtered.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Kibworth Medical Centre'.length);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.name).toBe('Practices');
    // A user's practices are a list in words, in a workbook as in a CSV, not JSON.
    const users = await fetch(`${server.baseUrl}/api/users/export.xlsx?email=pm.kibworth`, { headers: { cookie: admin.session.cookie! } });
    const usersBook = new ExcelJS.Workbook();
    await usersBook.xlsx.load(Buffer.from(await users.arrayBuffer()) as never);
    const usersSheet = usersBook.worksheets[0]!;
    const practicesColumn = (usersSheet.getRow(1).values as unknown[]).indexOf('Practices');
    expect(usersSheet.getRow(2).getCell(practicesColumn).value).toBe('C82001');
  });

  it('lists and exports a federation’s members today, and those in one of its localities, with the same filters', async () => {
    const groups = (await admin.request('GET', '/api/groups?pageSize=100')).body.items as { id: number; name: string; kind: string }[];
    const federation = groups.find((g) => g.kind === 'federation')!;
    const rutland = groups.find((g) => g.kind === 'locality' && g.name === 'Rutland')!;
    // Two of the demo's 31 practices have left the federation.
    const members = await admin.request('GET', `/api/practices?memberOf=${federation.id}&status=active&pageSize=100`);
    expect(members.body.total).toBe(29);
    const inRutland = (await admin.request('GET', `/api/practices?memberOf=${federation.id}&inLocality=${rutland.id}&sort=odsCode`)).body.items as { odsCode: string; locality: string }[];
    expect(inRutland.map((p) => [p.odsCode, p.locality])).toEqual(['C82010', 'C82044', 'C82077', 'C82649'].map((code) => [code, 'Rutland']));
    const csv = ((await admin.request('GET', `/api/practices/export.csv?memberOf=${federation.id}&status=active`)).body as string).trim().split('\r\n');
    expect(csv).toHaveLength(1 + 29);
    // A filter is not a column: the file is headed as any other practices file.
    expect(csv[0]).toBe('ODS code,Name,Status,GP practice,Sub-ICB code,PCN code,PCN name,Locality,Postcode,List size,List size date');
    expect(await admin.request('GET', '/api/practices?memberOf=ELR')).toMatchObject({ status: 400, body: { problems: [{ field: 'memberOf', message: 'must be a whole number' }] } });
  });

  it('pages the audit log with its total, filters it by dates, and downloads what matches', async () => {
    const all = (await admin.request('GET', '/api/audit?limit=5')).body as { items: { id: number; at: string }[]; total: number };
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    const next = (await admin.request('GET', '/api/audit?limit=5&offset=5')).body as { items: { id: number }[] };
    expect(next.items[0]!.id).toBeLessThan(all.items.at(-1)!.id);
    const today = dayInEngland(new Date(all.items[0]!.at));
    expect((await admin.request('GET', `/api/audit?from=${today}&to=${today}&limit=1`)).body.total).toBe(all.total);
    expect((await admin.request('GET', '/api/audit?to=2000-01-01')).body).toEqual({ items: [], total: 0 });
    expect((await admin.request('GET', '/api/audit?from=2026-02-31')).status).toBe(400);
    // Sign-ins (session records) can be left out; everything else stays.
    const signIns = (await admin.request('GET', '/api/audit?recordType=session&limit=1')).body.total as number;
    expect(signIns).toBeGreaterThan(0);
    expect((await admin.request('GET', '/api/audit?signIns=exclude&limit=1')).body.total).toBe(all.total - signIns);
    const csv = await admin.request('GET', '/api/audit/export.csv?recordType=practice');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('When (UK time),Who,Who (as recorded),Record type,Record,Record name,Action,Summary,Before,After');
    expect(lines.length - 1).toBe((await admin.request('GET', '/api/audit?recordType=practice&limit=1')).body.total);
    expect(lines.slice(1).every((l) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},[^,]+,[^,]+,Practice,/.test(l))).toBe(true);
    // Who by name, and as recorded.
    const whos = Papa.parse<Record<string, string>>((csv.body as string).replace(/^\uFEFF/, '').trim(), { header: true }).data.map((r) => [r.Who, r['Who (as recorded)']]);
    expect(whos.length).toBeGreaterThan(0);
    expect(whos.every(([name, label]) => name === actorName(label))).toBe(true);
    // A span that ends before it starts is a mistake to correct, not an empty page.
    expect(await admin.request('GET', '/api/audit?from=2026-11-25&to=2026-11-24')).toMatchObject({ status: 400, body: { problems: [{ field: 'to', message: 'must be on or after the "from" date' }] } });
  });

  it('sets up a federation from the registry: members by commissioner, then a locality', async () => {
    const created = await admin.request('POST', '/api/groups', { name: 'Rutland PCN footprint', kind: 'pcn', commissionerCode: '03W' });
    expect(created.status).toBe(201);
    const added = await admin.request('POST', `/api/groups/${created.body.id}/members`, { pcnCode: 'U67590', startDate: '2019-07-01' });
    expect(added).toMatchObject({ status: 201, body: { added: 4, alreadyMembers: [] } });
    // The same PCN again adds nobody, saying why; the whole commissioner adds the rest and names the four left as they were.
    expect(await admin.request('POST', `/api/groups/${created.body.id}/members`, { pcnCode: 'U67590', startDate: '2019-07-01' })).toMatchObject({
      status: 400,
      body: { message: 'Every practice that matches is already a member on those dates', problems: [{ field: 'pcnCode', message: 'matches only practices already members on those dates: C82010, C82044, C82077, C82649' }] },
    });
    const rest = await admin.request('POST', `/api/groups/${created.body.id}/members`, { commissionerCode: '03W', startDate: '2020-04-01' });
    expect(rest).toMatchObject({ status: 201, body: { alreadyMembers: ['C82010', 'C82044', 'C82077', 'C82649'] } });
    expect(rest.body.added).toBeGreaterThan(0);
    expect(rest.body.memberships.every((m: { practiceCode: string }) => !rest.body.alreadyMembers.includes(m.practiceCode))).toBe(true);
    const none = await admin.request('POST', `/api/groups/${created.body.id}/members`, { pcnCode: 'U00000', startDate: '2019-07-01' });
    expect(none).toMatchObject({ status: 400, body: { message: 'No PCN has the code U00000', problems: [{ field: 'pcnCode', message: 'is not a PCN the registry knows: import the ePCN workbook or the PCN mapping file, or check the code' }] } });
    const noCommissioner = await admin.request('POST', `/api/groups/${created.body.id}/members`, { commissionerCode: 'ZZZ', startDate: '2019-07-01' });
    expect(noCommissioner.body.problems).toEqual([{ field: 'commissionerCode', message: 'matches no GP practice open on 1 July 2019 in the registry' }]);
    const summary = (await admin.request('GET', `/api/groups/${created.body.id}/summary?on=2020-01-01`)).body;
    expect(summary.practices.map((p: { odsCode: string }) => p.odsCode).sort()).toEqual(['C82010', 'C82044', 'C82077', 'C82649']);
    expect(summary.totalListSize).toBe(15_847 + 6_311 + 11_009 + 3_987);
  });

  it('refuses a group whose commissioner the registry does not hold, naming the field, on creating and on editing', async () => {
    const refusal = { error: 'invalid', message: 'The registry holds no commissioner 03V', problems: [{ field: 'commissionerCode', message: 'is not one the registry holds: there is no commissioner 03V. Check the code, or import the NHS file that names it first' }] };
    expect(await admin.request('POST', '/api/groups', { name: 'Harborough PCN footprint', kind: 'pcn', commissionerCode: '03v' })).toMatchObject({ status: 400, body: refusal });
    const created = await admin.request('POST', '/api/groups', { name: 'Harborough PCN footprint', kind: 'pcn', commissionerCode: '03W' });
    expect(created.status).toBe(201);
    expect(await admin.request('PATCH', `/api/groups/${created.body.id}`, { rowVersion: created.body.rowVersion, commissionerCode: '03V' })).toMatchObject({ status: 400, body: refusal });
    expect((await admin.request('GET', `/api/groups/${created.body.id}`)).body).toMatchObject({ commissionerCode: '03W', rowVersion: 1 });
  });

  it('finds every change about a practice by its ODS code, and the download says what each change did', async () => {
    // Rutland's memberships, made in the test above, are kept under their own IDs with the practice code inside.
    const about = (await admin.request('GET', '/api/audit?recordId=c82010&limit=100')).body as { items: { recordType: string; recordId: string; summary: string | null }[] };
    expect([...new Set(about.items.map((a) => a.recordType))]).toEqual(expect.arrayContaining(['membership', 'sub_contract']));
    expect(about.items.every((a) => a.recordId !== 'C82010')).toBe(true);
    // A new membership names the group as well as the practice.
    expect(about.items.map((a) => a.summary)).toContain('Created C82010 in Rutland PCN footprint');
    const csv = Papa.parse<Record<string, string>>((await admin.request('GET', '/api/audit/export.csv?recordId=C82010')).body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(csv).toHaveLength(about.items.length);
    // Rows that wrote no summary get the one the audit page works out, not a blank.
    expect(csv.filter((row) => !row.Summary)).toEqual([]);
    expect(csv.find((row) => row['Record type'] === 'Membership')?.Summary).toMatch(/^Created|^Changed|^Added/);
  });

  it('names the record of each audit row beside its ID, a deleted one and a list size too, on the page and in the download', async () => {
    // A list size is audited when a later file changes it.
    for (const patients of ['9400', '9401']) await admin.runImport('list-sizes', fileForm('gp-reg.csv', [listSizeHeader, listSizeRow('C82001', patients)].join('\r\n')));
    const group = (await admin.request('POST', '/api/groups', { name: 'Short-lived peer group', kind: 'peer_group' })).body as { id: number; rowVersion: number };
    expect((await admin.request('DELETE', `/api/groups/${group.id}?rowVersion=${group.rowVersion}`)).status).toBe(200);
    const rows = (await admin.request('GET', '/api/audit?limit=1000')).body.items as { recordType: string; recordId: string; action: string; recordName: string | null }[];
    const named = (type: string, id: string) => rows.filter((r) => r.recordType === type && r.recordId === id).map((r) => r.recordName);
    expect(named('list_size', 'C82001@2025-04-01')).toEqual(['List size of C82001 at 1 April 2025']);
    expect(named('practice', 'C97500')[0]).toMatch(/^Test Surgery \(C97500\)$/i);
    // A sign-in is kept under the user's ID, and named by their email.
    expect(rows.filter((r) => r.recordType === 'session').map((r) => r.recordName)).toContain(demoUser('admin').email);
    expect(new Set(named('membership', rows.find((r) => r.recordType === 'membership')!.recordId))).toEqual(new Set([expect.stringMatching(/^C\d{5} in /)]));
    // Gone from its table, a record is named from what its audit rows kept.
    expect(named('group', String(group.id))).toEqual(['Short-lived peer group', 'Short-lived peer group']);
    // An import is kept under its file's name, which says enough.
    expect(rows.filter((r) => r.recordType === 'import').every((r) => r.recordName === null)).toBe(true);
    const csv = Papa.parse<Record<string, string>>((await admin.request('GET', '/api/audit/export.csv?recordType=list_size')).body.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(csv.map((row) => [row.Record, row['Record name']])).toEqual([['C82001@2025-04-01', 'List size of C82001 at 1 April 2025']]);
  });
});
