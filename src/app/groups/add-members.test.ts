import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { groupMemberships, organisations, pcnMemberships, practiceHistory, practices } from '../../db/schema/index.js';
import { pcnSources } from '../../domain/registry/pcn-sources.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makePractice } from '../../../test/support/factories.js';
import { createRecord } from '../records/records.js';
import { getGroupSummary } from '../registry/practice-details.js';
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
  // ODS lists a special allocation scheme with the GP practice role; it is no federation's member practice.
  const specialAllocation = inCommissioner({ name: 'LLR SAS PROVIDER' });
  const newGroup = async (name: string) => ((await createRecord(admin(), groupRecord, { name, kind: 'federation' })) as { id: number }).id;
  const membersOf = async (groupId: number) =>
    (await database.db.select({ code: groupMemberships.practiceCode, startDate: groupMemberships.startDate, endDate: groupMemberships.endDate }).from(groupMemberships).where(eq(groupMemberships.groupId, groupId))).sort((a, b) => a.code.localeCompare(b.code));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.db.insert(practices).values([openThroughout, closedSince, openedLater, closedBefore, notAPractice, dormant, specialAllocation]);
  });
  afterAll(() => database?.close());

  it('adds the GP practices open on the start date, ending the membership of one that closed since on its close date, and says so', async () => {
    const groupId = await newGroup('Federation since 2020');
    const result = await addMembers(admin(), groupId, { commissionerCode: '99x', startDate: '2020-04-01' });
    expect(result).toMatchObject({ added: 2, alreadyMembers: [], endedAtClosing: [{ odsCode: closedSince.odsCode, closeDate: '2021-03-31' }], specialAllocation: [specialAllocation.odsCode] });
    expect(await membersOf(groupId)).toEqual(
      [
        { code: openThroughout.odsCode, startDate: '2020-04-01', endDate: null },
        { code: closedSince.odsCode, startDate: '2020-04-01', endDate: '2021-03-31' },
      ].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  it('adds a practice already a member for part of the time for the rest of it, leaving its membership as it was', async () => {
    const groupId = await newGroup('Federation joined piecemeal');
    await addMembers(admin(), groupId, { practiceCodes: [openThroughout.odsCode], startDate: '2023-04-01' });
    await addMembers(admin(), groupId, { practiceCodes: [closedSince.odsCode], startDate: '2019-04-01', endDate: '2019-12-31' });
    const result = await addMembers(admin(), groupId, { commissionerCode: '99X', startDate: '2018-04-01' });
    // The practice that closed in June 2018 is added too, until it closed.
    expect(result).toMatchObject({
      added: 3,
      alreadyMembers: [],
      partlyMembers: [
        { odsCode: openThroughout.odsCode, addedFor: [{ startDate: '2018-04-01', endDate: '2023-03-31' }] },
        { odsCode: closedSince.odsCode, addedFor: [{ startDate: '2018-04-01', endDate: '2019-03-31' }, { startDate: '2020-01-01', endDate: '2021-03-31' }] },
      ].sort((a, b) => a.odsCode.localeCompare(b.odsCode)),
    });
    expect(result.endedAtClosing).toEqual(expect.arrayContaining([{ odsCode: closedSince.odsCode, closeDate: '2021-03-31' }, { odsCode: closedBefore.odsCode, closeDate: '2018-06-30' }]));
    const spans = (code: string) => membersOf(groupId).then((all) => all.filter((m) => m.code === code).map(({ startDate, endDate }) => ({ startDate, endDate })).sort((a, b) => a.startDate.localeCompare(b.startDate)));
    expect(await spans(openThroughout.odsCode)).toEqual([{ startDate: '2018-04-01', endDate: '2023-03-31' }, { startDate: '2023-04-01', endDate: null }]);
    expect(await spans(closedSince.odsCode)).toEqual([{ startDate: '2018-04-01', endDate: '2019-03-31' }, { startDate: '2019-04-01', endDate: '2019-12-31' }, { startDate: '2020-01-01', endDate: '2021-03-31' }]);
    // Again: now every day is covered, so nothing is added.
    await expect(addMembers(admin(), groupId, { commissionerCode: '99X', startDate: '2018-04-01' })).rejects.toMatchObject({ message: 'Every practice that matches is already a member on those dates' });
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
      problems: [{ field: 'commissionerCode', message: 'matches no GP practice open on 1 January 1980 in the registry; 2 open GP practices have it now: choose a later start date, or the code they had then' }],
    });
  });

  it('adds a special allocation scheme chosen one by one, as asked', async () => {
    const groupId = await newGroup('With its SAS provider');
    expect(await addMembers(admin(), groupId, { practiceCodes: [specialAllocation.odsCode], startDate: '2020-04-01' })).toMatchObject({ added: 1, specialAllocation: [] });
  });

  it('refuses more than one way of choosing at once, and an end before the start, once', async () => {
    const groupId = await newGroup('Asked two ways');
    await expect(addMembers(admin(), groupId, { commissionerCode: '99X', practiceCodes: [openThroughout.odsCode], startDate: '2020-04-01' })).rejects.toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'practiceCodes', message: 'Choose a commissioner, a PCN or practices one by one, not more than one of these' }],
    });
    await expect(addMembers(admin(), groupId, { commissionerCode: '99X', startDate: '2020-04-01', endDate: '2020-03-31' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'endDate', message: 'must be on or after the start date' }] });
  });

  it('ends the membership of a practice chosen one by one that closed within the span on its close date, and says so', async () => {
    const groupId = await newGroup('Chosen by hand from 2020');
    const result = await addMembers(admin(), groupId, { practiceCodes: [closedSince.odsCode, openThroughout.odsCode], startDate: '2020-04-01' });
    expect(result).toMatchObject({ added: 2, endedAtClosing: [{ odsCode: closedSince.odsCode, closeDate: '2021-03-31' }] });
    expect((await membersOf(groupId)).find((m) => m.code === closedSince.odsCode)).toMatchObject({ endDate: '2021-03-31' });
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

  it('takes the practices that were the commissioner’s on the start date, as the ODS files’ history records them, and names those that moved since', async () => {
    // Moved from 99X to 99Y in a file of 1 April 2021; another joined 99X from 99Y in the same file.
    const movedAway = inCommissioner({ commissionerCode: '99Y' });
    const movedIn = inCommissioner({});
    await database.db.insert(practices).values([movedAway, movedIn]);
    await database.db.insert(practiceHistory).values([
      { odsCode: movedAway.odsCode, validFrom: '2021-04-01', changedFields: ['commissionerCode'], snapshot: { commissionerCode: '99Y', before: { commissionerCode: '99X' } } },
      { odsCode: movedIn.odsCode, validFrom: '2021-04-01', changedFields: ['commissionerCode'], snapshot: { commissionerCode: '99X', before: { commissionerCode: '99Y' } } },
    ]);
    const codes = (result: Awaited<ReturnType<typeof addMembers>>) => result.memberships.map((m) => m.practiceCode as string);
    const in2020 = await addMembers(admin(), await newGroup('99X in 2020'), { commissionerCode: '99X', startDate: '2020-04-01' });
    expect(codes(in2020)).toContain(movedAway.odsCode);
    expect(codes(in2020)).not.toContain(movedIn.odsCode);
    expect(in2020.movedSince).toEqual([{ odsCode: movedAway.odsCode, now: '99Y', area: 'commissioner' }]);
    // The group as it was then shows each practice's commissioner then; as it is today, today's.
    const groupOf2020 = Number(in2020.memberships[0]!.groupId);
    const commissionerIn = async (on?: string) => (await getGroupSummary(admin(), groupOf2020, on)).practices.find((p) => p.odsCode === movedAway.odsCode)?.commissionerCode;
    expect(await commissionerIn('2020-04-01')).toBe('99X');
    expect(await commissionerIn()).toBe('99Y');
    // With an end date the membership is a span in the past: its practice's later move is not said of.
    expect((await addMembers(admin(), await newGroup('99X, 2020 only'), { commissionerCode: '99X', startDate: '2020-04-01', endDate: '2020-12-31' })).movedSince).toEqual([]);
    const in2022 = await addMembers(admin(), await newGroup('99X in 2022'), { commissionerCode: '99X', startDate: '2022-04-01' });
    expect(codes(in2022)).toContain(movedIn.odsCode);
    expect(codes(in2022)).not.toContain(movedAway.odsCode);
    expect(in2022.movedSince).toEqual([]);
  });

  it('takes a practice dormant now that was active on the start date, as the ODS files’ history records it, and names it', async () => {
    // Active until a file of 1 June 2022 showed it dormant, with no close date.
    const wentDormant = makePractice({ commissionerCode: '98X', openDate: '1990-04-01', status: 'dormant', statusRaw: 'D' });
    const stillOpen = makePractice({ commissionerCode: '98X', openDate: '1990-04-01' });
    await database.db.insert(practices).values([wentDormant, stillOpen]);
    await database.db.insert(practiceHistory).values({ odsCode: wentDormant.odsCode, validFrom: '2022-06-01', changedFields: ['status'], snapshot: { status: 'dormant', before: { status: 'active' } } });
    const in2021 = await addMembers(admin(), await newGroup('98X in 2021'), { commissionerCode: '98X', startDate: '2021-04-01' });
    expect(in2021.memberships.map((m) => m.practiceCode).sort()).toEqual([wentDormant.odsCode, stillOpen.odsCode].sort());
    expect(in2021.dormantNow).toEqual([wentDormant.odsCode]);
    // A span that has ended is no one's to decide on; a start after it went dormant does not take it.
    expect((await addMembers(admin(), await newGroup('98X, 2021 only'), { commissionerCode: '98X', startDate: '2021-04-01', endDate: '2022-03-31' })).dormantNow).toEqual([]);
    const in2023 = await addMembers(admin(), await newGroup('98X in 2023'), { commissionerCode: '98X', startDate: '2023-04-01' });
    expect(in2023.memberships.map((m) => m.practiceCode)).toEqual([stillOpen.odsCode]);
    expect(in2023.dormantNow).toEqual([]);
  });

  it('takes the practices in a PCN on the start date from its dated memberships: ePCN’s dates as they are, a mapping file’s as the earliest known', async () => {
    const left = inCommissioner({ pcnCode: null });
    const joined = inCommissioner({ pcnCode: 'U99001' });
    const mapped = inCommissioner({ pcnCode: 'U99001' });
    await database.db.insert(practices).values([left, joined, mapped]);
    await database.db.insert(pcnMemberships).values([
      { practiceCode: left.odsCode, pcnCode: 'U99001', startDate: '2019-07-01', endDate: '2022-03-31', source: pcnSources.epcn },
      { practiceCode: joined.odsCode, pcnCode: 'U99001', startDate: '2022-04-01', endDate: null, source: pcnSources.epcn },
      // Only a 2026 mapping file names this one: in the PCN before that as far as anyone here knows.
      { practiceCode: mapped.odsCode, pcnCode: 'U99001', startDate: '2026-08-01', endDate: null, source: pcnSources.map },
    ]);
    const codes = (result: Awaited<ReturnType<typeof addMembers>>) => result.memberships.map((m) => m.practiceCode as string).sort();
    const in2021 = await addMembers(admin(), await newGroup('U99001 in 2021'), { pcnCode: 'U99001', startDate: '2021-04-01' });
    expect(codes(in2021)).toEqual([left.odsCode, mapped.odsCode].sort());
    expect(in2021.movedSince).toEqual([{ odsCode: left.odsCode, now: null, area: 'pcn' }]);
    expect((await getGroupSummary(admin(), Number(in2021.memberships[0]!.groupId), '2021-04-01')).practices.find((p) => p.odsCode === left.odsCode)).toMatchObject({ pcnCode: 'U99001' });
    const in2023 = await addMembers(admin(), await newGroup('U99001 in 2023'), { pcnCode: 'U99001', startDate: '2023-04-01' });
    expect(codes(in2023)).toEqual([joined.odsCode, mapped.odsCode].sort());
    expect(in2023.movedSince).toEqual([]);
    // Before PCNs began: the date its first member joined, as ePCN dates it.
    const founder = inCommissioner({ pcnCode: 'U99002' });
    await database.db.insert(practices).values(founder);
    await database.db.insert(pcnMemberships).values({ practiceCode: founder.odsCode, pcnCode: 'U99002', startDate: '2019-07-01', endDate: null, source: pcnSources.epcn });
    await expect(addMembers(admin(), await newGroup('U99002 in 2018'), { pcnCode: 'U99002', startDate: '2018-04-01' })).rejects.toMatchObject({
      problems: [{ field: 'pcnCode', message: 'matches no GP practice open on 1 April 2018 in the registry: its first member joined on 1 July 2019 (ePCN), so start on or after that date' }],
    });
  });

  it('takes a PCN by its name as the PCN files give it, and says when a code or name is not a PCN the registry knows', async () => {
    const member = inCommissioner({ pcnCode: 'U99003' });
    await database.db.insert(practices).values(member);
    await database.db.insert(organisations).values([
      { code: 'U99003', name: 'HARBOROUGH SIDE PCN', kind: 'pcn' },
      { code: 'U99004', name: 'TWIN PCN', kind: 'pcn' },
      { code: 'U99005', name: 'TWIN', kind: 'pcn' },
    ]);
    await database.db.insert(pcnMemberships).values({ practiceCode: member.odsCode, pcnCode: 'U99003', startDate: '2019-07-01', endDate: null, source: pcnSources.epcn });
    const byName = await addMembers(admin(), await newGroup('Harborough side by name'), { pcnCode: 'harborough side', startDate: '2020-04-01' });
    expect(byName.memberships.map((m) => m.practiceCode)).toEqual([member.odsCode]);
    await expect(addMembers(admin(), await newGroup('No such code'), { pcnCode: 'U99999', startDate: '2020-04-01' })).rejects.toMatchObject({
      message: 'No PCN has the code U99999',
      problems: [{ field: 'pcnCode', message: 'is not a PCN the registry knows: import the ePCN workbook or the PCN mapping file, or check the code' }],
    });
    await expect(addMembers(admin(), await newGroup('No such name'), { pcnCode: 'G3', startDate: '2020-04-01' })).rejects.toMatchObject({ message: 'No PCN is called G3' });
    await expect(addMembers(admin(), await newGroup('Two of them'), { pcnCode: 'twin', startDate: '2020-04-01' })).rejects.toMatchObject({
      problems: [{ field: 'pcnCode', message: expect.stringMatching(/^matches TWIN.* \(U9900[45]\), TWIN.* \(U9900[45]\): give the code$/) }],
    });
  });
});
