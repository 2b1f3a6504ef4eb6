import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, makePractice, managerOf } from '../../../test/support/factories.js';
import { groupRecord } from '../groups/group-record.js';
import { membershipRecord } from '../groups/membership-record.js';
import { practiceRecord } from '../registry/practice-record.js';
import { importRecordsCsv } from './import-csv.js';
import { createRecord, deleteRecord, getRecord, listAllRecords, listRecords, updateRecord } from './records.js';

describe.each(databaseKinds)('one way to keep records (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const seeded = [makePractice({ name: 'ALPHA SURGERY', commissionerCode: '03W' }), makePractice({ name: 'BETA MEDICAL CENTRE', commissionerCode: '04C' }), makePractice({ name: 'GAMMA HEALTH CENTRE', commissionerCode: '03W', status: 'closed' })];
  const [alpha, beta, gamma] = seeded.map((p) => p.odsCode);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.insert(practices).values(seeded);
  });
  afterAll(() => database?.close());

  it('lists with filters, free-text search, sorting and paging', async () => {
    const byCommissioner = await listRecords(admin(), practiceRecord, { page: 1, pageSize: 10, filters: { commissioner: '03W' } });
    expect(byCommissioner.items.map((p) => p.odsCode)).toEqual([alpha, gamma]);
    const search = await listRecords(admin(), practiceRecord, { q: 'medical', page: 1, pageSize: 10 });
    expect(search.items.map((p) => p.odsCode)).toEqual([beta]);
    const sorted = await listRecords(admin(), practiceRecord, { sort: 'name', dir: 'desc', page: 1, pageSize: 2 });
    expect({ total: sorted.total, first: sorted.items.map((p) => p.odsCode) }).toEqual({ total: 3, first: [gamma, beta] });
    const page2 = await listRecords(admin(), practiceRecord, { sort: 'name', dir: 'desc', page: 2, pageSize: 2 });
    expect(page2.items.map((p) => p.odsCode)).toEqual([alpha]);
  });

  it('sorts text the way references are read: 2 before 10, 1.2 before 1.10, R2 before R10', async () => {
    const names = ['Hub 10', 'Hub 2', 'Hub 1.10', 'Hub 1.2', 'hub 1', 'Hub R10', 'Hub R2', 'Hub'];
    const numbered = names.map((name) => makePractice({ name, commissionerCode: '99X' }));
    await database.db.insert(practices).values(numbered);
    const sorted = await listAllRecords(admin(), practiceRecord, { sort: 'name', filters: { commissioner: '99X' } });
    expect(sorted.map((p) => p.name)).toEqual(['Hub', 'hub 1', 'Hub 1.2', 'Hub 1.10', 'Hub 2', 'Hub 10', 'Hub R2', 'Hub R10']);
    await database.db.delete(practices).where(eq(practices.commissionerCode, '99X'));
  });

  it('refuses an unknown filter or sort instead of ignoring it', async () => {
    await expect(listRecords(admin(), practiceRecord, { page: 1, pageSize: 10, filters: { colour: 'blue' } })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'colour' }] });
    await expect(listRecords(admin(), practiceRecord, { sort: 'password', page: 1, pageSize: 10 })).rejects.toMatchObject({ kind: 'invalid' });
    // Names every object has are not filters either.
    for (const name of ['constructor', 'hasOwnProperty', 'toString']) {
      await expect(listRecords(admin(), practiceRecord, { page: 1, pageSize: 10, filters: { [name]: '1' } })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: name, message: 'unknown filter' }] });
    }
    await expect(listRecords(admin(), practiceRecord, { sort: 'constructor', page: 1, pageSize: 10 })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('audits a change with who, before and after', async () => {
    const before = await getRecord(admin(), practiceRecord, alpha!);
    const after = await updateRecord(admin(), practiceRecord, alpha!, { localName: 'Alpha Surgery', notes: 'Branch site closed on Fridays' }, before.rowVersion as number);
    expect(after).toMatchObject({ displayName: 'Alpha Surgery', rowVersion: 2 });
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.recordId, alpha!));
    expect(entry).toMatchObject({ actorLabel: 'test admin', recordType: 'practice', action: 'update', before: { localName: null, rowVersion: 1 }, after: { localName: 'Alpha Surgery', rowVersion: 2 } });
    expect(entry!.at).toBeInstanceOf(Date);
  });

  it('refuses a practice another practice’s name, whatever its case, but not its own again', async () => {
    const other = await getRecord(admin(), practiceRecord, beta!);
    const taken = String((await getRecord(admin(), practiceRecord, alpha!)).displayName);
    await expect(updateRecord(admin(), practiceRecord, beta!, { localName: taken.toUpperCase() }, other.rowVersion as number)).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'localName', message: `${taken} (${alpha}) already has that name: choose another, so the two practices can be told apart` }],
    });
    expect(await getRecord(admin(), practiceRecord, beta!)).toMatchObject({ rowVersion: other.rowVersion, displayName: other.displayName });
  });

  it('writes nothing for a save that changes nothing: no new version, no audit row', async () => {
    const opened = await getRecord(admin(), practiceRecord, alpha!);
    const audited = await database.db.$count(auditLog);
    for (const input of [{}, { localName: 'Alpha Surgery', notes: 'Branch site closed on Fridays' }]) {
      expect(await updateRecord(admin(), practiceRecord, alpha!, input, opened.rowVersion as number)).toMatchObject({ rowVersion: opened.rowVersion, localName: 'Alpha Surgery' });
    }
    expect(await database.db.$count(auditLog)).toBe(audited);
    // Still a conflict when the page was stale, even if it changes nothing.
    await expect(updateRecord(admin(), practiceRecord, alpha!, {}, (opened.rowVersion as number) - 1)).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('gives a stale edit a conflict and keeps the other person’s change', async () => {
    const opened = await getRecord(admin(), practiceRecord, beta!);
    await updateRecord(admin(), practiceRecord, beta!, { notes: 'first edit' }, opened.rowVersion as number);
    await expect(updateRecord(admin(), practiceRecord, beta!, { notes: 'second edit from a stale page' }, opened.rowVersion as number)).rejects.toMatchObject({
      kind: 'conflict',
      message: 'This practice was changed by someone else since you opened it. Reload it and make your change again.',
      details: { stale: true, sent: 1, current: 2 },
    });
    expect((await getRecord(admin(), practiceRecord, beta!)).notes).toBe('first edit');
  });

  it('enforces the permissions declared for the record type', async () => {
    const own = await getRecord(admin(), practiceRecord, gamma!);
    await expect(updateRecord(contextFor(database, managerOf(alpha!)), practiceRecord, gamma!, { notes: 'not mine' }, own.rowVersion as number)).rejects.toMatchObject({ kind: 'forbidden' });
    const updated = await updateRecord(contextFor(database, managerOf(gamma!)), practiceRecord, gamma!, { notes: 'mine' }, own.rowVersion as number);
    expect(updated.notes).toBe('mine');
    await expect(createRecord(contextFor(database, commissionerActor), groupRecord, { name: 'Read only', kind: 'peer_group' })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('keeps groups and dated memberships, refusing overlaps, unknown practices and reversed dates', async () => {
    const federation = await createRecord(admin(), groupRecord, { name: 'Test Federation', kind: 'federation', commissionerCode: '03w' });
    expect(federation.commissionerCode).toBe('03W');
    await expect(createRecord(admin(), groupRecord, { name: 'Orphan hub', kind: 'locality' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'parentId' }] });
    await expect(createRecord(admin(), groupRecord, { name: 'Test Federation', kind: 'federation' })).rejects.toMatchObject({ kind: 'conflict' });
    const member = await createRecord(admin(), membershipRecord, { groupId: federation.id, practiceCode: alpha, startDate: '2017-04-01' });
    expect(member).toMatchObject({ groupName: 'Test Federation', practiceName: 'Alpha Surgery', current: true });
    await expect(createRecord(admin(), membershipRecord, { groupId: federation.id, practiceCode: alpha, startDate: '2018-04-01' })).rejects.toMatchObject({ kind: 'conflict' });
    await expect(createRecord(admin(), membershipRecord, { groupId: federation.id, practiceCode: 'Q99999', startDate: '2018-04-01' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'practiceCode' }] });
    await expect(createRecord(admin(), membershipRecord, { groupId: federation.id, practiceCode: beta, startDate: '2018-04-01', endDate: '2018-03-01' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'endDate' }] });
    await expect(createRecord(admin(), membershipRecord, { groupId: federation.id, practiceCode: beta, startDate: '2018-02-30' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'startDate' }] });
    const ended = await updateRecord(admin(), membershipRecord, String(member.id), { endDate: '2019-03-31' }, member.rowVersion as number);
    expect(ended).toMatchObject({ endDate: '2019-03-31', current: false });
    await deleteRecord(admin(), membershipRecord, String(member.id), ended.rowVersion as number);
    await expect(getRecord(admin(), membershipRecord, String(member.id))).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('keeps a practice in one locality of a federation at a time, so it can move on a date but never be counted twice', async () => {
    const federation = await createRecord(admin(), groupRecord, { name: 'Locality Federation', kind: 'federation' });
    const [north, south] = [await createRecord(admin(), groupRecord, { name: 'North hub', kind: 'locality', parentId: federation.id }), await createRecord(admin(), groupRecord, { name: 'South hub', kind: 'locality', parentId: federation.id })];
    await createRecord(admin(), membershipRecord, { groupId: federation.id, practiceCode: alpha, startDate: '2017-04-01' });
    const inNorth = await createRecord(admin(), membershipRecord, { groupId: north.id, practiceCode: alpha, startDate: '2017-04-01' });
    await expect(createRecord(admin(), membershipRecord, { groupId: south.id, practiceCode: alpha, startDate: '2018-04-01' })).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining(`(${alpha}) is already in North hub from 1 April 2017 (no end date); end that membership first (a practice is in one locality of Locality Federation at a time)`),
    });
    // Locality names are unique within a federation, not across them.
    await expect(createRecord(admin(), groupRecord, { name: 'North hub', kind: 'locality', parentId: federation.id })).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('in the same group') });
    // A locality of another federation, or a peer group, may hold it at the same time.
    const other = await createRecord(admin(), groupRecord, { name: 'Other Federation', kind: 'federation' });
    await createRecord(admin(), groupRecord, { name: 'North hub', kind: 'locality', parentId: other.id });
    const elsewhere = await createRecord(admin(), groupRecord, { name: 'Elsewhere hub', kind: 'locality', parentId: other.id });
    await createRecord(admin(), membershipRecord, { groupId: other.id, practiceCode: alpha, startDate: '2018-04-01' });
    await createRecord(admin(), membershipRecord, { groupId: elsewhere.id, practiceCode: alpha, startDate: '2018-04-01' });
    // Ended in the north, it moves south from the next day.
    await updateRecord(admin(), membershipRecord, String(inNorth.id), { endDate: '2018-03-31' }, inNorth.rowVersion as number);
    expect(await createRecord(admin(), membershipRecord, { groupId: south.id, practiceCode: alpha, startDate: '2018-04-01' })).toMatchObject({ groupName: 'South hub', current: true });
  });

  it('imports a CSV all or nothing, naming the line and column of every problem', async () => {
    const [federation] = await listAllRecords(admin(), groupRecord, { filters: { kind: 'federation' } });
    const csv = (rows: string[]) => ({ name: 'members.csv', content: Buffer.from(['groupId,ODS code,startDate,endDate', ...rows].join('\n')) });
    const bad = importRecordsCsv(admin(), membershipRecord, csv([`${federation!.id},${beta},2018-04-01,`, `${federation!.id},${gamma},01/04/2018,`, `${federation!.id},Q99999,2018-04-01,`]));
    // A row that cannot be read and one the rules refuse are reported together, in line order.
    await expect(bad).rejects.toMatchObject({
      kind: 'invalid',
      message: 'members.csv: 2 problems; nothing was imported',
      problems: [
        { file: 'members.csv', line: 3, column: '3 (startDate)' },
        { file: 'members.csv', line: 4, column: '2 (ODS code)', message: expect.stringContaining('Q99999') },
      ],
    });
    const unknown = importRecordsCsv(admin(), membershipRecord, csv([`${federation!.id},${beta},2018-04-01,`, `${federation!.id},Q99999,2018-04-01,`]));
    await expect(unknown).rejects.toMatchObject({ problems: [{ line: 3, column: '2 (ODS code)', message: expect.stringContaining('Q99999') }] });
    expect(await listAllRecords(admin(), membershipRecord, { filters: { practiceCode: beta! } })).toEqual([]);
    const good = await importRecordsCsv(admin(), membershipRecord, csv([`${federation!.id},${beta},2018-04-01,`, `${federation!.id},${gamma},2018-04-01,2019-03-31`]));
    expect(good.inserted).toBe(2);
    expect((await listAllRecords(admin(), membershipRecord, { filters: { groupId: String(federation!.id) } })).map((m) => m.practiceCode).sort()).toEqual([alpha, beta, gamma].sort()); // alpha joined it in the test before
  });
});
