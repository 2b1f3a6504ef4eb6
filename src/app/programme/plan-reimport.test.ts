import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, planSections, planTasks, stpActions } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor } from '../../../test/support/factories.js';
import { updateRecord } from '../records/records.js';
import { importWorkPlan } from './import-work-plan.js';
import { planTaskRecord } from './plan-task-record.js';
import { planSectionRecord, stpActionRecord } from './programme-records.js';
import { importStpFiles } from './import-stp.js';

const header = 'section_id,section,id,tasks,lead,time';
const first = [header, '1,Access,1.1,Extended hours,JW,Nov 16', '1,Access,1.2,Hub rota,GC,Dec 16', '2,Workforce,2.1,Pharmacists,RB,Q4 16/17'];
const file = (lines: string[]) => ({ name: 'merge-plan.csv', content: Buffer.from(`${lines.join('\n')}\n`) });

describe.each(databaseKinds)('re-importing a work plan people have edited in atscale (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const importPlan = (lines: string[]) => importWorkPlan(admin(), file(lines), { planName: 'Merge plan', asOf: '2017-01-10' });
  const task = async (ref: string) => (await database.db.select().from(planTasks).where(eq(planTasks.ref, ref)).orderBy(planTasks.refOccurrence))[0]!;
  const edit = async (ref: string, values: Record<string, unknown>) => {
    const stored = await task(ref);
    return updateRecord(admin(), planTaskRecord, String(stored.id), values, stored.rowVersion);
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importPlan(first);
    await edit('1.1', { lead: 'RB' });
    await edit('1.2', { timeText: 'Jan 17' });
    // The owner resolves an id by renaming the task here.
    await edit('2.1', { ref: '2.2' });
    const [section] = await database.db.select().from(planSections).where(eq(planSections.ref, '1'));
    await updateRecord(admin(), planSectionRecord, String(section!.id), { title: 'Access and hubs' }, section!.rowVersion);
  });
  afterAll(() => database?.close());

  it('keeps every edit when the same file is imported again, and finds a renamed task by the id it was imported with', async () => {
    const report = await importPlan(first);
    expect(report).toMatchObject({ inserted: 0, updated: 0 });
    expect(report.notes.join('\n')).not.toMatch(/not[^\n]*this file does not|Kept what was changed/);
    expect(await task('1.1')).toMatchObject({ lead: 'RB' });
    expect(await task('1.2')).toMatchObject({ timeText: 'Jan 17', targetDate: '2017-01-31' });
    expect(await task('2.2')).toMatchObject({ description: 'Pharmacists', refOccurrence: 1 });
    expect(await database.db.$count(planTasks, eq(planTasks.ref, '2.1'))).toBe(0);
    expect((await database.db.select().from(planSections).where(eq(planSections.ref, '1')))[0]).toMatchObject({ title: 'Access and hubs' });
  });

  it('takes what the file changed since, keeps what people changed, and names each field both changed', async () => {
    const second = [header, '1,Access to care,1.1,Extended hours,GC,Nov 16', '1,Access to care,1.2,Hub rota,JW,Dec 16', '2,Workforce,2.1,Pharmacists in practices,RB,Q4 16/17'];
    const versionOf11 = (await task('1.1')).rowVersion;
    const report = await importPlan(second);
    expect(report.inserted).toBe(0);
    // The file's new lead for 1.2 (nobody changed it here), and 2.1's new words on the task now called 2.2.
    expect(await task('1.2')).toMatchObject({ lead: 'JW', timeText: 'Jan 17' });
    expect(await task('2.2')).toMatchObject({ description: 'Pharmacists in practices' });
    // Both changed 1.1's lead and section 1's title: what people typed stays, and the note says what the file says.
    // Nothing of 1.1 anyone sees changed: not a change, and a form open on it still saves.
    expect(await task('1.1')).toMatchObject({ lead: 'RB', rowVersion: versionOf11 });
    expect(report.updated).toBe(2);
    const kept = report.notes.find((n) => n.startsWith('Kept what was changed in atscale where this file changes it too'));
    expect(kept).toContain('1.1: lead (kept “RB”, the file says “GC”)');
    expect(kept).toContain('Section 1: title (kept “Access and hubs”, the file says “Access to care”)');
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'plan_task'), eq(auditLog.recordId, String((await task('1.1')).id)))).orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.summary).toBe('Kept what was changed in atscale where the file changed it too: 1.1: lead (kept “RB”, the file says “GC”), by import');
    const [taken] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'plan_task'), eq(auditLog.recordId, String((await task('1.2')).id)))).orderBy(desc(auditLog.id)).limit(1);
    expect(taken!.summary).toBe('Changed lead, by import');
    // Said once: the same file again changes nothing and names nothing.
    const again = await importPlan(second);
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    expect(again.notes.some((n) => n.startsWith('Kept what was changed'))).toBe(false);
  });

  it('adds a new line whose id a renamed task has taken as a second use of that id, flagged for the owner', async () => {
    const third = [header, '1,Access to care,1.1,Extended hours,GC,Nov 16', '1,Access to care,1.2,Hub rota,JW,Dec 16', '2,Workforce,2.1,Pharmacists in practices,RB,Q4 16/17', '2,Workforce,2.2,Physiotherapists,RB,Q1 17/18'];
    const report = await importPlan(third);
    expect(report).toMatchObject({ inserted: 1 });
    const twos = await database.db.select().from(planTasks).where(eq(planTasks.ref, '2.2')).orderBy(planTasks.refOccurrence);
    expect(twos.map((t) => [t.description, t.refOccurrence, t.duplicateRef])).toEqual([
      ['Pharmacists in practices', 1, true],
      ['Physiotherapists', 2, true],
    ]);
    expect(await importPlan(third)).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('lets the file set a status once it has a status column, over one set here', async () => {
    await edit('1.1', { status: 'in_progress' });
    const withStatus = ['section_id,section,id,tasks,lead,time,status', '1,Access to care,1.1,Extended hours,GC,Nov 16,Done'];
    await importPlan(withStatus);
    expect(await task('1.1')).toMatchObject({ status: 'done', lead: 'RB' });
  });
});

