import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, makeSchemeRequest } from '../../../test/support/factories.js';
import type { Database } from '../../db/client.js';
import { groupMemberships, practiceGroups, practices } from '../../db/schema/index.js';
import { formatLongDate, todayInEngland } from '../../domain/iso-date.js';
import { formatPence } from '../../domain/schemes/format-money.js';
import { demoFederationName, loadDemo } from '../demo/load-demo.js';
import { submitApplication } from '../funds/fund-applications.js';
import { fundRecord } from '../funds/fund-record.js';
import { fundReport, fundsOverview } from '../funds/fund-report.js';
import { fundOverviewColumns, fundWorkbook } from '../funds/fund-export.js';
import ExcelJS from 'exceljs';
import { createRecord } from '../records/records.js';
import { runStoredScheme, schemeStatement } from '../schemes/run-stored-scheme.js';
import { createScheme } from '../schemes/save-scheme.js';

/**
 * The demo federation counts Two Shires (C82036, closed on 30 June 2020, its patients now
 * Kibworth's) and Narborough (C82119, which left for Leicester City on 1 April 2019) among its
 * members on its 1 January 2018 list sizes. A fund or scheme of later years built on those list
 * sizes still shares money with them: it says so, and neither may apply to a fund once gone.
 */
describe.each(databaseKinds)('practices that closed or left, in funds and schemes (%s)', (kind) => {
  let database: Database;
  let federationId: number;
  const admin = () => contextFor(database, adminActor);
  const facts = { twoShiresClosed: '', narboroughLeft: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
    federationId = (await database.db.select().from(practiceGroups).where(eq(practiceGroups.name, demoFederationName)))[0]!.id;
    facts.twoShiresClosed = (await database.db.select().from(practices).where(eq(practices.odsCode, 'C82036')))[0]!.closeDate!;
    facts.narboroughLeft = (await database.db.select().from(groupMemberships).where(and(eq(groupMemberships.groupId, federationId), eq(groupMemberships.practiceCode, 'C82119'))))[0]!.endDate!;
  });
  afterAll(() => database?.close());

  const fundFor = async (name: string, years: string[]) =>
    (await createRecord(admin(), fundRecord, { name, commissioner: 'ELR CCG', footprintGroupId: federationId, listSnapshotDate: '2018-01-01', rates: years.map((year) => ({ year, rate: '£1' })) })) as { id: number };

  it('names, on a fund of later years, each practice with a share of a year it closed or left the footprint during or before, and what those shares come to', async () => {
    expect([facts.twoShiresClosed, facts.narboroughLeft]).toEqual(['2020-06-30', '2019-03-31']);
    const fund = await fundFor('Resilience 2020 to 2022', ['2020/21', '2021/22']);
    const report = await fundReport(admin(), fund.id);
    const shareOf = (code: string) => report.calculation.practices.find((p) => p.key === code)!.totalPence;
    // Both still have their shares: the commissioner's money was worked out on the 2018 lists.
    expect(shareOf('C82036')).toBeGreaterThan(0);
    expect(report.departures).toEqual([
      `Two Shires Medical Practice (C82036) closed on ${formatLongDate(facts.twoShiresClosed)}, during 2020/21 and before 2021/22, yet has a share of those years (${formatPence(shareOf('C82036'))}): the fund counts the footprint’s members on its list-size date, 1 January 2018`,
      `Narborough Health Centre (C82119) left ${demoFederationName} on ${formatLongDate(facts.narboroughLeft)}, before 2020/21 and 2021/22, yet has a share of those years (${formatPence(shareOf('C82119'))}): the fund counts the footprint’s members on its list-size date, 1 January 2018`,
    ]);
    // The application form is told when each practice went, as the API refuses it after that day.
    const went = Object.fromEntries(report.practicePositions.filter((p) => p.went).map((p) => [p.practiceCode, p.went]));
    expect(went).toEqual({
      C82036: { on: facts.twoShiresClosed, words: `closed on ${formatLongDate(facts.twoShiresClosed)}` },
      C82119: { on: facts.narboroughLeft, words: `left ${demoFederationName} on ${formatLongDate(facts.narboroughLeft)}` },
    });
    // The workbook and the funds list (CSV, XLSX, `atscale funds list`) say the same.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fundWorkbook(admin(), fund.id)).content as never);
    const about = workbook.getWorksheet('About')!.getSheetValues().flatMap((row) => (Array.isArray(row) && row[1] === 'Closed or left' ? [row[2]] : []));
    expect(about).toEqual(report.departures);
    const listed = (await fundsOverview(admin())).items.find((f) => f.id === fund.id)!;
    expect(fundOverviewColumns.find((c) => c.header === 'Warnings')!.value(listed)).toBe(report.departures.join('; '));
  });

  it('says nothing on a fund whose years ended before either went', async () => {
    const fund = await fundFor('Resilience 2018/19', ['2018/19']);
    expect((await fundReport(admin(), fund.id)).departures).toEqual([]);
  });

  it('refuses an application from a practice dated after it closed or left the footprint, and takes one dated before', async () => {
    const fund = await fundFor('Winter resilience 2020/21', ['2020/21']);
    const apply = (practiceCode: string, submittedOn?: string) => submitApplication(admin(), fund.id, { practiceCode, title: 'Winter clinics', purpose: 'Extra clinics', lines: [{ description: 'Sessions', amount: 50_000 }], ...(submittedOn ? { submittedOn } : {}) });
    await expect(apply('C82036', '2021-06-01')).rejects.toMatchObject({
      kind: 'invalid',
      message: `Two Shires Medical Practice (C82036) closed on ${formatLongDate(facts.twoShiresClosed)}, before this application’s date (1 June 2021), so it cannot apply: its locality may apply instead`,
      problems: [{ field: 'practiceCode', message: `closed on ${formatLongDate(facts.twoShiresClosed)}, before 1 June 2021: its locality may apply instead` }],
    });
    await expect(apply('C82119')).rejects.toMatchObject({ message: `Narborough Health Centre (C82119) left ${demoFederationName} on ${formatLongDate(facts.narboroughLeft)}, before this application’s date (${formatLongDate(todayInEngland())}), so it cannot apply: its locality may apply instead` });
    // On its closing day it was still open.
    expect(await apply('C82036', facts.twoShiresClosed)).toMatchObject({ practiceCode: 'C82036', status: 'submitted' });
    expect(await apply('C82001')).toMatchObject({ practiceCode: 'C82001', status: 'submitted' });
  });

  it('warns on a scheme of later years, and on the practice’s statement, that a practice taking part closed or left', async () => {
    const { practices: _inline, ...definition } = makeSchemeRequest({ period: { weeks: 8, financialYears: ['2020/21'] } }).definition;
    const { scheme } = await createScheme(admin(), { definition, groupId: federationId });
    const run = await runStoredScheme(admin(), scheme.id);
    const gone = run.run.warnings.filter((w) => w.code === 'practice_gone');
    expect(gone.map((w) => [w.practiceKey, w.severity])).toEqual([
      ['C82036', 'warning'],
      ['C82119', 'warning'],
    ]);
    expect(gone[0]!.message).toBe(`Two Shires Medical Practice (C82036) closed on ${formatLongDate(facts.twoShiresClosed)}, while the scheme ran (1 April 2020 to 31 March 2021), yet its share is for the whole scheme: the scheme counts the practices that were members on its list-size date, 1 January 2018`);
    expect(gone[1]!.message).toBe(`Narborough Health Centre (C82119) left ${demoFederationName} on ${formatLongDate(facts.narboroughLeft)}, before the scheme began (1 April 2020), yet it has a share of the whole scheme: the scheme counts the practices that were members on its list-size date, 1 January 2018`);
    expect(run.tables.find((t) => t.name === 'warnings')!.rows.filter((r) => r.code === 'practice_gone')).toHaveLength(2);
    expect((await schemeStatement(admin(), scheme.id, 'C82036')).statement.warnings).toEqual([gone[0]!.message]);
  });

  it('says nothing on a scheme that ended before either went, nor on one whose period has no dates', async () => {
    for (const period of [{ weeks: 8, financialYears: ['2017/18'] }, { weeks: 8 }]) {
      const { practices: _inline, ...definition } = makeSchemeRequest({ period }).definition;
      const { scheme } = await createScheme(admin(), { definition, groupId: federationId });
      expect((await runStoredScheme(admin(), scheme.id)).run.warnings.filter((w) => w.code === 'practice_gone')).toEqual([]);
    }
  });
});
