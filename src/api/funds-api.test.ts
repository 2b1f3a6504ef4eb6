import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { producedBy } from '../../test/support/produced.js';
import { databaseKinds } from '../../test/support/databases.js';

/** Contracts and funds over HTTP: the refusals people meet, as statuses and problems. */
describe.each(databaseKinds)('contracts and funds over the API (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let commissioner: ApiClient;
  let fundId: number;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    commissioner = await ApiClient.signIn(server.baseUrl, demoUser('commissioner').email, demoUser('commissioner').password);
    fundId = (await admin.request('GET', '/api/funds?q=ELR%20transformation')).body.items[0].id;
  });
  afterAll(() => server?.close());

  it('answers 400 naming the costed lines to an application for more than is left, and 400 to a negative amount or an unknown year', async () => {
    const report = (await admin.request('GET', `/api/funds/${fundId}/report`)).body;
    const slam = report.positions.find((p: { name: string }) => p.name === 'SLAM');
    const twice = await admin.request('POST', `/api/funds/${fundId}/applications`, { localityGroupId: slam.localityId, title: 'More', purpose: 'x', lines: [{ description: 'All of it', amount: '£162,482.50' }] });
    const refusal = expect.stringMatching(/^£162,482.50 asked for in the costed lines, but only £[\d,.]+ of the fund is left for SLAM \(£[\d,.]+ allocated, £[\d,.]+ of it already asked for or approved\)$/);
    expect(twice).toMatchObject({ status: 400, body: { error: 'invalid', message: refusal, problems: [{ field: 'lines', message: refusal }] } });
    const negative = await admin.request('POST', `/api/funds/${fundId}/applications`, { localityGroupId: slam.localityId, title: 'x', purpose: 'x', lines: [{ description: 'x', amount: '-£5' }] });
    expect(negative).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ field: 'lines.0.amount', message: expect.stringContaining('negative') })] } });
    // Kibworth (C82001) applies from its own locality, Harborough; naming SLAM is refused, not quietly replaced.
    const elsewhere = await admin.request('POST', `/api/funds/${fundId}/applications`, { practiceCode: 'C82001', localityGroupId: slam.localityId, title: 'x', purpose: 'x', lines: [{ description: 'x', amount: '£5' }] });
    expect(elsewhere).toMatchObject({ status: 400, body: { problems: [{ field: 'localityGroupId', message: expect.stringContaining('own locality, Harborough') }] } });
    const year = await admin.request('POST', '/api/funds', { name: 'GPFV £3', commissioner: 'NHS England', footprintGroupId: 1, listSnapshotDate: '2018-01-01', rates: '2018/20: £3' });
    expect(year).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ message: expect.stringContaining('write it like 2018/19') })] } });
  });

  it('answers 400 to a drawdown above what was approved, and stores one within it', async () => {
    const report = (await admin.request('GET', `/api/funds/${fundId}/report`)).body;
    const rutland = report.applications.find((a: { title: string }) => a.title.startsWith('Rutland'));
    const over = await admin.request('POST', `/api/fund-applications/${rutland.id}/drawdowns`, { amount: rutland.approvedPence / 100 + 0.01, drawnOn: '2018-09-30', evidence: 'Invoice R-1' });
    expect(over).toMatchObject({ status: 400, body: { message: expect.stringContaining('more than was approved') } });
    const ok = await admin.request('POST', `/api/fund-applications/${rutland.id}/drawdowns`, { amount: '£1,000', drawnOn: '2018-09-30', evidence: 'Invoice R-1' });
    expect(ok).toMatchObject({ status: 201, body: { amountPence: 100_000 } });
    const decided = await commissioner.request('POST', `/api/fund-applications/${rutland.id}/decision`, { outcome: 'reject', reason: 'x', rowVersion: 1 });
    expect(decided.status).toBe(409);
  });

  it('refuses a drawdown dated before the fund’s first year or the approval it draws on, and takes back one recorded in error, audited, refusing a stale page', async () => {
    const report = (await admin.request('GET', `/api/funds/${fundId}/report`)).body;
    const rutland = report.applications.find((a: { title: string }) => a.title.startsWith('Rutland'));
    const early = await admin.request('POST', `/api/fund-applications/${rutland.id}/drawdowns`, { amount: '£1', drawnOn: '2010-01-01', evidence: 'Invoice R-0' });
    const why = '1 January 2010 is before the fund’s first year, 2017/18, starts on 1 April 2017';
    expect(early).toMatchObject({ status: 400, body: { message: `The drawdown date is wrong: ${why}`, problems: [{ field: 'drawnOn', message: why }] } });
    // The demo's decisions are dated 1 June 2018.
    const beforeApproval = await admin.request('POST', `/api/fund-applications/${rutland.id}/drawdowns`, { amount: '£1', drawnOn: '2018-05-31', evidence: 'Invoice R-0' });
    expect(beforeApproval).toMatchObject({ status: 400, body: { problems: [{ field: 'drawnOn', message: '31 May 2018 is before the application was approved, on 1 June 2018' }] } });
    const wrong = await admin.request('POST', `/api/fund-applications/${rutland.id}/drawdowns`, { amount: '£10,000.50', drawnOn: '2018-10-31', evidence: 'Invoice R-2 (typo)' });
    expect(wrong.status).toBe(201);
    const before = (await admin.request('GET', `/api/fund-applications/${rutland.id}`)).body;
    expect(before.drawdowns.map((d: { id: number }) => d.id)).toContain(wrong.body.id);
    const path = (rowVersion: number) => `/api/fund-applications/${rutland.id}/drawdowns/${wrong.body.id}?rowVersion=${rowVersion}`;
    expect(await commissioner.request('DELETE', path(before.application.rowVersion))).toMatchObject({ status: 403 });
    expect(await admin.request('DELETE', path(before.application.rowVersion - 1))).toMatchObject({ status: 409 });
    expect(await admin.request('DELETE', path(before.application.rowVersion))).toMatchObject({ status: 200, body: { deleted: true } });
    const after = (await admin.request('GET', `/api/fund-applications/${rutland.id}`)).body;
    expect(after.drawdowns.map((d: { id: number }) => d.id)).not.toContain(wrong.body.id);
    expect(after.application.drawnPence).toBe(before.application.drawnPence - 1_000_050);
    const audit = (await admin.request('GET', '/api/audit?recordType=drawdown')).body.items;
    const entry = (action: string) => audit.filter((e: { recordId: string; action: string }) => e.recordId === String(wrong.body.id) && e.action === action);
    // Made and taken back: the audit keeps what it drew, when and on what evidence, both times.
    const drawnWrongly = { applicationId: rutland.id, amountPence: 1_000_050, drawnOn: '2018-10-31', evidence: 'Invoice R-2 (typo)' };
    expect(entry('create')).toEqual([expect.objectContaining({ before: null, after: expect.objectContaining(drawnWrongly) })]);
    expect(entry('delete')).toEqual([expect.objectContaining({ before: expect.objectContaining(drawnWrongly), after: null })]);
    expect(await admin.request('DELETE', path(after.application.rowVersion))).toMatchObject({ status: 404 });
  });

  it('stores amounts typed in pounds once, as pence (the record routes check a body before the use case does)', async () => {
    const contract = await admin.request('POST', '/api/contracts', { title: 'Diabetes specialist nurses', commissioner: 'WL CCG', parties: 'WL CCG; the federation', footprintGroupId: 1, startDate: '2018-05-01', value: '£80,000', valueBasis: 'a_year' });
    expect(contract).toMatchObject({ status: 201, body: { valuePence: 8_000_000 } });
    const fund = await admin.request('POST', '/api/funds', { name: 'GPFV £3 one-off', commissioner: 'NHS England', footprintGroupId: 1, listSnapshotDate: '2018-01-01', rates: [{ year: '2017/18', rate: '£1.50' }, { year: '2018/19', rate: 1.5 }] });
    expect(fund).toMatchObject({ status: 201, body: { rates: [{ year: '2017/18', ratePence: 150 }, { year: '2018/19', ratePence: 150 }] } });
    const edited = await admin.request('PATCH', `/api/contracts/${contract.body.id}`, { rowVersion: 1, value: '1,234.5' });
    expect(edited).toMatchObject({ status: 200, body: { valuePence: 123_450, rowVersion: 2 } });
  });

  it('refuses a contract whose value is not a year, in total or at tariff, a sub-contract outside the footprint and a document that is not a PDF or Word file', async () => {
    const yearly = await admin.request('POST', '/api/contracts', { title: 'Diabetes specialist nurses', commissioner: 'WL CCG', parties: 'WL CCG; the federation', footprintGroupId: 1, startDate: '2018-05-01', value: '£80,000', valueBasis: 'yearly' });
    expect(yearly).toMatchObject({ status: 400, body: { problems: [{ field: 'valueBasis', message: 'Choose whether the value is a year, in total or estimated, paid at tariff' }] } });
    const contract = (await admin.request('GET', '/api/contracts?reference=RCC-VITRU-2018')).body.items[0];
    const outside = await admin.request('POST', '/api/sub-contracts', { contractId: contract.id, practiceCode: 'C82001', sharePercent: 100 });
    expect(outside).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ field: 'practiceCode', message: expect.stringContaining('outside the contract’s footprint (Rutland)') })] } });
    const text = await admin.request('POST', `/api/contracts/${contract.id}/documents`, fileForm('notes.txt', 'hello'));
    expect(text.status).toBe(415);
    const register = (await admin.request('GET', '/api/contract-register?expiring=90&today=2019-01-15')).body;
    expect(register.items.map((c: { reference: string }) => c.reference)).toEqual(['LLRPCL-HP-2018', 'RCC-VITRU-2018']);
  });

  it('downloads the register, the funds list and a fund as spreadsheets with the figures the pages show', async () => {
    const cookie = { headers: { cookie: admin.session.cookie! } };
    const register = (await admin.request('GET', '/api/contract-register')).body;
    const csv = await (await fetch(`${server.baseUrl}/api/contract-register/export.csv`, cookie)).text();
    const cbs = register.items.find((c: { reference: string }) => c.reference === 'LCC-CBS-2017');
    expect(csv.split('\r\n')[0]).toContain('Not signed');
    // Any list's export writes stored pence as pounds, and says so.
    const contracts = (await admin.request('GET', '/api/contracts?pageSize=100')).body.items as { id: number; valuePence: number | null }[];
    const listed = await (await fetch(`${server.baseUrl}/api/contracts/export.csv`, cookie)).text();
    const [header, ...rows] = Papa.parse<string[]>(listed.trim()).data;
    const value = header!.indexOf('Value (£)');
    expect(value).toBeGreaterThan(-1);
    for (const c of contracts) expect(rows.find((r) => r[0] === String(c.id))![value]).toBe(c.valuePence === null ? '' : String(c.valuePence / 100));
    // Practices by name as the page shows them (with their codes), money as pounds to add up.
    expect(csv).toContain(cbs.unsignedPractices.map((p: { practiceCode: string; practiceName: string }) => `${p.practiceName} (${p.practiceCode})`).join('; '));
    const [registerHeader, ...registerRows] = Papa.parse<string[]>(csv.trim()).data;
    // An ended contract's reminders say it ended, as the page's "Due soon" does.
    const ended = register.items.filter((c: { ended: boolean }) => c.ended);
    expect(ended.length).toBeGreaterThan(0);
    for (const c of ended) expect(registerRows.find((r) => r.includes(c.reference))![registerHeader!.indexOf('Reminders')]).toMatch(/^Ended \d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(registerRows.find((r) => r[0] === String(cbs.id))![registerHeader!.indexOf('Value (£)')]).toBe(String(cbs.valuePence / 100));
    // What a value is, under one heading in the words the form offers ("a year", not the stored a_year), in both downloads.
    const basis = header!.indexOf('Value basis');
    const registerBasis = registerHeader!.indexOf('Value basis');
    expect(registerBasis).toBeGreaterThan(-1);
    const valued = registerRows.filter((r) => r[registerBasis] !== '');
    expect(new Set(valued.map((r) => r[registerBasis]))).toEqual(new Set(['a year', 'in total', 'estimated, paid at tariff']));
    for (const r of valued) expect(rows.find((listedRow) => listedRow[0] === r[0])![basis]).toBe(r[registerBasis]);

    const report = (await admin.request('GET', `/api/funds/${fundId}/report`)).body;
    const xlsx = await fetch(`${server.baseUrl}/api/funds/${fundId}/export.xlsx`, cookie);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Localities', 'Practices', 'Applications', 'About']);
    // Read later, as evidence: which fund, on which list sizes and rates, and who produced it when.
    const about = Object.fromEntries(workbook.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) && row[1] !== 'About this file' ? [[row[1], row[2]]] : [])));
    expect(about).toMatchObject({ Fund: report.fund.name, 'List sizes at': '1 January 2018', Rates: '2017/18: £0.50 a head; 2018/19: £2 a head', Produced: expect.stringMatching(producedBy(demoUser('admin').name)) });
    const localities = workbook.getWorksheet('Localities')!;
    const allocated = report.positions.map((p: { allocatedPence: number }) => p.allocatedPence / 100);
    expect(Array.from({ length: allocated.length }, (_, i) => localities.getRow(i + 2).getCell(2).value)).toEqual(allocated);
    // Its Total row, as the page has, adds up the localities.
    expect([localities.getRow(allocated.length + 2).getCell(1).value, localities.getRow(allocated.length + 2).getCell(2).value]).toEqual(['Total', report.totals.allocatedPence / 100]);
    expect(report.totals.allocatedPence).toBe(report.positions.reduce((sum: number, p: { allocatedPence: number }) => sum + p.allocatedPence, 0));
    expect(workbook.getWorksheet('Practices')!.rowCount).toBe(report.calculation.practices.length + 1);
    expect(workbook.getWorksheet('Applications')!.rowCount).toBe(report.applications.length + 1);

    // Percentages as the pages write them (95, not 9500 basis points); dates a workbook holds as dates.
    const subContracts = (await admin.request('GET', '/api/sub-contracts?pageSize=100')).body.items as { id: number; shareBp: number }[];
    const [shareHeader, ...shareRows] = Papa.parse<string[]>((await (await fetch(`${server.baseUrl}/api/sub-contracts/export.csv`, cookie)).text()).replace(/^\uFEFF/, '').trim()).data;
    const share = shareHeader!.indexOf('Share (%)');
    expect(share).toBeGreaterThan(-1);
    for (const s of subContracts) expect(shareRows.find((r) => r[0] === String(s.id))![share]).toBe(String(s.shareBp / 100));
    const registerBook = new ExcelJS.Workbook();
    await registerBook.xlsx.load(Buffer.from(await (await fetch(`${server.baseUrl}/api/contract-register/export.xlsx`, cookie)).arrayBuffer()) as never);
    const registerSheet = registerBook.worksheets[0]!;
    const starts = (registerSheet.getRow(1).values as unknown[]).indexOf('Starts');
    expect(registerSheet.getRow(2).getCell(starts).value).toBeInstanceOf(Date);
    expect(registerBook.getWorksheet('About')!.getRow(3).values).toEqual([undefined, 'Filtered by', 'Nothing: every record you may see']);
    const soonBook = new ExcelJS.Workbook();
    await soonBook.xlsx.load(Buffer.from(await (await fetch(`${server.baseUrl}/api/contract-register/export.xlsx?expiring=60&today=2019-03-15`, cookie)).arrayBuffer()) as never);
    expect(soonBook.getWorksheet('About')!.getRow(3).values).toEqual([undefined, 'Filtered by', 'Contracts with a notice, renewal or end date within 60 days of 15 March 2019']);

    const fundsFile = await fetch(`${server.baseUrl}/api/fund-overview/export.csv`, cookie);
    // Named apart from the funds records' own download (/api/funds/export.csv), which has other columns.
    expect(fundsFile.headers.get('content-disposition')).toMatch(/filename="fund-overview-\d{4}-\d{2}-\d{2}\.csv"/);
    const funds = await fundsFile.text();
    expect(funds.trim().split('\r\n')).toHaveLength((await admin.request('GET', '/api/fund-overview')).body.items.length + 1);
    expect(funds.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('Footprint,For,Rates a head');
  });

  it('lets a practice manager withdraw their waiting application; everyone sees it withdrawn, under the practice’s name', async () => {
    const manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
    const applied = (await manager.request('POST', `/api/funds/${fundId}/applications`, { practiceCode: 'C82001', title: 'Online consultation licence', purpose: 'Trial', lines: [{ description: 'Licence', amount: '£2,000' }] })).body;
    const stale = await manager.request('POST', `/api/fund-applications/${applied.id}/withdrawal`, { rowVersion: applied.rowVersion + 1 });
    expect(stale).toMatchObject({ status: 409, body: { error: 'conflict' } });
    const withdrawn = await manager.request('POST', `/api/fund-applications/${applied.id}/withdrawal`, { rowVersion: applied.rowVersion });
    // Withdrawn by the manager, named without their address (addresses are for admins), which an admin reads.
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'withdrawn', withdrawnBy: expect.not.stringContaining('@') } });
    expect((await admin.request('GET', `/api/fund-applications/${applied.id}`)).body.application.withdrawnBy).toBe(`${withdrawn.body.withdrawnBy} <pm.kibworth@elr-federation.example>`);
    const again = await manager.request('POST', `/api/fund-applications/${applied.id}/withdrawal`, { rowVersion: withdrawn.body.rowVersion });
    expect(again).toMatchObject({ status: 409, body: { message: expect.stringContaining('withdrawn by the applicant, so it cannot be withdrawn') } });

    const seen = (await commissioner.request('GET', `/api/funds/${fundId}/report`)).body.applications.find((a: { id: number }) => a.id === applied.id);
    expect(seen).toMatchObject({ status: 'withdrawn', practiceCode: 'C82001', practiceName: 'Kibworth Medical Centre', localityName: 'Harborough' });
    expect((await commissioner.request('POST', `/api/fund-applications/${applied.id}/decision`, { outcome: 'approve', rowVersion: withdrawn.body.rowVersion })).status).toBe(409);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await fetch(`${server.baseUrl}/api/funds/${fundId}/export.xlsx`, { headers: { cookie: admin.session.cookie! } })).arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Applications')!;
    const header = sheet.getRow(1).values as unknown[];
    const row = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).find((r) => r.getCell(1).value === applied.id)!;
    expect([row.getCell(header.indexOf('Practice')).value, row.getCell(header.indexOf('Status')).value]).toEqual(['Kibworth Medical Centre (C82001)', 'Withdrawn']);
    // Statuses in the page's words: one still waiting is "Waiting for a decision", not "Submitted".
    const statuses = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(header.indexOf('Status')).value);
    expect(statuses).not.toContain('Submitted');
    expect(statuses).toContain('Withdrawn');
    expect(statuses.filter((s) => !['Waiting for a decision', 'Approved', 'Part-approved', 'Rejected', 'Withdrawn'].includes(String(s)))).toEqual([]);
  });

  it('dates a paper application the day it was made, and refuses a decision dated before it; a withdrawal of one the manager cannot see is "not found"', async () => {
    const report = (await admin.request('GET', `/api/funds/${fundId}/report`)).body;
    const slam = report.positions.find((p: { name: string }) => p.name === 'SLAM');
    const paper = { localityGroupId: slam.localityId, title: 'Paper application', purpose: 'Recorded late', lines: [{ description: 'Room hire', amount: '£100' }] };
    const future = await admin.request('POST', `/api/funds/${fundId}/applications`, { ...paper, submittedOn: '2099-01-01' });
    expect(future).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ field: 'submittedOn' })] } });
    const applied = await admin.request('POST', `/api/funds/${fundId}/applications`, { ...paper, submittedOn: '2018-05-10' });
    expect(applied).toMatchObject({ status: 201, body: { submittedOn: '2018-05-10' } });
    const early = await commissioner.request('POST', `/api/fund-applications/${applied.body.id}/decision`, { outcome: 'approve', decidedOn: '1900-01-01', rowVersion: applied.body.rowVersion });
    expect(early).toMatchObject({ status: 400, body: { message: 'The decision cannot be dated before the application was made, on 10 May 2018', problems: [{ field: 'decidedOn', message: 'must be 10 May 2018 or later' }] } });
    expect((await commissioner.request('POST', `/api/fund-applications/${applied.body.id}/decision`, { outcome: 'reject', reason: 'Late', decidedOn: '2018-05-10', rowVersion: applied.body.rowVersion })).status).toBe(200);
    // Kibworth's manager reads Harborough's applications, not SLAM's: withdrawing a SLAM one is "not found", as reading it is.
    const manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
    const slamPlan = report.applications.find((a: { title: string }) => a.title.startsWith('SLAM'));
    expect((await manager.request('GET', `/api/fund-applications/${slamPlan.id}`)).status).toBe(404);
    expect(await manager.request('POST', `/api/fund-applications/${slamPlan.id}/withdrawal`, { rowVersion: slamPlan.rowVersion })).toMatchObject({ status: 404 });
    const harborough = report.applications.find((a: { title: string }) => a.title.startsWith('Harborough'));
    expect(await manager.request('POST', `/api/fund-applications/${harborough.id}/withdrawal`, { rowVersion: harborough.rowVersion })).toMatchObject({ status: 403 });
    const plans = report.applications.filter((a: { title: string }) => a.title.endsWith('locality transformation plan 2018/19'));
    expect([...new Set(plans.map((a: { submittedOn: string }) => a.submittedOn))]).toEqual(['2018-05-01']);
  });

  it('tells each reader what their practices may still apply for on their own share: a manager their own practice only', async () => {
    const manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
    const theirs = (await manager.request('GET', `/api/funds/${fundId}/report`)).body;
    expect(theirs.practicePositions.map((p: { practiceCode: string }) => p.practiceCode)).toEqual(['C82001']);
    const kibworth = theirs.practicePositions[0];
    const share = theirs.calculation.practices.find((p: { key: string }) => p.key === 'C82001').totalPence;
    const own = theirs.applications.filter((a: { practiceCode: string | null }) => a.practiceCode === 'C82001');
    const held = own.reduce((sum: number, a: { status: string; requestedPence: number; approvedPence: number | null }) => sum + (a.status === 'submitted' ? a.requestedPence : a.status === 'approved' || a.status === 'part_approved' ? (a.approvedPence ?? 0) : 0), 0);
    expect(kibworth).toMatchObject({ allocatedPence: share, remainingPence: share - held });
    const all = (await admin.request('GET', `/api/funds/${fundId}/report`)).body;
    expect(all.practicePositions).toHaveLength(all.calculation.practices.length);
  });
});
