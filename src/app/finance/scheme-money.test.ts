import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, ieIncomeLines, incomeStreams } from '../../db/schema/index.js';
import { paymentSchedule } from '../../domain/finance/cash-flow.js';
import { shareOf } from '../../domain/finance/money.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useDemoDatabase } from '../../../test/support/demo-database.js';
import { adminActor, contextFor } from '../../../test/support/factories.js';
import { findSchemeBySlug } from '../../db/repos/schemes.js';
import { updateRecord } from '../records/records.js';
import { runStoredScheme } from '../schemes/run-stored-scheme.js';
import { ieLineRecord } from './budget-records.js';
import { cashFlowReport, ieReport } from './finance-reports.js';
import { importFinanceCsv } from './import-finance.js';
import { incomeStreamRecord } from './stream-records.js';
import { loadIncomeStreams } from '../../db/repos/finance.js';
import { formatPence } from '../../domain/schemes/format-money.js';

const file = (name: string, lines: string[]) => ({ name, content: Buffer.from(`${lines.join('\n')}\n`) });

describe.each(databaseKinds)('scheme money in the finance plan (%s)', (kind) => {
  const demo = useDemoDatabase(kind);
  const admin = () => contextFor(demo(), adminActor);
  /** The winter scheme's figures as the schemes engine works them out from its delivered activity. */
  async function winter() {
    const scheme = (await findSchemeBySlug(demo().db, 'winter-access-2017-18'))!;
    const totals = (await runStoredScheme(admin(), scheme.id)).run.payments!.totals;
    return { id: scheme.id, feePence: totals.fee!.total, invoicePence: totals.grandTotal.total, practicesPence: totals.amount.sumOfRoundedRows };
  }
  const winterStream = async () => (await demo().db.select().from(incomeStreams).where(eq(incomeStreams.name, 'Winter access scheme'))).find((s) => s.status === 'secured')!;

  it('keeps the plan’s deficit of £688 and shows the result with the winter scheme’s fee worked out', async () => {
    const { id, feePence } = await winter();
    const ie = await ieReport(admin(), '2018/19');
    expect(ie.resultPence / 100).toBe(-688);
    expect(ie.schemeFees.lines).toEqual([expect.objectContaining({ line: 'Winter scheme 17/18', schemeId: id, plannedPence: 350_000, workedOutPence: feePence, differencePence: feePence - 350_000 })]);
    expect(ie.schemeFees.withWorkedOutFees).toEqual({ totalIncomePence: ie.totalIncomePence + feePence - 350_000, resultPence: -68_800 + feePence - 350_000, result: 'deficit', differencePence: feePence - 350_000 });
    const table = ie.tables.find((t) => t.name === 'scheme-fees')!;
    expect(table.rows.at(-1)).toMatchObject({ line: 'Surplus / deficit', planned: -688, worked_out: (-68_800 + feePence - 350_000) / 100 });
  });

  it('takes the stream’s money and the practices’ payments from the scheme, and the typed share again once unlinked', async () => {
    const { invoicePence, practicesPence } = await winter();
    const terms = { frequency: 'on_claim', arrearsMonths: 1 } as const;
    // On claim, one month in arrears: the scheme year's twelfth claim is paid in April 2018.
    const april = (pence: number) => paymentSchedule('2017/18', pence, terms)[11]!.amountPence;
    const linked = await cashFlowReport(admin(), '2018/19');
    expect(linked.receipts.find((r) => r.name === 'Winter access scheme')!.byMonth['2018-04']).toBe(april(invoicePence));
    const stream = await winterStream();
    await updateRecord(admin(), incomeStreamRecord, String(stream.id), { schemeId: null }, stream.rowVersion);
    const typed = await cashFlowReport(admin(), '2018/19');
    const aprilOf = (flow: typeof linked) => flow.months.find((m) => m.month === '2018-04')!;
    expect(aprilOf(linked).practicePaymentsPence - aprilOf(typed).practicePaymentsPence).toBe(april(practicesPence) - shareOf(april(8_200_000), 9500));
    expect(aprilOf(linked).receiptsPence - aprilOf(typed).receiptsPence).toBe(april(invoicePence) - april(8_200_000));
    const [entry] = (await demo().db.select().from(auditLog).where(eq(auditLog.recordId, String(stream.id)))).filter((a) => a.recordType === 'income_stream' && a.action === 'update');
    expect([entry!.before, entry!.after]).toMatchObject([{ schemeId: (await winter()).id }, { schemeId: null }]);
    const again = await winterStream();
    await updateRecord(admin(), incomeStreamRecord, String(again.id), { schemeId: (await winter()).id }, again.rowVersion);
  });

  it('says, beside the I&E, what the secured streams pay on to practices as the cash flow does: the linked scheme’s exact payments', async () => {
    const { practicesPence } = await winter();
    const [line] = await demo().db.insert(ieIncomeLines).values({ financialYear: '2017/18', section: 'secured', line: 'Test line', amountPence: 100_00 }).returning();
    const streams = (await loadIncomeStreams(demo().db)).filter((s) => s.status === 'secured');
    const winterId = (await winterStream()).id;
    const expected = streams.reduce((sum, s) => {
      const year = s.amounts.find((a) => a.financialYear === '2017/18');
      return sum + (!year ? 0 : s.id === winterId ? practicesPence : shareOf(year.amountPence, s.practicesShareBasisPoints));
    }, 0);
    const sentence = (await ieReport(admin(), '2017/18')).againstStreams!;
    expect(sentence).toContain(`including ${formatPence(expected)} paid on to practices (as the cash flow counts them`);
    await demo().db.delete(ieIncomeLines).where(eq(ieIncomeLines.id, line!.id));
  });

  it('counts a scheme once: a second link, an unknown scheme or a clashing import is refused and nothing is saved', async () => {
    const { id } = await winter();
    const [potential] = await demo().db.select().from(ieIncomeLines).where(eq(ieIncomeLines.line, 'Winter scheme 18/19'));
    await expect(updateRecord(admin(), ieLineRecord, String(potential!.id), { schemeId: id }, potential!.rowVersion)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('already linked to another I&E line, “Winter scheme 17/18”') });
    const other = (await demo().db.select().from(incomeStreams).where(eq(incomeStreams.name, 'H Pylori')))[0]!;
    await expect(updateRecord(admin(), incomeStreamRecord, String(other.id), { schemeId: id }, other.rowVersion)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(updateRecord(admin(), incomeStreamRecord, String(other.id), { schemeId: 99_999 }, other.rowVersion)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'schemeId' }] });

    const header = 'funder,stream,status,financial_year,amount,linked_scheme';
    await expect(importFinanceCsv(admin(), 'streams', file('streams.csv', [header, 'ELR CCG,H Pylori,potential,2018/19,30000,winter-access-2017-18']))).rejects.toMatchObject({
      problems: [{ file: 'streams.csv', line: 2, column: 'linked_scheme', message: expect.stringMatching(/already linked to the secured stream "Winter access scheme"/) }],
    });
    await expect(importFinanceCsv(admin(), 'streams', file('streams.csv', [header, 'ELR CCG,H Pylori,potential,2018/19,30000,no-such-scheme', 'ELR CCG,Urgent care,potential,2019/20,75000,NHS England clinical pharmacists scheme 2018-2022']))).rejects.toMatchObject({
      problems: [
        { line: 2, column: 'linked_scheme', message: expect.stringMatching(/there is no scheme "no-such-scheme"/) },
        { line: 3, column: 'linked_scheme', message: expect.stringMatching(/runs over 4 financial years .*only a scheme of one year can be linked/) },
      ],
    });
    const pharmacists = (await findSchemeBySlug(demo().db, 'clinical-pharmacists-2018'))!;
    await expect(updateRecord(admin(), incomeStreamRecord, String(other.id), { schemeId: pharmacists.id }, other.rowVersion)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'schemeId', message: expect.stringMatching(/runs over 4 financial years/) }] });
    const ieHeader = 'section,line,amount,row_type,linked_scheme';
    await expect(importFinanceCsv(admin(), 'ie', file('ie.csv', [ieHeader, 'expenditure,Running costs,173620,item,winter-access-2017-18']), { year: '2018/19' })).rejects.toMatchObject({ problems: [{ line: 2, column: 'linked_scheme', message: 'only a secured or potential income line can be a scheme’s fee' }] });
    expect((await demo().db.select().from(incomeStreams).where(eq(incomeStreams.id, other.id)))[0]!.schemeId).toBeNull();
  });

  it('moves a scheme from one stream to another within one file, the audit keeping both changes', async () => {
    const { id } = await winter();
    const header = 'funder,stream,status,financial_year,amount,payment_terms,arrears_months,practices_share_percent,linked_scheme';
    const moved = await importFinanceCsv(admin(), 'streams', file('move.csv', [header, 'ELR CCG,H Pylori,potential,2018/19,30000,on_claim,1,95,winter-access-2017-18', 'NHS E,Winter access scheme,secured,2017/18,82000,on_claim,1,95,']));
    expect(moved).toMatchObject({ inserted: 0 });
    const holders = await demo().db.select({ name: incomeStreams.name, status: incomeStreams.status }).from(incomeStreams).where(eq(incomeStreams.schemeId, id));
    expect(holders).toEqual([{ name: 'H Pylori', status: 'potential' }]);
    const back = await importFinanceCsv(admin(), 'streams', file('back.csv', [header, 'ELR CCG,H Pylori,potential,2018/19,30000,on_claim,1,95,', 'NHS E,Winter access scheme,secured,2017/18,82000,on_claim,1,95,winter-access-2017-18']));
    expect(back.updated).toBeGreaterThanOrEqual(2);
    expect((await winterStream()).schemeId).toBe(id);
  });
});
