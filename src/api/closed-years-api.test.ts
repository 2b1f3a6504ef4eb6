import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { databaseKinds } from '../../test/support/databases.js';
import { makeSchemeRequest } from '../../test/support/factories.js';
import { closedWords } from '../domain/finance/closed-years.js';
import { todayInEngland } from '../domain/iso-date.js';

type Answer = Awaited<ReturnType<ApiClient['request']>>;

/**
 * Closing a financial year over HTTP: the check of what is still open, every write of the year's
 * money refused with one error (409 year_closed) naming the year and who closed it while the year
 * beside it is still written, the reports and workbook saying so, and reopening with a reason.
 */
describe.each(databaseKinds)('closing a financial year over the API (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  const adminName = demoUser('admin').name;
  const closed = closedWords({ financialYear: '2017/18', closedOn: todayInEngland(), closedBy: adminName });
  // Made while 2017/18 is open: a record of each kind in the year to close, and its twin in the year that stays open.
  const made: Record<string, Record<'2017/18' | '2018/19', { id: number; rowVersion: number }>> = {};
  let streamId = 0;
  let winterId = 0;

  const refused = (answer: Answer) => {
    expect(answer).toMatchObject({ status: 409, body: { error: 'year_closed', details: { closedYears: [{ financialYear: '2017/18', closedOn: todayInEngland(), closedBy: adminName }] } } });
    expect(answer.body.message).toContain(`2017/18 was ${closed.charAt(0).toLowerCase()}${closed.slice(1)}`);
  };
  const ok = (answer: Answer) => expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);

  beforeAll(async () => {
    server = await startTestServer({ kind });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    const stream = await admin.request('POST', '/api/income-streams', { funder: 'NHS E', name: 'Year-end test stream', status: 'secured', frequency: 'monthly' });
    streamId = stream.body.id;
    const bodies: Record<string, (year: string) => Record<string, unknown>> = {
      'ie-lines': (year) => ({ financialYear: year, section: 'secured', line: 'Year-end test line', amount: '£1,000' }),
      'running-costs': (year) => ({ financialYear: year, category: 'Other', line: 'Year-end test cost', amount: '£500' }),
      'cost-savings': (year) => ({ financialYear: year, initiative: 'Year-end test saving', expected: '£200' }),
      'income-stream-years': (year) => ({ streamId, financialYear: year, amount: '£12,000' }),
    };
    for (const [type, body] of Object.entries(bodies)) {
      made[type] = {} as (typeof made)[string];
      for (const year of ['2017/18', '2018/19'] as const) {
        const created = await admin.request('POST', `/api/${type}`, body(year));
        ok(created);
        made[type]![year] = created.body;
      }
    }
    const years = (await admin.request('GET', '/api/finance-years?pageSize=100')).body.items as { id: number; financialYear: '2017/18' | '2018/19'; rowVersion: number }[];
    made['finance-years'] = { '2017/18': years.find((y) => y.financialYear === '2017/18')!, '2018/19': years.find((y) => y.financialYear === '2018/19')! };
    winterId = (await admin.request('GET', '/api/schemes?slug=winter-access-2017-18')).body.items[0].id;
  }, 120_000);
  afterAll(() => server?.close());

  it('refuses to close a year with a scheme still open, naming it, and closes it anyway when asked', async () => {
    const open = await admin.request('POST', '/api/finance/year-ends/close', { financialYear: '2017-18' });
    expect(open).toMatchObject({ status: 409, body: { error: 'conflict', details: { stillOpen: ['Winter access scheme 2017/18 version 1 is approved but not invoiced to the commissioner'] } } });
    expect((await admin.request('GET', '/api/finance/year-ends')).body.find((y: { financialYear: string }) => y.financialYear === '2017/18').closed).toBeNull();
    const anyway = await admin.request('POST', '/api/finance/year-ends/close', { financialYear: '2017-18', anyway: true });
    expect(anyway).toMatchObject({ status: 200, body: { financialYear: '2017/18', closed: { closedOn: todayInEngland(), words: closed }, stillOpen: open.body.details.stillOpen } });
    expect(await admin.request('POST', '/api/finance/year-ends/close', { financialYear: '2017/18' })).toMatchObject({ status: 409, body: { error: 'conflict', message: `2017/18 is already closed: ${closed}` } });
    const audit = (await admin.request('GET', `/api/finance-years/${made['finance-years']!['2017/18'].id}/audit`)).body.items;
    expect(audit[0]).toMatchObject({ summary: expect.stringContaining('Closed 2017/18, with Winter access scheme 2017/18 version 1 is approved but not invoiced') });
  });

  it('refuses a year that has not ended', async () => {
    const year = `${Number(todayInEngland().slice(0, 4)) + 1}/${String((Number(todayInEngland().slice(0, 4)) + 2) % 100).padStart(2, '0')}`;
    ok(await admin.request('POST', '/api/finance-years', { financialYear: year }));
    expect(await admin.request('POST', '/api/finance/year-ends/close', { financialYear: year, anyway: true })).toMatchObject({ status: 400, body: { error: 'invalid', message: expect.stringContaining('a year is closed after it has ended') } });
  });

  it.each(['ie-lines', 'running-costs', 'cost-savings', 'income-stream-years'])('refuses adding, changing and removing %s in the closed year, and allows them in the open one', async (type) => {
    const change = type === 'cost-savings' ? { expected: '£250' } : { amount: '£750' };
    for (const year of ['2017/18', '2018/19'] as const) {
      const record = made[type]![year];
      const patched = await admin.request('PATCH', `/api/${type}/${record.id}`, { ...change, rowVersion: record.rowVersion });
      if (year === '2017/18') {
        refused(patched);
        refused(await admin.request('DELETE', `/api/${type}/${record.id}?rowVersion=${record.rowVersion}`));
      } else {
        ok(patched);
        ok(await admin.request('DELETE', `/api/${type}/${record.id}?rowVersion=${patched.body.rowVersion}`));
      }
    }
  });

  it('refuses a new line in the closed year and a change to a closed year’s opening balance', async () => {
    refused(await admin.request('POST', '/api/ie-lines', { financialYear: '2017/18', section: 'potential', line: 'Late line', amount: '£1' }));
    // The form's check (?check=true) says so too, before the person saves.
    refused(await admin.request('POST', '/api/ie-lines?check=true', { financialYear: '2017/18', section: 'potential', line: 'Late line', amount: '£1' }));
    ok(await admin.request('POST', '/api/ie-lines?check=true', { financialYear: '2018/19', section: 'potential', line: 'Late line', amount: '£1' }));
    const late = await admin.request('POST', '/api/ie-lines', { financialYear: '2018/19', section: 'potential', line: 'Late line', amount: '£1' });
    ok(late);
    // Moving a line into the closed year alters it too.
    refused(await admin.request('PATCH', `/api/ie-lines/${late.body.id}`, { financialYear: '2017/18', rowVersion: late.body.rowVersion }));
    const years = made['finance-years']!;
    refused(await admin.request('PATCH', `/api/finance-years/${years['2017/18'].id}`, { openingBalance: '£1', rowVersion: years['2017/18'].rowVersion + 1 }));
    ok(await admin.request('PATCH', `/api/finance-years/${years['2018/19'].id}`, { notes: 'Year-end test', rowVersion: years['2018/19'].rowVersion }));
  });

  it('refuses a change to the terms of a stream with an amount in the closed year, not to its name', async () => {
    const stream = (await admin.request('GET', `/api/income-streams/${streamId}`)).body;
    refused(await admin.request('PATCH', `/api/income-streams/${streamId}`, { frequency: 'quarterly', rowVersion: stream.rowVersion }));
    ok(await admin.request('PATCH', `/api/income-streams/${streamId}`, { name: 'Year-end test stream (renamed)', rowVersion: stream.rowVersion }));
  });

  it('refuses a finance file that changes the closed year, writing nothing, and imports one for the open year', async () => {
    const form = fileForm('running-costs.csv', 'category,line,amount\nOther,Imported cost,£300\n', { year: '2017/18' });
    refused(await admin.request('POST', '/api/finance/import/running-costs', form));
    expect((await admin.request('GET', '/api/running-costs?financialYear=2017/18&line=Imported')).body.items).toEqual([]);
    ok(await admin.request('POST', '/api/finance/import/running-costs', fileForm('running-costs.csv', 'category,line,amount\nOther,Imported cost,£300\n', { year: '2018/19' })));
  });

  it('refuses a scheme of the closed year its returns and an invoice dated in it, and takes an invoice dated after it', async () => {
    const none = { invoiced: null, paid: null };
    refused(await admin.request('PUT', `/api/schemes/${winterId}/settlement`, { version: 1, invoiced: { on: '2018-03-31', reference: 'YE-1' }, paid: null, basedOn: none }));
    const [version] = (await admin.request('GET', `/api/schemes/${winterId}/versions`)).body.items as { definition: { deliveryModels: { id: string }[] } }[];
    const units = { [version!.definition.deliveryModels[0]!.id]: 987 };
    refused(await admin.request('POST', `/api/schemes/${winterId}/delivered`, { entries: [{ practice: 'C82001', units }] }));
    ok(await admin.request('PUT', `/api/schemes/${winterId}/settlement`, { version: 1, invoiced: { on: '2018-04-01', reference: 'YE-1' }, paid: null, basedOn: none }));
  });

  it('takes one of two saves of an open year made at the same moment and refuses the other as stale', async () => {
    const year = (await admin.request('GET', `/api/finance-years/${made['finance-years']!['2018/19'].id}`)).body as { id: number; rowVersion: number };
    const saves = await Promise.all([1, 2].map((n) => admin.request('PATCH', `/api/finance-years/${year.id}`, { notes: `Year-end save ${n}`, rowVersion: year.rowVersion })));
    expect(saves.map((s) => s.status).sort()).toEqual([200, 409]);
  });

  it('refuses to approve a scheme paid in the closed year, and approves one paid in the open year', async () => {
    const closedYearScheme = await admin.request('POST', '/api/schemes', makeSchemeRequest({ period: { weeks: 8, end: '2018-03-31' } }));
    ok(closedYearScheme);
    refused(await admin.request('POST', `/api/schemes/${closedYearScheme.body.scheme.id}/approve`, { rowVersion: closedYearScheme.body.scheme.rowVersion }));
    const openYearScheme = await admin.request('POST', '/api/schemes', makeSchemeRequest({ period: { weeks: 8, end: '2018-04-01' } }));
    ok(await admin.request('POST', `/api/schemes/${openYearScheme.body.scheme.id}/approve`, { rowVersion: openYearScheme.body.scheme.rowVersion }));
  });

  it('says the year is closed on its reports and in its workbook', async () => {
    for (const report of ['ie', 'cash-flow', 'running-costs']) expect((await admin.request('GET', `/api/finance/${report}?year=2017/18`)).body.closed).toBe(closed);
    expect((await admin.request('GET', '/api/finance/ie?year=2018/19')).body.closed).toBeNull();
    const response = await fetch(`${server.baseUrl}/api/finance/export.xlsx?year=2017/18`, { headers: { cookie: admin.session.cookie! } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const about = book.getWorksheet('About')!;
    const rows = about.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1, 3));
    expect(rows).toContainEqual(['Accounts', closed]);
  });

  it('reopens the year only with a reason, audited, and then takes the change it refused', async () => {
    expect(await admin.request('POST', '/api/finance/year-ends/reopen', { financialYear: '2017/18', reason: ' ' })).toMatchObject({ status: 400, body: { problems: [{ field: 'reason', message: 'Say why the year is reopened' }] } });
    const reopened = await admin.request('POST', '/api/finance/year-ends/reopen', { financialYear: '2017/18', reason: 'Auditors asked for the winter accrual to be corrected' });
    expect(reopened).toMatchObject({ status: 200, body: { financialYear: '2017/18', closed: null } });
    const audit = (await admin.request('GET', `/api/finance-years/${made['finance-years']!['2017/18'].id}/audit`)).body.items;
    expect(audit[0].summary).toBe(`Reopened 2017/18 (${closed.toLowerCase()}): Auditors asked for the winter accrual to be corrected`);
    const line = made['ie-lines']!['2017/18'];
    ok(await admin.request('PATCH', `/api/ie-lines/${line.id}`, { amount: '£900', rowVersion: line.rowVersion }));
    expect(await admin.request('POST', '/api/finance/year-ends/reopen', { financialYear: '2017/18', reason: 'again' })).toMatchObject({ status: 409, body: { message: '2017/18 is not closed' } });
  });

  it('refuses a fund drawdown dated in a closed year, and taking one back, and takes them once it is reopened', async () => {
    const fundId = (await admin.request('GET', '/api/funds?q=ELR%20transformation')).body.items[0].id;
    const applicationId = (await admin.request('GET', `/api/funds/${fundId}/report`)).body.applications.find((a: { status: string }) => a.status === 'approved').id;
    const drawn = await admin.request('POST', `/api/fund-applications/${applicationId}/drawdowns`, { amount: '£1', drawnOn: '2018-08-02', evidence: 'Invoice YE-2' });
    ok(drawn);
    ok(await admin.request('POST', '/api/finance/year-ends/close', { financialYear: '2018/19', anyway: true }));
    const rowVersion = async () => (await admin.request('GET', `/api/fund-applications/${applicationId}`)).body.application.rowVersion;
    const refusedHere = async (answer: Answer) => expect(answer).toMatchObject({ status: 409, body: { error: 'year_closed', message: expect.stringContaining('2018/19 was closed on') } });
    await refusedHere(await admin.request('POST', `/api/fund-applications/${applicationId}/drawdowns`, { amount: '£1', drawnOn: '2018-08-03', evidence: 'Invoice YE-3' }));
    await refusedHere(await admin.request('DELETE', `/api/fund-applications/${applicationId}/drawdowns/${drawn.body.id}?rowVersion=${await rowVersion()}`));
    ok(await admin.request('POST', '/api/finance/year-ends/reopen', { financialYear: '2018/19', reason: 'Drawdown recorded in error' }));
    ok(await admin.request('DELETE', `/api/fund-applications/${applicationId}/drawdowns/${drawn.body.id}?rowVersion=${await rowVersion()}`));
  });

  it('lets only admins close or reopen a year', async () => {
    const commissioner = await ApiClient.signIn(server.baseUrl, demoUser('commissioner').email, demoUser('commissioner').password);
    expect(await commissioner.request('POST', '/api/finance/year-ends/close', { financialYear: '2018/19', anyway: true })).toMatchObject({ status: 403 });
    expect((await commissioner.request('GET', '/api/finance/year-ends')).status).toBe(200);
  });
});
