import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';
import { producedPattern } from '../../test/support/produced.js';
import { databaseKinds } from '../../test/support/databases.js';
import { makeSchemeRequest } from '../../test/support/factories.js';
import { formatPence } from '../domain/schemes/format-money.js';
import { parseCsv } from '../domain/schemes/tabular-input.js';

/** The seed's figures live outside the project, in ../shared/data/elr; the expected answers are read, never pasted. */
const elr = (name: string) => {
  const table = parseCsv(readFileSync(new URL(`../../../shared/data/elr/${name}`, import.meta.url), 'utf8'), name);
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row.cells[i] ?? ''])));
};
type Row = Record<string, string | number | null>;
type Table = { name: string; rows: Row[] };
const tableOf = (run: { tables: Table[] }, name: string) => run.tables.find((t) => t.name === name)!;
const byPractice = (table: Table) => new Map(table.rows.map((r) => [r.practice as string, r]));
const asNumber = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));

describe.each(databaseKinds)('schemes over the API (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let manager: ApiClient;
  const schemeId = async (slug: string) => (await admin.request('GET', `/api/schemes?slug=${slug}`)).body.items[0].id as number;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
  });
  afterAll(() => server?.close());

  it('reproduces the seed’s winter access figures from the demo’s approved version 1', async () => {
    const id = await schemeId('winter-access-2017-18');
    const run = (await admin.request('GET', `/api/schemes/${id}/run`)).body;
    expect(run.version).toMatchObject({ version: 1, status: 'approved', listSnapshotDate: '2018-01-01' });
    // The inputs are the seed's: its list sizes (from the registry snapshot) and its activity returns.
    const allocation = byPractice(tableOf(run, 'allocation'));
    const payments = byPractice(tableOf(run, 'payments'));
    for (const practice of elr('practices.csv')) expect(allocation.get(practice.practice!)?.list_size).toBe(Number(practice.list_size));
    for (const ret of elr('winter-access-2017-18-delivered.csv')) {
      expect([payments.get(ret.practice!)?.nurse_delivered, payments.get(ret.practice!)?.gp_delivered]).toEqual([asNumber(ret.nurse_appointments_delivered), asNumber(ret.gp_appointments_delivered)]);
    }
    const expected = elr('winter-access-2017-18-expected.csv');
    const columns = ['share_pct', 'appointments', 'per_week', 'nurse_hours', 'nurse_cost', 'gp_hours', 'gp_cost'] as const;
    for (const row of expected.filter((r) => r.practice !== 'TOTAL')) {
      const got = allocation.get(row.practice!)!;
      expect([row.practice, ...columns.map((c) => got[c])]).toEqual([row.practice, ...columns.map((c) => asNumber(row[c]))]);
      expect([row.practice, payments.get(row.practice!)!.delivered_cost]).toEqual([row.practice, asNumber(row.delivered_cost)]);
    }
    const total = expected.find((r) => r.practice === 'TOTAL')!;
    expect([allocation.get('TOTAL')!.appointments, payments.get('TOTAL')!.nurse_delivered, payments.get('TOTAL')!.gp_delivered, payments.get('TOTAL')!.delivered_cost]).toEqual(
      ['appointments', 'nurse_delivered', 'gp_delivered', 'delivered_cost'].map((c) => asNumber(total[c])),
    );
    const summary = new Map(tableOf(run, 'summary').rows.map((r) => [r.metric, r.value]));
    const names: Record<string, string> = { appointments_target: 'appointments_allocated_total', federation_fee_5pct: 'federation_fee' };
    for (const metric of elr('winter-access-2017-18-expected-summary.csv')) expect([metric.metric, summary.get(names[metric.metric!] ?? metric.metric)]).toEqual([metric.metric, Number(metric.value)]);
    expect(run.footingNotes).toContain('delivered cost (rows half-up to a whole pound): total £66,689; the rounded rows add up to £66,692 (£3 more)');
  });

  it('finds the pharmacist hand schedule £21,386 short of the cost model', async () => {
    const id = await schemeId('clinical-pharmacists-2018');
    const run = (await admin.request('GET', `/api/schemes/${id}/run`)).body;
    // The model, worked here from the seed's parameters: uplifted pay plus support, less NHS England funding.
    const p = new Map(elr('pharmacists-scheme-2018-parameters.csv').map((r) => [r.parameter, Number(r.value)]));
    const pay = p.get('pharmacists_awarded')! * p.get('pay_rate_per_pharmacist_year1')!;
    const funding = [1, 2, 3, 4].map((y) => p.get(`nhse_funding_year${y}`)!);
    const model = Math.round(funding.reduce((sum, f, y) => sum + pay * (1 + p.get('pay_uplift_per_year')! / 100) ** y + p.get('federation_support_per_year')! - f, 0));
    const hand = funding.reduce((sum, f) => sum + pay + p.get('federation_support_per_year')! - f, 0);
    expect(hand - model).toBe(-21_386);
    expect(run.run.differences.totalDifferencePence).toBe((hand - model) * 100);
    expect(run.run.differences.rows.find((r: Row) => r.scope === 'scheme')).toMatchObject({ handPence: hand * 100, modelPence: model * 100, cause: 'no_uplift' });
    expect(tableOf(run, 'summary').rows.find((r) => r.metric === 'hand_schedule_difference')?.value).toBe(-21_386);
  });

  it('refuses a delivered CSV with an unknown practice or bad figures, naming line and column, and keeps the returns it had', async () => {
    const id = await schemeId('winter-access-2017-18');
    const before = (await admin.request('GET', `/api/schemes/${id}/delivered`)).body.items;
    const file = ['practice,takes_part,nurse_appointments_delivered,gp_appointments_delivered', 'Kibworth Medical Centre,Yes,1,1', 'Bushlow Surgery,Yes,3,4', 'Oakham Medical Practice,Yes,-4,lots'].join('\n');
    const response = await admin.request('POST', `/api/schemes/${id}/delivered`, fileForm('returns.csv', file));
    expect(response).toMatchObject({ status: 400, body: { error: 'invalid' } });
    expect(response.body.problems).toEqual([
      { file: 'returns.csv', line: 3, column: 1, message: 'practice "Bushlow Surgery" is not one of this scheme’s practices (column "practice")' },
      { file: 'returns.csv', line: 4, column: 3, message: 'Nurse activity "-4" must not be negative (column "nurse_appointments_delivered")' },
      { file: 'returns.csv', line: 4, column: 4, message: 'GP activity "lots" is not a number (column "gp_appointments_delivered")' },
    ]);
    expect((await admin.request('GET', `/api/schemes/${id}/delivered`)).body.items).toEqual(before);
    const same = await admin.request('POST', `/api/schemes/${id}/delivered`, fileForm('winter-access-2017-18-delivered.csv', readFileSync(new URL('../../examples/schemes/winter-access-2017-18-delivered.csv', import.meta.url))));
    expect(same).toMatchObject({ status: 200, body: { changed: false, returns: 31 } });
  });

  it('refuses a definition with a percentage outside 0–100, naming the field', async () => {
    const response = await admin.request('POST', '/api/schemes', makeSchemeRequest({ fee: { percent: 120 } }));
    expect(response).toMatchObject({ status: 400, body: { problems: [{ field: 'definition.fee.percent', message: 'must be between 0 and 100' }] } });
  });

  it('creates, approves and versions a scheme; a stale edit conflicts', async () => {
    const request = makeSchemeRequest();
    const created = await admin.request('POST', '/api/schemes', request);
    expect(created).toMatchObject({ status: 201, body: { scheme: { status: 'draft', currentVersion: 1 } } });
    const id = created.body.scheme.id;
    expect((await admin.request('POST', `/api/schemes/${id}/approve`, { rowVersion: 1 })).body.scheme.status).toBe('approved');
    const edited = await admin.request('PATCH', `/api/schemes/${id}`, { rowVersion: 2, definition: { ...request.definition, shared: { unit: 'appointments', quantity: 700 } } });
    expect(edited).toMatchObject({ status: 200, body: { version: { version: 2, status: 'draft' } } });
    const stale = await admin.request('PATCH', `/api/schemes/${id}`, { rowVersion: 2, definition: request.definition });
    expect(stale).toMatchObject({ status: 409, body: { error: 'conflict', details: { stale: true, current: 3 } } });
    const versions = (await admin.request('GET', `/api/schemes/${id}/versions`)).body.items;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[1, 'approved'], [2, 'draft']]);
    expect((await admin.request('GET', `/api/schemes/${id}/run?version=1`)).body.run.allocation.quantity).toBe(600);
    expect((await admin.request('GET', `/api/schemes/${id}/run`)).body.run.allocation.quantity).toBe(700);
    expect((await admin.request('GET', `/api/schemes/${id}/audit`)).body.items).toHaveLength(3);
  });

  it('invoices and pays a scheme of money shared per head, whose statements give each share as the amount payable', async () => {
    const request = makeSchemeRequest({ shared: { unit: 'gbp', quantity: 32_725.5 }, deliveryModels: [], rounding: { quantity: 'largest_remainder_2dp' } });
    const { body: created } = await admin.request('POST', '/api/schemes', request);
    const id = created.scheme.id;
    await admin.request('POST', `/api/schemes/${id}/approve`, { rowVersion: 1 });
    const none = { invoiced: null, paid: null };
    const invoiced = { invoiced: { on: '2026-05-15', reference: 'INV-77' }, paid: null };
    expect(await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, ...invoiced, basedOn: none })).toMatchObject({ status: 200, body: { changed: true } });
    const paid = { ...invoiced, paid: { on: '2026-05-30', reference: 'BACS 12' } };
    expect(await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, ...paid, basedOn: invoiced })).toMatchObject({ status: 200, body: { changed: true } });
    const { body } = await manager.request('GET', `/api/schemes/${id}/statements/C82001`);
    expect(body).toMatchObject({ paysForActivity: true, statement: { totals: [{ label: 'Amount payable to the practice', amountPence: expect.any(Number) }] } });
    expect(body.statement.lines).toContainEqual({ label: 'Allocation', detail: 'its share of £32,725.50', amountPence: body.statement.totals[0].amountPence });
    // Its footing note names the column in words, and its rows add up to the pot, in pounds.
    const run = (await admin.request('GET', `/api/schemes/${id}/run`)).body;
    expect(tableOf(run, 'footing').rows.find((r) => r.table === 'Allocation')).toMatchObject({ column: 'pounds', difference: 0, unit: '£' });
    expect(tableOf(run, 'summary').rows.find((r) => r.metric === 'gbp_allocated_total')).toMatchObject({ unit: '£' });
    // The practice's money page gives its share as earned, and paid once the practices are.
    const share = (await manager.request('GET', '/api/practices/C82001/money')).body.schemes.find((s: { schemeId: number }) => s.schemeId === id);
    expect(share).toMatchObject({ receivesPence: body.statement.totals[0].amountPence, settlement: paid, delivered: expect.stringMatching(/^Its share of £32,725\.50: \d+\.\d{2}% \(list of [\d,]+ out of [\d,]+\)$/) });
  });

  it('shares money at a rate for each registered patient: the rate × each practice’s list at the snapshot', async () => {
    // No rounding given, as a scheme written for the API or a file need not: money is shared to the penny, adding up to the pot.
    const request = makeSchemeRequest({ shared: { unit: 'gbp', quantity: 0.1, per: 'patient' }, deliveryModels: [] });
    const { status, body: created } = await admin.request('POST', '/api/schemes', request);
    expect(status).toBe(201);
    const { run } = (await admin.request('GET', `/api/schemes/${created.scheme.id}/run`)).body;
    const rows: { listSize: number; quantityPence: number }[] = run.allocation.rows;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.quantityPence)).toEqual(rows.map((r) => 10 * r.listSize));
    expect(run.allocation.totals.quantity.total).toBe(run.allocation.listSizeTotal / 10);
    expect(rows.reduce((sum, r) => sum + r.quantityPence, 0)).toBe(run.allocation.listSizeTotal * 10);
    const { body } = await admin.request('GET', `/api/schemes/${created.scheme.id}/statements/C82001`);
    expect(body.statement.lines).toContainEqual(expect.objectContaining({ label: 'Allocation', detail: expect.stringMatching(/^£0\.10 for each of its [\d,]+ registered patients$/) }));
    // Paid to the penny: 10p × its list, not rounded to a whole pound.
    const kibworth = run.allocation.rows.find((r: { practiceKey?: string; odsCode?: string; listSize: number }) => (r.odsCode ?? r.practiceKey) === 'C82001');
    expect(body.statement.totals.at(-1).amountPence).toBe(10 * kibworth.listSize);
    // A rate per patient is money, shared by list size: anything else is refused, naming the field.
    const appointments = await admin.request('POST', '/api/schemes', makeSchemeRequest({ shared: { unit: 'appointments', quantity: 2, per: 'patient' } }));
    expect(appointments).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ field: 'definition.shared.unit', message: expect.stringMatching(/is money/) })] } });
  });

  it('shows a practice manager only their own practice’s rows', async () => {
    const id = await schemeId('winter-access-2017-18');
    const run = (await manager.request('GET', `/api/schemes/${id}/run`)).body;
    expect(tableOf(run, 'allocation').rows.map((r) => r.ods_code ?? r.practice)).toEqual(['C82001', 'TOTAL']);
    expect(tableOf(run, 'payments').rows.map((r) => r.ods_code ?? r.practice)).toEqual(['C82001', 'TOTAL']);
    // Statement rows for Kibworth only, and some there are: a list of none would pass an `every`.
    expect([...new Set(tableOf(run, 'statements').rows.map((r) => r.ods_code))]).toEqual(['C82001']);
    expect((await manager.request('GET', `/api/schemes/${id}/delivered`)).body.items.map((r: Row) => r.practiceCode)).toEqual(['C82001', 'C82001']);
    expect((await manager.request('GET', `/api/schemes/${id}/statements/C82002`)).status).toBe(403);
    expect((await manager.request('GET', `/api/schemes/${id}/statements/C82001`)).body.statement.practiceName).toBe('Kibworth Medical Centre');
    // Kibworth is not in the pharmacists scheme: of both contribution schedules they see the TOTALs only.
    const pharmacists = (await manager.request('GET', `/api/schemes/${await schemeId('clinical-pharmacists-2018')}/run`)).body;
    for (const name of ['contributions', 'contributions_year_1_cost']) expect(tableOf(pharmacists, name).rows.map((r) => r.practice)).toEqual(['TOTAL']);
  });

  it('closes a practice manager’s return after the due date with a 403 that says so, and requires basedOn before it', async () => {
    const { body: created } = await admin.request('POST', '/api/schemes', makeSchemeRequest());
    const id = created.scheme.id;
    // A draft's figures are the federation's: the practice manager is told it is being prepared.
    expect(await manager.request('GET', `/api/schemes/${id}/run`)).toMatchObject({ status: 404, body: { message: expect.stringContaining('is being prepared') } });
    expect((await manager.request('GET', `/api/schemes/${id}/versions`)).body.items).toEqual([]);
    await admin.request('POST', `/api/schemes/${id}/approve`, { rowVersion: 1 });
    const entries = [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 40, gp: 30 } }];
    const unseen = await manager.request('POST', `/api/schemes/${id}/delivered`, { entries });
    expect(unseen).toMatchObject({ status: 400, body: { problems: [{ field: 'basedOn' }] } });
    const { practiceRevisions } = (await manager.request('GET', `/api/schemes/${id}/delivered`)).body;
    expect(await manager.request('POST', `/api/schemes/${id}/delivered`, { entries, basedOn: practiceRevisions })).toMatchObject({ status: 200, body: { changed: true } });
    // The federation, and the commissioner who reads returns, see who sent it and when; its address only the federation.
    const commissioner = await ApiClient.signIn(server.baseUrl, demoUser('commissioner').email, demoUser('commissioner').password);
    for (const [reader, by] of [[admin, `Priya Patel <${demoUser('practice_manager').email}>`], [commissioner, 'Priya Patel']] as const) {
      const { received } = (await reader.request('GET', `/api/schemes/${id}/delivered`)).body;
      expect(received).toEqual([expect.objectContaining({ odsCode: 'C82001', lastSent: { at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), by } })]);
    }
    await admin.request('PUT', `/api/schemes/${id}/returns-due`, { basedOn: null, returnsDueOn: '2018-05-11' });
    const read = (await manager.request('GET', `/api/schemes/${id}/delivered`)).body;
    expect(read).toMatchObject({ returnsDueOn: '2018-05-11', returnsClosed: true, received: [{ odsCode: 'C82001', late: true }] });
    const closed = await manager.request('POST', `/api/schemes/${id}/delivered`, { entries, basedOn: read.practiceRevisions });
    expect(closed).toMatchObject({ status: 403, body: { error: 'forbidden', message: 'Returns closed on 11 May 2018. Ask the federation to change your return.' } });
    // The federation still records on the practice's behalf.
    expect(await admin.request('POST', `/api/schemes/${id}/delivered`, { entries: [{ ...entries[0], units: { nurse: 41, gp: 30 } }] })).toMatchObject({ status: 200, body: { changed: true } });
    const overview = (await manager.request('GET', '/api/schemes/overview')).body.items.find((i: { id: number }) => i.id === id);
    expect(overview).toMatchObject({ version: { version: 1, status: 'approved' }, returns: { kind: 'all_in' } });
    expect((await admin.request('GET', '/api/schemes/overview')).body.items.find((i: { id: number }) => i.id === id).returns).toEqual({ kind: 'overdue', dueOn: '2018-05-11', awaited: 2 });
  });

  it('records that a version was invoiced and paid, refuses returns once invoiced, and says so on the statement PDF and in the OpenAPI document', async () => {
    const { body: created } = await admin.request('POST', '/api/schemes', makeSchemeRequest({ period: { weeks: 8, financialYears: ['2017/18'] } }));
    const id = created.scheme.id;
    await admin.request('POST', `/api/schemes/${id}/approve`, { rowVersion: 1 });
    await admin.request('POST', `/api/schemes/${id}/delivered`, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 40, gp: 0 } }] });
    const none = { invoiced: null, paid: null };
    const invoiced = { invoiced: { on: '2018-05-15', reference: 'INV-0042' }, paid: null };
    const tooEarly = await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, invoiced: { on: '2017-03-31' }, paid: null, basedOn: none });
    expect(tooEarly).toMatchObject({ status: 400, body: { problems: [{ field: 'invoiced.on', message: 'must not be before the scheme began (1 April 2017)' }] } });
    // What it was invoiced for is the run's, as the scheme page reads it: an amount sent is not taken.
    const run = (await admin.request('GET', `/api/schemes/${id}/run`)).body.run.payments.totals;
    const amount = { totalPence: run.grandTotal.total, deliveredPence: run.amount.total, feePence: run.fee.total };
    const forged = { ...invoiced.invoiced, amount: { totalPence: 1, deliveredPence: 1, feePence: 0 } };
    const recorded = await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, invoiced: forged, paid: null, basedOn: none });
    expect(recorded).toMatchObject({ status: 200, body: { changed: true, version: { version: 1, invoiced: { ...invoiced.invoiced, amount } } } });
    expect((await manager.request('GET', `/api/schemes/${id}/versions`)).body.items[0]).toMatchObject({ invoiced: { amount }, paid: null });
    expect(await manager.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, ...none, basedOn: invoiced })).toMatchObject({ status: 403 });
    const { practiceRevisions } = (await manager.request('GET', `/api/schemes/${id}/delivered`)).body;
    const refused = await manager.request('POST', `/api/schemes/${id}/delivered`, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 41, gp: 0 } }], basedOn: practiceRevisions });
    expect(refused).toMatchObject({ status: 403, body: { message: expect.stringContaining('invoiced to the commissioner on 15 May 2018') } });
    const stale = await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, ...none, basedOn: none });
    expect(stale).toMatchObject({ status: 409, body: { error: 'conflict' } });
    const pdf = await fetch(`${server.baseUrl}/api/schemes/${id}/statements/C82001.pdf`, { headers: { cookie: manager.session.cookie! } });
    const text = spawnSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(await pdf.arrayBuffer()) }).stdout.toString();
    expect(text.replace(/\s+/g, ' ')).toContain(`Invoiced and paid Invoiced on 15 May 2018 (ref INV-0042) for ${formatPence(amount.totalPence)}; not yet paid to practices`);
    // The practice's money page calls it paid only once the practices are paid, and says what was delivered as the statement does.
    const money = async () => {
      const { totals, schemes } = (await manager.request('GET', '/api/practices/C82001/money')).body;
      return { totals, row: schemes.find((s: { schemeId: number }) => s.schemeId === id) };
    };
    const owed = await money();
    expect(owed.row).toMatchObject({ settlement: invoiced, delivered: '40 appointments delivered', receivesPence: expect.any(Number) });
    const paid = { ...invoiced, paid: { on: '2018-05-30', reference: null } };
    expect(await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, ...paid, basedOn: invoiced })).toMatchObject({ status: 200 });
    const { totals } = await money();
    expect(totals).toEqual({ ...owed.totals, paidPence: owed.totals.paidPence + owed.row.receivesPence, notYetPaidPence: owed.totals.notYetPaidPence - owed.row.receivesPence });
    // The payment keeps the total paid to practices; the workbook's about sheet says both.
    const paidPence = run.amount.sumOfRoundedRows;
    expect((await admin.request('GET', `/api/schemes/${id}/versions`)).body.items[0]).toMatchObject({ invoiced: { amount }, paid: { on: '2018-05-30', amountPence: paidPence } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await fetch(`${server.baseUrl}/api/schemes/${id}/export.xlsx`, { headers: { cookie: admin.session.cookie! } })).arrayBuffer()) as never);
    const about = new Map(workbook.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(about.get('Invoiced and paid')).toBe(`Invoiced on 15 May 2018 (ref INV-0042) for ${formatPence(amount.totalPence)}; paid ${formatPence(paidPence)} to practices on 30 May 2018`);
    // Undone, a return changed, and invoiced again: INV-0042 no longer names a recorded invoice, so it is free, for the new total.
    expect(await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, ...invoiced, basedOn: paid })).toMatchObject({ status: 200 });
    expect(await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, ...none, basedOn: invoiced })).toMatchObject({ status: 200, body: { version: { invoiced: null, paid: null } } });
    await admin.request('POST', `/api/schemes/${id}/delivered`, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 80, gp: 0 } }] });
    const again = await admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, invoiced: { on: '2018-05-20', reference: 'INV-0042' }, paid: null, basedOn: none });
    expect(again).toMatchObject({ status: 200, body: { version: { invoiced: { reference: 'INV-0042', amount: { totalPence: (await admin.request('GET', `/api/schemes/${id}/run`)).body.run.payments.totals.grandTotal.total } } } } });
    expect(again.body.version.invoiced.amount.totalPence).not.toBe(amount.totalPence);
    const spec = (await admin.request('GET', '/api/openapi.json')).body;
    const settlementBody = spec.paths['/api/schemes/{id}/settlement'].put.requestBody.content['application/json'].schema;
    expect(settlementBody.required).toEqual(['invoiced', 'paid', 'version', 'basedOn']);
    expect(settlementBody.properties.invoiced.description).toContain('names one invoice');
  });

  it('records one of two invoices sent at the same moment under one reference on two schemes, refusing the other naming it (a 400, never a 500)', async () => {
    const ids: number[] = [];
    for (const _ of [1, 2]) {
      const { body: created } = await admin.request('POST', '/api/schemes', makeSchemeRequest({ period: { weeks: 8, financialYears: ['2017/18'] } }));
      await admin.request('POST', `/api/schemes/${created.scheme.id}/approve`, { rowVersion: 1 });
      await admin.request('POST', `/api/schemes/${created.scheme.id}/delivered`, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 40, gp: 0 } }] });
      ids.push(created.scheme.id);
    }
    const none = { invoiced: null, paid: null };
    for (const round of [1, 2, 3]) {
      const invoiced = { invoiced: { on: '2018-05-15', reference: `INV-API-RACE-${round}` }, paid: null };
      const answers = await Promise.all(ids.map((id) => admin.request('PUT', `/api/schemes/${id}/settlement`, { version: 1, ...invoiced, basedOn: none })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
      const winner = ids[answers.findIndex((a) => a.status === 200)]!;
      const name = (await admin.request('GET', `/api/schemes/${winner}/versions`)).body.scheme.name;
      expect(answers.find((a) => a.status === 400)!.body.problems).toEqual([{ field: 'invoiced.reference', message: expect.stringMatching(new RegExp(`^INV-API-RACE-${round} is the invoice of version 1 of ${name}, recorded on 15 May 2018`)) }]);
      expect(await admin.request('PUT', `/api/schemes/${winner}/settlement`, { version: 1, ...none, basedOn: invoiced })).toMatchObject({ status: 200 });
    }
  });

  it('gives a statement PDF naming the practice, the scheme version and the list-size snapshot', async () => {
    const id = await schemeId('winter-access-2017-18');
    const response = await fetch(`${server.baseUrl}/api/schemes/${id}/statements/C82001.pdf`, { headers: { cookie: manager.session.cookie! } });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // A screen reader is told its language and title, not only the file's name.
    const info = spawnSync('pdfinfo', ['-'], { input: pdf }).stdout.toString();
    expect(info).toMatch(/^Title:\s+Winter access scheme 2017\/18: statement for Kibworth Medical Centre \(C82001\)$/m);
    expect(info).toMatch(/^Creator:\s+atscale$/m);
    expect(pdf.toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
    expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);
    const text = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).stdout.toString();
    expect(text).toContain('Winter access scheme 2017/18');
    expect(text).toContain('Kibworth Medical Centre (C82001)');
    // The version and the snapshot each on a line of their own, said once.
    expect(text).toMatch(/Scheme version\s+version 1 \(approved \d{1,2} [A-Z][a-z]+ \d{4}\)\n/);
    expect(text).toMatch(/List-size snapshot\s+1 January 2018/);
    // Its period, as the scheme's terms give it: the name alone may not say which year it is for.
    expect(text).toMatch(/Period\s+8 weeks; Financial year 2017\/18\n/);
    expect(text.match(/1 January 2018/g)).toHaveLength(1);
    // From the federation whose scheme it is, produced when and by whom (its reader may hold two from one day); the fee is the commissioner's, in words.
    expect(text.replace(/\s+/g, ' ')).toMatch(new RegExp(`From East Leicestershire & Rutland GP Federation\\. Produced on ${producedPattern(demoUser('practice_manager').name)}\\.`));
    expect(text).toMatch(/£130 on this practice’s activity, charged to the\s+commissioner on top/);
    // The Amount column is one column of money: pence on every row or on none.
    const amounts = [...text.matchAll(/£[\d,]+(\.\d\d)?[ \t]*$/gm)].map((m) => m[1] !== undefined);
    expect(amounts.length).toBeGreaterThan(2);
    expect(new Set(amounts).size).toBe(1);
    expect(text).toMatch(/Nurse delivered\s+208 appointments at 4 an hour, paid £50 an hour\s+£2,600/);
    expect(text).toMatch(/Amount payable to the practice.*£2,600/);
  });

  it('exports a workbook with a sheet per report table', async () => {
    const id = await schemeId('clinical-pharmacists-2018');
    const response = await fetch(`${server.baseUrl}/api/schemes/${id}/export.xlsx`, { headers: { cookie: admin.session.cookie! } });
    expect(response.headers.get('content-disposition')).toContain('clinical-pharmacists-2018-v1.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['About', 'Overview', 'Allocation', 'Summary', 'Footing', 'Schedule', 'Contributions', 'Contributions at year-1 cost', 'Differences', 'Statements']);
    // A sheet has no title of its own: the about sheet says what each is, so which contribution schedule.
    const about = new Map(workbook.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(about.get('Sheet contributions')).toBe("Each practice’s contribution by year: uplifted cost less NHS England funding");
    expect(about.get('Sheet contributions_year_1_cost')).toBe("The other schedule, each practice’s contribution by year: year-1 cost less NHS England funding");
    expect(workbook.getWorksheet('About')!.getRow(4).values).toEqual([undefined, 'Period', 'From 4 June 2018; Financial years 2018/19, 2019/20, 2020/21 and 2021/22']);
    expect(workbook.getWorksheet('About')!.getRow(5).values).toEqual([undefined, 'Version', 1]);
    expect(workbook.getWorksheet('About')!.getRow(8).values).toEqual([undefined, 'List sizes', 'as given in the scheme']);
    // Kibworth takes no part in the pharmacist scheme: its manager's workbook says why its sheets hold totals only.
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load((await (await fetch(`${server.baseUrl}/api/schemes/${id}/export.xlsx`, { headers: { cookie: manager.session.cookie! } })).arrayBuffer()) as never);
    const theirAbout = new Map(theirs.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(theirAbout.get('Rows')).toBe('none: your practices take no part in this scheme, so the sheets hold only its totals');
    const winter = await fetch(`${server.baseUrl}/api/schemes/${await schemeId('winter-access-2017-18')}/export.xlsx`, { headers: { cookie: admin.session.cookie! } });
    const winterBook = new ExcelJS.Workbook();
    await winterBook.xlsx.load((await winter.arrayBuffer()) as never);
    expect(winterBook.getWorksheet('About')!.getRow(8).values).toEqual([undefined, 'List sizes', 'registry snapshot at 1 January 2018']);
    expect(winterBook.getWorksheet('About')!.getRow(6).values).toEqual([undefined, 'Status', 'Approved']);
    expect(winterBook.getWorksheet('About')!.getRow(9).values).toEqual([undefined, 'Invoiced and paid', 'Not invoiced yet: the figures can change until the federation invoices the commissioner']);
    // The demo approved it: a date as the pages write it, by "Demo data" (as the pages name the demo), not "demo".
    expect(winterBook.getWorksheet('About')!.getRow(7).values).toEqual([undefined, 'Approved', expect.stringMatching(/^\d{1,2} [A-Z][a-z]+ \d{4} by Demo data$/)]);
    expect(winterBook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Allocation', 'Payments', 'Statements']));
    // Codes are words in a workbook, as on the page: the summary's metrics, a practice taking part.
    const column = (sheet: string, n: number) => winterBook.getWorksheet(sheet)!.getColumn(n).values.slice(2);
    expect(column('Summary', 1)).toContain('List size total');
    expect(column('Summary', 1)).not.toContain('list_size_total');
    const takesPart = winterBook.getWorksheet('Payments')!.getRow(1).values as unknown[];
    const answers = column('Payments', takesPart.indexOf('Takes part')).filter((v) => v !== undefined);
    expect(answers).toContain('Yes');
    // Figures stay numbers; the summary's and footing's money shows as pounds, their counts as counts.
    const figure = (sheet: string, labelColumn: number, label: string, valueColumn: number) => {
      const cell = winterBook.getWorksheet(sheet)!.getRows(2, 40)!.find((r) => r.getCell(labelColumn).value === label)!.getCell(valueColumn);
      return [typeof cell.value, cell.numFmt];
    };
    expect(figure('Summary', 1, 'Federation fee', 2)).toEqual(['number', '£#,##0']);
    expect(figure('Summary', 1, 'List size total', 2)).toEqual(['number', '#,##0']);
    expect(figure('Footing', 2, 'delivered cost', 3)).toEqual(['number', '£#,##0']);
    expect(figure('Footing', 2, 'appointments', 3)).toEqual(['number', '#,##0']);
    // A money column shows £ as every money column of every workbook does.
    const payments = winterBook.getWorksheet('Payments')!;
    const amount = (payments.getRow(1).values as unknown[]).findIndex((h) => typeof h === 'string' && h.endsWith(' £'));
    expect(payments.getColumn(amount).numFmt).toMatch(/^£#,##0/);
  });
});
