import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { producedBy } from '../../test/support/produced.js';
import { todayInEngland } from '../domain/iso-date.js';

const seed = (name: string) => readFileSync(new URL(`../../../shared/data/elr/${name}`, import.meta.url));

describe('governance over HTTP', () => {
  let server: TestServer;
  let admin: ApiClient;
  let manager: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
  });
  afterAll(() => server?.close());

  it('re-imports the seed risk register and action log without changes and shows the heat map', async () => {
    expect((await admin.request('POST', '/api/risks/import', fileForm('risks.csv', seed('risks.csv')))).body).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect((await admin.request('POST', '/api/board-actions/import', fileForm('board-actions.csv', seed('board-actions.csv')))).body).toMatchObject({ inserted: 0, updated: 0, unchanged: 7 });
    const map = (await admin.request('GET', '/api/risks/heat-map')).body;
    expect(map.unplaced).toEqual(['1', '2', '3', '4']);
    expect(map.note).toMatch(/L = 2/);
  });

  it('refuses someone who may not add or change a record type before reading what they sent: 403, not what is wrong with it', async () => {
    const commissioner = await ApiClient.signIn(server.baseUrl, demoUser('commissioner').email, demoUser('commissioner').password);
    const risk = (await admin.request('GET', '/api/risks?ref=1')).body.items[0];
    for (const client of [commissioner, manager]) {
      expect((await client.request('POST', '/api/risks', {})).status).toBe(403);
      expect((await client.request('PATCH', `/api/risks/${risk.id}`, { rowVersion: risk.rowVersion, impact: 'high' })).status).toBe(403);
      // Routes of their own, whose bodies the server checks before the use case runs, alike.
      expect((await client.request('POST', '/api/board-actions/1/updates', {})).status).toBe(403);
      expect((await client.request('POST', '/api/groups/1/members', {})).status).toBe(403);
      expect((await client.request('POST', '/api/schemes', {})).status).toBe(403);
    }
    // Someone who may is told what is wrong.
    expect((await admin.request('POST', '/api/risks', {})).status).toBe(400);
  });

  it('scores a risk, keeps its history and places it on the heat map', async () => {
    const risk = (await admin.request('GET', '/api/risks?ref=3')).body.items[0];
    const changed = await admin.request('PATCH', `/api/risks/${risk.id}`, { rowVersion: risk.rowVersion, impact: 4 });
    expect(changed.body).toMatchObject({ likelihood: 3, impact: 4, score: 12, rating: 'high' });
    const stale = await admin.request('PATCH', `/api/risks/${risk.id}`, { rowVersion: risk.rowVersion, impact: 5 });
    expect(stale.status).toBe(409);
    expect((await admin.request('GET', `/api/risks/${risk.id}/history`)).body.items.map((h: { score: number | null }) => h.score)).toEqual([null, 12]);
    const map = (await admin.request('GET', '/api/risks/heat-map')).body;
    expect(map.rows[2][3]).toMatchObject({ likelihood: 3, impact: 4, refs: ['3'] });
    // The register sorts and exports by the score it shows, worked out rather than typed.
    const other = (await admin.request('GET', '/api/risks?ref=1')).body.items[0];
    await admin.request('PATCH', `/api/risks/${other.id}`, { rowVersion: other.rowVersion, likelihood: 1, impact: 2 });
    const byScore = (await admin.request('GET', '/api/risks?sort=score&dir=desc&status=open')).body.items;
    expect(byScore.slice(0, 2).map((r: { ref: string; score: number }) => [r.ref, r.score])).toEqual([['3', 12], ['1', 2]]);
    const csv = await fetch(`${server.baseUrl}/api/risks/export.csv?sort=score&dir=desc`, { headers: { cookie: admin.session.cookie! } });
    const [header, first] = (await csv.text()).split(/\r?\n/);
    const cells = (line: string) => line.split(',');
    expect(cells(header!)).toEqual(expect.arrayContaining(['Score', 'Rating']));
    expect([cells(first!)[cells(header!).indexOf('Score')], cells(first!)[cells(header!).indexOf('Rating')]]).toEqual(['12', 'High']);
  });

  it('exports the action log with each action’s latest update, and only the overdue actions when asked', async () => {
    const exported = async (query: string) => {
      const response = await fetch(`${server.baseUrl}/api/board-actions/export.csv${query}`, { headers: { cookie: admin.session.cookie! } });
      const [header, ...rows] = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, '').trim()).data;
      return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]])));
    };
    const action = (await admin.request('POST', '/api/board-actions', { ref: 'A20', action: 'Draft the estates offer', dueDate: '2018-05-01' })).body as { id: number; ref: string };
    const all = (await admin.request('GET', '/api/board-actions?pageSize=100')).body.items as { id: number; ref: string; dueDate: string | null; status: string; overdue: boolean }[];
    const untouched = (await exported('')).find((r) => r.Ref === action.ref)!;
    expect([untouched['Latest update dated'], untouched['Latest update']]).toEqual(['', '']);
    await admin.request('POST', `/api/board-actions/${action.id}/updates`, { text: 'Chased the estates team', enteredOn: '2018-03-01' });
    await admin.request('POST', `/api/board-actions/${action.id}/updates`, { text: 'Estates offer drafted', enteredOn: '2018-04-01' });
    await admin.request('POST', `/api/board-actions/${action.id}/updates`, { text: 'Written up late, about March', enteredOn: '2018-03-15' });
    const row = (await exported('')).find((r) => r.Ref === action.ref)!;
    expect([row['Latest update dated'], row['Latest update']]).toEqual(['2018-04-01', 'Estates offer drafted']);
    const today = todayInEngland();
    const overdue = all.filter((a) => a.status !== 'closed' && a.dueDate !== null && a.dueDate < today);
    expect(overdue.length).toBeGreaterThan(0);
    expect(all.filter((a) => a.overdue).map((a) => a.ref)).toEqual(overdue.map((a) => a.ref));
    expect((await exported('?overdue=true')).map((r) => r.Ref).sort()).toEqual(overdue.map((a) => a.ref).sort());
  });

  it('refuses an unknown owner with the names to add, and a date in an impossible format', async () => {
    const unknown = await admin.request('POST', '/api/board-actions', { ref: 'A8', action: 'Write the estates offer', ownerText: 'JW/RB' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual({ unknownOwners: ['RB'] });
    const badDate = await admin.request('POST', '/api/board-actions', { ref: 'A8', action: 'Write the estates offer', dueDate: '2018/06/31' });
    expect(badDate.body.problems).toEqual([{ field: 'dueDate', message: '"2018/06/31" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD' }]);
    expect((await admin.request('GET', '/api/board-actions?ref=A8')).body.total).toBe(0);
    expect((await admin.request('GET', '/api/owners/match?text=JW%2FRB')).body).toMatchObject({ people: [{ initials: 'JW' }], unknown: ['RB'] });
  });

  it('takes PDF and DOCX files by their bytes, refuses others and oversized ones, and searches the library', async () => {
    const policy = (await admin.request('GET', '/api/policies')).body.items[0];
    const wrong = await admin.request('POST', `/api/policies/${policy.id}/file`, fileForm('gdpr.pdf', 'not really a pdf'));
    expect([wrong.status, wrong.body.message]).toEqual([415, 'gdpr.pdf is not a PDF or Word (DOCX) document']);
    const big = await admin.request('POST', `/api/policies/${policy.id}/file`, fileForm('gdpr.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)])));
    expect(big.status).toBe(413);
    // The demo's policy comes with its document; the refused uploads left it as it was.
    expect((await admin.request('GET', `/api/policies/${policy.id}/acknowledgements`)).body).toMatchObject({ file: { fileName: 'gdpr-policy-for-member-practices.pdf', version: '1.0' }, earlierFiles: [], versionHasFile: true });
    // A name as Word gives it, dash and curly apostrophe included, downloads under that name.
    const ok = await admin.request('POST', `/api/policies/${policy.id}/file`, fileForm('GDPR policy – 2018’s.pdf', '%PDF-1.4 policy'));
    expect(ok.body).toEqual({ fileName: 'GDPR policy – 2018’s.pdf', mediaType: 'application/pdf', size: 15 });
    const download = await fetch(`${server.baseUrl}/api/policies/${policy.id}/file`, { headers: { cookie: manager.session.cookie! } });
    expect([download.status, download.headers.get('content-type'), await download.text()]).toEqual([200, 'application/pdf', '%PDF-1.4 policy']);
    expect(decodeURIComponent(download.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('GDPR policy – 2018’s.pdf');
    expect((await admin.request('GET', '/api/policies/search?q=subject%20access')).body.items.map((p: { id: number }) => p.id)).toEqual([policy.id]);
  });

  it('refuses to acknowledge a version whose file is not uploaded yet, and says why', async () => {
    const created = (await admin.request('POST', '/api/policies', { title: 'Significant event protocol', kind: 'protocol', version: '2.0', practiceCodes: ['C82001'] })).body;
    const status = (await manager.request('GET', `/api/policies/${created.id}/acknowledgements`)).body;
    expect(status).toMatchObject({ file: null, version: '2.0', versionHasFile: false, items: [{ practiceCode: 'C82001', acknowledgedAt: null }] });
    const refused = await manager.request('POST', `/api/policies/${created.id}/acknowledgements`, { practiceCode: 'C82001' });
    expect([refused.status, refused.body.error, refused.body.message]).toEqual([409, 'conflict', 'Version 2.0 of Significant event protocol cannot be acknowledged yet: it has no file to read. The federation uploads the document first.']);
    await admin.request('POST', `/api/policies/${created.id}/file`, fileForm('sea.pdf', '%PDF-1.4 significant events'));
    expect((await manager.request('GET', `/api/policies/${created.id}/acknowledgements`)).body.versionHasFile).toBe(true);
    expect((await manager.request('POST', `/api/policies/${created.id}/acknowledgements`, { practiceCode: 'C82001' })).status).toBe(201);
    // Who acknowledged: an admin reads the label as recorded; anyone else the name alone, as addresses are for admins.
    const by = async (client: typeof admin) => (await client.request('GET', `/api/policies/${created.id}/acknowledgements`)).body.items[0].acknowledgedBy as string;
    expect(await by(admin)).toMatch(/^.+ <pm\.kibworth@elr-federation\.example>$/);
    expect(await by(manager)).toBe((await by(admin)).replace(/ <.*>$/, ''));
    expect(JSON.stringify((await manager.request('GET', `/api/policies/${created.id}/acknowledgements`)).body)).not.toContain('@');
  });

  it('shows a practice manager their acknowledgement until done, and exports my items', async () => {
    const mine = (await manager.request('GET', '/api/my-items')).body;
    expect(mine.items.map((i: { kind: string; ref: string }) => [i.kind, i.ref])).toEqual([['policy_acknowledgement', 'C82001']]);
    const xlsx = await fetch(`${server.baseUrl}/api/my-items/export.xlsx`, { headers: { cookie: manager.session.cookie! } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const [items, about] = workbook.worksheets;
    expect([items!.name, about!.name, workbook.title]).toEqual(['My items', 'About', 'My items']);
    expect(items!.getRow(2).getCell(2).value).toBe('C82001');
    // Due is a date a spreadsheet sorts, and the page's "overdue" goes with it.
    expect(items!.getRow(1).values).toEqual([undefined, 'Kind', 'Ref', 'Item', 'Due', 'Waiting since', 'Overdue']);
    expect(items!.getRow(2).getCell(4).value).toBeInstanceOf(Date);
    // The About tab says what the file is, for whoever reads it later.
    const aboutLines = Object.fromEntries(about!.getSheetValues().flatMap((row) => (Array.isArray(row) && row[1] !== 'About this file' ? [[row[1], row[2]]] : [])));
    expect(aboutLines).toEqual({ What: 'My items', 'Filtered by': 'Nothing: every record you may see', Rows: '1', Produced: expect.stringMatching(producedBy('Priya Patel')) });
    const risks = await fetch(`${server.baseUrl}/api/risks/export.xlsx?status=open&q=staff`, { headers: { cookie: admin.session.cookie! } });
    const risksBook = new ExcelJS.Workbook();
    await risksBook.xlsx.load(Buffer.from(await risks.arrayBuffer()) as never);
    expect(risksBook.worksheets.map((w) => w.name)).toEqual(['Risks', 'About']);
    expect(risksBook.getWorksheet('About')!.getRow(3).values).toEqual([undefined, 'Filtered by', 'Status: Open; Search: “staff”']);
    // A filter that is not a column names the group, not its id.
    const federation = (await admin.request('GET', '/api/groups?kind=federation')).body.items[0];
    const members = await fetch(`${server.baseUrl}/api/practices/export.xlsx?memberOf=${federation.id}`, { headers: { cookie: admin.session.cookie! } });
    const membersBook = new ExcelJS.Workbook();
    await membersBook.xlsx.load(Buffer.from(await members.arrayBuffer()) as never);
    expect(membersBook.getWorksheet('About')!.getRow(3).values).toEqual([undefined, 'Filtered by', `Members of: ${federation.name}`]);
    const policyId = Number(mine.items[0].href.split('/').pop());
    expect((await manager.request('POST', `/api/policies/${policyId}/acknowledgements`, { practiceCode: 'C82001' })).status).toBe(201);
    expect((await manager.request('GET', '/api/my-items')).body.items).toEqual([]);
  });

  it('composes the digest on a dry run without sending', async () => {
    const risk = (await admin.request('GET', '/api/risks?ref=1')).body.items[0];
    await admin.request('PATCH', `/api/risks/${risk.id}`, { rowVersion: risk.rowVersion, ownerText: 'JW', reviewDate: todayInEngland() });
    const result = (await admin.request('POST', '/api/digest/send', { dryRun: true })).body;
    expect(result.sent).toBe(0);
    // Jo Walker owns the risk; the commissioner has the demo's fund applications to decide. The clinician's practice (C82009) still has the demo policy to acknowledge, but that is its practice manager's to do, not the clinician's.
    expect(result.messages.map((m: { to: string }) => m.to)).toEqual(['admin@elr-federation.example', 'commissioner@elr-ccg.example']);
    expect(result.messages[0].text).toContain('Risk review R1: Lack of openness, transparency and trust');
  });
});
