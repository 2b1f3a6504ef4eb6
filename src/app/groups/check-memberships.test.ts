import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { and, eq } from 'drizzle-orm';
import { auditLog, groupMemberships, practiceGroups, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, epraccurRow, makePractice, managerOf } from '../../../test/support/factories.js';
import { importOdsFile } from '../registry/import-ods.js';
import { checkMemberships, endMembershipsAtClosing } from './check-memberships.js';

/** Memberships written straight to the tables, as a database made before today's rules may hold them. */
describe.each(databaseKinds)('checking the memberships an older database holds (%s)', (kind) => {
  let database: Database;
  const open = makePractice({ localName: 'Kibworth Medical Centre' });
  const closed = makePractice({ localName: 'Two Shires Medical Practice', status: 'closed', closeDate: '2020-06-30' });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.insert(practices).values([open, closed]);
    const [federation] = await database.db.insert(practiceGroups).values({ name: 'Old federation', kind: 'federation' }).returning();
    const [north, south] = await database.db.insert(practiceGroups).values([{ name: 'North', kind: 'locality', parentId: federation!.id }, { name: 'South', kind: 'locality', parentId: federation!.id }]).returning();
    await database.db.insert(groupMemberships).values([
      { groupId: federation!.id, practiceCode: open.odsCode, startDate: '2017-04-01', endDate: '2019-03-31' },
      { groupId: federation!.id, practiceCode: closed.odsCode, startDate: '2017-04-01' },
      { groupId: north!.id, practiceCode: open.odsCode, startDate: '2017-04-01' },
      { groupId: north!.id, practiceCode: closed.odsCode, startDate: '2017-04-01', endDate: '2020-06-30' },
      { groupId: south!.id, practiceCode: closed.odsCode, startDate: '2019-04-01', endDate: '2020-06-30' },
    ]);
  });
  afterAll(() => database?.close());

  it('names each membership that breaks a rule, with its group and practice, in group order', async () => {
    const result = await checkMemberships(contextFor(database, adminActor));
    expect(result.checked).toBe(5);
    expect(result.problems.map((p) => [p.groupName, p.practiceCode, p.message])).toEqual([
      ['North', open.odsCode, `Kibworth Medical Centre (${open.odsCode}) is a member of Old federation from 1 April 2017 to 31 March 2019, so it can be in North only within those dates`],
      ['Old federation', closed.odsCode, `Two Shires Medical Practice (${closed.odsCode}) closed on 30 June 2020: end this membership on or before that date`],
      ['South', closed.odsCode, `Two Shires Medical Practice (${closed.odsCode}) is in North from 1 April 2017 to 30 June 2020; start this membership on or after 1 July 2020, or end that one earlier`],
    ]);
  });

  it('is for admins, who can put it right', async () => {
    await expect(checkMemberships(contextFor(database, managerOf(open.odsCode)))).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

/** A newer ODS file closes a member practice: the import says so, and an admin ends its memberships at the closing in one go. */
describe.each(databaseKinds)('ending the memberships of a practice an ODS file has closed (%s)', (kind) => {
  let database: Database;
  const ods = (rows: Partial<Record<number, string>>[]) => ({ name: 'epraccur.csv', content: new TextEncoder().encode(rows.map(epraccurRow).join('\r\n')) });
  const twoShires = { 1: 'C97660', 2: 'TWO SHIRES MEDICAL PRACTICE' };
  const kibworth = { 1: 'C97001', 2: 'KIBWORTH MEDICAL CENTRE' };
  let ids: Record<string, number>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const ctx = contextFor(database, adminActor);
    await importOdsFile(ctx, ods([twoShires, kibworth]), { asOf: '2020-01-01' });
    const [federation] = await database.db.insert(practiceGroups).values({ name: 'ELR federation', kind: 'federation', commissionerCode: '03W' }).returning();
    const [wigston] = await database.db.insert(practiceGroups).values({ name: 'Wigston', kind: 'locality', parentId: federation!.id }).returning();
    const rows = await database.db.insert(groupMemberships).values([
      { groupId: federation!.id, practiceCode: 'C97660', startDate: '2018-07-01' },
      { groupId: wigston!.id, practiceCode: 'C97660', startDate: '2018-07-01', endDate: '2021-03-31' },
      { groupId: federation!.id, practiceCode: 'C97001', startDate: '2018-07-01' },
    ]).returning();
    ids = { federation: rows[0]!.id, wigston: rows[1]!.id, kibworth: rows[2]!.id };
  });
  afterAll(() => database?.close());

  it('the import that closes a member practice names the groups it is still in', async () => {
    const report = await importOdsFile(contextFor(database, adminActor), ods([{ ...twoShires, 12: '20200630', 13: 'C' }, kibworth]), { asOf: '2020-07-01' });
    expect(report.updated).toBe(1);
    expect(report.notes).toEqual(['TWO SHIRES MEDICAL PRACTICE (C97660) closed on 30 June 2020 and is still in ELR federation and Wigston. End those memberships on the closing date from the groups page, or with atscale check --end-at-closing.']);
  });

  it('the check says which memberships can be ended on the closing date', async () => {
    const { problems } = await checkMemberships(contextFor(database, adminActor));
    expect(problems.map((p) => [p.groupName, p.endOn])).toEqual([['ELR federation', '2020-06-30'], ['Wigston', '2020-06-30']]);
  });

  it('is for admins', async () => {
    await expect(endMembershipsAtClosing(contextFor(database, managerOf('C97660')))).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('ends each on the closing date, audited, leaving other practices’ memberships alone; a second run ends nothing', async () => {
    const ctx = contextFor(database, adminActor);
    const { ended } = await endMembershipsAtClosing(ctx);
    expect(ended.map((e) => [e.membershipId, e.groupName, e.practice, e.endDate])).toEqual([
      [ids.federation, 'ELR federation', 'TWO SHIRES MEDICAL PRACTICE (C97660)', '2020-06-30'],
      [ids.wigston, 'Wigston', 'TWO SHIRES MEDICAL PRACTICE (C97660)', '2020-06-30'],
    ]);
    const stored = await database.db.select().from(groupMemberships).orderBy(groupMemberships.id);
    expect(stored.map((m) => [m.id, m.endDate, m.rowVersion])).toEqual([[ids.federation, '2020-06-30', 2], [ids.wigston, '2020-06-30', 2], [ids.kibworth, null, 1]]);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'membership'), eq(auditLog.recordId, String(ids.federation))));
    expect(audit).toMatchObject({ action: 'update', summary: 'Ended on 30 June 2020, when the practice closed', before: expect.objectContaining({ endDate: null }), after: expect.objectContaining({ endDate: '2020-06-30' }) });
    expect((await checkMemberships(ctx)).problems).toEqual([]);
    expect(await endMembershipsAtClosing(ctx)).toEqual({ ended: [] });
  });

  it('a later import says which member practices moved out of their groups’ commissioner, or went dormant', async () => {
    const ctx = contextFor(database, adminActor);
    const moved = await importOdsFile(ctx, ods([{ ...twoShires, 12: '20200630', 13: 'C' }, { ...kibworth, 15: '04C' }]), { asOf: '2021-07-01' });
    expect(moved.notes).toEqual(['KIBWORTH MEDICAL CENTRE (C97001) moved from 03W to 04C and is still in ELR federation, a group of 03W: end that membership if it has left.']);
    const dormant = await importOdsFile(ctx, ods([{ ...twoShires, 12: '20200630', 13: 'C' }, { ...kibworth, 15: '04C', 13: 'D' }]), { asOf: '2021-08-01' });
    expect(dormant.notes).toEqual(['KIBWORTH MEDICAL CENTRE (C97001) is now dormant and still in ELR federation.']);
  });

  it('the check says again what those imports said, for whoever did not read them, and breaks no rule for it', async () => {
    const ctx = contextFor(database, adminActor);
    const result = await checkMemberships(ctx);
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual(['KIBWORTH MEDICAL CENTRE (C97001) is now dormant and still in ELR federation.', 'KIBWORTH MEDICAL CENTRE (C97001) moved from 03W to 04C and is still in ELR federation, a group of 03W: end that membership if it has left.']);
  });

  it('says nothing of a member that was another commissioner’s when it joined, nor of one whose membership has ended', async () => {
    const ctx = contextFor(database, adminActor);
    await importOdsFile(ctx, ods([{ ...twoShires, 12: '20200630', 13: 'C' }, { ...kibworth, 15: '04C', 13: 'D' }, { 1: 'C97002', 2: 'NARBOROUGH ROAD SURGERY', 15: '04C' }]), { asOf: '2021-09-01' });
    const [federation] = await database.db.select().from(practiceGroups).where(eq(practiceGroups.name, 'ELR federation'));
    await database.db.insert(groupMemberships).values({ groupId: federation!.id, practiceCode: 'C97002', startDate: '2021-09-01' });
    await database.db.update(groupMemberships).set({ endDate: '2021-06-30' }).where(eq(groupMemberships.id, ids.kibworth!));
    expect((await checkMemberships(ctx)).notes).toEqual([]);
  });
});
