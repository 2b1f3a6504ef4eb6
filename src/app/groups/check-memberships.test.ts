import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { groupMemberships, practiceGroups, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makePractice, managerOf } from '../../../test/support/factories.js';
import { checkMemberships } from './check-memberships.js';

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