describe.each(databaseKinds)('re-importing STP files people have edited in atscale (%s)', (kind) => {
  let database: Database;
  const stpHeader = 'deliverable_id,deliverable_type,deliverable,action_id,key_action,action_owners';
  const deliverables = (owners: string) => ({ name: 'deliverables.csv', content: Buffer.from(`${stpHeader}\nL7,local,Shared care records,L7.1,Share records across practices,${owners}\n`) });
  const action = async () => (await database.db.select().from(stpActions).where(eq(stpActions.ref, 'L7.1')))[0]!;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('keeps owners typed here over the same file, and over a file that changed them too, naming the clash', async () => {
    const admin = contextFor(database, adminActor);
    await importStpFiles(admin, [deliverables('Paula Vaughan')]);
    const imported = await action();
    await updateRecord(admin, stpActionRecord, String(imported.id), { owners: 'Paula Vaughan; David Muir' }, imported.rowVersion);
    expect(await importStpFiles(admin, [deliverables('Paula Vaughan')])).toMatchObject({ inserted: 0, updated: 0 });
    const changed = await importStpFiles(admin, [deliverables('Julia Corey')]);
    expect((await action()).owners).toBe('Paula Vaughan; David Muir');
    expect(changed.notes.at(-1)).toBe('Kept what was changed in atscale where this file changes it too (change it by hand if the file is right): L7.1: owners (kept “Paula Vaughan; David Muir”, the file says “Julia Corey”)');
  });

  it('keeps, unchanged, a row imported before rows kept what their file said, and names where the file differs', async () => {
    const admin = contextFor(database, adminActor);
    // As an upgraded database holds it: no record of what the file said.
    await database.db.update(stpActions).set({ importedValues: null }).where(eq(stpActions.ref, 'L7.1'));
    const before = await action();
    const report = await importStpFiles(admin, [deliverables('Paula Vaughan')]);
    expect(report).toMatchObject({ inserted: 0, updated: 0 });
    expect(await action()).toMatchObject({ owners: before.owners, rowVersion: before.rowVersion, importedValues: { owners: 'Paula Vaughan' } });
    expect(report.notes.at(-1)).toContain('L7.1: owners (kept “Paula Vaughan; David Muir”, the file says “Paula Vaughan”)');
  });
});
