import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';

/** Downloads taken into a spreadsheet, edited and imported again, as an operations team works. */
describe('a register downloaded, edited in a spreadsheet and imported again', () => {
  let server: TestServer;
  let admin: ApiClient;
  const download = async (path: string) => (await fetch(`${server.baseUrl}${path}`, { headers: { cookie: admin.session.cookie! } })).text();
  /** The CSV with one cell changed, as a spreadsheet saves it (no byte-order mark kept). */
  const edited = (csv: string, heading: string, row: number, value: string) => {
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    rows[row]![header!.indexOf(heading)] = value;
    return Papa.unparse([header!, ...rows]);
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
  });
  afterAll(() => server?.close());

  it('imports the risk register’s own download with nothing changed, and one edited cell as one audited change', async () => {
    const { items } = (await admin.request('GET', '/api/risks?sort=ref')).body;
    const csv = await download('/api/risks/export.csv?sort=ref');
    expect((await admin.request('POST', '/api/risks/import', fileForm('risks.csv', csv))).body).toMatchObject({ inserted: 0, updated: 0, unchanged: items.length });
    // A mitigation that starts "- " goes out guarded against spreadsheet formulas and comes back as it was.
    const mitigation = '- Recruit two salaried GPs\n- Share the locum bank';
    const changed = edited(csv, 'Mitigation', 0, `'${mitigation}`);
    expect((await admin.request('POST', '/api/risks/import', fileForm('risks.csv', changed))).body).toMatchObject({ inserted: 0, updated: 1, unchanged: items.length - 1 });
    const after = (await admin.request('GET', `/api/risks/${items[0].id}`)).body;
    expect(after.mitigation).toBe(mitigation);
    const history = (await admin.request('GET', `/api/risks/${items[0].id}/audit`)).body.items;
    expect(history[0]).toMatchObject({ action: 'update', after: { mitigation } });
    // Its status, written "Open" in the download, is read back as the status it is.
    const closedText = edited(edited(await download('/api/risks/export.csv?sort=ref'), 'Status', 1, 'Closed'), 'Closed on', 1, '2019-03-31');
    expect((await admin.request('POST', '/api/risks/import', fileForm('risks.csv', closedText))).body).toMatchObject({ updated: 1 });
    expect((await admin.request('GET', `/api/risks/${items[1].id}`)).body).toMatchObject({ status: 'closed', closedOn: '2019-03-31' });
  });

  it('imports the board action log’s own download with nothing changed, and a new latest update as one change', async () => {
    const { items } = (await admin.request('GET', '/api/board-actions?sort=ref&status=open')).body;
    const csv = await download('/api/board-actions/export.csv?sort=ref&status=open');
    expect((await admin.request('POST', '/api/board-actions/import', fileForm('actions.csv', csv))).body).toMatchObject({ inserted: 0, updated: 0, unchanged: items.length });
    const changed = edited(csv, 'Latest update', 0, 'Costed options to the board in June');
    expect((await admin.request('POST', '/api/board-actions/import', fileForm('actions.csv', changed))).body).toMatchObject({ updated: 1, unchanged: items.length - 1 });
    const updates = (await admin.request('GET', `/api/board-actions/${items[0].id}/updates`)).body.items;
    expect(updates.map((u: { text: string }) => u.text)).toContain('Costed options to the board in June');
  });

  it('names the column as the file heads it when a download’s cell cannot be read', async () => {
    const csv = edited(await download('/api/risks/export.csv?sort=ref'), 'Likelihood', 0, 'very');
    const refused = await admin.request('POST', '/api/risks/import', fileForm('risks.csv', csv));
    expect(refused).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ line: 2, column: expect.stringMatching(/\(Likelihood\)$/) })] } });
  });
});
