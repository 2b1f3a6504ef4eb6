import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { producedBy } from '../../test/support/produced.js';

/** Finance over HTTP: amounts typed in pounds stored once as pence, reports, exports and imports with their errors. */
describe('finance API', () => {
  let server: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
  });
  afterAll(() => server?.close());

  it('stores an amount typed as "£1,000" as 100,000 pence, though the route and the use case both check it', async () => {
    const created = await admin.request('POST', '/api/running-costs', { financialYear: 'FY18/19', category: 'Insurance', line: 'Indemnity', amount: '£1,000' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ financialYear: '2018/19', amountPence: 100_000 });
    const changed = await admin.request('PATCH', `/api/running-costs/${created.body.id}`, { rowVersion: 1, amount: 1234.5 });
    expect(changed.body).toMatchObject({ amountPence: 123_450, rowVersion: 2 });
    const ie = await admin.request('GET', '/api/finance/ie?year=2018/19');
    expect(ie.body.resultPence).toBe(-68_800 - 123_450);
    expect((await admin.request('DELETE', `/api/running-costs/${created.body.id}?rowVersion=2`)).status).toBe(200);
  });

  it('answers a bad year and a bad threshold with 400 and the field, and a year outside the plan with 404 and the plan’s years', async () => {
    expect(await admin.request('GET', '/api/finance/ie?year=2018-2020')).toMatchObject({ status: 400, body: { problems: [{ field: 'year' }] } });
    expect(await admin.request('GET', '/api/finance/cash-flow?year=2030/31')).toMatchObject({ status: 404, body: { message: '2030/31 is outside the finance plan', problems: [{ field: 'year', message: expect.stringMatching(/^the plan covers 2017\/18, /) }] } });
    expect(await admin.request('GET', '/api/finance/cash-flow?year=2018/19&threshold=lots')).toMatchObject({ status: 400, body: { problems: [{ field: 'threshold' }] } });
  });

  it('exports a report as CSV and every table of a year as one workbook', async () => {
    const csv = await admin.request('GET', '/api/finance/ie/export.csv?year=2018/19');
    expect(csv.body.split('\r\n').slice(-3, -1)).toEqual(['Result,Surplus / deficit on secured income only,-4188,a deficit,total', 'Result,Surplus / deficit,-688,a deficit if the potential income comes in,total']);
    const response = await fetch(`${server.baseUrl}/api/finance/export.xlsx?year=2018/19`, { headers: { cookie: admin.session.cookie! } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Streams', 'Funder totals', 'Double counting', 'Savings', 'Running costs', 'I&E', 'Scheme fees', 'Cash flow', 'Receipts', 'About']);
    expect(workbook.getWorksheet('Scheme fees')!.getRow(2).values).toEqual(expect.arrayContaining(['Winter scheme 17/18', 'Winter access scheme 2017/18', 3500]));
    // Read later, as evidence, the file says which year it is, that scheme figures are as their returns then stood, and who produced it when.
    const about = (book: InstanceType<typeof ExcelJS.Workbook>) => Object.fromEntries(book.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) && row[1] !== 'About this file' ? [[row[1], row[2]]] : [])));
    const produced = expect.stringMatching(producedBy(demoUser('admin').name));
    // And what the cash flow's page says beside its table: here, the plan's opening balance against 2017/18's close.
    const { openingNote } = (await admin.request('GET', '/api/finance/cash-flow?year=2018/19')).body;
    expect(openingNote).toMatch(/^2017\/18 closes at /);
    expect(about(workbook)).toEqual({ What: 'The finance plan: every table of the year', 'Financial year': '2018/19', 'Scheme figures': expect.stringContaining('as recorded when this file was produced'), Produced: produced, 'Opening balance': openingNote });
    const ieBook = new ExcelJS.Workbook();
    await ieBook.xlsx.load(Buffer.from(await (await fetch(`${server.baseUrl}/api/finance/ie/export.xlsx?year=18/19`, { headers: { cookie: admin.session.cookie! } })).arrayBuffer()) as never);
    expect(about(ieBook)).toMatchObject({ What: 'Income and expenditure 2018/19', 'Financial year': '2018/19', Produced: produced });
  });

  it('says in every download of the cash flow what its page says of the money recorded invoice and payment dates place', async () => {
    const winter = (await admin.request('GET', '/api/schemes/overview')).body.items.find((i: { version: { name: string } | null }) => i.version?.name === 'Winter access scheme 2017/18').id;
    const settled = { invoiced: { on: '2018-05-15', reference: 'INV-CSV-1' }, paid: { on: '2018-05-30', reference: null } };
    expect(await admin.request('PUT', `/api/schemes/${winter}/settlement`, { version: 1, ...settled, basedOn: { invoiced: null, paid: null } })).toMatchObject({ status: 200 });
    try {
      const download = (path: string) => fetch(`${server.baseUrl}${path}`, { headers: { cookie: admin.session.cookie! } });
      const aboutOf = async (path: string) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(await (await download(path)).arrayBuffer()) as never);
        return new Map(book.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
      };
      for (const year of ['2017/18', '2018/19']) {
        const { datedNote } = (await admin.request('GET', `/api/finance/cash-flow?year=${year}`)).body;
        expect(datedNote).toMatch(/^From recorded dates rather than payment terms: Winter access scheme 2017\/18: /);
        // The CSV, which has no About tab, in its TOTAL row's "Recorded dates" (2017/18 has the column for it alone: its invoice went to June 2018).
        const csv = (await (await download(`/api/finance/cash-flow/export.csv?year=${year}`)).text()).split('\r\n');
        expect(csv[0]).toMatch(/,Recorded dates$/);
        expect(csv.find((line) => line.startsWith('TOTAL,'))).toMatch(new RegExp(`,"${datedNote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"$`));
        // The cash flow's workbook and the workbook of every table of the year, on their About tabs.
        expect((await aboutOf(`/api/finance/cash-flow/export.xlsx?year=${year}`)).get('Recorded dates')).toBe(datedNote);
        expect((await aboutOf(`/api/finance/export.xlsx?year=${year}`)).get('Recorded dates')).toBe(datedNote);
      }
    } finally {
      const back = (invoiced: unknown, paid: unknown, basedOn: unknown) => admin.request('PUT', `/api/schemes/${winter}/settlement`, { version: 1, invoiced, paid, basedOn });
      await back(settled.invoiced, null, settled);
      await back(null, null, { ...settled, paid: null });
    }
  });

  it('links an I&E line to a scheme once: a second line for the same scheme is a 409, an unknown scheme a 400 naming the field', async () => {
    const lines = (await admin.request('GET', '/api/ie-lines?financialYear=2018/19&pageSize=100')).body.items as { id: number; line: string; schemeId: number | null; rowVersion: number }[];
    const linked = lines.find((l) => l.schemeId !== null)!;
    const other = lines.find((l) => l.line === 'H Pylori')!;
    expect(await admin.request('PATCH', `/api/ie-lines/${other.id}`, { rowVersion: other.rowVersion, schemeId: linked.schemeId })).toMatchObject({ status: 409, body: { message: expect.stringContaining('already linked to another I&E line') } });
    expect(await admin.request('PATCH', `/api/ie-lines/${other.id}`, { rowVersion: other.rowVersion, schemeId: 9999 })).toMatchObject({ status: 400, body: { problems: [{ field: 'schemeId' }] } });
    const ie = await admin.request('GET', '/api/finance/ie?year=2018/19');
    expect(ie.body.schemeFees.lines.map((l: { lineId: number }) => l.lineId)).toEqual([linked.id]);
  });

  it('imports a file all or nothing, naming the line and column of each problem', async () => {
    const bad = await admin.request('POST', '/api/finance/import/running-costs', fileForm('costs.csv', 'line,amount\nRent,"£12,000"\nRates,-5\n', { year: '2018/19' }));
    expect(bad).toMatchObject({ status: 400, body: { problems: [{ file: 'costs.csv', line: 3, column: 2 }] } });
    const good = await admin.request('POST', '/api/finance/import/running-costs', fileForm('costs.csv', 'line,amount,category\nRent,"£12,000",Premises\n', { year: '2018/19' }));
    expect(good.body).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
    const again = await admin.request('POST', '/api/finance/import/running-costs', fileForm('costs.csv', 'line,amount,category\nRent,"£12,000",Premises\n', { year: '2018/19' }));
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });
});
