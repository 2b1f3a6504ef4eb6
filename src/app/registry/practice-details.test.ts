import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, lt } from 'drizzle-orm';
import { listSizes, practiceGroups, practiceHistory, practices } from '../../db/schema/index.js';
import { demoFederationName } from '../demo/load-demo.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useDemoDatabase } from '../../../test/support/demo-database.js';
import { adminActor, commissionerActor, contextFor, managerOf } from '../../../test/support/factories.js';
import type { Actor } from '../context.js';
import { isAllowed } from '../permissions.js';
import { getGroupSummary, getPracticeDetails } from './practice-details.js';

const clinicianActor: Actor = { userId: null, label: 'test clinician', role: 'clinician', practiceCodes: ['C82009'] };

/** What a history line says: a change from the NHS files by its fields, a membership in its own words. */
const lineText = (line: { kind: string; date: string; changedFields?: string[] | null; text?: string }) => (line.kind === 'membership' ? line.text : `${line.date}: ${line.changedFields?.join(', ')}`);

describe.each(databaseKinds)('a practice’s history with its group memberships (%s)', (kind) => {
  const database = useDemoDatabase(kind);

  beforeAll(async () => {
    // Narborough moved to Leicester City CCG in April 2019, the day after it left the federation and its locality.
    await database().db.insert(practiceHistory).values({ odsCode: 'C82119', validFrom: '2019-04-01', changedFields: ['commissionerCode'], snapshot: { commissionerCode: '04C', before: { commissionerCode: '03W' } } });
  });

  it('gives the joinings and leavings in date order with the changes from the NHS files, latest first', async () => {
    const details = await getPracticeDetails(contextFor(database(), adminActor), 'C82119');
    expect(details.history.map(lineText)).toEqual([
      '2019-04-01: commissionerCode',
      'Left East Leicestershire & Rutland GP Federation on 31 March 2019',
      'Left North Blaby locality on 31 March 2019',
      'Joined East Leicestershire & Rutland GP Federation on 1 April 2017',
      'Joined North Blaby locality on 1 April 2017',
    ]);
    expect(details.history[2]).toMatchObject({ kind: 'membership', date: '2019-03-31', change: 'left', groupName: 'North Blaby', groupKind: 'locality', groupId: expect.any(Number) });
  });

  it.each<[string, Actor, string]>([
    ['the admin', adminActor, 'C82119'],
    ['a practice manager, on their own practice', managerOf('C82001'), 'C82001'],
    ['a practice manager, on another practice', managerOf('C82001'), 'C82119'],
    ['the commissioner', commissionerActor, 'C82119'],
    ['a clinician', clinicianActor, 'C82119'],
  ])('shows %s the memberships as the declared permissions allow, and edits only where they allow', async (_name, actor, code) => {
    const details = await getPracticeDetails(contextFor(database(), actor), code);
    const shown = details.history.filter((line) => line.kind === 'membership');
    expect(shown.length > 0).toBe(isAllowed(actor, 'membership', 'read', code));
    expect(details.groups.length > 0).toBe(isAllowed(actor, 'membership', 'read', code));
    expect(details.canEdit).toBe(isAllowed(actor, 'practice', 'update', code));
  });

  it('lets a practice manager edit their own practice only, and the commissioner none', async () => {
    expect((await getPracticeDetails(contextFor(database(), managerOf('C82001')), 'C82001')).canEdit).toBe(true);
    expect((await getPracticeDetails(contextFor(database(), managerOf('C82001')), 'C82119')).canEdit).toBe(false);
    expect((await getPracticeDetails(contextFor(database(), commissionerActor), 'C82001')).canEdit).toBe(false);
  });
});

/** The reviewer's case: a group's page on a past date counted today's list sizes, and added a merged practice's on top. */
describe.each(databaseKinds)('a group’s list sizes on a date (%s)', (kind) => {
  const database = useDemoDatabase(kind);
  let federationId: number;
  const kibworthOn = async (onDate?: string) => {
    const summary = await getGroupSummary(contextFor(database(), adminActor), federationId, onDate);
    return { kibworth: summary.practices.find((p) => p.odsCode === 'C82001'), summary };
  };

  beforeAll(async () => {
    const [federation] = await database().db.select().from(practiceGroups).where(eq(practiceGroups.name, demoFederationName));
    federationId = federation!.id;
    await database().db.insert(listSizes).values({ odsCode: 'C82001', snapshotDate: '2025-04-01', patients: 25_423 });
  });

  it('takes each practice’s latest snapshot on or before the date, and names the snapshot dates it used', async () => {
    const [demoSnapshot] = await database().db.select().from(listSizes).where(and(eq(listSizes.odsCode, 'C82001'), lt(listSizes.snapshotDate, '2025-04-01')));
    const then = await kibworthOn('2019-06-01');
    expect(then.kibworth).toMatchObject({ listSize: demoSnapshot!.patients, listSizeDate: demoSnapshot!.snapshotDate });
    expect(then.summary.listSizeDates).toEqual([demoSnapshot!.snapshotDate]);
    expect(then.summary.totalListSize).toBe(then.summary.practices.reduce((sum, p) => sum + (p.listSize ?? 0), 0));
    // Today the latest file is 2025's, which (here) holds Kibworth alone: the others' 2018 sizes are not added in as if
    // current (a practice a newer file leaves out is closing, its patients counted by the practice taking them on).
    const now = await kibworthOn();
    expect(now.kibworth).toMatchObject({ listSize: 25_423, listSizeDate: '2025-04-01' });
    expect(now.summary.listSizeDates).toEqual(['2025-04-01']);
    expect(now.summary.totalListSize).toBe(25_423);
    expect(now.summary.withoutListSize).toHaveLength(now.summary.practices.length - 1);
  });

  it('takes the earliest snapshot for a date before any, saying which date that is', async () => {
    const [earliest] = await database().db.select().from(listSizes).where(eq(listSizes.odsCode, 'C82001')).orderBy(asc(listSizes.snapshotDate)).limit(1);
    const before = await kibworthOn('2017-06-01');
    expect(before.kibworth).toMatchObject({ listSize: earliest!.patients, listSizeDate: earliest!.snapshotDate });
    expect(earliest!.snapshotDate > '2017-06-01').toBe(true);
  });

  it('names the members no list-size file holds, which the total leaves out', async () => {
    expect((await kibworthOn('2019-06-01')).summary.withoutListSize).toEqual([]);
    const [kibworthSizes] = [await database().db.select().from(listSizes).where(eq(listSizes.odsCode, 'C82001'))];
    await database().db.delete(listSizes).where(eq(listSizes.odsCode, 'C82001'));
    const { kibworth, summary } = await kibworthOn('2019-06-01');
    expect(summary.withoutListSize).toEqual([`${kibworth!.displayName} (C82001)`]);
    expect(summary.totalListSize).toBe(summary.practices.reduce((sum, p) => sum + (p.listSize ?? 0), 0));
    await database().db.insert(listSizes).values(kibworthSizes!);
  });

  it('gives each former member its close date, so one that left when it closed can say so and one that moved away does not', async () => {
    const { summary } = await kibworthOn('2021-01-01');
    const [twoShires] = await database().db.select().from(practices).where(eq(practices.odsCode, 'C82036'));
    expect(summary.formerPractices.map((p) => [p.odsCode, p.closeDate])).toEqual([
      ['C82119', null],
      ['C82036', twoShires!.closeDate],
    ]);
    expect(summary.formerPractices.find((p) => p.odsCode === 'C82036')!.endDate).toBe(twoShires!.closeDate);
  });
});
