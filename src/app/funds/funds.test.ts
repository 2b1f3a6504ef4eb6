import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, makePractice, managerOf } from '../../../test/support/factories.js';
import type { Database } from '../../db/client.js';
import { auditLog, drawdowns, fundApplications, funds, groupMemberships, listSizes, practiceGroups, practices } from '../../db/schema/index.js';
import { lockFund } from '../../db/repos/contracts.js';
import { loadDemo } from '../demo/load-demo.js';
import { myItems } from '../reminders/my-items.js';
import { formatLongDate, todayInEngland, addDays } from '../../domain/iso-date.js';
import { createRecord, updateRecord } from '../records/records.js';
import { applicationDetail, decideApplication, recordDrawdown, submitApplication, withdrawApplication } from './fund-applications.js';
import { fundRecord } from './fund-record.js';
import { fundReport, fundsOverview } from './fund-report.js';
import { fundWorkbook } from './fund-export.js';
import { membershipRecord } from '../groups/membership-record.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import ExcelJS from 'exceljs';

const seedLocalities = Papa.parse<Record<string, string>>(readFileSync(join(import.meta.dirname, '../../../../shared/data/elr/localities.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

const seedListTotal = seedLocalities.reduce((total, l) => total + Number(l.list_size_total), 0);

describe.each(databaseKinds)('per-head funds (%s)', (kind) => {
  let database: Database;
  let fundId: number;
  const admin = () => contextFor(database, adminActor);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
    fundId = (await fundsOverview(admin())).items.find((f) => f.name.startsWith('ELR transformation fund'))!.id;
  });
  afterAll(() => database?.close());

  it('works the transformation fund out from the demo federation’s list sizes: £818,137.50, not the "£800K" the strategy states', async () => {
    const report = await fundReport(admin(), fundId);
    // The strategy's rates: 50p a patient in 2017/18 and £2 in 2018/19, on the localities' list sizes.
    expect(report.calculation.listTotal).toBe(seedListTotal);
    expect(report.calculation.years.map((y) => [y.year, y.totalPence])).toEqual([
      ['2017/18', 50 * seedListTotal],
      ['2018/19', 200 * seedListTotal],
    ]);
    expect(report.calculation.totalPence).toBe(250 * seedListTotal);
    for (const seed of seedLocalities) {
      const position = report.positions.find((p) => p.name === seed.locality)!;
      expect(position.allocatedPence).toBe(250 * Number(seed.list_size_total));
    }
  });

  it('shows each locality’s allocated, approved, drawn and remaining after the demo decisions', async () => {
    const { positions, totals } = await fundReport(admin(), fundId);
    const ow = positions.find((p) => p.name === 'Oadby & Wigston')!;
    expect(ow).toMatchObject({ approvedPence: 200 * 57_684, requestedPence: 0, remainingPence: 50 * 57_684 });
    expect(ow.drawnPence).toBeGreaterThan(0);
    const harborough = positions.find((p) => p.name === 'Harborough')!;
    expect(harborough).toMatchObject({ requestedPence: 200 * 60_205, approvedPence: 0, remainingPence: 50 * 60_205 });
    expect(totals.allocatedPence).toBe(250 * seedListTotal);
    // The demo commissioner's decisions are signed as a signed-in person's are, so pages show a name, not an email address.
    const deciders = (await database.db.select({ by: fundApplications.decidedBy }).from(fundApplications)).flatMap((a) => (a.by ? [a.by] : []));
    expect(deciders.length).toBeGreaterThan(0);
    expect(deciders.filter((by) => !/^[^<@]+ <[^>]+@[^>]+>$/.test(by))).toEqual([]);
  });

  it('lets a practice manager apply for their practice, and refuses money already asked for', async () => {
    const kibworth = contextFor(database, managerOf('C82001'));
    const lines = [{ description: 'GPTeamNet licence for the locality', amount: 1_000_000 }];
    const submitted = await submitApplication(kibworth, fundId, { practiceCode: 'C82001', title: 'GPTeamNet', purpose: 'Policy sharing', lines });
    expect(submitted).toMatchObject({ status: 'submitted', requestedPence: 1_000_000, practiceCode: 'C82001' });
    // Harborough has 50p × 60,205 = £30,102.50 left; £10,000 of it is now asked for.
    const again = submitApplication(admin(), fundId, { localityGroupId: submitted.localityGroupId, title: 'Again', purpose: 'Twice', lines: [{ description: 'More', amount: 2_010_251 }] });
    await expect(again).rejects.toThrow('£20,102.51 asked for in the costed lines, but only £20,102.50 of the fund is left for Harborough (£150,512.50 allocated, £130,410 of it already asked for or approved)');
    await expect(again).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'lines' }] });
    await expect(submitApplication(kibworth, fundId, { practiceCode: 'C82002', title: 'Not mine', purpose: 'x', lines })).rejects.toThrow(/permission/);
    expect((await applicationDetail(kibworth, submitted.id)).lines).toHaveLength(1);
    await expect(applicationDetail(contextFor(database, managerOf('C82002')), submitted.id)).rejects.toThrow(/not found/);
  });

  it("shows a practice manager their locality's applications as well as their practice's, not another practice's or locality's", async () => {
    const report = await fundReport(admin(), fundId);
    const harboroughId = report.positions.find((p) => p.name === 'Harborough')!.localityId;
    const byLocality = report.applications.filter((a) => a.practiceCode === null);
    const seen = async (code: string) => (await fundReport(contextFor(database, managerOf(code)), fundId)).applications;
    // Kibworth (C82001) is in Harborough; Oakham (C82010) is in Rutland.
    const kibworth = await seen('C82001');
    expect(kibworth.filter((a) => a.practiceCode === null).map((a) => a.id)).toEqual(byLocality.filter((a) => a.localityGroupId === harboroughId).map((a) => a.id));
    // Kibworth's own (it applied in the test above), and no other practice's.
    expect([...new Set(kibworth.filter((a) => a.practiceCode !== null).map((a) => a.practiceCode))]).toEqual(['C82001']);
    const harboroughApplication = byLocality.find((a) => a.localityGroupId === harboroughId)!;
    expect((await applicationDetail(contextFor(database, managerOf('C82001')), harboroughApplication.id)).application.localityName).toBe('Harborough');
    expect((await seen('C82010')).map((a) => a.id)).not.toContain(harboroughApplication.id);
    await expect(applicationDetail(contextFor(database, managerOf('C82010')), harboroughApplication.id)).rejects.toThrow(/not found/);
  });

  it('lets only one of two applications sent at once into a pot with room for one', async () => {
    const harborough = (await fundReport(admin(), fundId)).positions.find((p) => p.name === 'Harborough')!;
    const apply = (title: string) => submitApplication(admin(), fundId, { localityGroupId: harborough.localityId!, title, purpose: 'Same money', lines: [{ description: 'Half and more', amount: Math.ceil(harborough.remainingPence * 0.75) }] });
    const outcomes = await Promise.allSettled([apply('First'), apply('Second')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/asked for in the costed lines, but only £[\d,.]+ of the fund is left for Harborough/);
    // However the two interleave: while one holds the fund, the other waits to read its pots.
    let settled = false;
    await database.db.transaction(async (tx) => {
      await lockFund(tx as never, fundId);
      const waiting = apply('Third').then(
        () => (settled = true),
        () => (settled = true),
      );
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(settled).toBe(false);
      void waiting;
    });
    await expect.poll(() => settled).toBe(true);
  });

  it('lets only the commissioner decide, once, with the row version read; drawdowns stop at the approved sum', async () => {
    // Made in the summer of 2018, recorded now.
    const [application] = await submitApplication(admin(), fundId, { practiceCode: 'C82002', title: 'Signposting training', purpose: 'Active signposting', lines: [{ description: 'Trainer', amount: 500_000 }], submittedOn: '2018-07-02' }).then((a) => [a]);
    // Waiting for a decision, it is in the commissioner's items (and nobody else's) until decided.
    const decisions = async (actor: typeof commissionerActor) => (await myItems(contextFor(database, actor))).items.filter((i) => i.kind === 'fund_decision');
    expect((await decisions(commissionerActor)).find((i) => i.href === `/fund-applications/${application!.id}`)).toMatchObject({ ref: String(application!.id), title: 'Signposting training: £5,000 from ELR transformation fund (place based integrated services)', waitingSince: true, dueDate: '2018-07-02' });
    expect(await decisions(adminActor)).toEqual([]);
    await expect(decideApplication(admin(), application!.id, { outcome: 'approve', rowVersion: 1 })).rejects.toThrow(/permission/);
    await expect(decideApplication(contextFor(database, commissionerActor), application!.id, { outcome: 'approve', rowVersion: 7 })).rejects.toThrow(/changed by someone else/);
    // A decision day after today is refused; one before it dates a decision recorded afterwards.
    const tomorrow = addDays(todayInEngland(), 1);
    await expect(decideApplication(contextFor(database, commissionerActor), application!.id, { outcome: 'approve', decidedOn: tomorrow, rowVersion: 1 })).rejects.toMatchObject({ problems: [{ field: 'decidedOn', message: 'must be today or in the past' }] });
    const decided = await decideApplication(contextFor(database, commissionerActor), application!.id, { outcome: 'part_approve', approvedAmount: 300_000, reason: 'Half the sessions', decidedOn: '2018-08-15', rowVersion: 1 });
    expect(decided.decidedOn).toBe('2018-08-15');
    expect(decided).toMatchObject({ status: 'part_approved', approvedPence: 300_000, rowVersion: 2 });
    expect((await decisions(commissionerActor)).map((i) => i.href)).not.toContain(`/fund-applications/${application!.id}`);
    await expect(decideApplication(contextFor(database, commissionerActor), application!.id, { outcome: 'reject', reason: 'x', rowVersion: 2 })).rejects.toThrow(/already been decided/);
    await recordDrawdown(admin(), application!.id, { amount: 200_000, drawnOn: '2018-09-01', evidence: 'Invoice 12' });
    // Its practice manager is asked for the evidence that draws the rest, with no deadline, until every approved pound is drawn.
    const toDraw = async () => (await myItems(contextFor(database, managerOf('C82002')))).items.filter((i) => i.kind === 'fund_drawdown' && i.ref === String(application!.id));
    expect(await toDraw()).toEqual([expect.objectContaining({ title: expect.stringMatching(/^Send the federation evidence of spending to draw the £1,000 left of Signposting training \(/), waitingSince: true, href: `/fund-applications/${application!.id}` })]);
    expect((await myItems(contextFor(database, managerOf('C82001')))).items.filter((i) => i.kind === 'fund_drawdown' && i.ref === String(application!.id))).toEqual([]);
    const before = (await database.db.select().from(drawdowns)).length;
    await expect(recordDrawdown(admin(), application!.id, { amount: 100_001, drawnOn: '2018-10-01', evidence: 'Invoice 13' })).rejects.toThrow(/more than was approved/);
    // Dated after today: the one rule for things that have already happened, in its words.
    const today = todayInEngland();
    const nextYear = addDays(today, 365);
    await expect(recordDrawdown(admin(), application!.id, { amount: 1, drawnOn: nextYear, evidence: 'Invoice 14' })).rejects.toMatchObject({
      kind: 'invalid', message: `The drawdown is dated ${formatLongDate(nextYear)}, after today (${formatLongDate(today)})`, problems: [{ field: 'drawnOn', message: 'must be today or in the past' }],
    });
    expect((await database.db.select().from(drawdowns)).length).toBe(before);
    await recordDrawdown(admin(), application!.id, { amount: 1, drawnOn: '2019-03-31', evidence: 'Invoice 14, paid on the last day of the fund' });
    expect((await database.db.select().from(drawdowns)).length).toBe(before + 1);
    const audits = (await database.db.select().from(auditLog).orderBy(auditLog.id)).filter((a) => a.recordType === 'fund_application' && a.recordId === String(application!.id));
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    // The decision's row keeps the application as it stood and as decided: what was asked, what was approved, by whom and why.
    expect(audits[1]).toMatchObject({
      actorLabel: 'test commissioner',
      before: { status: 'submitted', requestedPence: 500_000, approvedPence: null, decidedBy: null, decidedOn: null, rowVersion: 1 },
      after: { status: 'part_approved', requestedPence: 500_000, approvedPence: 300_000, decisionReason: 'Half the sessions', decidedBy: 'test commissioner', decidedOn: '2018-08-15', rowVersion: 2 },
    });
    // Each drawdown saved has its creation audited with what it drew and on what evidence; the refused ones left none.
    const drawn = (await database.db.select().from(drawdowns)).filter((d) => d.applicationId === application!.id).map((d) => String(d.id));
    const drawdownAudits = (await database.db.select().from(auditLog).orderBy(auditLog.id)).filter((a) => a.recordType === 'drawdown' && drawn.includes(a.recordId));
    expect(drawdownAudits.map((a) => [a.action, a.before, a.after])).toEqual([
      ['create', null, expect.objectContaining({ applicationId: application!.id, amountPence: 200_000, drawnOn: '2018-09-01', evidence: 'Invoice 12', recordedBy: 'test admin' })],
      ['create', null, expect.objectContaining({ applicationId: application!.id, amountPence: 1, drawnOn: '2019-03-31', evidence: 'Invoice 14, paid on the last day of the fund', recordedBy: 'test admin' })],
    ]);
  });

  it('lets a practice manager withdraw their own waiting application, audited, freeing its money; a decided one stands', async () => {
    const manager = contextFor(database, managerOf('C82001'));
    const waiting = await submitApplication(manager, fundId, { practiceCode: 'C82001', title: 'Care navigator pilot', purpose: 'Care navigation', lines: [{ description: 'Navigator', amount: 150_000 }] });
    const harborough = async () => (await fundReport(admin(), fundId)).positions.find((p) => p.name === 'Harborough')!;
    const before = await harborough();
    const commissioner = contextFor(database, commissionerActor);
    const asked = async () => (await myItems(commissioner)).items.filter((i) => i.kind === 'fund_decision').map((i) => i.href);
    expect(await asked()).toContain(`/fund-applications/${waiting.id}`);

    // Not another practice's manager, nor the commissioner; a stale version is refused.
    // (Countesthorpe is in another locality: to its manager the application is not there at all.)
    await expect(withdrawApplication(contextFor(database, managerOf('C82002')), waiting.id, { rowVersion: 1 })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(withdrawApplication(commissioner, waiting.id, { rowVersion: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(withdrawApplication(manager, waiting.id, { rowVersion: 5 })).rejects.toMatchObject({ kind: 'conflict' });

    const withdrawn = await withdrawApplication(manager, waiting.id, { rowVersion: 1 });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnBy: 'manager of C82001', rowVersion: 2 });
    expect(withdrawn.withdrawnAt).toBeInstanceOf(Date);
    // The federation sees it withdrawn; it no longer holds any of the locality's pot, nor waits for the commissioner.
    expect((await fundReport(admin(), fundId)).applications.find((a) => a.id === waiting.id)).toMatchObject({ status: 'withdrawn' });
    expect((await applicationDetail(admin(), waiting.id)).application).toMatchObject({ status: 'withdrawn', withdrawnBy: 'manager of C82001' });
    expect((await harborough()).requestedPence).toBe(before.requestedPence - 150_000);
    expect((await harborough()).remainingPence).toBe(before.remainingPence + 150_000);
    expect(await asked()).not.toContain(`/fund-applications/${waiting.id}`);
    await expect(decideApplication(commissioner, waiting.id, { outcome: 'approve', rowVersion: 2 })).rejects.toThrow('This application was withdrawn by the applicant, so there is nothing to decide');
    await expect(withdrawApplication(manager, waiting.id, { rowVersion: 2 })).rejects.toMatchObject({ kind: 'conflict' });
    const [audit] = (await database.db.select().from(auditLog)).filter((a) => a.recordType === 'fund_application' && a.recordId === String(waiting.id) && a.action === 'update');
    expect([audit!.summary, (audit!.before as { status: string }).status, (audit!.after as { status: string }).status]).toEqual(['Withdrawn: Care navigator pilot', 'submitted', 'withdrawn']);

    // A paper application of 2018, decided in time: the fund's last year ended on 31 March 2019, and an approval dated after it is refused.
    const decided = await submitApplication(manager, fundId, { practiceCode: 'C82001', title: 'Phlebotomy hours', purpose: 'More clinics', submittedOn: '2018-09-01', lines: [{ description: 'Phlebotomist', amount: 10_000 }] });
    await expect(decideApplication(commissioner, decided.id, { outcome: 'approve', rowVersion: 1 })).rejects.toMatchObject({ problems: [{ field: 'decidedOn', message: 'must be 31 March 2019 or earlier to approve' }] });
    await decideApplication(commissioner, decided.id, { outcome: 'approve', decidedOn: '2018-09-10', rowVersion: 1 });
    await expect(withdrawApplication(manager, decided.id, { rowVersion: 2 })).rejects.toThrow('This application has already been decided (approved), so it cannot be withdrawn');
    expect((await applicationDetail(admin(), decided.id)).application.status).toBe('approved');
  });

  it('refuses a year that is not a financial year and negative rates, saving nothing; reads other spellings of a year', async () => {
    const count = async () => (await database.db.select().from(funds)).length;
    const before = await count();
    const base = { name: 'GPFV', commissioner: 'NHS England', footprintGroupId: 1, listSnapshotDate: '2018-01-01' };
    await expect(createRecord(admin(), fundRecord, { ...base, rates: '2018/20: £3' })).rejects.toMatchObject({ problems: [expect.objectContaining({ message: expect.stringMatching(/write it like 2018\/19/) })] });
    await expect(createRecord(admin(), fundRecord, { ...base, rates: '2018-19: £3; 18/19: £2' })).rejects.toMatchObject({ problems: [expect.objectContaining({ message: '2018/19 appears twice' })] });
    await expect(createRecord(admin(), fundRecord, { ...base, rates: [{ year: '2018/19', rate: '-£3' }] })).rejects.toMatchObject({ problems: [expect.objectContaining({ message: expect.stringMatching(/negative/) })] });
    expect(await count()).toBe(before);
    const created = await createRecord(admin(), fundRecord, { ...base, rates: '17/18: £1.50; 2018-19: 1.5' });
    expect(created.rates).toEqual([
      { year: '2017/18', ratePence: 150 },
      { year: '2018/19', ratePence: 150 },
    ]);
    expect((await fundReport(admin(), created.id as number)).calculation.totalPence).toBe(2 * 150 * seedListTotal);
  });

  it('refuses a list-size date the registry holds no list sizes for, on create and on edit, naming the dates it does hold', async () => {
    const count = async () => (await database.db.select().from(funds)).length;
    const before = await count();
    const base = { name: 'Resilience fund 2026/27', commissioner: 'NHS England', footprintGroupId: 1, rates: '2026/27: £1.50' };
    const refusal = { kind: 'invalid', problems: [expect.objectContaining({ field: 'listSnapshotDate', message: expect.stringMatching(/^no list size on 1 January 2026 for Kibworth Medical Centre \(C82001\), .*; the registry holds list sizes for them on 1 January 2018/) })] };
    await expect(createRecord(admin(), fundRecord, { ...base, listSnapshotDate: '2026-01-01' })).rejects.toMatchObject(refusal);
    expect(await count()).toBe(before);
    const created = await createRecord(admin(), fundRecord, { ...base, listSnapshotDate: '2018-01-01' });
    await expect(createRecord(admin(), fundRecord, { ...base, listSnapshotDate: '2018-01-01' })).rejects.toMatchObject({ kind: 'conflict', message: 'There is already a fund called "Resilience fund 2026/27"' });
    await expect(updateRecord(admin(), fundRecord, String(created.id), { listSnapshotDate: '2026-01-01' }, created.rowVersion as number)).rejects.toMatchObject(refusal);
  });

  it('gives a member with no list size on the fund’s date no share, and names it', async () => {
    const opened = makePractice({ name: 'NEW SURGERY', openDate: '2017-12-01' });
    await database.db.insert(practices).values(opened);
    const [group] = await database.db.insert(practiceGroups).values({ name: 'Peer group with a new practice', kind: 'peer_group' }).returning();
    await database.db.insert(groupMemberships).values(['C82001', 'C82010', opened.odsCode].map((practiceCode) => ({ groupId: group!.id, practiceCode, startDate: '2017-04-01' })));
    const lists = await database.db.select().from(listSizes).where(and(eq(listSizes.snapshotDate, '2018-01-01'), inArray(listSizes.odsCode, ['C82001', 'C82010'])));
    const created = await createRecord(admin(), fundRecord, { name: 'Peer fund', commissioner: 'ELR CCG', footprintGroupId: group!.id, listSnapshotDate: '2018-01-01', rates: '2018/19: £2' });
    const report = await fundReport(admin(), created.id as number);
    expect(report.withoutListSize).toEqual([`${opened.name} (${opened.odsCode})`]);
    expect(report.calculation.practices.map((p) => p.key).sort()).toEqual(['C82001', 'C82010']);
    expect(report.calculation.totalPence).toBe(200 * lists.reduce((t, l) => t + l.patients, 0));
  });

  it('gives a fund on one locality’s footprint that locality’s name, not "No locality"', async () => {
    const [harborough] = await database.db.select().from(practiceGroups).where(and(eq(practiceGroups.kind, 'locality'), eq(practiceGroups.name, 'Harborough')));
    const created = await createRecord(admin(), fundRecord, { name: 'Harborough winter fund', commissioner: 'ELR CCG', footprintGroupId: harborough!.id, listSnapshotDate: '2018-01-01', rates: '2018/19: £1' });
    const { calculation, positions } = await fundReport(admin(), created.id as number);
    const seed = seedLocalities.find((l) => l.locality === 'Harborough')!;
    expect(calculation.localities.map((l) => [l.name, l.listSize])).toEqual([['Harborough', Number(seed.list_size_total)]]);
    expect(new Set(calculation.practices.map((p) => p.locality))).toEqual(new Set(['Harborough']));
    expect(positions.map((p) => [p.name, p.allocatedPence])).toEqual([['Harborough', 100 * Number(seed.list_size_total)]]);
    // Listed among the funds of the federation Harborough is part of, so the funds list totals each federation's apart.
    const [federation] = await database.db.select().from(practiceGroups).where(eq(practiceGroups.id, harborough!.parentId!));
    expect((await fundsOverview(admin())).items.find((f) => f.id === created.id)!.within).toEqual({ id: federation!.id, name: federation!.name });
  });
  it('refuses cutting a fund’s rates below what its applications hold, naming each share; a change that still covers them is saved', async () => {
    const stored = async () => (await database.db.select().from(funds).where(eq(funds.id, fundId)))[0]!;
    const fund = await stored();
    const oadbyList = seedLocalities.find((l) => l.locality === 'Oadby & Wigston')!.list_size_total;
    // 10p a patient in each year: Oadby & Wigston's share falls to 20p a patient, below the £2 a patient approved for it (the demo's decision).
    await expect(updateRecord(admin(), fundRecord, String(fundId), { rates: '2017/18: £0.10; 2018/19: £0.10' }, fund.rowVersion)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining(`Oadby & Wigston would be allocated £${((20 * Number(oadbyList)) / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}, but its applications already hold £${((200 * Number(oadbyList)) / 100).toLocaleString('en-GB')}`),
      problems: [expect.objectContaining({ field: 'rates' })],
    });
    expect(await stored()).toMatchObject({ rates: fund.rates, rowVersion: fund.rowVersion });
    // Raising a year's rate covers every application still: saved, and audited as any edit is.
    const raised = await updateRecord(admin(), fundRecord, String(fundId), { rates: '2017/18: £0.60; 2018/19: £2' }, fund.rowVersion);
    expect((await stored()).rates).toEqual([{ year: '2017/18', ratePence: 60 }, { year: '2018/19', ratePence: 200 }]);
    await updateRecord(admin(), fundRecord, String(fundId), { rates: '2017/18: £0.50; 2018/19: £2' }, raised.rowVersion as number);
  });

  it('says plainly, on the report, the funds list and the workbook, when a membership change outside the fund leaves a locality’s approvals above its share now', async () => {
    // Wigston Central (C82071) joined Oadby & Wigston after the fund's list date after all: the locality's share falls below the £115,368 approved for it.
    const [locality] = await database.db.select().from(practiceGroups).where(and(eq(practiceGroups.kind, 'locality'), eq(practiceGroups.name, 'Oadby & Wigston')));
    const [membership] = await database.db.select().from(groupMemberships).where(and(eq(groupMemberships.groupId, locality!.id), eq(groupMemberships.practiceCode, 'C82071')));
    const [list] = await database.db.select().from(listSizes).where(and(eq(listSizes.odsCode, 'C82071'), eq(listSizes.snapshotDate, '2018-01-01')));
    expect((await fundReport(admin(), fundId)).heldBeyondShare).toEqual([]);
    const moved = await updateRecord(admin(), membershipRecord, String(membership!.id), { startDate: '2018-02-01' }, membership!.rowVersion);
    try {
      const report = await fundReport(admin(), fundId);
      const ow = report.positions.find((p) => p.name === 'Oadby & Wigston')!;
      expect(ow.allocatedPence).toBe(250 * (57_684 - list!.patients));
      const sentence = `Oadby & Wigston: £115,368 approved (${formatPence(ow.drawnPence)} of it drawn) against a share now ${formatPence(ow.allocatedPence)} after changes to the footprint’s members or their list sizes`;
      expect(report.heldBeyondShare).toEqual([sentence]);
      expect((await fundsOverview(admin())).items.find((f) => f.id === fundId)).toMatchObject({ heldBeyondShare: [sentence] });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await fundWorkbook(admin(), fundId)).content as never);
      const about = workbook.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : []));
      expect(about).toContainEqual(['Over its share', sentence]);
    } finally {
      await updateRecord(admin(), membershipRecord, String(membership!.id), { startDate: membership!.startDate }, moved.rowVersion as number);
    }
  });
});
