import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { groupMemberships, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makePractice } from '../../../test/support/factories.js';
import { createRecord } from '../records/records.js';
import { addMembers } from './add-members.js';
import { groupRecord } from './group-record.js';

/** A commissioner (code 99X) whose practices opened, closed and went dormant at known dates. */
describe.each(databaseKinds)('adding a commissioner’s practices from a date (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const inCommissioner = (overrides: Parameters<typeof makePractice>[0]) => makePractice({ commissionerCode: '99X', openDate: '1990-04-01', ...overrides });
  const openThroughout = inCommissioner({});
  const closedSince = inCommissioner({ status: 'closed', statusRaw: 'C', closeDate: '2021-03-31' });
  const openedLater = inCommissioner({ openDate: '2022-01-01' });
  const closedBefore = inCommissioner({ status: 'closed', statusRaw: 'C', closeDate: '2018-06-30' });
  const notAPractice = inCommissioner({ isGpPractice: false, prescribingSetting: '8' });
  const dormant = inCommissioner({ status: 'dormant', statusRaw: 'D' });
  const newGroup = async (name: string) => ((await createRecord(admin(), groupRecord, { name, kind: 'federation' })) as { id: number }).id;
  const membersOf = async (groupId: number) =>
    (await database.db.select({ code: groupMemberships.practiceCode, startDate: groupMemberships.startDate, endDate: groupMemberships.endDate }).from(groupMemberships).where(eq(groupMemberships.groupId, groupId))).sort((a, b) => a.code.localeCompare(b.code));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.insert(practices).values([openThroughout, closedSince, openedLater, closedBefore, notAPractice, dormant]);
  });
  afterAll(() => database?.close());

  it('adds the GP practices open on the start date, ending the membership of one that closed since on its close date, and says so', async () => {
    const groupId = await newGroup('Federation since 2020');
    const result = await addMembers(admin(), groupId, { commissionerCode: '99x', startDate: '2020-04-01' });
    expect(result).toMatchObject({ added: 2, alreadyMembers: [], endedAtClosing: [{ odsCode: closedSince.odsCode, closeDate: '2021-03-31' }] });
    expect(await membersOf(groupId)).toEqual(
      [
        { code: openThroughout.odsCode, startDate: '2020-04-01', endDate: null },
        { code: closedSince.odsCode, startDate: '2020-04-01', endDate: '2021-03-31' },
      ].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  it('keeps a chosen end date that comes before a practice closed, and names no practice as ended by closing', async () => {
    const groupId = await newGroup('One-year pilot');
    const result = await addMembers(admin(), groupId, { commissionerCode: '99X', startDate: '2020-04-01', endDate: '2020-12-31' });
    expect(result).toMatchObject({ added: 2, endedAtClosing: [] });
    expect((await membersOf(groupId)).map((m) => m.endDate)).toEqual(['2020-12-31', '2020-12-31']);
  });

  it('takes today’s practices for a start date after every change, and says which date nothing matched on', async () => {
    const groupId = await newGroup('Federation from 2023');
    expect(await addMembers(admin(), groupId, { commissionerCode: '99X', startDate: '2023-04-01' })).toMatchObject({ added: 2, endedAtClosing: [] });
    expect((await membersOf(groupId)).map((m) => m.code)).toEqual([openThroughout.odsCode, openedLater.odsCode].sort());
    await expect(addMembers(admin(), await newGroup('Too early'), { commissionerCode: '99X', startDate: '1980-01-01' })).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'commissionerCode', message: 'matches no GP practice open on 1 January 1980 in the registry' }],
    });
  });

  it('names every practice chosen one by one that cannot be a member on those dates, at once, and adds none', async () => {
    const groupId = await newGroup('Chosen by hand');
    const chosen = [closedBefore, closedSince, openThroughout].map((p) => p.odsCode);
    await expect(addMembers(admin(), groupId, { practiceCodes: chosen, startDate: '2022-01-01' })).rejects.toMatchObject({
      kind: 'invalid',
      message: '2 practices of those chosen cannot be members on those dates; none was added',
      problems: [
        { field: 'startDate', message: `${closedBefore.name} (${closedBefore.odsCode}) closed on 30 June 2018, before this membership would start` },
        { field: 'startDate', message: `${closedSince.name} (${closedSince.odsCode}) closed on 31 March 2021, before this membership would start` },
      ],
    });
    expect(await membersOf(groupId)).toEqual([]);
  });
});
