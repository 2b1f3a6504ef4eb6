import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, organisations, practiceGroups, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makePractice } from '../../../test/support/factories.js';
import { createRecord, updateRecord } from '../records/records.js';
import { groupRecord } from './group-record.js';

const unknownCommissioner = (code: string) => ({
  kind: 'invalid',
  message: `The registry holds no commissioner ${code}`,
  problems: [{ field: 'commissionerCode', message: `is not one the registry holds: there is no commissioner ${code}. Check the code, or import the NHS file that names it first` }],
});

describe.each(databaseKinds)('a group’s commissioner (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  let setUpEarly: Record<string, unknown>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('is taken as typed on a fresh install, when the registry holds no commissioner to check it against', async () => {
    setUpEarly = await createRecord(admin(), groupRecord, { name: 'Set up before any import', kind: 'federation', commissionerCode: 'zz9' });
    expect(setUpEarly).toMatchObject({ commissionerCode: 'ZZ9', rowVersion: 1 });
  });

  it('must be one the registry holds once it holds any: a practice’s commissioner from the ODS file, or a sub-ICB location or ICB', async () => {
    await database.db.insert(practices).values(makePractice({ commissionerCode: '03W' }));
    await database.db.insert(organisations).values([
      { code: '15E', name: 'NHS Birmingham and Solihull (sub-ICB)', kind: 'sub_icb', parentCode: 'QHL' },
      { code: 'QHL', name: 'NHS Birmingham and Solihull ICB', kind: 'icb', parentCode: 'Y60' },
      { code: 'Y60', name: 'Midlands', kind: 'region', parentCode: null },
    ]);
    const audited = await database.db.$count(auditLog);
    await expect(createRecord(admin(), groupRecord, { name: 'Slip of the keyboard', kind: 'pcn', commissionerCode: '03V' })).rejects.toMatchObject(unknownCommissioner('03V'));
    // A region is not a commissioner.
    await expect(createRecord(admin(), groupRecord, { name: 'Midlands footprint', kind: 'icb_footprint', commissionerCode: 'Y60' })).rejects.toMatchObject(unknownCommissioner('Y60'));
    expect(await database.db.$count(practiceGroups, eq(practiceGroups.name, 'Slip of the keyboard'))).toBe(0);
    expect(await database.db.$count(auditLog)).toBe(audited);
    for (const [name, code] of [
      ['Known from a practice', '03w'],
      ['Known as a sub-ICB location', '15E'],
      ['Known as an ICB', 'QHL'],
    ]) {
      expect(await createRecord(admin(), groupRecord, { name, kind: 'icb_footprint', commissionerCode: code })).toMatchObject({ name, commissionerCode: code!.toUpperCase() });
    }
    expect(await createRecord(admin(), groupRecord, { name: 'No commissioner', kind: 'peer_group', commissionerCode: null })).toMatchObject({ commissionerCode: null });
  });

  it('is checked on an edit only when it changes, so a group set up before the first import can still be renamed', async () => {
    const renamed = await updateRecord(admin(), groupRecord, String(setUpEarly.id), { name: 'Renamed after the import', commissionerCode: 'ZZ9' }, 1);
    expect(renamed).toMatchObject({ name: 'Renamed after the import', commissionerCode: 'ZZ9', rowVersion: 2 });
    await expect(updateRecord(admin(), groupRecord, String(setUpEarly.id), { commissionerCode: 'ZZ8' }, 2)).rejects.toMatchObject(unknownCommissioner('ZZ8'));
    expect(await updateRecord(admin(), groupRecord, String(setUpEarly.id), { commissionerCode: '03W' }, 2)).toMatchObject({ commissionerCode: '03W', rowVersion: 3 });
  });
});
