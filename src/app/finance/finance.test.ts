import { eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, financeYears, ieIncomeLines, incomeStreams, incomeStreamYears, runningCostLines } from '../../db/schema/index.js';
import { readSeed } from '../../../test/support/finance-seeds.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useDemoDatabase } from '../../../test/support/demo-database.js';
import { adminActor, commissionerActor, contextFor, managerOf } from '../../../test/support/factories.js';
import { createRecord, deleteRecord, updateRecord } from '../records/records.js';
import { ieLineRecord, runningCostRecord } from './budget-records.js';
import { cashFlowReport, costSavingsReport, ieReport, incomeStreamsReport, runningCostsReport, scenarioReport } from './finance-reports.js';
import { importFinanceCsv } from './import-finance.js';
import { incomeStreamRecord, incomeStreamYearRecord } from './stream-records.js';

const file = (name: string, lines: string[]) => ({ name, content: Buffer.from(`${lines.join('\n')}\n`) });
const seedSum = (name: string, keep: (row: Record<string, string>) => boolean) => readSeed(name).filter(keep).reduce((sum, r) => sum + Number(r.amount), 0);

/** A line of the federation's printed 2018/19 I&E forecast, in pounds. */
const planPounds = (line: string) => Number(readSeed('ie-forecast-2018-19.csv').find((r) => r.line === line)!.amount);

