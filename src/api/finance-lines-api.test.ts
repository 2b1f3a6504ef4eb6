import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, demoUser, startTestServer, type TestServer } from '../../test/support/api.js';
import { databaseKinds } from '../../test/support/databases.js';

interface Line {
  id: number;
  line: string;
  amountPence: number;
  comment: string | null;
  rowVersion: number;
}

/**
 * The finance pages' figures over HTTP: the I&E's two positions and what a scenario changes, why
 * figures differ between reports, and changing an I&E line or a running cost (409 on a stale edit,
 * audited, for admins only, described in the OpenAPI document).
 */
describe.each(databaseKinds)('finance figures and lines over the API (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let manager: ApiClient;
  let commissioner: ApiClient;
  const streamId = async (name: string, status: string) => ((await admin.request('GET', `/api/income-streams?pageSize=100`)).body.items as { id: number; name: string; status: string }[]).find((s) => s.name === name && s.status === status)!.id;
  const lineNamed = async (path: string, line: string) => ((await admin.request('GET', `${path}?financialYear=2018/19&pageSize=100`)).body.items as Line[]).find((l) => l.line === line)!;

  beforeAll(async () => {
    server = await startTestServer({ kind });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    manager = await ApiClient.signIn(server.baseUrl, demoUser('practice_manager').email, demoUser('practice_manager').password);
    commissioner = await ApiClient.signIn(server.baseUrl, demoUser('commissioner').email, demoUser('commissioner').password);
  }, 120_000);
  afterAll(() => server?.close());

  it('gives the I&E’s cautious position beside the plan’s, and says why its secured income is not the streams’', async () => {
    const ie = (await admin.request('GET', '/api/finance/ie?year=2018/19')).body;
    expect([ie.securedPence, ie.runningCostsPence, ie.securedResultPence, ie.resultPence].map((p: number) => p / 100)).toEqual([169_432, 173_620, -4_188, -688]);
    const sentence = 'In 2018/19 the secured income streams bring in £445,000 gross, including £348,650 paid on to practices, while the I&E counts £169,432 of secured income';
    expect(ie.againstStreams).toMatch(new RegExp(`^${sentence}`));
    expect((await admin.request('GET', '/api/finance/streams')).body.againstIe).toEqual([ie.againstStreams]);
    // A practice manager reads the streams but not the I&E, so not its figures either.
    expect((await manager.request('GET', '/api/finance/streams')).body.againstIe).toEqual([]);
  });

  it('changes the scenario’s result when a stream is won, and says why losing one the plan counts nothing from changes nothing', async () => {
    const winter = await streamId('Winter access scheme', 'potential');
    const hPylori = await streamId('H Pylori', 'potential');
    const won = (await admin.request('GET', `/api/finance/scenario?year=2018/19&won=${winter}&lost=${hPylori}`)).body;
    expect([won.base.ie.securedResultPence, won.scenario.ie.securedResultPence].map((p: number) => p / 100)).toEqual([-4_188, -688]);
    expect(won.scenario.cashFlow.closingPence).toBeGreaterThan(won.base.cashFlow.closingPence);
    expect(won.unchanged).toEqual(['Losing H Pylori changes nothing in 2018/19: the plan’s I&E counts no income from it (no I&E line is linked to it), and the cash flow counts only secured streams.']);
    const lost = (await admin.request('GET', `/api/finance/scenario?year=2018/19&lost=${winter}`)).body;
    expect([lost.base.ie.resultPence, lost.scenario.ie.resultPence].map((p: number) => p / 100)).toEqual([-688, -4_188]);
    expect(lost.unchanged).toEqual([]);
  });

  it('says where last year’s closing cash differs from the opening balance the plan gives, leaving the plan’s figure as it is', async () => {
    const flow = (await admin.request('GET', '/api/finance/cash-flow?year=2018/19')).body;
    const before = (await admin.request('GET', '/api/finance/cash-flow?year=2017/18')).body;
    expect(flow.openingPence).toBe(5_603_200);
    expect(before.closingPence).not.toBe(flow.openingPence);
    expect(flow.openingNote).toMatch(/^2017\/18 closes at £181,804(\.\d\d)? in this cash flow; the plan opens 2018\/19 at £56,032\.$/);
    expect(before.openingNote).toBeNull();
    // The receipts table totals each month and each stream; its TOTAL is the cash flow's receipts.
    const receipts = flow.tables.find((t: { name: string }) => t.name === 'receipts');
    expect(receipts.rows.at(-1).total * 100).toBeCloseTo(flow.months.reduce((sum: number, m: { receiptsPence: number }) => sum + m.receiptsPence, 0));
  });

  it('describes changing an I&E line and a running cost in the OpenAPI document, with their fields', async () => {
    const spec = (await admin.request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>> };
    for (const [path, fields] of [['/api/ie-lines/{id}', ['rowVersion', 'section', 'line', 'amount', 'comment', 'streamId', 'schemeId']], ['/api/running-costs/{id}', ['rowVersion', 'category', 'line', 'amount', 'comment', 'frequency', 'arrearsMonths']]] as const) {
      const body = JSON.stringify(spec.paths[path]!.patch!.requestBody!.content['application/json']!.schema);
      for (const field of fields) expect(body, `${path} ${field}`).toContain(`"${field}"`);
    }
  });

  it.each([
    // An income line may take income away (a deficit brought forward); a running cost is never negative.
    ['an I&E income line', '/api/ie-lines', 'Winter scheme 18/19', { line: 'Winter access 18/19 (NHS E)', amount: '£4,000', comment: 'Bid submitted' }, 400_000, (ie: { potentialPence: number }) => ie.potentialPence, 'I&E income line', true],
    ['a running-cost line', '/api/running-costs', 'Running costs (total)', { line: 'Running costs (all)', amount: '173,000.50', comment: 'Revised budget' }, 17_300_050, (ie: { runningCostsPence: number }) => ie.runningCostsPence, 'running cost line', false],
  ] as const)('changes %s’s amount, name and comment for an admin, audited before and after; a stale edit is a 409 and other roles a 403', async (_name, path, named, change, pence, figure, label, mayBeNegative) => {
    const line = await lineNamed(path, named);
    expect((await manager.request('PATCH', `${path}/${line.id}`, { rowVersion: line.rowVersion, amount: '1' })).status).toBe(403);
    expect((await commissioner.request('PATCH', `${path}/${line.id}`, { rowVersion: line.rowVersion, amount: '1' })).status).toBe(403);
    const changed = await admin.request('PATCH', `${path}/${line.id}`, { rowVersion: line.rowVersion, ...change });
    expect(changed).toMatchObject({ status: 200, body: { line: change.line, amountPence: pence, comment: change.comment, rowVersion: line.rowVersion + 1 } });
    expect(figure((await admin.request('GET', '/api/finance/ie?year=2018/19')).body)).toBe(pence);
    const stale = await admin.request('PATCH', `${path}/${line.id}`, { rowVersion: line.rowVersion, amount: '1' });
    expect(stale).toMatchObject({ status: 409, body: { message: `This ${label} was changed by someone else since you opened it. Reload it and make your change again.` } });
    const [entry] = (await admin.request('GET', `${path}/${line.id}/audit`)).body.items as { action: string; before: Line; after: Line }[];
    expect(entry).toMatchObject({ action: 'update', before: { line: named, amountPence: line.amountPence, comment: line.comment }, after: { line: change.line, amountPence: pence, comment: change.comment } });
    // A negative amount is taken for an income line, and otherwise refused against its field (the route names it in the body; the form shows it against the input).
    const negative = await admin.request('PATCH', `${path}/${line.id}`, { rowVersion: line.rowVersion + 1, amount: '-5' });
    if (mayBeNegative) expect(negative).toMatchObject({ status: 200, body: { amountPence: -500 } });
    else expect(negative).toMatchObject({ status: 400, body: { problems: [{ field: 'amount', message: 'must not be negative' }] } });
  });

  it('writes codes as the pages word them in the downloads: Secured, Monthly, Practices, National', async () => {
    const column = async (path: string, heading: string) => {
      const [header, ...rows] = Papa.parse<string[]>(((await admin.request('GET', path)).body as string).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      return new Set(rows.map((r) => r[header!.indexOf(heading)]));
    };
    expect([...(await column('/api/ie-lines/export.csv', 'Section'))].every((v) => /^[A-Z]/.test(v!))).toBe(true);
    expect(await column('/api/ie-lines/export.csv', 'Section')).toContain('Secured');
    expect([...(await column('/api/running-costs/export.csv', 'Paid'))].filter(Boolean).every((v) => /^[A-Z]/.test(v!))).toBe(true);
    expect([...(await column('/api/stp-deliverables/export.csv', 'National or local'))].sort()).toEqual(['Local', 'National']);
  });
});
