import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { groupMemberships, practiceGroups, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makePractice } from '../../../test/support/factories.js';
import { dayInEngland } from '../../domain/iso-date.js';
import { listAllRecords, listRecords } from '../records/records.js';
import { practiceRecord } from './practice-record.js';

/** The date `days` after today in England (negative for before). */
const daysFromToday = (days: number) => dayInEngland(new Date(Date.now() + days * 86_400_000));

describe.each(databaseKinds)('a practice list by membership (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const [member, inNorth, left, joining, outsider] = ['MEMBER', 'NORTH MEMBER', 'LEFT LAST YEAR', 'JOINS NEXT MONTH', 'NOT A MEMBER'].map((name) => makePractice({ name }));
  let federation = 0;
  let north = 0;
  const namesOf = async (filters: Record<string, string>) => (await listAllRecords(admin(), practiceRecord, { filters })).map((p) => p.name);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.insert(practices).values([member!, inNorth!, left!, joining!, outsider!]);
    const idOf = async (group: typeof practiceGroups.$inferInsert) => (await database.db.insert(practiceGroups).values(group).returning({ id: practiceGroups.id }))[0]!.id;
    federation = await idOf({ name: 'Test Federation', kind: 'federation' });
    north = await idOf({ name: 'North', kind: 'locality', parentId: federation });
    const since = '2017-04-01';
    await database.db.insert(groupMemberships).values([
      { groupId: federation, practiceCode: member!.odsCode, startDate: since },
      { groupId: federation, practiceCode: inNorth!.odsCode, startDate: since },
      { groupId: north, practiceCode: inNorth!.odsCode, startDate: since },
      { groupId: federation, practiceCode: left!.odsCode, startDate: since, endDate: daysFromToday(-1) },
      { groupId: federation, practiceCode: joining!.odsCode, startDate: daysFromToday(30) },
    ]);
  });
  afterAll(() => database?.close());

  it.each([
    { case: 'members of the federation today', filters: () => ({ memberOf: String(federation) }), names: ['MEMBER', 'NORTH MEMBER'] },
    { case: 'members of a locality today', filters: () => ({ inLocality: String(north) }), names: ['NORTH MEMBER'] },
    { case: 'the federation’s members in one locality', filters: () => ({ memberOf: String(federation), inLocality: String(north) }), names: ['NORTH MEMBER'] },
    { case: 'a locality filter naming the federation, which is not a locality', filters: () => ({ inLocality: String(federation) }), names: [] },
    { case: 'a group that does not exist', filters: () => ({ memberOf: '999999' }), names: [] },
    { case: 'members today of any federation', filters: () => ({ memberOfKind: 'federation' }), names: ['MEMBER', 'NORTH MEMBER'] },
    { case: 'members today of any locality', filters: () => ({ memberOfKind: 'locality' }), names: ['NORTH MEMBER'] },
    { case: 'no membership filter: every practice', filters: () => ({}), names: ['JOINS NEXT MONTH', 'LEFT LAST YEAR', 'MEMBER', 'NORTH MEMBER', 'NOT A MEMBER'] },
  ])('lists $case', async ({ filters, names }) => {
    expect(await namesOf(filters())).toEqual(names);
  });

  it('counts and pages a membership list as any other', async () => {
    const page = await listRecords(admin(), practiceRecord, { page: 1, pageSize: 1, filters: { memberOf: String(federation) } });
    expect({ total: page.total, names: page.items.map((p) => p.name) }).toEqual({ total: 2, names: ['MEMBER'] });
  });

  it('shows, for a group’s members, that group’s localities; elsewhere each locality with its group’s name once the practice is in localities of two groups', async () => {
    const pcn = (await database.db.insert(practiceGroups).values({ name: 'Cross Counties PCN', kind: 'pcn' }).returning())[0]!.id;
    const blaby = (await database.db.insert(practiceGroups).values({ name: 'Blaby side', kind: 'locality', parentId: pcn }).returning())[0]!.id;
    await database.db.insert(groupMemberships).values([
      { groupId: pcn, practiceCode: inNorth!.odsCode, startDate: '2024-04-01' },
      { groupId: blaby, practiceCode: inNorth!.odsCode, startDate: '2024-04-01' },
    ]);
    const localityOf = async (filters: Record<string, string>) => (await listAllRecords(admin(), practiceRecord, { filters: { ...filters, odsCode: inNorth!.odsCode } }))[0]?.locality;
    expect(await localityOf({ memberOf: String(federation) })).toBe('North');
    expect(await localityOf({ memberOf: String(pcn) })).toBe('Blaby side');
    expect(await localityOf({ memberOf: String(north) })).toBe('North');
    expect(await localityOf({})).toBe('North (Test Federation); Blaby side (Cross Counties PCN)');
    // Searched and sorted as it is shown: the PCN's list does not find the federation's locality.
    expect(await namesOf({ memberOf: String(pcn), locality: 'North' })).toEqual([]);
    expect(await namesOf({ memberOf: String(federation), locality: 'North' })).toEqual(['NORTH MEMBER']);
    const exported = await listAllRecords(admin(), practiceRecord, { sort: 'locality', filters: { memberOf: String(federation) } });
    expect(exported.map((p) => [p.name, p.locality])).toEqual([['NORTH MEMBER', 'North'], ['MEMBER', null]]);
  });

  it('refuses a group that is not an ID, naming the filter', async () => {
    await expect(listRecords(admin(), practiceRecord, { page: 1, pageSize: 10, filters: { memberOf: 'Test Federation' } })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'memberOf', message: 'must be a whole number' }] });
  });
});