describe.each(databaseKinds)('finance (%s)', (kind) => {
  const demo = useDemoDatabase(kind);
  const admin = () => contextFor(demo(), adminActor);

  it('reproduces the seed’s secured and potential totals from the stored streams, and flags demand management 2018/19', async () => {
    const report = await incomeStreamsReport(admin());
    for (const year of ['2017/18', '2018/19', '2019/20']) {
      for (const status of ['secured', 'potential'] as const) {
        expect(report.totals.byYear[year]![status] / 100, `${status} ${year}`).toBe(seedSum('income-streams.csv', (r) => r.status === status && r.financial_year === year));
      }
    }
    expect([report.totals.securedPence / 100, report.totals.potentialPence / 100]).toEqual([1_166_500, 315_000]);
    expect(report.doubleCounting.map((d) => [d.name, d.financialYear])).toEqual([['Demand management', '2018/19']]);
  });

  it('reproduces the savings and the 2018/19 I&E from the lines: a deficit of £688', async () => {
    const savings = await costSavingsReport(admin());
    expect(Object.values(savings.byYear).map((y) => y.expectedPence / 100)).toEqual([109_000, 109_000, 109_000]);
    expect(savings.savings.reduce((s, r) => s + r.expectedPence, 0) / 100).toBe(seedSum('cost-savings.csv', () => true));
    const ie = await ieReport(admin(), '2018/19');
    expect([ie.securedPence, ie.potentialPence, ie.totalIncomePence, ie.runningCostsPence, ie.resultPence].map((p) => p / 100)).toEqual([169_432, 3_500, 172_932, 173_620, -688]);
    expect(ie.result).toBe('deficit');
    expect((await runningCostsReport(admin(), '18/19')).totalPence / 100).toBe(seedSum('running-costs-2018-19.csv', () => true));
  });

  it('works out the cash flow from payment terms and arrears, and compares a scenario with the base', async () => {
    const flow = await cashFlowReport(admin(), '2018/19');
    expect(flow.openingPence / 100).toBe(56_032);
    expect(flow.months.map((m) => m.month)).toHaveLength(12);
    // CBS is paid quarterly two months in arrears: last year's January–March arrives in May.
    const cbs = flow.receipts.find((r) => r.name.startsWith('CBS'))!;
    expect([cbs.byMonth['2018-04'], cbs.byMonth['2018-05'], cbs.byMonth['2018-08']].map((p) => p! / 100)).toEqual([0, 50_000, 50_000]);
    expect(flow.closingPence).toBe(flow.openingPence + flow.months.reduce((s, m) => s + m.netPence, 0));

    const streams = (await incomeStreamsReport(admin())).streams;
    const winter = streams.find((s) => s.name === 'Winter access scheme' && s.status === 'potential')!;
    const lost = await scenarioReport(admin(), '2018/19', [{ streamId: winter.id, outcome: 'lost' }]);
    // The plan's deficit, and that deficit less the winter scheme's potential line, as the plan prints them.
    expect([lost.base.ie.resultPence, lost.scenario.ie.resultPence].map((p) => p / 100)).toEqual([planPounds('Surplus / deficit'), planPounds('Surplus / deficit') - planPounds('Winter scheme 18/19')]);
    const hPylori = streams.find((s) => s.name === 'H Pylori')!;
    const won = await scenarioReport(admin(), '2018/19', [{ streamId: hPylori.id, outcome: 'won' }]);
    expect(won.scenario.ie.resultPence - won.base.ie.resultPence).toBe(150_000);
    expect(won.scenario.cashFlow.closingPence).toBeGreaterThan(won.base.cashFlow.closingPence);
    await expect(scenarioReport(admin(), '2018/19', [{ streamId: streams.find((s) => s.status === 'secured')!.id, outcome: 'lost' }])).rejects.toMatchObject({ kind: 'invalid', problems: [{ message: expect.stringMatching(/not potential/) }] });
  });

  it('lets the commissioner read the I&E, keeps a practice manager to streams and savings, and keeps writes to the admin', async () => {
    await expect(ieReport(contextFor(demo(), commissionerActor), '2018/19')).resolves.toMatchObject({ resultPence: planPounds('Surplus / deficit') * 100 });
    await expect(ieReport(contextFor(demo(), managerOf('C82001')), '2018/19')).rejects.toMatchObject({ kind: 'forbidden' });
    const all = (await incomeStreamsReport(admin())).streams.map((s) => s.id);
    expect((await incomeStreamsReport(contextFor(demo(), managerOf('C82001')))).streams.map((s) => s.id)).toEqual(all);
    await expect(importFinanceCsv(contextFor(demo(), commissionerActor), 'savings', file('s.csv', ['scheme,financial_year,amount', 'X,2018/19,1']))).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('refuses bad input with clear errors and saves nothing', async () => {
    const before = (await demo().db.select().from(incomeStreams)).length;
    const bad = file('streams.csv', ['funder,stream,status,financial_year,amount', 'NHS E,New one,secured,2018/19,"£1,000"', ',No funder,secured,2018/19,5', 'NHS E,Bad year,secured,2018-2020,5']);
    await expect(importFinanceCsv(admin(), 'streams', bad)).rejects.toMatchObject({ kind: 'invalid', problems: [{ line: 3, column: 1 }, { line: 4, column: 4 }] });
    expect((await demo().db.select().from(incomeStreams)).length).toBe(before);
    // A stream has one set of terms: two years that give different ones are refused, naming the line and column, not the last one kept.
    const twoTerms = file('streams.csv', ['funder,stream,status,financial_year,amount,payment_terms,arrears_months,practices_share_percent', 'NHS E,Two terms,secured,2018/19,"£1,234.50",monthly,0,', 'NHS E,Two terms,secured,2019/20,1234,quarterly,1,95%']);
    const refused = await importFinanceCsv(admin(), 'streams', twoTerms).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'invalid', problems: [{ line: 3, column: 'payment_terms' }, { line: 3, column: 'arrears_months' }, { line: 3, column: 'practices_share_percent' }] });
    expect((refused as { problems: { message: string }[] }).problems[0]!.message).toBe('Two terms (secured, NHS E) has one set of payment terms for all its years, and line 2 gives its payment_terms as "monthly": make the lines agree, or give each year\'s money its own stream');
    expect((await demo().db.select().from(incomeStreams)).length).toBe(before);
    await expect(createRecord(admin(), incomeStreamRecord, { name: 'No funder', status: 'secured' })).rejects.toMatchObject({ problems: [{ field: 'funder' }] });
    await expect(createRecord(admin(), runningCostRecord, { financialYear: '2020/21', category: 'Staff', line: 'Manager', amount: '£30,000' })).rejects.toMatchObject({ message: '2020/21 is outside the finance plan' });
    await expect(createRecord(admin(), runningCostRecord, { financialYear: '2018/19', category: 'Staff', line: 'Manager', amount: '-5' })).rejects.toMatchObject({ problems: [{ field: 'amount', message: 'must not be negative' }] });
    await expect(importFinanceCsv(admin(), 'ie', file('ie.csv', ['section,line,amount,row_type', 'secured income,X,5,item']), { year: '2025/26' })).rejects.toMatchObject({ message: expect.stringMatching(/outside the finance plan/) });
  });

  it('adds an income line typed in after the year’s others, and the I&E counts it until it is removed', async () => {
    const before = await ieReport(admin(), '2018/19');
    const added = await createRecord(admin(), ieLineRecord, { financialYear: '2018/19', section: 'potential', line: 'Care home ward rounds (Rutland CC)', amount: '£2,500' });
    const positions = (await demo().db.select({ position: ieIncomeLines.position }).from(ieIncomeLines).where(eq(ieIncomeLines.financialYear, '2018/19'))).map((l) => l.position);
    expect(added.position).toBe(Math.max(...positions));
    expect(positions.filter((p) => p === added.position)).toHaveLength(1);
    expect((await ieReport(admin(), '2018/19')).potentialPence).toBe(before.potentialPence + 250_000);
    await expect(createRecord(admin(), ieLineRecord, { financialYear: '2018/19', section: 'potential', line: 'Care home ward rounds (Rutland CC)', amount: 1 })).rejects.toThrow(/already has a potential line/);
    await deleteRecord(admin(), ieLineRecord, String(added.id), added.rowVersion as number);
    expect((await ieReport(admin(), '2018/19')).resultPence).toBe(before.resultPence);
  });

  it('takes a deficit brought forward as a negative income line, which the year’s result counts', async () => {
    const before = await ieReport(admin(), '2018/19');
    const carried = await createRecord(admin(), ieLineRecord, { financialYear: '2018/19', section: 'secured', line: 'FY17/18 deficit brought forward', amount: '-£688' });
    expect(carried.amountPence).toBe(-68_800);
    expect((await ieReport(admin(), '2018/19')).resultPence).toBe(before.resultPence - 68_800);
    await deleteRecord(admin(), ieLineRecord, String(carried.id), carried.rowVersion as number);
  });

  it('imports the same file twice without changing anything, and breaks the running costs into lines with rowVersion conflicts', async () => {
    const streams = file('income-streams.csv', readSeed('income-streams.csv').slice(0, 3).map((r) => `"${r.commissioner}","${r.stream}",${r.status},${r.financial_year},${r.amount}`));
    const header = { ...streams, content: Buffer.concat([Buffer.from('commissioner,stream,status,financial_year,amount\n'), streams.content]) };
    expect(await importFinanceCsv(admin(), 'streams', header)).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });

    const [total] = await demo().db.select().from(runningCostLines).where(eq(runningCostLines.financialYear, '2018/19'));
    await updateRecord(admin(), runningCostRecord, String(total!.id), { amount: '£100,000', category: 'Staff', line: 'Staff' }, total!.rowVersion);
    await createRecord(admin(), runningCostRecord, { financialYear: '2018/19', category: 'Premises', line: 'Rent and rates', amount: '73,620' });
    expect((await ieReport(admin(), '2018/19')).resultPence / 100).toBe(-688);
    await expect(updateRecord(admin(), runningCostRecord, String(total!.id), { amount: '1' }, total!.rowVersion)).rejects.toMatchObject({ kind: 'conflict' });
    const audit = await demo().db.select().from(auditLog).where(eq(auditLog.recordType, 'running_cost'));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'import']));
  });

  it('deletes a stream with its yearly amounts, keeping them in the audit, and refuses a stale delete', async () => {
    const stream = await createRecord(admin(), incomeStreamRecord, { funder: 'Test council', name: 'Short-lived pilot', status: 'potential' });
    await createRecord(admin(), incomeStreamYearRecord, { streamId: stream.id, financialYear: '2018/19', amount: '£1,250.50' });
    await expect(deleteRecord(admin(), incomeStreamRecord, String(stream.id), (stream.rowVersion as number) + 1)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(deleteRecord(contextFor(demo(), commissionerActor), incomeStreamRecord, String(stream.id), stream.rowVersion as number)).rejects.toMatchObject({ kind: 'forbidden' });
    await deleteRecord(admin(), incomeStreamRecord, String(stream.id), stream.rowVersion as number);
    expect(await demo().db.select().from(incomeStreamYears).where(eq(incomeStreamYears.streamId, stream.id as number))).toEqual([]);
    const [entry] = await demo().db.select().from(auditLog).where(eq(auditLog.recordId, String(stream.id))).then((rows) => rows.filter((r) => r.recordType === 'income_stream' && r.action === 'delete'));
    expect(entry!.before).toMatchObject({ name: 'Short-lived pilot', amounts: [{ financialYear: '2018/19', amountPence: 125_050 }] });
  });

  it('takes a stream’s amount only for a year of the plan that began before the stream ended', async () => {
    const stream = await createRecord(admin(), incomeStreamRecord, { funder: 'Test council', name: 'Ended pilot', status: 'secured', endDate: '2019-03-31' });
    await expect(createRecord(admin(), incomeStreamYearRecord, { streamId: stream.id, financialYear: '2031-32', amount: '£10' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'financialYear', message: expect.stringMatching(/^is not a year of the plan \(.*2018\/19.*\): add the year to the plan first$/) }] });
    // The demo plan runs 2017/18 to 2019/20; the stream ended before its last year.
    expect((await demo().db.select().from(financeYears)).map((y) => y.financialYear)).toContain('2019/20');
    await expect(createRecord(admin(), incomeStreamYearRecord, { streamId: stream.id, financialYear: '2019/20', amount: '£10' })).rejects.toMatchObject({ problems: [{ field: 'financialYear', message: 'the stream ended on 31 March 2019, before 2019/20 began' }] });
    expect(await createRecord(admin(), incomeStreamYearRecord, { streamId: stream.id, financialYear: '2018/19', amount: '£10' })).toMatchObject({ financialYear: '2018/19', amountPence: 1000 });
  });

  it('will not delete a stream an I&E line names as its source, and says which', async () => {
    const [line] = await demo().db.select().from(ieIncomeLines).where(isNotNull(ieIncomeLines.streamId)).limit(1);
    const [stream] = await demo().db.select().from(incomeStreams).where(eq(incomeStreams.id, line!.streamId!));
    await expect(deleteRecord(admin(), incomeStreamRecord, String(stream!.id), stream!.rowVersion)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/I&E income lines?/) });
    const [still] = await demo().db.select().from(ieIncomeLines).where(eq(ieIncomeLines.id, line!.id));
    expect(still!.streamId).toBe(stream!.id);
  });
});
