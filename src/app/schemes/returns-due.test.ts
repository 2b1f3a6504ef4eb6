import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makeSchemeRequest, managerOf } from '../../../test/support/factories.js';
import type { Role } from '../context.js';
import { gatherMyItems } from '../reminders/my-items.js';
import { loadDemo } from '../demo/load-demo.js';
import { listDelivered, recordDeliveredEntries } from './delivered-activity.js';
import { activityReturnItems, setReturnsDue } from './returns-due.js';
import { approveScheme, createScheme, updateScheme } from './save-scheme.js';

describe.each(databaseKinds)('activity returns due (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  // Each test's own scheme's items: the schemes of other tests share the database.
  const itemsFor = async (scheme: { id: number }, role: Role, practiceCodes: string[], until = '2018-05-14', today = '2018-04-30') =>
    (await gatherMyItems(database.db, { personId: 0, userId: null, practiceCodes, role, today, until }, [activityReturnItems])).filter((i) => new RegExp(`^/schemes/${scheme.id}[?#]`).test(i.href));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('sets the due date without a new version, refuses a stale page and a practice manager, and audits the change', async () => {
    const request = makeSchemeRequest();
    const { scheme } = await createScheme(admin(), request);
    const set = await setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-05-11' });
    // Not a term of the scheme: the row version is left alone, so an edit of the terms opened before still saves.
    expect(set).toMatchObject({ changed: true, scheme: { returnsDueOn: '2018-05-11', rowVersion: 1, currentVersion: 1 } });
    expect(await setReturnsDue(admin(), scheme.id, { basedOn: '2018-05-11', returnsDueOn: '2018-05-11' })).toMatchObject({ changed: false });
    await expect(setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-05-18' })).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('it is now 11 May 2018') });
    await expect(setReturnsDue(contextFor(database, managerOf('C82001')), scheme.id, { basedOn: '2018-05-11', returnsDueOn: '2018-05-18' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(setReturnsDue(admin(), scheme.id, { basedOn: '2018-05-11', returnsDueOn: '2018-02-30' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'returnsDueOn', message: 'is not a real date' }] });
    expect((await updateScheme(admin(), scheme.id, { rowVersion: 1, definition: { ...request.definition, id: scheme.slug, fee: { percent: 4 } } })).scheme).toMatchObject({ returnsDueOn: '2018-05-11', rowVersion: 2 });
    expect((await setReturnsDue(admin(), scheme.id, { basedOn: '2018-05-11', returnsDueOn: null })).scheme.returnsDueOn).toBeNull();
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'scheme'), eq(auditLog.recordId, String(scheme.id))));
    expect(audit.map((a) => a.summary).filter((s) => s?.startsWith('Activity returns due'))).toEqual(['Activity returns due: no date → 11 May 2018', 'Activity returns due: 11 May 2018 → no date']);
  });

  it('refuses a due date on a scheme that pays for no activity', async () => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest({ deliveryModels: [], fee: undefined }));
    await expect(setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-05-11' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'returnsDueOn', message: 'the scheme has no delivery models' }] });
  });

  it('lists a practice manager’s outstanding return and the admin’s count until the practices have returned', async () => {
    const request = makeSchemeRequest();
    const { scheme } = await createScheme(admin(), request);
    const title = request.definition.name;
    await setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-05-11' });
    // Practices are asked once the scheme is approved, not while it is a draft.
    expect(await itemsFor(scheme, 'practice_manager', ['C82001'])).toEqual([]);
    expect(await itemsFor(scheme, 'admin', [])).toEqual([]);
    await approveScheme(admin(), scheme.id, 1);

    const mine = await itemsFor(scheme, 'practice_manager', ['C82001']);
    expect(mine).toEqual([{ kind: 'activity_return', ref: 'C82001', title: `Return activity for Kibworth Medical Centre: ${title}`, dueDate: '2018-05-11', href: `/schemes/${scheme.id}?practice=C82001#return` }]);
    expect((await itemsFor(scheme, 'admin', [])).map((i) => i.title)).toEqual([`Collect activity returns from 3 of 3 practices: ${title}`]);
    // Not yet in the window, and never for a clinician or a practice not in the scheme.
    expect(await itemsFor(scheme, 'practice_manager', ['C82001'], '2018-05-10')).toEqual([]);
    expect(await itemsFor(scheme, 'clinician', ['C82001'])).toEqual([]);
    expect(await itemsFor(scheme, 'practice_manager', ['C82003'])).toEqual([]);

    // The scheme page reads the same from the returns: the admin every practice, a practice manager their own.
    expect(await listDelivered(admin(), scheme.id)).toMatchObject({ returnsDueOn: '2018-05-11', asked: 3, awaited: [{ odsCode: 'C82001' }, { odsCode: 'C82002' }, { odsCode: 'C82009' }] });
    expect(await listDelivered(contextFor(database, managerOf('C82001')), scheme.id)).toMatchObject({ asked: 1, awaited: [{ odsCode: 'C82001', name: 'Kibworth Medical Centre' }] });

    // After the due date the return is closed to the practice manager: their item says to ask the federation.
    expect((await itemsFor(scheme, 'practice_manager', ['C82001'], '2018-05-31', '2018-05-12')).map((i) => i.title)).toEqual([`Ask the federation to record Kibworth Medical Centre’s activity return (returns closed on 11 May 2018): ${title}`]);
    const { practiceRevisions } = await listDelivered(contextFor(database, managerOf('C82001')), scheme.id);
    await recordDeliveredEntries(contextFor(database, managerOf('C82001')), scheme.id, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 40, gp: 30 } }], basedOn: practiceRevisions }, undefined, '2018-04-30');
    expect(await itemsFor(scheme, 'practice_manager', ['C82001'])).toEqual([]);
    expect(await listDelivered(contextFor(database, managerOf('C82001')), scheme.id)).toMatchObject({ asked: 1, awaited: [] });
    expect((await itemsFor(scheme, 'admin', [])).map((i) => i.title)).toEqual([`Collect activity returns from 2 of 3 practices: ${title}`]);
  });

  it('does not ask a practice that said it is not taking part', async () => {
    const base = makeSchemeRequest();
    const practices = (base.definition.practices as { name: string; odsCode: string }[]).map((p) => (p.odsCode === 'C82002' ? { ...p, participation: 'no' as const } : p));
    const { scheme } = await createScheme(admin(), { ...base, definition: { ...base.definition, practices } });
    await approveScheme(admin(), scheme.id, 1);
    await setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-05-11' });
    expect(await itemsFor(scheme, 'practice_manager', ['C82002'])).toEqual([]);
    expect((await itemsFor(scheme, 'admin', [])).map((i) => i.title)).toEqual([`Collect activity returns from 2 of 2 practices: ${base.definition.name}`]);
  });

  it('counts a return with figures (or a no) as in, and keeps it when the approved terms change', async () => {
    const request = makeSchemeRequest();
    const { scheme } = await createScheme(admin(), request);
    await recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 40, gp: 30 } }] });
    // Said yes but sent no figures: not a return yet.
    await recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82002', takesPart: 'yes', units: { nurse: null, gp: null } }] });
    await approveScheme(admin(), scheme.id, 1);
    await setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-05-11' });
    expect(await itemsFor(scheme, 'practice_manager', ['C82001'])).toEqual([]);
    expect((await itemsFor(scheme, 'practice_manager', ['C82002'])).map((i) => i.ref)).toEqual(['C82002']);
    // Editing the approved terms makes version 2, a draft that carries the returns over: still asked, still returned.
    await updateScheme(admin(), scheme.id, { rowVersion: 2, definition: { ...request.definition, id: scheme.slug, fee: { percent: 4 } } });
    expect(await itemsFor(scheme, 'practice_manager', ['C82001'])).toEqual([]);
    expect((await itemsFor(scheme, 'admin', [])).map((i) => i.title)).toEqual([`Collect activity returns from 2 of 3 practices: ${request.definition.name}`]);
  });
  it('asks a practice manager for the version in force while the federation prepares a draft that asks for other returns', async () => {
    const request = makeSchemeRequest();
    const { scheme } = await createScheme(admin(), request);
    await approveScheme(admin(), scheme.id, 1);
    await setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn: '2018-05-11' });
    // The draft renames the scheme, drops Market Harborough and pays for GP appointments only: its returns are its own.
    const practices = (request.definition.practices as { name: string; odsCode: string }[]).filter((p) => p.odsCode !== 'C82009');
    const draftName = `${request.definition.name} (next year)`;
    await updateScheme(admin(), scheme.id, { rowVersion: 2, definition: { ...request.definition, id: scheme.slug, name: draftName, practices, deliveryModels: [{ id: 'gp', name: 'GP', unitsPerHour: 6, hourlyRate: 95 }] } });

    // Market Harborough still owes its return to the version in force, under the name it was approved by.
    expect((await itemsFor(scheme, 'practice_manager', ['C82009'])).map((i) => i.title)).toEqual([`Return activity for Market Harborough Medical Centre: ${request.definition.name}`]);
    const kibworth = contextFor(database, managerOf('C82001'));
    const { practiceRevisions } = await listDelivered(kibworth, scheme.id);
    await recordDeliveredEntries(kibworth, scheme.id, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 40, gp: 30 } }], basedOn: practiceRevisions }, undefined, '2018-04-30');
    // Kibworth's return went to the version in force (the draft asks for another, so it is not copied there): nothing more is asked of it.
    expect(await itemsFor(scheme, 'practice_manager', ['C82001'])).toEqual([]);
    expect(await listDelivered(kibworth, scheme.id)).toMatchObject({ version: { version: 1 }, awaited: [] });
    // The federation follows the draft it prepares, as its schemes list does: two practices asked, none returned yet.
    expect((await itemsFor(scheme, 'admin', [])).map((i) => i.title)).toEqual([`Collect activity returns from 2 of 2 practices: ${draftName}`]);
  });
});
