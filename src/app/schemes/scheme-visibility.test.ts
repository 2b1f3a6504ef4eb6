import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { groupMemberships, listSizes, practiceGroups, practices } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { commissionerActor, adminActor, contextFor, makePractice, makeSchemeRequest, managerOf } from '../../../test/support/factories.js';
import { loadDemo } from '../demo/load-demo.js';
import { listAllRecords } from '../records/records.js';
import { listSchemeVersions, runStoredScheme } from './run-stored-scheme.js';
import { approveScheme, createScheme } from './save-scheme.js';
import { schemeRecord } from './scheme-record.js';
import { schemesOverview } from './schemes-overview.js';
import { practiceMoney } from '../finance/practice-money.js';
import { evaluateLocalScheme } from '../quality/scheme-evaluation.js';

/** One atscale keeping two federations: each practice manager reads their own federation's schemes, never the other's. */
describe.each(databaseKinds)('schemes of two federations (%s)', (kind) => {
  let database: Database;
  let theirs = 0;
  let ungrouped = 0;
  const second = makePractice({ name: 'GREENGATE MEDICAL CENTRE' });
  const as = (actor: Parameters<typeof contextFor>[1]) => contextFor(database, actor);
  const listed = async (actor: Parameters<typeof contextFor>[1]) => (await listAllRecords(as(actor), schemeRecord, {})).map((s) => s.id as number);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
    await database.db.insert(practices).values(second);
    await database.db.insert(listSizes).values({ odsCode: second.odsCode, snapshotDate: '2018-01-01', patients: 11_582 });
    const [group] = await database.db.insert(practiceGroups).values({ name: 'West Leicestershire GP Federation', kind: 'federation' }).returning();
    await database.db.insert(groupMemberships).values({ groupId: group!.id, practiceCode: second.odsCode, startDate: '2017-04-01' });
    const request = makeSchemeRequest({ name: 'West access scheme', practices: [{ name: 'Greengate Medical Centre', odsCode: second.odsCode }] }, group!.id);
    const { scheme } = await createScheme(as(adminActor), { ...request, groupId: group!.id });
    await approveScheme(as(adminActor), scheme.id, scheme.rowVersion);
    theirs = scheme.id;
    // A scheme for no group, whose terms name only the second federation's practice.
    const named = await createScheme(as(adminActor), makeSchemeRequest({ name: 'Greengate pilot', practices: [{ name: 'Greengate Medical Centre', odsCode: second.odsCode }] }));
    await approveScheme(as(adminActor), named.scheme.id, named.scheme.rowVersion);
    ungrouped = named.scheme.id;
  });
  afterAll(() => database?.close());

  it('shows a practice manager of the first federation its schemes only: the second’s is not found', async () => {
    const elr = managerOf('C82001');
    expect(await listed(elr)).not.toContain(theirs);
    expect((await listed(elr)).length).toBeGreaterThan(0);
    expect((await schemesOverview(as(elr))).items.map((s) => s.id)).not.toContain(theirs);
    await expect(runStoredScheme(as(elr), theirs)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(listSchemeVersions(as(elr), theirs)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(evaluateLocalScheme(as(elr), { indicator: 'SAME_DAY_ACCESS', scheme: theirs, beforeFrom: '2024-04-01', beforeTo: '2025-03-01', afterFrom: '2025-04-01', afterTo: '2026-03-01' })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('shows a scheme for no group only to the practice managers whose practices its terms name', async () => {
    expect(await listed(managerOf('C82001'))).not.toContain(ungrouped);
    await expect(runStoredScheme(as(managerOf('C82001')), ungrouped)).rejects.toMatchObject({ kind: 'not_found' });
    expect(await listed(managerOf(second.odsCode))).toContain(ungrouped);
  });

  it('gives a practice manager their practice’s money from the schemes they may see, the other federation’s left out', async () => {
    const money = await practiceMoney(as(managerOf('C82001')), 'C82001');
    expect(money.schemes.length).toBeGreaterThan(0);
    expect(money.schemes.map((s) => s.schemeId)).not.toContain(theirs);
    // Nothing delivered yet, so nothing earned; but the first federation's schemes do not stop the page either.
    expect((await practiceMoney(as(managerOf(second.odsCode)), second.odsCode)).practice.odsCode).toBe(second.odsCode);
  });

  it('shows a practice manager of the second federation its scheme and figures, and none of the first’s', async () => {
    const west = managerOf(second.odsCode);
    expect((await listed(west)).sort()).toEqual([theirs, ungrouped].sort());
    expect((await schemesOverview(as(west))).items.map((s) => s.id).sort()).toEqual([theirs, ungrouped].sort());
    const run = await runStoredScheme(as(west), theirs);
    expect(run.run.allocation.rows.map((r) => r.practiceKey)).toEqual([second.odsCode]);
  });

  it('shows the commissioner and the admin every federation’s schemes', async () => {
    for (const actor of [commissionerActor, adminActor]) expect(await listed(actor)).toContain(theirs);
  });
});
