import { readFileSync } from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, people, planSections, planTasks, workPlans, stpActions, stpMilestones, stpOutcomes, taskPositionUpdates } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor } from '../../../test/support/factories.js';
import { createRecord, deleteRecord, listRecords, updateRecord } from '../records/records.js';
import { personRecord } from '../people/person-record.js';
import { importStpFiles } from './import-stp.js';
import { importWorkPlan } from './import-work-plan.js';
import { workPlanItems } from './my-items-source.js';
import { planTaskRecord, todayIso } from './plan-task-record.js';
import { workPlanRecord } from './programme-records.js';
import { addDays } from '../../domain/iso-date.js';
import { splitOwnerText } from '../../domain/people/owner-text.js';
import { addPositionUpdate, getPlanSummary, getTaskDetail } from './plan-tasks.js';
import { getStpGrid } from './stp-grid.js';

const shared = new URL('../../../../shared/data/', import.meta.url);
const seedFile = (path: string) => ({ name: path.split('/').at(-1)!, content: readFileSync(new URL(path, shared)) });
const seedRows = (path: string) => Papa.parse<Record<string, string>>(readFileSync(new URL(path, shared), 'utf8'), { header: true, skipEmptyLines: true }).data;
const workplan = () => seedFile('elr/workplan.csv');
const stpFiles = () => ['llr-stp/outcomes.csv', 'llr-stp/milestones.csv', 'llr-stp/deliverables.csv'].map(seedFile);
const csv = (name: string, lines: string[]) => ({ name, content: Buffer.from(`${lines.join('\n')}\n`) });

