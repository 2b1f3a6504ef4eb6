import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';

/** The quality dashboard over HTTP: its table as downloads, and charts that say when there are too few points for limits. */
describe('the quality dashboard over the API', () => {
  let server: TestServer;
  let admin: ApiClient;
  let manager: ApiClient;
  let harborough: { id: number; name: string };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
    harborough = (await admin.request('GET', '/api/groups?q=Harborough')).body.items.find((g: { kind: string }) => g.kind === 'locality');
  });
  afterAll(() => server?.close());

  /** The bytes of a download: the client's text() would take the byte-order mark away. */
  const bytes = async (client: ApiClient, path: string) => Buffer.from(await (await fetch(`${server.baseUrl}${path}`, { headers: { cookie: client.session.cookie! } })).arrayBuffer());
  const view = (group?: number) => `indicator=QOF_PREV_HYP&period=2023-03-31${group ? `&group=${group}` : ''}`;

  it('downloads the table of every practice as CSV and XLSX, with the rows the page shows for the same indicator, period and group', async () => {
    const dashboard = (await manager.request('GET', `/api/quality/dashboard?${view(harborough.id)}`)).body;
    const csv = await manager.request('GET', `/api/quality/dashboard/export.csv?${view(harborough.id)}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="quality-qof_prev_hyp-2023-03-31-\d{4}-\d{2}-\d{2}\.csv"$/);
    const file = await bytes(manager, `/api/quality/dashboard/export.csv?${view(harborough.id)}`);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // so Excel on Windows reads it as UTF-8
    const parsed = Papa.parse<Record<string, string>>(file.subarray(3).toString('utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['ODS code', 'Practice', 'Indicator', 'Period', 'Compared across', 'Numerator', 'Denominator', 'Value (%)', 'z-score', 'Funnel (99.8%)', 'Lower 99.8% limit', 'Upper 99.8% limit', 'Gap to minimum']);
    expect(parsed.data.map((r) => r['ODS code'])).toEqual(dashboard.rows.map((r: { practiceCode: string }) => r.practiceCode));
    expect(parsed.data.length).toBe(4); // Harborough's members on 31 March 2023: Two Shires had closed
    const first = dashboard.rows[0];
    expect(parsed.data[0]).toMatchObject({ Practice: first.practiceName, Period: '2022/23', 'Compared across': 'Harborough', Numerator: String(first.numerator), 'Value (%)': String(Number(first.value.toFixed(2))) });

    const xlsx = await admin.request('GET', `/api/quality/dashboard/export.xlsx?${view()}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(admin, `/api/quality/dashboard/export.xlsx?${view()}`)) as never);
    const everyone = (await admin.request('GET', `/api/quality/dashboard?${view()}`)).body;
    expect(book.worksheets[0]!.rowCount - 1).toBe(everyone.rows.length);
    expect(book.worksheets[0]!.getRow(2).getCell(5).value).toBe('All practices held');
    // The About sheet says which indicator, period and practices the file holds.
    expect(book.getWorksheet('About')!.getRow(3).values).toEqual([undefined, 'Filtered by', `Indicator: ${everyone.indicator.name}; Period: ${everyone.periodLabel}; Practices: ${everyone.group ? `members of ${everyone.group.name}` : 'every practice in England'}${everyone.funnel.adjusted ? '; z-scores and limits: adjusted for overdispersion' : ''}`]);
  });

  it('refuses a download nobody signed in asks for, another format, and a period with no figures', async () => {
    expect((await new ApiClient(server.baseUrl).request('GET', `/api/quality/dashboard/export.csv?${view()}`)).status).toBe(401);
    expect((await admin.request('GET', `/api/quality/dashboard/export.pdf?${view()}`)).status).toBe(400);
    const empty = await admin.request('GET', '/api/quality/dashboard/export.csv?indicator=QOF_PREV_HYP&period=2019-03-31');
    expect(empty).toMatchObject({ status: 400, body: { problems: [{ field: 'period' }] } });
  });

  it('charts Kibworth’s two list sizes as points without limits or icons, and says why', async () => {
    const header = 'PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS';
    const started = await admin.request('POST', '/api/imports/list-sizes', fileForm('gp-reg.csv', `${header}\r\nGP_PRAC_PAT_LIST,2025-04-01,GP,03W,E38000051,C82001,LE8 0LG,ALL,ALL,17021\r\n`));
    let job = started.body;
    while (job.status === 'running') job = (await admin.request('GET', `/api/jobs/${job.id}`)).body;
    expect(job.result).toMatchObject({ inserted: 1, rejected: 0 });

    const page = (await admin.request('GET', '/api/quality/practices/C82001?indicator=REGISTERED_PATIENTS')).body;
    expect(page.series.map((s: { value: number }) => s.value)).toEqual([9301, 17021]);
    expect(page.spc.points.map((p: Record<string, unknown>) => [p.mean, p.lower, p.upper, p.type])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
    ]);
    expect([page.spc.variation, page.spc.assurance]).toEqual([null, null]);
    expect(page.spc.noLimitsReason).toBe('There are 2 points: too few for process limits, which need at least 13. No limits are drawn and there is no variation or assurance icon.');

    const svg = await admin.request('GET', '/api/quality/practices/C82001/spc.svg?indicator=REGISTERED_PATIENTS');
    expect(svg.status).toBe(200);
    expect(svg.body).toContain('2 points are too few for process limits (at least 13 are needed)');
    expect(svg.body).not.toContain('process limit</text>');
    expect(svg.body).not.toContain('Mean');
  });

  it('says how many moving ranges screening left out of a practice’s SPC limits, on the page’s data and in the SVG', async () => {
    const page = (await admin.request('GET', '/api/quality/practices/C82001?indicator=SAME_DAY_ACCESS')).body;
    const values: number[] = page.spc.points.map((p: { value: number }) => p.value);
    const ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
    const average = ranges.reduce((a, r) => a + r, 0) / ranges.length;
    const leftOut = ranges.filter((r) => r >= 3.267 * average).length;
    expect(page.spc.screening).toEqual({ leftOut, of: ranges.length });
    const svg = await admin.request('GET', '/api/quality/practices/C82001/spc.svg?indicator=SAME_DAY_ACCESS');
    expect(svg.body).toContain(leftOut ? `Screened: ${leftOut} of ${ranges.length} moving ranges` : `so all ${ranges.length} set the limits`);
  });

  it('draws a small locality’s funnel against the federation and says so in the SVG', async () => {
    const dashboard = (await admin.request('GET', `/api/quality/dashboard?${view(harborough.id)}`)).body;
    expect(dashboard.funnel.centre).toMatchObject({ kind: 'federation', reason: expect.stringMatching(/^Harborough has 4 practices with figures: too few/) });
    const svg = await admin.request('GET', `/api/quality/funnel.svg?${view(harborough.id)}`);
    expect(svg.status).toBe(200);
    const text = String(svg.body).replaceAll('&amp;', '&');
    expect(text).toContain(`the pooled value of ${dashboard.funnel.centre.name} (${dashboard.funnel.centre.practices} practices).`);
    expect(text).toContain('Harborough’s 4 practices are too few to set a centre line and overdispersion of their own.');
    // The download says so too, and which z-scores it holds.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(admin, `/api/quality/dashboard/export.xlsx?${view(harborough.id)}`)) as never);
    expect(String(book.getWorksheet('About')!.getRow(3).getCell(2).value)).toContain(`Centre line and limits: ${dashboard.funnel.centre.reason}`);
    expect(String(book.getWorksheet('About')!.getRow(3).getCell(2).value).includes('z-scores and limits: adjusted for overdispersion')).toBe(dashboard.funnel.adjusted);
  });

  it('downloads the thresholds with their minimum, target and note, as numbers', async () => {
    const { items } = (await admin.request('GET', '/api/thresholds?sort=indicatorCode')).body;
    expect(items.length).toBeGreaterThan(0);
    const [header, ...rows] = Papa.parse<string[]>((await bytes(admin, '/api/thresholds/export.csv?sort=indicatorCode')).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(header).toEqual(['ID', 'Indicator', 'Minimum', 'Target', 'Note']);
    expect(rows).toEqual(items.map((t: { id: number; indicatorCode: string; minimum: number | null; target: number | null; note: string | null }) => [String(t.id), t.indicatorCode, t.minimum === null ? '' : String(t.minimum), t.target === null ? '' : String(t.target), t.note ?? '']));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(admin, '/api/thresholds/export.xlsx?sort=indicatorCode')) as never);
    const withMinimum = items.findIndex((t: { minimum: number | null }) => t.minimum !== null);
    expect(book.worksheets[0]!.getRow(withMinimum + 2).getCell(3).value).toBe(items[withMinimum].minimum);
  });
});
