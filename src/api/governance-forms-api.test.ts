import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { databaseKinds } from '../../test/support/databases.js';
import { ApiClient, demoUser, startTestServer, type TestServer } from '../../test/support/api.js';
import { demoWorkPlanName } from '../app/demo/load-demo-programme.js';

/** What a COO met on the risk, action and task forms, over HTTP: every problem at once, the words they read, the same risk everywhere, the audit in words. */
describe.each(databaseKinds)('governance and programme forms over HTTP (%s)', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  const first = async (path: string) => (await admin.request('GET', path)).body.items[0];

  beforeAll(async () => {
    server = await startTestServer({ kind });
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
  });
  afterAll(() => server?.close());

  it('names every problem of a risk at once, the schema’s and the register’s own, and ?check=true saves nothing', async () => {
    const body = { ref: 'R1', risk: '', ownerText: 'RB', targetScore: 40, reviewDate: '31/02/2019' };
    const expected = [
      { field: 'risk', message: 'Describe the risk' },
      { field: 'targetScore', message: 'must be from 1 to 25' },
      { field: 'reviewDate', message: '"31/02/2019" is not a real date' },
      { field: 'ref', message: 'A risk with reference R1 already exists: give another reference' },
      { field: 'ownerText', message: 'names "RB", who is not on the People page yet: add them there, then save again' },
    ];
    const refused = await admin.request('POST', '/api/risks', body);
    expect(refused).toMatchObject({ status: 400, body: { error: 'invalid', problems: expected, details: { unknownOwners: ['RB'] } } });
    expect((await admin.request('POST', '/api/risks?check=true', body)).body.problems).toEqual(expected);
    // Asked only to check a good risk, the server says nothing is wrong and keeps nothing.
    const fine = await admin.request('POST', '/api/risks?check=true', { ref: 'R9', risk: 'Estates funding falls through' });
    expect([fine.status, fine.body]).toEqual([200, { problems: [] }]);
    expect((await admin.request('GET', '/api/risks?ref=9')).body.total).toBe(0);
    // So does an edit: the version is not needed to ask.
    const risk = await first('/api/risks?ref=2');
    expect((await admin.request('PATCH', `/api/risks/${risk.id}?check=true`, { targetScore: 7 })).body.problems).toEqual([{ field: 'targetScore', message: 'must be likelihood × impact, such as 4, 6 or 9' }]);
  });

  it('closes an action only with an outcome, saying so beside its other problems', async () => {
    const action = await first('/api/board-actions?ref=1');
    const refused = await admin.request('PATCH', `/api/board-actions/${action.id}`, { rowVersion: action.rowVersion, ref: '2', status: 'closed', dueDate: 'soon' });
    expect(refused.body.problems).toEqual([
      { field: 'dueDate', message: '"soon" is not a date; write it as DD/MM/YYYY or YYYY-MM-DD' },
      { field: 'outcome', message: 'Enter the outcome to close the action' },
      { field: 'ref', message: 'A board action with reference 2 already exists: give another reference' },
    ]);
    // The log shows where each action stands: its latest update.
    expect(action).toMatchObject({ latestUpdate: 'JW to progress', latestUpdateOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('refuses a task typed with an ID its plan has and an impossible target, and lists tasks by ID as numbers', async () => {
    const plan = await first(`/api/work-plans?name=${encodeURIComponent(demoWorkPlanName)}`);
    const task = await first(`/api/plan-tasks?planId=${plan.id}&ref=1.13`);
    const refused = await admin.request('POST', '/api/plan-tasks', { planId: plan.id, sectionId: task.sectionId, ref: '1.14', description: 'Another', timeText: '30/02/2019' });
    expect(refused.body.problems).toEqual([
      { field: 'timeText', message: '"30/02/2019" is not a real date' },
      { field: 'ref', message: 'A task with ID 1.14 already exists in this plan: give another ID' },
    ]);
    const added = await admin.request('POST', '/api/plan-tasks', { planId: plan.id, sectionId: task.sectionId, ref: '1.16', description: 'Another', timeText: 'March 2019' });
    expect(added).toMatchObject({ status: 201, body: { targetDate: '2019-03-31', duplicateRef: false } });
    const refs = (await admin.request('GET', `/api/plan-tasks?planId=${plan.id}&pageSize=100`)).body.items.map((t: { ref: string }) => t.ref);
    expect(refs.slice(refs.indexOf('1.9'), refs.indexOf('2.1') + 1)).toEqual(['1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '2.1']);
    expect((await admin.request('GET', `/api/programme/work-plans/${plan.id}/summary`)).body).toMatchObject({ rated: 0, unknownOwners: expect.arrayContaining(['RB', 'GC', 'JM', 'AC']) });
  });

  it('writes a risk as its page does, R3 and High, and says why the heat map is empty', async () => {
    expect((await admin.request('GET', '/api/risks/heat-map')).body.emptyReason).toBe('No open risk has both a likelihood and an impact yet: 4 risks need an impact.');
    const risk = await first('/api/risks?ref=3');
    expect(risk.likelihoodRaw).toBe('M');
    // The form sends the likelihood with every save: the same number keeps the register's letter; a changed one replaces it.
    const scored = await admin.request('PATCH', `/api/risks/${risk.id}`, { rowVersion: risk.rowVersion, likelihood: 3, impact: 4 });
    expect(scored.body).toMatchObject({ likelihood: 3, likelihoodRaw: 'M', score: 12, rating: 'high' });
    const rescored = await admin.request('PATCH', `/api/risks/${risk.id}`, { rowVersion: risk.rowVersion + 1, likelihood: 4 });
    expect(rescored.body).toMatchObject({ likelihood: 4, likelihoodRaw: null, score: 16 });
    await admin.request('PATCH', `/api/risks/${risk.id}`, { rowVersion: risk.rowVersion + 2, likelihood: 3 });
    expect((await admin.request('GET', '/api/risks/heat-map')).body.emptyReason).toBeNull();
    const csv = await fetch(`${server.baseUrl}/api/risks/export.csv`, { headers: { cookie: admin.session.cookie! } });
    const rows = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.Ref === 'R3')).toMatchObject({ Score: '12', Rating: 'High', Status: 'Open' });
    expect(rows.map((r) => r.Ref)).toEqual(['R1', 'R2', 'R3', 'R4']);
  });

  it('shows the audit in words: labels, names for ids, and whether the record is there to link to', async () => {
    const risk = await first('/api/risks?ref=1');
    await admin.request('PATCH', `/api/risks/${risk.id}`, { rowVersion: risk.rowVersion, ownerText: 'JW' });
    const [row] = (await admin.request('GET', `/api/audit?recordType=risk&recordId=${risk.id}&limit=1`)).body.items;
    expect(row).toMatchObject({ summary: 'Changed owner and owners on the People page', recordName: expect.stringMatching(/^R1: Lack of openness/), recordStillThere: true });
    expect(row.changes).toEqual([
      { field: 'Owner', before: null, after: 'JW' },
      { field: 'Owners on the People page', before: null, after: 'Jo Walker' },
    ]);
  });
});
