import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { findSchemeBySlug } from '../../db/repos/schemes.js';
import { practiceGroups } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, makeSchemeRequest, managerOf } from '../../../test/support/factories.js';
import type { Actor } from '../context.js';
import { demoFederationName, loadDemo } from '../demo/load-demo.js';
import { listDelivered, recordDeliveredEntries } from './delivered-activity.js';
import { setReturnsDue } from './returns-due.js';
import { listSchemeVersions, runStoredScheme } from './run-stored-scheme.js';
import { approveScheme, createScheme, updateScheme } from './save-scheme.js';
import { schemePracticesOn } from './scheme-practices-on.js';
import { schemesOverview } from './schemes-overview.js';

const clinicianActor: Actor = { userId: null, label: 'test clinician', role: 'clinician', practiceCodes: ['C82001'] };
const kibworth = (nurse: number, gp = 0) => ({ practice: 'C82001', takesPart: 'yes' as const, units: { nurse, gp } });

describe.each(databaseKinds)('activity returns after the due date, and who sees a draft (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const manager = () => contextFor(database, managerOf('C82001'));
  /** What the practice manager would send from the page: their figures, based on what they last read. */
  const sendAsManager = async (schemeId: number, nurse: number, today: string) =>
    recordDeliveredEntries(manager(), schemeId, { entries: [kibworth(nurse)], basedOn: (await listDelivered(manager(), schemeId)).practiceRevisions }, undefined, today);
  const approvedScheme = async (returnsDueOn: string | null) => {
    const { scheme } = await createScheme(admin(), makeSchemeRequest());
    await approveScheme(admin(), scheme.id, 1);
    if (returnsDueOn) await setReturnsDue(admin(), scheme.id, { basedOn: null, returnsDueOn });
    return scheme;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('lets a practice manager send and change their return up to and including the due date, and closes it after', async () => {
    const scheme = await approvedScheme('2026-03-14');
    expect(await sendAsManager(scheme.id, 40, '2026-03-10')).toMatchObject({ changed: true });
    expect(await sendAsManager(scheme.id, 41, '2026-03-14')).toMatchObject({ changed: true });
    await expect(sendAsManager(scheme.id, 42, '2026-03-15')).rejects.toMatchObject({ kind: 'forbidden', message: 'Returns closed on 14 March 2026. Ask the federation to change your return.' });
    const read = await listDelivered(manager(), scheme.id, undefined, '2026-03-15');
    expect(read).toMatchObject({ returnsDueOn: '2026-03-14', returnsClosed: true, received: [{ odsCode: 'C82001', receivedOn: '2026-03-10', late: false }] });
    expect(read.items.find((r) => r.modelId === 'nurse')?.quantity).toBe(41);
    // On the day itself it is still open.
    expect((await listDelivered(manager(), scheme.id, undefined, '2026-03-14')).returnsClosed).toBe(false);
  });

  it('never closes returns without a due date', async () => {
    const scheme = await approvedScheme(null);
    expect(await sendAsManager(scheme.id, 40, '2099-12-31')).toMatchObject({ changed: true });
  });

  it('lets the federation record and correct a return after the due date, flagging one first received late', async () => {
    const scheme = await approvedScheme('2026-03-14');
    await sendAsManager(scheme.id, 40, '2026-03-01');
    // Countesthorpe's return reaches the federation after the date; a correction keeps the day it first came.
    await recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82002', units: { nurse: 30, gp: 3 } }] }, undefined, '2026-03-20');
    await recordDeliveredEntries(admin(), scheme.id, { entries: [{ practice: 'C82002', units: { nurse: 31, gp: 3 } }] }, undefined, '2026-03-25');
    // The federation corrects Kibworth's on-time return after the date: still on time.
    await recordDeliveredEntries(admin(), scheme.id, { entries: [kibworth(39)] }, undefined, '2026-03-21');
    const read = await listDelivered(admin(), scheme.id, undefined, '2026-03-26');
    // Each with who changed it last: the federation's correction, not the practice manager's first send.
    const byAdmin = { at: expect.any(Date), by: 'test admin' };
    expect(read.received).toEqual([
      { odsCode: 'C82001', name: 'Kibworth Medical Centre', receivedOn: '2026-03-01', late: false, lastSent: byAdmin },
      { odsCode: 'C82002', name: 'Countesthorpe Health Centre', receivedOn: '2026-03-20', late: true, lastSent: byAdmin },
    ]);
    expect(read.awaited.map((p) => p.odsCode)).toEqual(['C82009']);
    expect(read.returnsClosed).toBe(true);
  });

  it('says who last sent a return and when, even where the day it was first received was not kept, to everyone who reads returns', async () => {
    // The demo's winter returns came from its plan's figures, on days nobody kept.
    const winter = (await findSchemeBySlug(database.db, 'winter-access-2017-18'))!;
    const kibworthOf = async (actor: Actor) => (await listDelivered(contextFor(database, actor), winter.id)).received.find((r) => r.odsCode === 'C82001');
    expect(await kibworthOf(adminActor)).toMatchObject({ receivedOn: null, lastSent: null });
    const before = new Date();
    await sendAsManager(winter.id, 209, '2026-11-25');
    const sent = { receivedOn: null, late: false, lastSent: { at: expect.any(Date), by: 'manager of C82001' } };
    expect(await kibworthOf(adminActor)).toMatchObject(sent);
    expect((await kibworthOf(adminActor))!.lastSent!.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    // The commissioner (and a clinician) may read returns (activity_return: read), so they see that it came, and from whom.
    expect(await kibworthOf(commissionerActor)).toMatchObject(sent);
    expect(await kibworthOf(clinicianActor)).toMatchObject(sent);
    // Sending the same figures again changes nothing, so the last change stays the one that made them.
    const first = (await kibworthOf(adminActor))!.lastSent!.at;
    expect(await sendAsManager(winter.id, 209, '2026-11-26')).toMatchObject({ changed: false });
    expect((await kibworthOf(adminActor))!.lastSent!.at).toEqual(first);
    // Another practice's demo return is untouched: still not known.
    expect((await listDelivered(admin(), winter.id)).received.find((r) => r.odsCode === 'C82002')).toMatchObject({ receivedOn: null, lastSent: null });
  });

  it('requires a practice manager to say which figures their return replaces', async () => {
    const scheme = await approvedScheme(null);
    await expect(recordDeliveredEntries(manager(), scheme.id, { entries: [kibworth(40)] })).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'basedOn', message: expect.stringContaining('missing for Kibworth Medical Centre (C82001)') }],
    });
    expect((await listDelivered(admin(), scheme.id)).items).toEqual([]);
    // The federation's own tools may replace knowingly.
    expect(await recordDeliveredEntries(admin(), scheme.id, { entries: [kibworth(40)] })).toMatchObject({ changed: true });
  });

  it('shows everyone but admins the approved version, never the draft being prepared', async () => {
    const request = makeSchemeRequest();
    const { scheme } = await createScheme(admin(), request);
    for (const actor of [managerOf('C82001'), commissionerActor, clinicianActor]) {
      const ctx = contextFor(database, actor);
      await expect(runStoredScheme(ctx, scheme.id)).rejects.toMatchObject({ kind: 'not_found', message: `${request.definition.name} is being prepared: the federation has not approved a version yet, so there are no figures to show.` });
      await expect(listDelivered(ctx, scheme.id)).rejects.toMatchObject({ kind: 'not_found' });
      expect((await listSchemeVersions(ctx, scheme.id)).items).toEqual([]);
    }
    await approveScheme(admin(), scheme.id, 1);
    await updateScheme(admin(), scheme.id, { rowVersion: 2, definition: { ...request.definition, shared: { unit: 'appointments', quantity: 900 } } });
    expect((await runStoredScheme(admin(), scheme.id)).run.allocation.quantity).toBe(900);
    for (const actor of [managerOf('C82001'), commissionerActor, clinicianActor]) {
      const ctx = contextFor(database, actor);
      const run = await runStoredScheme(ctx, scheme.id);
      expect([run.version.version, run.version.status, run.run.allocation.quantity]).toEqual([1, 'approved', 600]);
      await expect(runStoredScheme(ctx, scheme.id, { version: 2 })).rejects.toMatchObject({ kind: 'not_found', message: expect.stringContaining('has no approved version 2') });
      expect((await listSchemeVersions(ctx, scheme.id)).items.map((v) => v.version)).toEqual([1]);
    }
    expect((await listSchemeVersions(admin(), scheme.id)).items.map((v) => v.version)).toEqual([1, 2]);
  });

  it('records a practice manager’s return against the version in force and carries it into the draft', async () => {
    const request = makeSchemeRequest();
    const { scheme } = await createScheme(admin(), request);
    await approveScheme(admin(), scheme.id, 1);
    await updateScheme(admin(), scheme.id, { rowVersion: 2, definition: { ...request.definition, fee: { percent: 4 } } });
    await sendAsManager(scheme.id, 44, '2026-03-01');
    const nurse = async (version: number) => (await listDelivered(admin(), scheme.id, version)).items.find((r) => r.practiceCode === 'C82001' && r.modelId === 'nurse')?.quantity;
    expect([await nurse(1), await nurse(2)]).toEqual([44, 44]);
  });

  it('takes a practice’s return recorded on the draft and on the version in force at the same moment one after the other, the second refused if it was sent from figures the first changed', async () => {
    const request = makeSchemeRequest();
    const { scheme } = await createScheme(admin(), request);
    await approveScheme(admin(), scheme.id, 1);
    await updateScheme(admin(), scheme.id, { rowVersion: 2, definition: { ...request.definition, fee: { percent: 4 } } });
    const outcomes = new Set<string>();
    // Each copies to the other version: without going one at a time, each would wait for the other's rows (a deadlock, a 500).
    for (let i = 0; i < 8; i++) {
      const seen = (await listDelivered(manager(), scheme.id)).practiceRevisions;
      const sent = await Promise.allSettled([recordDeliveredEntries(admin(), scheme.id, { entries: [kibworth(100 + i)] }), recordDeliveredEntries(manager(), scheme.id, { entries: [kibworth(200 + i)], basedOn: seen })]);
      for (const [who, result] of [['admin', sent[0]], ['manager', sent[1]]] as const) outcomes.add(`${who} ${result.status === 'fulfilled' ? 'saved' : ((result.reason as { kind?: string }).kind ?? String(result.reason))}`);
      const nurse = async (version: number) => (await listDelivered(admin(), scheme.id, version)).items.find((r) => r.modelId === 'nurse')?.quantity;
      expect(await nurse(1)).toBe(await nurse(2));
    }
    expect([...outcomes].filter((o) => !['admin saved', 'manager saved', 'manager conflict'].includes(o))).toEqual([]);
  });

  it('keeps a practice manager’s return sent while the federation makes the next version: the new draft carries it', async () => {
    for (let i = 0; i < 6; i++) {
      const scheme = await approvedScheme(null);
      const seen = (await listDelivered(manager(), scheme.id)).practiceRevisions;
      const definition = { ...makeSchemeRequest().definition, fee: { percent: 4 } };
      await Promise.all([recordDeliveredEntries(manager(), scheme.id, { entries: [kibworth(50)], basedOn: seen }), updateScheme(admin(), scheme.id, { rowVersion: 2, definition })]);
      const nurse = async (version: number) => (await listDelivered(admin(), scheme.id, version)).items.find((r) => r.modelId === 'nurse')?.quantity;
      expect([await nurse(1), await nurse(2)]).toEqual([50, 50]);
    }
  });

  it('says where each scheme’s returns stand for the schemes list, over the practices the reader sees', async () => {
    const scheme = await approvedScheme('2026-03-14');
    await sendAsManager(scheme.id, 40, '2026-03-01');
    const stateOf = async (ctx: ReturnType<typeof admin>, today: string) => (await schemesOverview(ctx, today)).items.find((i) => i.id === scheme.id)!;
    expect((await stateOf(admin(), '2026-03-14')).returns).toEqual({ kind: 'due', dueOn: '2026-03-14', awaited: 2 });
    expect((await stateOf(admin(), '2026-03-15')).returns).toEqual({ kind: 'overdue', dueOn: '2026-03-14', awaited: 2 });
    expect((await stateOf(manager(), '2026-03-15')).returns).toEqual({ kind: 'all_in', asked: 1 });
    expect((await stateOf(contextFor(database, managerOf('C82002')), '2026-03-15')).returns).toEqual({ kind: 'overdue', dueOn: '2026-03-14', awaited: 1 });
    expect((await stateOf(contextFor(database, commissionerActor), '2026-03-15')).returns).toEqual({ kind: 'overdue', dueOn: '2026-03-14', awaited: 2 });
    const { scheme: draft } = await createScheme(admin(), makeSchemeRequest());
    expect((await schemesOverview(manager(), '2026-03-15')).items.find((i) => i.id === draft.id)).toEqual({ id: draft.id, version: null, inForce: null, returns: { kind: 'not_yet_asked' }, payments: null });
    expect((await schemesOverview(admin(), '2026-03-15')).items.find((i) => i.id === draft.id)).toMatchObject({ version: { version: 1, status: 'draft' }, inForce: null, returns: { kind: 'not_yet_asked' } });
  });

  it('gives one message, the same when previewing and saving, for a snapshot date with no list sizes', async () => {
    const [federation] = await database.db.select().from(practiceGroups).where(eq(practiceGroups.name, demoFederationName));
    const expected = 'The registry holds no list sizes on 1 February 2018 for any of the scheme’s 31 practices. The latest list-size snapshot is 1 January 2018, before it; there is none after: choose 1 January 2018, or import a newer list-size file.';
    const preview = await schemePracticesOn(admin(), federation!.id, '2018-02-01');
    expect(preview.problem).toBe(expected);
    expect(preview.practices).toHaveLength(31);
    expect(preview.practices.every((p) => p.listSize === null)).toBe(true);
    const { practices: _none, ...definition } = makeSchemeRequest({ listSnapshot: { date: '2018-02-01' } }).definition;
    await expect(createScheme(admin(), { definition, groupId: federation!.id })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'listSnapshot.date', message: expected }] });
    // A date that fits: every practice's list size on exactly that date, and nothing to say.
    const fits = await schemePracticesOn(admin(), federation!.id, '2018-01-01');
    expect([fits.problem, fits.practices.find((p) => p.odsCode === 'C82001')?.listSize]).toEqual([null, 9301]);
    // Before the federation had members there is nothing to take list sizes from.
    expect((await schemePracticesOn(admin(), federation!.id, '2016-01-01')).problem).toBe('The group had no member practices on 1 January 2016: choose a date when it had members.');
    await expect(schemePracticesOn(manager(), federation!.id, '2018-01-01')).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