describe.each(databaseKinds)('programme: work plan and STP grid (%s)', (kind) => {
  let database: Database;
  let planId: number;
  const admin = () => contextFor(database, adminActor);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('imports the seed work plan losslessly: every row, allocations, duplicates flagged, each log entry its own', async () => {
    const report = await importWorkPlan(admin(), workplan(), { planName: 'ELR work plan', asOf: '2018-02-01' });
    const rows = seedRows('elr/workplan.csv');
    const sections = new Set(rows.map((r) => r.section_id)).size;
    expect(report).toMatchObject({ inserted: 1 + sections + rows.length, updated: 0, unchanged: 0, rejected: 0 });
    expect(report.notes.join('\n')).toMatch(/used more than once.*2\.3 \(lines \d+ and \d+\); 3\.2/);
    expect(report.notes.join('\n')).toContain('IDs the plan skips: 2.4');
    planId = Number(/id (\d+)/.exec(report.notes[0]!)![1]);

    const tasks = await database.db.select().from(planTasks).where(eq(planTasks.planId, planId));
    expect(tasks).toHaveLength(rows.length);
    for (const row of rows) {
      const task = tasks.find((t) => t.sourceRaw?.id === row.id && t.sourceRaw?.tasks === row.tasks)!;
      expect(task.sourceRaw).toEqual(row);
      expect([task.ref, task.description, task.lead ?? '', task.involved ?? '', task.timeText ?? '']).toEqual([row.id, row.tasks, row.lead, row.involved, row.time]);
      expect(task.financialValuePence).toBe(row.financial_value_gbp ? Number(row.financial_value_gbp) * 100 : task.financialValuePence);
      expect(task.duplicateRef).toBe(rows.filter((r) => r.id === row.id).length > 1);
      const log = await database.db.select().from(taskPositionUpdates).where(eq(taskPositionUpdates.taskId, task.id));
      expect(log.sort((a, b) => a.sequence - b.sequence).map((e) => e.text)).toEqual(row.current_position ? row.current_position.split(' | ') : []);
      expect(log.every((e) => e.entryDate === '2018-02-01')).toBe(true);
      // The positions are in the task's own audit entry, as what was added with it.
      const [created] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'plan_task'), eq(auditLog.recordId, String(task.id)), eq(auditLog.action, 'create')));
      expect((created!.after as { positionsAdded?: { text: string }[] }).positionsAdded?.map((p) => p.text) ?? []).toEqual(log.map((e) => e.text));
    }
    const allocated = rows.filter((r) => r.wlccg_allocation_gbp_000);
    for (const row of allocated) {
      const task = tasks.find((t) => t.ref === row.id)!;
      expect(task.allocations.map((a) => [a.column, a.text, a.pence])).toEqual(
        ['wlccg_allocation_gbp_000', 'elrccg_allocation_gbp_000', 'lcc_allocation_gbp_000', 'reserve_gbp_000'].map((c) => [c, row[c], Math.round(Number(row[c]) * 100_000)]),
      );
    }
    expect(tasks.filter((t) => t.duplicateRef).map((t) => t.ref).sort()).toEqual(['2.3', '2.3', '3.2', '3.2']);
    expect(tasks.find((t) => t.ref === '1.1')).toMatchObject({ targetDate: '2016-11-30', dateFlag: null });
    expect(tasks.find((t) => t.ref === '1.2')).toMatchObject({ targetStart: '2018-01-01', targetDate: '2018-12-31' });
  });

  it('reports 0 changes when the same file is imported again', async () => {
    const before = (await database.db.select().from(taskPositionUpdates)).length;
    const again = await importWorkPlan(admin(), workplan(), { planName: 'ELR work plan', asOf: '2018-03-01' });
    const rows = seedRows('elr/workplan.csv');
    // Every record the first import added (the plan, its sections and tasks) is counted again, as unchanged.
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 + new Set(rows.map((r) => r.section_id)).size + rows.length });
    expect((await database.db.select().from(taskPositionUpdates)).length).toBe(before);
  });

  it('summarises the ids to resolve and lists by lead, status, duplicates and overdue', async () => {
    const summary = await getPlanSummary(admin(), planId);
    expect(summary.duplicateIds.map((d) => [d.ref, d.tasks.length])).toEqual([['2.3', 2], ['3.2', 2]]);
    expect(summary.missingIds).toEqual(['2.4']);
    expect(summary.datesToCheck.map((d) => d.ref)).toEqual(['2.15']);
    expect(summary.unknownOwners).toContain('JW');
    const ledByRb = await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 100, filters: { planId: String(planId), lead: 'RB' } });
    const rows = seedRows('elr/workplan.csv');
    expect(ledByRb.total).toBe(rows.filter((r) => r.lead!.includes('RB')).length);
    const duplicates = await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 100, filters: { duplicateRef: 'true' } });
    expect(duplicates.total).toBe(4);
    const overdue = await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 100, filters: { overdue: 'true' } });
    expect(overdue.items.every((t) => t.overdue === true)).toBe(true);
    expect(overdue.total).toBe(summary.overdue);
  });

  it('keeps every position update, newest first, and refuses an impossible or future date with nothing saved', async () => {
    const [task] = await database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.ref, '1.13')));
    const before = await getTaskDetail(admin(), task!.id);
    await addPositionUpdate(admin(), task!.id, { date: '2018-05-01', text: 'Pharmacists in post at two clusters' });
    await expect(addPositionUpdate(admin(), task!.id, { date: '2018-02-30', text: 'Never saved' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'date', message: 'is not a real date' }] });
    await expect(addPositionUpdate(admin(), task!.id, { date: addDays(todayIso(), 1), text: 'Not yet' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'date', message: 'must be today or in the past' }] });
    await expect(addPositionUpdate(contextFor(database, commissionerActor), task!.id, { text: 'Not allowed' })).rejects.toMatchObject({ kind: 'forbidden' });
    const after = await getTaskDetail(admin(), task!.id);
    expect(after.updates.map((u) => u.text)).toEqual(['Pharmacists in post at two clusters', ...before.updates.map((u) => u.text)]);
    expect(after.owners.lead).toEqual({ people: [], unknown: ['JW'] });
    // Lists and exports carry where the task stands now: its newest update, whatever order they were added in.
    const listed = await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 10, filters: { planId: String(planId), ref: '1.13' } });
    expect(listed.items[0]).toMatchObject({ latestPosition: 'Pharmacists in post at two clusters', latestPositionOn: '2018-05-01' });
    const untouched = await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 100, filters: { planId: String(planId) }, sort: 'latestPositionOn' });
    const withoutLog = untouched.items.filter((t) => t.latestPosition === null);
    expect(withoutLog.every((t) => t.latestPositionOn === null)).toBe(true);
    expect(untouched.items.at(-1)!.latestPosition).toBeNull();
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'plan_task'), eq(auditLog.recordId, String(task!.id))));
    expect(audit.map((a) => a.summary)).toContain('Position update added to 1.13 for 1 May 2018');
  });

  it('links owners once the person exists, and lists their tasks due by a date', async () => {
    const person = await createRecord(admin(), personRecord, { name: 'Jo Walker', initials: 'JW' });
    const [task] = await database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.ref, '1.13')));
    expect((await getTaskDetail(admin(), task!.id)).owners.lead.people.map((p) => p.name)).toEqual(['Jo Walker']);
    const items = await workPlanItems(database.db, { personId: person.id as number, userId: null, practiceCodes: [], role: 'admin', today: '2017-01-17', until: '2017-01-31' });
    const rows = seedRows('elr/workplan.csv');
    expect(items.map((i) => i.ref).sort()).toEqual(rows.filter((r) => r.lead === 'JW' && ['Nov 16', 'Dec 16', 'Jan 17'].includes(r.time!)).map((r) => r.id).sort());
    expect(items[0]).toMatchObject({ kind: 'task', href: expect.stringMatching(/^\/programme\/tasks\/\d+$/) });
    // The list finds the tasks she leads by her name as well as her initials, however it is typed.
    const byName = await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 100, filters: { planId: String(planId), lead: 'jo walk' } });
    expect(byName.items.map((t) => t.ref).sort()).toEqual(rows.filter((r) => splitOwnerText(r.lead).some((p) => p.toLowerCase() === 'jw')).map((r) => r.id).sort());
    expect(byName.total).toBeGreaterThan(0);
  });

  it('edits a task with rowVersion: the target is read again, a stale edit conflicts, an impossible date is refused', async () => {
    const [task] = await database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.ref, '3.13')));
    const edited = await updateRecord(admin(), planTaskRecord, String(task!.id), { timeText: 'Q2 18/19', status: 'in_progress', rag: 'amber' }, task!.rowVersion);
    expect(edited).toMatchObject({ targetDate: '2018-09-30', rag: 'amber', rowVersion: task!.rowVersion + 1 });
    await expect(updateRecord(admin(), planTaskRecord, String(task!.id), { status: 'done' }, task!.rowVersion)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(updateRecord(admin(), planTaskRecord, String(task!.id), { timeText: '31/02/2018' }, task!.rowVersion + 1)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'timeText' }] });
    // A change of its words alone leaves its status and RAG as they were, not a new task's "not started".
    const reworded = await updateRecord(admin(), planTaskRecord, String(task!.id), { description: `${task!.description} (reworded)` }, task!.rowVersion + 1);
    expect(reworded).toMatchObject({ status: 'in_progress', rag: 'amber' });
    // A field a task does not have is refused, not ignored as if the change were saved.
    await expect(updateRecord(admin(), planTaskRecord, String(task!.id), { statusText: 'done' }, task!.rowVersion + 2)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'statusText' }] });
    // Importing the same file again keeps what was changed here: the file has not changed it since.
    const again = await importWorkPlan(admin(), workplan(), { planName: 'ELR work plan', asOf: '2018-02-01' });
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    const [kept] = await database.db.select().from(planTasks).where(eq(planTasks.id, task!.id));
    expect(kept).toMatchObject({ timeText: 'Q2 18/19', targetDate: '2018-09-30', description: `${task!.description} (reworded)`, status: 'in_progress', rag: 'amber' });
  });

  it('refuses a task typed with an ID the plan has (every problem at once) and lists tasks by their IDs as numbers', async () => {
    const [task113] = await database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.ref, '1.13')));
    const typed = { planId, sectionId: task113!.sectionId, description: 'Pharmacist recruitment' };
    const refused = await createRecord(admin(), planTaskRecord, { ...typed, ref: '1.13', timeText: '30/02/2019' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'invalid', problems: [{ field: 'timeText', message: '"30/02/2019" is not a real date' }, { field: 'ref', message: 'A task with ID 1.13 already exists in this plan: give another ID' }] });
    // Free text that is not a date stays as written.
    const added = await createRecord(admin(), planTaskRecord, { ...typed, ref: '1.16', timeText: 'Q2 2018/19' });
    expect(added).toMatchObject({ ref: '1.16', duplicateRef: false, targetDate: '2018-09-30' });
    // Renaming a task to an ID in use is refused too; the imported 2.3s keep theirs when edited.
    await expect(updateRecord(admin(), planTaskRecord, String(added.id), { ref: '2.3' }, added.rowVersion as number)).rejects.toMatchObject({ problems: [{ field: 'ref' }] });
    const [imported23] = await database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.ref, '2.3')));
    await updateRecord(admin(), planTaskRecord, String(imported23!.id), { ref: '2.3' }, imported23!.rowVersion);
    const listed = await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 100, filters: { planId: String(planId) } });
    const refs = listed.items.map((t) => t.ref as string);
    expect(refs.slice(0, 17)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '2.1']);
    expect(refs.at(-1)).toBe('5.3');
  });

  it('takes the RAG ratings a plan file gives, with or without a status column, and says how many tasks are rated', async () => {
    const rated = csv('rated.csv', ['id,tasks,rag', '7.1,First,Amber', '7.2,Second,']);
    await importWorkPlan(admin(), csv('rated.csv', ['id,tasks', '7.1,First', '7.2,Second']), { planName: 'Rated plan' });
    // Only the first line gives a rating, so only it changes; the second keeps the file's new (empty) cell with its source, not a change anyone sees.
    expect(await importWorkPlan(admin(), rated, { planName: 'Rated plan' })).toMatchObject({ inserted: 0, updated: 1 });
    const [plan] = (await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 10, filters: { ref: '7.1' } })).items;
    expect(plan).toMatchObject({ rag: 'amber' });
    expect((await getPlanSummary(admin(), plan!.planId as number)).rated).toBe(1);
    expect((await getPlanSummary(admin(), planId)).rated).toBe(1);
  });

  it('refuses a bad work plan whole, naming file, line and column', async () => {
    const bad = csv('bad-plan.csv', ['id,tasks,time,lead', '9.1,Good row,Nov 16,JW', '9.2,Bad date,31/02/2018,JW']);
    await expect(importWorkPlan(admin(), bad, { planName: 'Bad plan' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ file: 'bad-plan.csv', line: 3, column: 3 }] });
    expect((await listRecords(admin(), planTaskRecord, { page: 1, pageSize: 1, filters: { ref: '9.1' } })).total).toBe(0);
    // A header alone is refused, not imported as a new, empty plan.
    const plans = await database.db.$count(workPlans);
    const headerOnly = csv('h-plan.csv', ['id,tasks,time,lead']);
    await expect(importWorkPlan(admin(), headerOnly, {})).rejects.toMatchObject({ kind: 'invalid', problems: [{ file: 'h-plan.csv', line: 2, message: 'the file has a header but no rows under it: nothing to import' }] });
    expect(await database.db.$count(workPlans)).toBe(plans);
  });

  it('imports the STP deliverables, grid and outcomes in any order, and again with 0 changes', async () => {
    const report = await importStpFiles(admin(), stpFiles());
    const deliverables = seedRows('llr-stp/deliverables.csv');
    const milestones = seedRows('llr-stp/milestones.csv');
    const outcomes = seedRows('llr-stp/outcomes.csv');
    expect(report.inserted).toBe(new Set(deliverables.map((d) => d.deliverable_id)).size + deliverables.length + milestones.length + outcomes.length);
    expect(await importStpFiles(admin(), stpFiles())).toMatchObject({ inserted: 0, updated: 0, unchanged: report.inserted });
    expect((await database.db.select().from(stpActions)).map((a) => [a.ref, a.owners ?? ''])).toEqual(deliverables.map((d) => [d.action_id, d.action_owners]));
    expect((await database.db.select().from(stpOutcomes)).map((o) => [o.workArea, o.baseline ?? '', o.currentPosition ?? ''])).toEqual(outcomes.map((o) => [o.work_area, o.baseline, o.current_position]));
    const grid = await getStpGrid(admin());
    const marks = grid.rows.flatMap((r) => Object.entries(r.cells).filter(([, c]) => c).map(([p]) => `${r.actionRefs} ${p}`));
    expect(marks.sort()).toEqual(milestones.map((m) => `${m.action_id} ${m.period}`).sort());
    expect(grid.rows.find((r) => r.actionRefs === 'N1.1;N1.2')!.actions.map((a) => a.ref)).toEqual(['N1.1', 'N1.2']);
    const [first] = await database.db.select().from(stpMilestones).limit(1);
    // A cell that holds words, as some grids' do ("Wave 2 posts filled").
    const [cell] = await database.db.update(stpMilestones).set({ text: 'Wave 2 posts filled', rowVersion: first!.rowVersion + 1 }).where(eq(stpMilestones.id, first!.id)).returning();
    await updateRecord(admin(), (await import('./programme-records.js')).stpMilestoneRecord, String(cell!.id), { rag: 'amber', reason: 'Recruitment slipped a quarter', evidence: 'Board minutes, March 2018' }, cell!.rowVersion);
    // Rating it leaves its words as they were (a new milestone's default, "X", is not put back).
    expect((await getStpGrid(admin())).rows.flatMap((r) => Object.values(r.cells)).find((c) => c?.id === cell!.id)).toMatchObject({ mark: cell!.text, rag: 'amber', reason: 'Recruitment slipped a quarter', evidence: 'Board minutes, March 2018' });
    // Importing the grid again leaves what people reported about a milestone alone.
    await importStpFiles(admin(), stpFiles());
    const [kept] = await database.db.select().from(stpMilestones).where(eq(stpMilestones.id, cell!.id));
    expect(kept).toMatchObject({ reason: 'Recruitment slipped a quarter', evidence: 'Board minutes, March 2018' });
  });

  it('refuses milestones for an unknown deliverable, naming the line', async () => {
    const file = csv('more-milestones.csv', ['deliverable_id,action_id,period,milestone', 'N1,N1.3,2017/18 Q3,X', 'N9,N9.1,2017/18 Q1,X']);
    await expect(importStpFiles(admin(), [file])).rejects.toMatchObject({ kind: 'invalid', problems: [{ file: 'more-milestones.csv', line: 3, column: 1, message: expect.stringContaining('deliverable N9 is not known') }] });
    expect((await database.db.select().from(stpMilestones).where(eq(stpMilestones.period, '2017/18 Q3'))).some((m) => m.actionRefs === 'N1.3')).toBe(false);
  });

  it('puts the position an import adds to a task, with its text and date, in the task’s audit entry', async () => {
    const text = workplan().content.toString('utf8');
    const row = seedRows('elr/workplan.csv').find((r) => r.id === '1.1' && r.current_position)!;
    const changed = text.replace(row.current_position!, `${row.current_position} | Agreed at the March board`);
    expect(changed).not.toBe(text);
    const report = await importWorkPlan(admin(), { name: 'workplan.csv', content: Buffer.from(changed) }, { planName: 'ELR work plan', asOf: '2018-03-15' });
    // The task (its row as written changed) and the plan's as-of date.
    expect(report).toMatchObject({ inserted: 0, updated: 2 });
    const [task] = await database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.ref, '1.1')));
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'plan_task'), eq(auditLog.recordId, String(task!.id)), eq(auditLog.action, 'update'))).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ after: { positionsAdded: [{ entryDate: '2018-03-15', text: 'Agreed at the March board' }] } });
  });
  it('names the plan of each task in my items once two plans have tasks for the same person', async () => {
    const [jo] = await database.db.select().from(people).where(eq(people.initials, 'JW'));
    const asked = { personId: jo!.id, userId: null, practiceCodes: [], role: 'admin' as const, today: '2017-01-17', until: '2017-01-31' };
    const before = await workPlanItems(database.db, asked);
    expect(before.every((i) => !i.title.endsWith('(ELR work plan)'))).toBe(true);
    await importWorkPlan(admin(), workplan(), { planName: 'Second work plan', asOf: '2018-02-01' });
    const after = await workPlanItems(database.db, asked);
    expect(after).toHaveLength(before.length * 2);
    expect(after.filter((i) => i.title.endsWith('(Second work plan)'))).toHaveLength(before.length);
    expect(after.filter((i) => i.title.endsWith('(ELR work plan)'))).toHaveLength(before.length);
  });
  it('names the tasks a file leaves out, and says when its positions are older than the plan’s, keeping the plan’s date', async () => {
    const [plan] = await database.db.select().from(workPlans).where(eq(workPlans.id, planId));
    const [header, ...lines] = workplan().content.toString('utf8').trimEnd().split(/\r?\n/);
    const dropped = Papa.parse<string[]>(lines.at(-1)!).data[0]![header!.split(',').indexOf('id')];
    const older = await importWorkPlan(admin(), csv('workplan.csv', [header!, ...lines.slice(0, -1)]), { planName: 'ELR work plan', asOf: '2017-06-01' });
    // The row taken out, and a task added in atscale since (1.16), are both the plan's and not the file's.
    const notInFile = older.notes.find((n) => n.startsWith('Tasks the plan holds that this file does not, kept as they are: '));
    expect(notInFile?.split(': ')[1]!.split(', ')).toContain(dropped);
    expect(older.notes.find((n) => n.startsWith('This file’s positions are as at 1 June 2017, before the plan’s'))).toBeDefined();
    const [after] = await database.db.select().from(workPlans).where(eq(workPlans.id, planId));
    expect(after!.asOf).toBe(plan!.asOf);
  });

  it('renames a work plan, and deletes one with its sections, tasks and position log, which its audit row keeps', async () => {
    const report = await importWorkPlan(admin(), workplan(), { planName: 'Imported by mistake', asOf: '2018-02-01' });
    expect(report.rejected).toBe(0);
    const [plan] = await database.db.select().from(workPlans).where(eq(workPlans.name, 'Imported by mistake'));
    const renamed = await updateRecord(admin(), workPlanRecord, String(plan!.id), { name: 'Wrong plan' }, plan!.rowVersion);
    expect(renamed.name).toBe('Wrong plan');
    const tasks = await database.db.select({ id: planTasks.id }).from(planTasks).where(eq(planTasks.planId, plan!.id));
    const logged = (await database.db.select().from(taskPositionUpdates)).filter((u) => tasks.some((t) => t.id === u.taskId));
    expect(logged.length).toBeGreaterThan(0);
    const othersBefore = await database.db.select({ id: planTasks.id }).from(planTasks);
    // A stale version is a conflict, and nothing goes.
    await expect(deleteRecord(admin(), workPlanRecord, String(plan!.id), plan!.rowVersion)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(deleteRecord(contextFor(database, commissionerActor), workPlanRecord, String(plan!.id), renamed.rowVersion as number)).rejects.toMatchObject({ kind: 'forbidden' });
    await deleteRecord(admin(), workPlanRecord, String(plan!.id), renamed.rowVersion as number);
    expect(await database.db.select().from(planTasks).where(eq(planTasks.planId, plan!.id))).toEqual([]);
    expect(await database.db.select().from(planSections).where(eq(planSections.planId, plan!.id))).toEqual([]);
    expect((await database.db.select().from(taskPositionUpdates)).filter((u) => tasks.some((t) => t.id === u.taskId))).toEqual([]);
    expect(await database.db.select({ id: planTasks.id }).from(planTasks)).toHaveLength(othersBefore.length - tasks.length);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'work_plan'), eq(auditLog.recordId, String(plan!.id)), eq(auditLog.action, 'delete')));
    const before = audit!.before as { name: string; tasks: unknown[]; sections: unknown[]; positionUpdates: unknown[] };
    expect(before.name).toBe('Wrong plan');
    expect(before.tasks).toHaveLength(tasks.length);
    expect(before.positionUpdates).toHaveLength(logged.length);
    expect(before.sections.length).toBeGreaterThan(0);
  });
});
