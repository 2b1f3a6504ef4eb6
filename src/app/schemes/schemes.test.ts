import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, practiceGroups, schemes, schemeVersions } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, makeSchemeRequest, managerOf } from '../../../test/support/factories.js';
import { demoFederationName, loadDemo } from '../demo/load-demo.js';
import { importDeliveredCsv, listDelivered, recordDeliveredEntries } from './delivered-activity.js';
import { getHandSchedule, recordHandSchedule } from './hand-schedule.js';
import { listSchemeVersions, runStoredScheme, schemeStatement } from './run-stored-scheme.js';
import { approveScheme, createScheme, updateScheme } from './save-scheme.js';
import { schemeWorkbook } from './scheme-exports.js';

const csv = (name: string, lines: string[]) => ({ name, content: Buffer.from(`${lines.join('\n')}\n`) });
const returns = (rows: string[]) => csv('returns.csv', ['practice,takes_part,nurse_appointments_delivered,gp_appointments_delivered', ...rows]);

describe.each(databaseKinds)('stored schemes (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const schemeCount = async () => (await database.db.select().from(schemes)).length;
  /** The audit rows of a scheme's delivered activity, oldest first. */
  const deliveredAudit = async (schemeId: number) =>
    (await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'scheme'), eq(auditLog.recordId, String(schemeId)))).orderBy(auditLog.id)).filter((a) => a.summary?.startsWith('Recorded delivered activity'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('creates a draft, runs it, approves it, and makes version 2 when the approved terms are edited', async () => {
    const created = await createScheme(admin(), makeSchemeRequest());
    expect(created.scheme).toMatchObject({ status: 'draft', currentVersion: 1, rowVersion: 1 });
    expect(created.version).toMatchObject({ version: 1, status: 'draft', listSnapshotDate: '2018-01-01', createdBy: 'test admin' });
    // The list sizes come from the registry's snapshot, not the request.
    expect((created.version.definition as { practices: { listSize: number }[] }).practices.map((p) => p.listSize)).toEqual([9301, 10451, 24536]);
    const id = created.scheme.id;

    const draftRun = await runStoredScheme(admin(), id);
    expect(draftRun.version).toMatchObject({ version: 1, status: 'draft' });
    const lists = { C82001: 9301, C82002: 10451, C82009: 24536 };
    const total = 9301 + 10451 + 24536;
    expect(draftRun.run.allocation.rows.map((r) => [r.odsCode, r.quantity])).toEqual(Object.entries(lists).map(([code, list]) => [code, Math.round((600 * list) / total)]));

    const approved = await approveScheme(admin(), id, 1);
    expect(approved.scheme).toMatchObject({ status: 'approved', rowVersion: 2 });
    expect(approved.version).toMatchObject({ status: 'approved', approvedBy: 'test admin' });
    await expect(approveScheme(admin(), id, 2)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('already approved') });

    const edited = await updateScheme(admin(), id, { rowVersion: 2, definition: { ...makeSchemeRequest().definition, id: created.scheme.slug, name: created.scheme.name, fee: { percent: 4 } } });
    expect(edited.scheme).toMatchObject({ currentVersion: 2, status: 'draft', rowVersion: 3 });
    expect(edited.version).toMatchObject({ version: 2, status: 'draft' });
    const versions = await listSchemeVersions(admin(), id);
    expect(versions.items.map((v) => [v.version, v.status, (v.definition as { fee: { percent: number } }).fee.percent])).toEqual([[1, 'approved', 5], [2, 'draft', 4]]);

    // A draft is edited in place; approving version 2 supersedes version 1, which can still be run.
    const again = await updateScheme(admin(), id, { rowVersion: 3, definition: { ...makeSchemeRequest().definition, id: created.scheme.slug, name: created.scheme.name, fee: { percent: 3 } } });
    expect(again.version).toMatchObject({ version: 2, status: 'draft' });
    expect((await approveScheme(admin(), id, 4)).superseded).toEqual([1]);
    expect((await runStoredScheme(admin(), id, { version: 1 })).run.payments).toBeNull();
    expect((await runStoredScheme(admin(), id, { version: 1 })).version.status).toBe('superseded');

    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'scheme'), eq(auditLog.recordId, String(id))));
    expect(audit.map((a) => a.summary)).toEqual(['Created ' + created.scheme.name + ', version 1 (draft)', 'Approved version 1', 'Created version 2 (draft) from approved version 1', 'Edited draft version 2', 'Approved version 2; version 1 superseded']);
    expect(audit[2]).toMatchObject({ before: { version: { version: 1 } }, after: { version: { version: 2 } } });
  });

  it('gives a stale edit a conflict and keeps the other person’s change', async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest());
    const request = makeSchemeRequest().definition;
    await updateScheme(admin(), scheme.id, { rowVersion: 1, definition: { ...request, name: 'First edit' } });
    await expect(updateScheme(admin(), scheme.id, { rowVersion: 1, definition: { ...request, name: 'Stale edit' } })).rejects.toMatchObject({ kind: 'conflict', details: { stale: true, sent: 1, current: 2 } });
    await expect(approveScheme(admin(), scheme.id, 1)).rejects.toMatchObject({ kind: 'conflict' });
    expect((await runStoredScheme(admin(), scheme.id)).scheme.name).toBe('First edit');
  });

  it('takes the practices of a group, with their list sizes at the snapshot, when the definition names none', async () => {
    const [federation] = await database.db.select().from(practiceGroups).where(eq(practiceGroups.name, demoFederationName));
    const { practices: _none, ...definition } = makeSchemeRequest().definition;
    const { scheme } = await createScheme(admin(), { definition, groupId: federation!.id });
    const { run } = await runStoredScheme(admin(), scheme.id);
    expect([run.allocation.rows.length, run.allocation.listSizeTotal]).toEqual([31, 327_255]);
    // Localities as on the snapshot date: Two Shires and Narborough have since left theirs.
    const localityOf = (code: string) => run.allocation.rows.find((r) => r.odsCode === code)?.locality;
    expect([localityOf('C82036'), localityOf('C82119')]).toEqual(['Harborough', 'North Blaby']);
  });

  it.each([
    { name: 'a percentage outside 0–100', overrides: { fee: { percent: 105 } }, problem: { field: 'fee.percent', message: 'must be between 0 and 100' } },
    { name: 'no participating practices', overrides: { practices: [{ name: 'Kibworth Medical Centre', odsCode: 'C82001', participation: 'no' as const }] }, problem: { message: expect.stringContaining('not taking part') } },
    { name: 'a practice with no list size at the named snapshot', overrides: { listSnapshot: { date: '2019-04-01' } }, problem: { field: 'listSnapshot.date', message: 'The registry holds no list sizes on 1 April 2019 for any of the scheme’s 3 practices. The latest list-size snapshot is 1 January 2018, before it; there is none after: choose 1 January 2018, or import a newer list-size file.' } },
    { name: 'a practice the registry does not know', overrides: { practices: [{ name: 'Nowhere Surgery', odsCode: 'Q99999' }] }, problem: { field: 'practices.0.odsCode', message: expect.stringContaining('not in the registry') } },
    { name: 'a practice table in a file', overrides: { practices: { file: 'practices.csv' } }, problem: { field: 'practices', message: expect.stringContaining('cannot read "practices.csv"') } },
  ])('refuses $name, saving nothing', async ({ overrides, problem }) => {
    const before = await schemeCount();
    await expect(createScheme(admin(), makeSchemeRequest(overrides))).rejects.toMatchObject({ kind: 'invalid', problems: expect.arrayContaining([expect.objectContaining(problem)]) });
    expect(await schemeCount()).toBe(before);
  });

  it('records delivered activity all or nothing, naming the line and column of each problem', async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest());
    const good = await importDeliveredCsv(admin(), scheme.id, returns(['Kibworth Medical Centre,Yes,40,20', 'C82002,Yes,,', 'Market Harborough Medical Centre,No,0,0']));
    expect(good).toMatchObject({ returns: 3, figures: 6, changed: true });
    expect((await importDeliveredCsv(admin(), scheme.id, returns(['Kibworth Medical Centre,Yes,40,20', 'C82002,Yes,,', 'Market Harborough Medical Centre,No,0,0']))).changed).toBe(false);
    const bad = importDeliveredCsv(admin(), scheme.id, returns(['Kibworth Medical Centre,Yes,41,20', 'Bushloe Surgery,Yes,3,4', 'C82009,Yes,-4,x']));
    await expect(bad).rejects.toMatchObject({
      kind: 'invalid',
      problems: [
        { file: 'returns.csv', line: 3, column: 1, message: expect.stringContaining('"Bushloe Surgery" is not one of this scheme’s practices') },
        { file: 'returns.csv', line: 4, column: 3, message: expect.stringContaining('must not be negative') },
        { file: 'returns.csv', line: 4, column: 4, message: expect.stringContaining('is not a number') },
      ],
    });
    const kept = await listDelivered(admin(), scheme.id);
    expect(kept.items.find((r) => r.practiceCode === 'C82001' && r.modelId === 'nurse')?.quantity).toBe(40);
    // A file without a practice leaves that practice's return as it was, and names it.
    const without = await importDeliveredCsv(admin(), scheme.id, returns(['C82002,Yes,7,1']));
    expect(without).toMatchObject({ returns: 1, changed: true, keptNotInFile: [{ odsCode: 'C82001', name: 'Kibworth Medical Centre' }, { odsCode: expect.any(String) }] });
    const afterPartial = (await listDelivered(admin(), scheme.id)).items;
    expect(afterPartial.find((r) => r.practiceCode === 'C82001' && r.modelId === 'nurse')?.quantity).toBe(40);
    expect(afterPartial.find((r) => r.practiceCode === 'C82002' && r.modelId === 'nurse')?.quantity).toBe(7);
    // The audit keeps the figures each upload replaced and what replaced them: the first file's six
    // over none (its same-again and refused uploads wrote nothing), then only Countesthorpe's, the
    // practice the second file named.
    const figure = (practiceCode: string, modelId: string, quantity: number | null, takesPart = 'yes') => ({ practiceCode, modelId, week: null, quantity, takesPart });
    expect((await deliveredAudit(scheme.id)).map((a) => [a.action, a.before, a.after])).toEqual([
      ['import', { version: 1, delivered: [] }, { version: 1, delivered: [figure('C82001', 'gp', 20), figure('C82001', 'nurse', 40), figure('C82002', 'gp', null), figure('C82002', 'nurse', null), figure('C82009', 'gp', 0, 'no'), figure('C82009', 'nurse', 0, 'no')] }],
      ['import', { version: 1, delivered: [figure('C82002', 'gp', null), figure('C82002', 'nurse', null)] }, { version: 1, delivered: [figure('C82002', 'gp', 1), figure('C82002', 'nurse', 7)] }],
    ]);
    await expect(recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82001', units: { nurse: 2.5 } }] })).rejects.toMatchObject({ problems: [{ field: 'entries.0.units.nurse' }] });
    const weekly = await recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82002', week: 1, units: { nurse: 5, gp: 1 } }, { practice: 'C82002', week: 2, units: { nurse: 6, gp: 0 } }], replace: true });
    expect(weekly).toMatchObject({ changed: true, returns: 2 });
    expect((await runStoredScheme(admin(), scheme.id)).run.payments!.rows.find((r) => r.practiceKey === 'C82002')!.models.map((m) => m.delivered)).toEqual([11, 1]);
    await expect(recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82002', units: { nurse: 1 } }] })).rejects.toMatchObject({ message: expect.stringContaining('not both') });
  });

  it('shows a practice manager only their own practice’s allocation, delivery and statement', async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest());
    await importDeliveredCsv(admin(), scheme.id, returns(['C82001,Yes,40,20', 'C82002,Yes,30,', 'C82009,Yes,100,50']));
    const manager = contextFor(database, managerOf('C82001'));
    // A draft is the federation's until approved: the practice manager reads it once it is.
    await expect(runStoredScheme(manager, scheme.id)).rejects.toMatchObject({ kind: 'not_found', message: expect.stringContaining('is being prepared') });
    await approveScheme(admin(), scheme.id, 1);
    const result = await runStoredScheme(manager, scheme.id);
    expect(result.run.allocation.rows.map((r) => r.odsCode)).toEqual(['C82001']);
    expect(result.run.payments!.rows.map((r) => r.practiceKey)).toEqual(['C82001']);
    expect(result.run.allocation.totals.quantity.total).toBe(600);
    const allocation = result.tables.find((t) => t.name === 'allocation')!;
    expect(allocation.rows.map((r) => r.practice)).toEqual(['Kibworth Medical Centre', 'TOTAL']);
    expect((await listDelivered(manager, scheme.id)).items.map((r) => r.practiceCode)).toEqual(['C82001', 'C82001']);
    expect((await schemeStatement(manager, scheme.id, 'C82001')).statement.practiceName).toBe('Kibworth Medical Centre');
    await expect(schemeStatement(manager, scheme.id, 'C82002')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(importDeliveredCsv(manager, scheme.id, returns(['C82001,Yes,1,1']))).rejects.toMatchObject({ kind: 'forbidden' });
    // …but returns their own practice's activity, and only theirs.
    const own = await recordDeliveredEntries(manager, scheme.id, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 44, gp: 21 } }], basedOn: (await listDelivered(manager, scheme.id)).practiceRevisions });
    expect(own).toMatchObject({ changed: true, returns: 1 });
    // Their return replaced their practice's figures only, and the audit says from what to what.
    const [ownAudit] = (await deliveredAudit(scheme.id)).slice(-1);
    const kibworth = (gp: number, nurse: number) => [{ practiceCode: 'C82001', modelId: 'gp', week: null, quantity: gp, takesPart: 'yes' }, { practiceCode: 'C82001', modelId: 'nurse', week: null, quantity: nurse, takesPart: 'yes' }];
    expect(ownAudit).toMatchObject({ action: 'update', actorLabel: 'manager of C82001', before: { version: 1, delivered: kibworth(20, 40) }, after: { version: 1, delivered: kibworth(21, 44) } });
    const sources = (await listDelivered(admin(), scheme.id)).items.map((r) => [r.practiceCode, r.quantity, r.source]);
    expect(sources.filter(([code]) => code !== 'C82002').sort()).toEqual([['C82001', 21, 'practice return'], ['C82001', 44, 'practice return'], ['C82009', 100, 'returns.csv'], ['C82009', 50, 'returns.csv']]);
    await expect(recordDeliveredEntries(manager, scheme.id, { entries: [{ practice: 'C82002', units: { nurse: 1 } }] })).rejects.toMatchObject({ kind: 'forbidden', message: expect.stringContaining('your practices in this scheme are Kibworth Medical Centre (C82001). Not for C82002') });
    await expect(recordDeliveredEntries(manager, scheme.id, { entries: [{ practice: 'C82001', units: { nurse: 1 } }], replace: true })).rejects.toMatchObject({ kind: 'forbidden' });
    // A scheme for no group is seen only by the managers of the practices it names: to another practice's it is not there.
    await expect(recordDeliveredEntries(contextFor(database, managerOf('C82003')), scheme.id, { entries: [{ practice: 'C82001', units: { nurse: 1 } }] })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(recordDeliveredEntries(contextFor(database, commissionerActor), scheme.id, { entries: [{ practice: 'C82001', units: { nurse: 1 } }] })).rejects.toMatchObject({ kind: 'forbidden' });
    // Which other practices take part, and on what terms, is the federation's business.
    const practicesIn = async (ctx: typeof manager) => (await listSchemeVersions(ctx, scheme.id)).items.map((v) => (v.definition as { practices: { odsCode: string }[] }).practices.map((p) => p.odsCode));
    expect(await practicesIn(manager)).toEqual([['C82001']]);
    expect(await practicesIn(admin())).toEqual([['C82001', 'C82002', 'C82009']]);
    const commissioner = contextFor(database, commissionerActor);
    expect((await runStoredScheme(commissioner, scheme.id)).run.allocation.rows).toHaveLength(3);
    await expect(updateScheme(commissioner, scheme.id, { rowVersion: 1, definition: makeSchemeRequest().definition })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('carries activity that still fits into the next version and names what it drops', async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest());
    await importDeliveredCsv(admin(), scheme.id, returns(['C82001,Yes,40,20', 'C82002,Yes,30,', 'C82009,Yes,100,50']));
    await approveScheme(admin(), scheme.id, 1);
    const { deliveryModels: _models, ...terms } = makeSchemeRequest().definition;
    const edited = await updateScheme(admin(), scheme.id, { rowVersion: 2, definition: { ...terms, deliveryModels: [{ id: 'nurse', name: 'Nurse', unitsPerHour: 4, hourlyRate: 50 }] } });
    expect(edited.dropped).toEqual(['delivered gp activity of C82001: no delivery model "gp"', 'delivered gp activity of C82002: no delivery model "gp"', 'delivered gp activity of C82009: no delivery model "gp"']);
    expect((await listDelivered(admin(), scheme.id)).items.map((r) => [r.practiceCode, r.quantity])).toEqual([['C82001', 40], ['C82002', 30], ['C82009', 100]]);
    expect((await listDelivered(admin(), scheme.id, 1)).items).toHaveLength(6);
  });

  it('refuses a hand schedule for a scheme without a cost model, and one naming an unknown year', async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest());
    await expect(recordHandSchedule(admin(), scheme.id, { label: 'Spreadsheet', entries: [{ year: '2017/18', amount: 100 }] })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'costModel' }] });
    const [pharmacists] = await database.db.select().from(schemes).where(eq(schemes.slug, 'clinical-pharmacists-2018'));
    await expect(recordHandSchedule(admin(), pharmacists!.id, { label: 'Spreadsheet', entries: [{ year: '2030/31', amount: 100 }] })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('refuses a return or an upload made from figures someone else has changed since, and keeps theirs', async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest());
    await importDeliveredCsv(admin(), scheme.id, returns(['C82001,Yes,40,20', 'C82002,Yes,30,', 'C82009,Yes,100,50']));
    await approveScheme(admin(), scheme.id, 1);
    const manager = contextFor(database, managerOf('C82001'));
    const opened = await listDelivered(manager, scheme.id);
    expect(Object.keys(opened.practiceRevisions)).toEqual(['C82001']);
    // The federation corrects Kibworth's return while its practice manager has the form open.
    const adminOpened = await listDelivered(admin(), scheme.id);
    await recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 42, gp: 20 } }], basedOn: { C82001: adminOpened.practiceRevisions.C82001! } });
    const stale = recordDeliveredEntries(manager, scheme.id, { entries: [{ practice: 'C82001', units: { nurse: 44, gp: 21 } }], basedOn: opened.practiceRevisions });
    await expect(stale).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('The activity recorded for Kibworth Medical Centre (C82001) changed after you opened this page') });
    expect((await listDelivered(admin(), scheme.id)).items.find((r) => r.practiceCode === 'C82001' && r.modelId === 'nurse')?.quantity).toBe(42);
    // Another practice's change is no reason to refuse; reading again gives the figures to send from.
    await recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82009', units: { nurse: 99, gp: 50 } }] });
    const fresh = await listDelivered(manager, scheme.id);
    expect(await recordDeliveredEntries(manager, scheme.id, { entries: [{ practice: 'C82001', units: { nurse: 44, gp: 21 } }], basedOn: fresh.practiceRevisions })).toMatchObject({ changed: true });
    // A whole-file upload made before the practice's return is refused; the same figures again are simply no change.
    await expect(importDeliveredCsv(admin(), scheme.id, returns(['C82001,Yes,1,1', 'C82002,Yes,30,', 'C82009,Yes,99,50']), undefined, adminOpened.revision)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('The activity returns for version 1 changed') });
    const now = await listDelivered(admin(), scheme.id);
    expect(await importDeliveredCsv(admin(), scheme.id, returns(['C82001,Yes,1,1', 'C82002,Yes,30,', 'C82009,Yes,99,50']), undefined, now.revision)).toMatchObject({ changed: true });
    expect(await importDeliveredCsv(admin(), scheme.id, returns(['C82001,Yes,1,1', 'C82002,Yes,30,', 'C82009,Yes,99,50']), undefined, adminOpened.revision)).toMatchObject({ changed: false });
  });

  it('refuses a hand schedule made from one someone else has replaced since', async () => {
    const [pharmacists] = await database.db.select().from(schemes).where(eq(schemes.slug, 'clinical-pharmacists-2018'));
    const opened = await getHandSchedule(admin(), pharmacists!.id);
    expect(opened.items.length).toBeGreaterThan(0);
    const schedule = (extra: number) => opened.items.map((i) => ({ year: i.year, ...(i.practiceCode ? { practice: i.practiceCode } : {}), amount: i.amountPence / 100 + extra }));
    await recordHandSchedule(admin(), pharmacists!.id, { label: 'Finance team', entries: schedule(1), basedOn: opened.revision });
    await expect(recordHandSchedule(admin(), pharmacists!.id, { label: 'Practice spreadsheet', entries: schedule(2), basedOn: opened.revision })).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('The hand schedule of version') });
    const kept = await getHandSchedule(admin(), pharmacists!.id);
    expect(kept.label).toBe('Finance team');
    expect(kept.items.map((i) => i.amountPence)).toEqual(opened.items.map((i) => i.amountPence + 100));
    await expect(getHandSchedule(contextFor(database, managerOf('C82001')), pharmacists!.id)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('dates an approval in the workbook on the day in England: 00:30 on 1 June (BST) is 1 June, as the scheme page says, not 31 May', async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest());
    await approveScheme(admin(), scheme.id, 1);
    await database.db.update(schemeVersions).set({ approvedAt: new Date('2026-05-31T23:30:00Z') }).where(eq(schemeVersions.schemeId, scheme.id));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await schemeWorkbook(admin(), scheme.id)).content as never);
    const about = new Map(workbook.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(about.get('Approved')).toBe('1 June 2026 by test admin');
  });
});
