import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, groupMemberships, practices, schemes, schemeVersions } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makePractice } from '../../../test/support/factories.js';
import { importRecordsCsv } from '../records/import-csv.js';
import { createRecord, deleteRecord, getRecord, updateRecord } from '../records/records.js';
import { groupRecord } from './group-record.js';
import { membershipRecord } from './membership-record.js';

type Row = Record<string, unknown> & { id: number; rowVersion: number };

/** The reviewer's set-up: a PCN of practices from 1 April 2024, with two localities under it. */
describe.each(databaseKinds)('a locality’s memberships and its group’s (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const [kibworth, bosworth, glenfield, kingsway, fleckney] = ['Kibworth Medical Centre', 'Husbands Bosworth Surgery', 'Glenfield Surgery', 'Kingsway Surgery', 'Fleckney Surgery'].map((localName) => makePractice({ localName }));
  const twoShires = makePractice({ localName: 'Two Shires Medical Practice', status: 'closed', closeDate: '2020-06-30' });
  const named = (p: typeof kibworth) => `${p!.localName} (${p!.odsCode})`;
  let pcn: Row, harborough: Row, blaby: Row;
  const inPcn = new Map<string, Row>();
  const add = (groupId: number, practiceCode: string, startDate: string, endDate: string | null = null) => createRecord(admin(), membershipRecord, { groupId, practiceCode, startDate, endDate }) as Promise<Row>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.insert(practices).values([kibworth!, bosworth!, glenfield!, kingsway!, fleckney!, twoShires]);
    pcn = (await createRecord(admin(), groupRecord, { name: 'Cross Counties PCN', kind: 'pcn' })) as Row;
    harborough = (await createRecord(admin(), groupRecord, { name: 'Harborough side', kind: 'locality', parentId: pcn.id })) as Row;
    blaby = (await createRecord(admin(), groupRecord, { name: 'Blaby side', kind: 'locality', parentId: pcn.id })) as Row;
    for (const p of [kibworth, bosworth, fleckney]) inPcn.set(p!.odsCode, await add(pcn.id, p!.odsCode, '2024-04-01'));
  });
  afterAll(() => database?.close());

  it('refuses a practice that is not a member of the locality’s group, or not on those dates, in one sentence naming the practice, the group and its dates', async () => {
    await expect(add(harborough.id, glenfield!.odsCode, '2019-01-01')).rejects.toMatchObject({
      kind: 'invalid',
      message: `${named(glenfield)} is not a member of Cross Counties PCN, so it cannot be in Harborough side, one of its localities: add it to Cross Counties PCN first`,
      problems: [{ field: 'practiceCode' }],
    });
    await expect(add(harborough.id, bosworth!.odsCode, '2020-04-01', '2021-03-31')).rejects.toMatchObject({
      kind: 'invalid',
      message: `${named(bosworth)} is a member of Cross Counties PCN from 1 April 2024 (no end date), so it can be in Harborough side only within those dates`,
      problems: [{ field: 'startDate' }],
    });
    expect(await database.db.$count(groupMemberships, eq(groupMemberships.groupId, harborough.id))).toBe(0);
  });

  it('says what would fit when a practice is in a sibling locality: only an open-ended membership needs ending first', async () => {
    await add(harborough.id, kibworth!.odsCode, '2024-04-01', '2026-03-31');
    await expect(add(blaby.id, kibworth!.odsCode, '2026-01-01')).rejects.toMatchObject({
      kind: 'conflict',
      message: `${named(kibworth)} is in Harborough side from 1 April 2024 to 31 March 2026; start this membership on or after 1 April 2026, or end that one earlier (a practice is in one locality of Cross Counties PCN at a time)`,
      problems: [{ field: 'startDate' }],
    });
    expect(await add(blaby.id, kibworth!.odsCode, '2026-04-01')).toMatchObject({ groupName: 'Blaby side', startDate: '2026-04-01' });
  });

  it('ends the locality membership with the group membership, in the same change, audited and said; refuses an end that would leave one wholly outside', async () => {
    const fleckneyInHarborough = await add(harborough.id, fleckney!.odsCode, '2024-04-01');
    const member = inPcn.get(fleckney!.odsCode)!;
    const ended = await updateRecord(admin(), membershipRecord, String(member.id), { endDate: '2025-09-30' }, member.rowVersion);
    expect(ended).toMatchObject({ endDate: '2025-09-30', alsoChanged: [`${named(fleckney)}’s membership of Harborough side ends on 30 September 2025 too`] });
    expect(await getRecord(admin(), membershipRecord, String(fleckneyInHarborough.id))).toMatchObject({ endDate: '2025-09-30', rowVersion: 2 });
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'membership'), eq(auditLog.recordId, String(fleckneyInHarborough.id)), eq(auditLog.action, 'update')));
    expect(audit).toMatchObject({ actorLabel: 'test admin', summary: 'Ended with its membership of Cross Counties PCN', before: expect.objectContaining({ endDate: null }), after: expect.objectContaining({ endDate: '2025-09-30' }) });

    // Kibworth is in Blaby side from 1 April 2026: ending its PCN membership before then cannot end that.
    const kibworthInPcn = inPcn.get(kibworth!.odsCode)!;
    await expect(updateRecord(admin(), membershipRecord, String(kibworthInPcn.id), { endDate: '2026-03-31' }, kibworthInPcn.rowVersion)).rejects.toMatchObject({
      kind: 'invalid',
      message: `${named(kibworth)} is in Blaby side from 1 April 2026 (no end date), which this change would leave outside its membership of Cross Counties PCN: end or remove that membership of Blaby side first`,
    });
    expect(await getRecord(admin(), membershipRecord, String(kibworthInPcn.id))).toMatchObject({ endDate: null, rowVersion: 1 });
  });

  it('removes a membership recorded in error, audited with a stale version refused; refuses while something relies on it', async () => {
    const mistake = await add(pcn.id, kingsway!.odsCode, '2024-04-01');
    await expect(deleteRecord(admin(), membershipRecord, String(mistake.id), mistake.rowVersion + 1)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('changed by someone else') });
    await deleteRecord(admin(), membershipRecord, String(mistake.id), mistake.rowVersion);
    expect(await database.db.$count(groupMemberships, eq(groupMemberships.id, mistake.id))).toBe(0);
    expect(await database.db.$count(auditLog, and(eq(auditLog.recordType, 'membership'), eq(auditLog.recordId, String(mistake.id)), eq(auditLog.action, 'delete')))).toBe(1);

    const kibworthInPcn = inPcn.get(kibworth!.odsCode)!;
    await expect(deleteRecord(admin(), membershipRecord, String(kibworthInPcn.id), kibworthInPcn.rowVersion)).rejects.toMatchObject({
      kind: 'conflict',
      message: `${named(kibworth)}’s membership of Cross Counties PCN from 1 April 2024 (no end date) cannot be removed, because it holds its membership of Harborough side from 1 April 2024 to 31 March 2026 and it holds its membership of Blaby side from 1 April 2026 (no end date); end it instead`,
    });
    const [scheme] = await database.db.insert(schemes).values({ slug: 'pcn-scheme', name: 'PCN access scheme', funder: 'ICB', groupId: pcn.id, status: 'approved', currentVersion: 1 }).returning();
    await database.db.insert(schemeVersions).values({ schemeId: scheme!.id, version: 1, status: 'approved', listSnapshotDate: '2025-01-01', createdBy: 'test', definition: { practices: [{ name: 'Husbands Bosworth Surgery', odsCode: bosworth!.odsCode }] } });
    const bosworthInPcn = inPcn.get(bosworth!.odsCode)!;
    await expect(deleteRecord(admin(), membershipRecord, String(bosworthInPcn.id), bosworthInPcn.rowVersion)).rejects.toMatchObject({
      message: `${named(bosworth)}’s membership of Cross Counties PCN from 1 April 2024 (no end date) cannot be removed, because version 1 of the scheme “PCN access scheme” counts it among its practices (members on 1 January 2025); end it instead`,
    });
  });

  it('imports a CSV row by row in the file’s order, so a locality row below its group row is taken, and names the line and column of a row outside', async () => {
    const csv = (rows: string[]) => ({ name: 'members.csv', content: Buffer.from(['groupId,ODS code,startDate,endDate', ...rows].join('\n')) });
    const refused = importRecordsCsv(admin(), membershipRecord, csv([`${pcn.id},${glenfield!.odsCode},2025-04-01,`, `${blaby.id},${glenfield!.odsCode},2025-01-01,`, `${blaby.id},${kingsway!.odsCode},2025-04-01,`]));
    await expect(refused).rejects.toMatchObject({
      message: 'members.csv: 2 problems; nothing was imported',
      problems: [
        { file: 'members.csv', line: 3, column: '3 (startDate)', message: `${named(glenfield)} is a member of Cross Counties PCN from 1 April 2025 (no end date), so it can be in Blaby side only within those dates` },
        { file: 'members.csv', line: 4, column: '2 (ODS code)', message: expect.stringContaining(`${named(kingsway)} is not a member of Cross Counties PCN`) },
      ],
    });
    expect(await database.db.$count(groupMemberships, eq(groupMemberships.practiceCode, glenfield!.odsCode))).toBe(0);
    const taken = await importRecordsCsv(admin(), membershipRecord, csv([`${pcn.id},${glenfield!.odsCode},2025-04-01,`, `${blaby.id},${glenfield!.odsCode},2025-04-01,`]));
    expect(taken.inserted).toBe(2);
  });

  it('refuses a closed practice as a member after its close date, naming the date; takes it up to then', async () => {
    const federation = (await createRecord(admin(), groupRecord, { name: 'Shires federation', kind: 'federation' })) as Row;
    await expect(add(federation.id, twoShires.odsCode, '2019-04-01')).rejects.toMatchObject({
      kind: 'invalid',
      message: `${named(twoShires)} closed on 30 June 2020: end this membership on or before that date`,
      problems: [{ field: 'endDate' }],
    });
    await expect(add(federation.id, twoShires.odsCode, '2021-04-01')).rejects.toMatchObject({ problems: [{ field: 'startDate', message: `${named(twoShires)} closed on 30 June 2020, before this membership would start` }] });
    expect(await add(federation.id, twoShires.odsCode, '2019-04-01', '2020-06-30')).toMatchObject({ startDate: '2019-04-01', endDate: '2020-06-30' });
  });

  it('refuses to move a locality to a group its practices are not members of', async () => {
    const other = (await createRecord(admin(), groupRecord, { name: 'Other federation', kind: 'federation' })) as Row;
    await expect(updateRecord(admin(), groupRecord, String(blaby.id), { parentId: other.id }, blaby.rowVersion)).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'parentId', message: expect.stringMatching(/is not a member of Other federation, so it cannot be in Blaby side/) }],
    });
  });

  it('refuses to move a locality into a group where its practice is already in another locality on those dates', async () => {
    const federation = (await createRecord(admin(), groupRecord, { name: 'Welland federation', kind: 'federation' })) as Row;
    const elsewhere = (await createRecord(admin(), groupRecord, { name: 'Soar federation', kind: 'federation' })) as Row;
    const stays = (await createRecord(admin(), groupRecord, { name: 'Welland side', kind: 'locality', parentId: federation.id })) as Row;
    const moving = (await createRecord(admin(), groupRecord, { name: 'Soar side', kind: 'locality', parentId: elsewhere.id })) as Row;
    for (const group of [federation, elsewhere]) await add(group.id, kingsway!.odsCode, '2024-04-01');
    await add(stays.id, kingsway!.odsCode, '2024-04-01');
    await add(moving.id, kingsway!.odsCode, '2025-01-01', '2025-12-31');
    await expect(updateRecord(admin(), groupRecord, String(moving.id), { parentId: federation.id }, moving.rowVersion)).rejects.toMatchObject({
      kind: 'conflict',
      message: `${named(kingsway)} is in Welland side from 1 April 2024 (no end date) and in Soar side from 1 January 2025 to 31 December 2025; a practice is in one locality of Welland federation at a time, so end one of those memberships first`,
      problems: [{ field: 'parentId' }],
    });
    expect((await getRecord(admin(), groupRecord, String(moving.id))).parentId).toBe(elsewhere.id);
  });
});
