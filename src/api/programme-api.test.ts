import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkPlanName } from '../app/demo/load-demo-programme.js';
import { ApiClient, demoUser, fileForm, startTestServer, type TestServer } from '../../test/support/api.js';

const seed = (path: string) => readFileSync(new URL(`../../../shared/data/${path}`, import.meta.url));
const seedLines = (path: string) => seed(path).toString('utf8').trim().split('\n').length - 1;

/** The programme over HTTP: import, filters, the task page's data, position updates, conflicts and exports. */
describe('programme API', () => {
  let server: TestServer;
  let admin: ApiClient;
  let clinician: ApiClient;
  let demoPlanId: number;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.signIn(server.baseUrl, demoUser('admin').email, demoUser('admin').password);
    clinician = await ApiClient.signIn(server.baseUrl, demoUser('clinician').email, demoUser('clinician').password);
    demoPlanId = (await admin.request('GET', `/api/work-plans?name=${encodeURIComponent(demoWorkPlanName)}`)).body.items[0].id;
  });
  afterAll(() => server?.close());

  it('imports the seed work plan, then again with 0 changes', async () => {
    const form = () => fileForm('workplan.csv', seed('elr/workplan.csv'), { planName: 'Imported over HTTP', asOf: '2018-02-01' });
    const first = await admin.request('POST', '/api/programme/work-plan-import', form());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: 'work-plan', referenceDate: '2018-02-01', updated: 0, unchanged: 0 });
    expect(first.body.inserted).toBeGreaterThan(seedLines('elr/workplan.csv'));
    const again = await admin.request('POST', '/api/programme/work-plan-import', form());
    expect(again.body).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('refuses an impossible as-of date and a bad file with file, line and column', async () => {
    const badDate = await admin.request('POST', '/api/programme/work-plan-import', fileForm('plan.csv', 'id,tasks\n1.1,A\n', { asOf: '2018-02-30' }));
    expect(badDate).toMatchObject({ status: 400, body: { error: 'invalid', problems: [{ field: 'asOf', message: 'is not a real date' }] } });
    const badFile = await admin.request('POST', '/api/programme/work-plan-import', fileForm('plan.csv', 'id,tasks,time\n1.1,A,Nov 16\n1.2,B,2018-13-01\n'));
    expect(badFile).toMatchObject({ status: 400, body: { problems: [{ file: 'plan.csv', line: 3, column: 3, message: expect.stringContaining('not a real date') }] } });
  });

  it('downloads the plan’s tasks as a spreadsheet reads them: the plan and section by name, money in pounds, statuses in words', async () => {
    const csv = (await clinician.request('GET', `/api/plan-tasks/export.csv?planId=${demoPlanId}&ref=1.1`)).body as string;
    const [header, row] = Papa.parse<string[]>(csv.trim()).data;
    const cell = (name: string) => row![header!.indexOf(name)];
    const [task] = (await clinician.request('GET', `/api/plan-tasks?planId=${demoPlanId}&ref=1.1`)).body.items as { id: number; sectionId: number; status: string; financialValuePence: number | null }[];
    const sections = (await clinician.request('GET', `/api/plan-sections?planId=${demoPlanId}&pageSize=100`)).body.items as { id: number; title: string }[];
    expect(cell('Work plan')).toBe(demoWorkPlanName);
    expect(cell('Section')).toBe(sections.find((s) => s.id === task!.sectionId)!.title);
    expect(cell('Status')).toMatch(/^(Not started|In progress|Done|Stopped)$/);
    expect(cell('Financial value (£)')).toBe(task!.financialValuePence === null ? '' : String(task!.financialValuePence / 100));
    expect(cell('Overdue')).toMatch(/^(Yes|No)$/);
    // Where the task stands now: the newest entry of its position log.
    const [latest] = (await clinician.request('GET', `/api/programme/tasks/${task!.id}`)).body.updates as { entryDate: string; text: string }[];
    expect(latest).toBeDefined();
    expect([cell('Latest position dated'), cell('Latest position')]).toEqual([latest!.entryDate, latest!.text]);
  });

  it('lists the demo plan by lead and status, highlights overdue and flags duplicate ids', async () => {
    const byLead = await clinician.request('GET', `/api/plan-tasks?planId=${demoPlanId}&lead=RB&pageSize=100`);
    expect(byLead.status).toBe(200);
    expect(byLead.body.items.length).toBeGreaterThan(0);
    expect(byLead.body.items.every((t: { lead: string }) => t.lead.includes('RB'))).toBe(true);
    // Jo Walker is JW in the plan: her name finds her tasks, as her initials do.
    const byName = await clinician.request('GET', `/api/plan-tasks?planId=${demoPlanId}&lead=${encodeURIComponent('Jo Walker')}&pageSize=100`);
    const byInitials = await clinician.request('GET', `/api/plan-tasks?planId=${demoPlanId}&lead=JW&pageSize=100`);
    expect(byName.body.total).toBeGreaterThan(0);
    expect(byName.body.items.map((t: { id: number }) => t.id)).toEqual(byInitials.body.items.map((t: { id: number }) => t.id));
    const summary = await clinician.request('GET', `/api/programme/work-plans/${demoPlanId}/summary`);
    expect(summary.body.duplicateIds.map((d: { ref: string }) => d.ref)).toEqual(['2.3', '3.2']);
    expect(summary.body.missingIds).toEqual(['2.4']);
    const overdue = await clinician.request('GET', `/api/plan-tasks?planId=${demoPlanId}&overdue=true&status=in_progress&pageSize=1`);
    expect(overdue.body.total).toBeGreaterThan(0);
    expect(overdue.body.items[0]).toMatchObject({ overdue: true, status: 'in_progress' });
  });

  it('shows a task with its owners, adds a position update and keeps the older ones; a stale edit gets 409', async () => {
    const [task] = (await admin.request('GET', `/api/plan-tasks?planId=${demoPlanId}&ref=1.13`)).body.items;
    const before = (await admin.request('GET', `/api/programme/tasks/${task.id}`)).body;
    // The demo's governance names JW as Jo Walker, the federation admin; J Nicholls is nobody the demo knows.
    expect(before.owners.lead).toMatchObject({ people: [{ name: 'Jo Walker', initials: 'JW' }], unknown: [] });
    expect(before.owners.involved).toMatchObject({ unknown: ['J Nicholls'] });
    const added = await admin.request('POST', `/api/programme/tasks/${task.id}/updates`, { date: '2018-04-30', text: 'Three pharmacists recruited' });
    expect(added.status).toBe(201);
    const refused = await admin.request('POST', `/api/programme/tasks/${task.id}/updates`, { date: '30/04/2018', text: 'Bad date' });
    expect(refused).toMatchObject({ status: 400, body: { problems: [{ field: 'date' }] } });
    const after = (await admin.request('GET', `/api/programme/tasks/${task.id}`)).body;
    expect(after.updates.map((u: { text: string }) => u.text)).toEqual(['Three pharmacists recruited', ...before.updates.map((u: { text: string }) => u.text)]);
    const edit = await admin.request('PATCH', `/api/plan-tasks/${task.id}`, { rowVersion: task.rowVersion, rag: 'green' });
    expect(edit.status).toBe(200);
    const stale = await admin.request('PATCH', `/api/plan-tasks/${task.id}`, { rowVersion: task.rowVersion, rag: 'red' });
    expect(stale.status).toBe(409);
    const history = await admin.request('GET', `/api/plan-tasks/${task.id}/audit`);
    expect(history.body.items.map((a: { summary: string }) => a.summary)).toEqual(expect.arrayContaining(['Changed RAG', 'Position update added to 1.13 for 30 April 2018', 'Created by import']));
  });

  it('serves the STP grid with the shared row, and exports lists and the grid as XLSX', async () => {
    const grid = (await clinician.request('GET', '/api/programme/stp-grid')).body;
    expect(grid.periods.map((p: { label: string }) => p.label)).toEqual(expect.arrayContaining(['2017/18 Q1', '2020/21 H2']));
    expect(grid.rows.find((r: { actionRefs: string }) => r.actionRefs === 'N1.1;N1.2').actions).toHaveLength(2);
    const csv = await clinician.request('GET', '/api/programme/stp-grid/export.csv');
    expect(csv.body.split('\r\n')[0]).toBe(['Deliverable', 'Deliverable text', 'Actions', 'Key action', 'Owners', ...grid.periods.map((p: { label: string }) => p.label)].join(','));
    // A deliverable is named by its reference and text, as people read it, never by its number in the database.
    const deliverables = (await clinician.request('GET', '/api/stp-deliverables?pageSize=100')).body.items as { ref: string; title: string }[];
    const named = new Set(deliverables.map((d) => `${d.ref}: ${d.title}`));
    for (const list of ['stp-outcomes', 'stp-milestones', 'stp-actions']) {
      const [header, ...rows] = Papa.parse<string[]>(((await clinician.request('GET', `/api/${list}/export.csv`)).body as string).trim()).data;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => named.has(row[header!.indexOf('Deliverable')]!))).toBe(true);
    }
    for (const path of ['/api/programme/stp-grid/export.xlsx', `/api/plan-tasks/export.xlsx?planId=${demoPlanId}`, '/api/stp-outcomes/export.xlsx']) {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: clinician.session.cookie! } });
      expect(response.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await response.arrayBuffer());
      expect(book.worksheets[0]!.rowCount).toBeGreaterThan(1);
    }
  });
});
