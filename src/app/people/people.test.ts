import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import type { Database } from '../../db/client.js';
import { systemActor } from '../context.js';
import { createRecord } from '../records/records.js';
import { matchOwners } from './match-owners.js';
import { personRecord } from './person-record.js';

describe.each(databaseKinds)('people on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    for (const person of [
      { name: 'Jo Walker', initials: 'jw' },
      { name: 'Rob Barnes', initials: 'RB' },
      { name: 'Paula Vaughan', initials: null },
    ]) {
      await createRecord({ db: database.db, actor: systemActor }, personRecord, person);
    }
  });
  afterAll(() => database?.close());

  it('links owner text to people by initials or name, and lists what names nobody known', async () => {
    const match = await matchOwners(database.db, 'JW/RB / JM; paula vaughan, All Board');
    expect(match.people.map((p) => p.name)).toEqual(['Jo Walker', 'Rob Barnes', 'Paula Vaughan']);
    expect(match.unknown).toEqual(['JM', 'All Board']);
  });

  it('stores initials in capitals and refuses a second person with the same name or initials', async () => {
    const match = await matchOwners(database.db, 'jw');
    expect(match.people[0]?.initials).toBe('JW');
    await expect(createRecord({ db: database.db, actor: systemActor }, personRecord, { name: 'Jo Walker' })).rejects.toMatchObject({ kind: 'conflict' });
    await expect(createRecord({ db: database.db, actor: systemActor }, personRecord, { name: 'Jane Wilson', initials: 'JW' })).rejects.toThrow('Jo Walker already has the initials JW');
  });
});
