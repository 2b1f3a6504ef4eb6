import { asc, eq } from 'drizzle-orm';
import type { CostSaving, IeIncomeLine, IncomeStream, RunningCostLine } from '../../domain/finance/types.js';
import type { Db } from '../client.js';
import { costSavings, financeYears, ieIncomeLines, incomeStreams, incomeStreamYears, runningCostLines } from '../schema/index.js';

const statusOrder = ['secured', 'potential', 'ended'];

/** The finance plan's rows as the domain rules take them: streams secured first, then potential, then ended. */
export async function loadIncomeStreams(db: Db): Promise<IncomeStream[]> {
  const streams = (await db.select().from(incomeStreams).orderBy(asc(incomeStreams.funder), asc(incomeStreams.name))).sort((a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status));
  const years = await db.select().from(incomeStreamYears).orderBy(asc(incomeStreamYears.financialYear));
  return streams.map((s) => ({
    id: s.id,
    funder: s.funder,
    name: s.name,
    status: s.status as IncomeStream['status'],
    frequency: s.frequency as IncomeStream['frequency'],
    arrearsMonths: s.arrearsMonths,
    practicesShareBasisPoints: s.practicesShareBasisPoints,
    contractReference: s.contractReference,
    endDate: s.endDate,
    schemeId: s.schemeId,
    amounts: years.filter((y) => y.streamId === s.id).map((y) => ({ financialYear: y.financialYear, amountPence: y.amountPence })),
  }));
}

/** A year's I&E income lines in the plan's order; every year's without one. */
export async function loadIeIncomeLines(db: Db, financialYear?: string): Promise<IeIncomeLine[]> {
  const rows = await db.select().from(ieIncomeLines).where(financialYear ? eq(ieIncomeLines.financialYear, financialYear) : undefined).orderBy(asc(ieIncomeLines.financialYear), asc(ieIncomeLines.position), asc(ieIncomeLines.id));
  return rows.map((r) => ({ id: r.id, financialYear: r.financialYear, section: r.section as IeIncomeLine['section'], line: r.line, amountPence: r.amountPence, comment: r.comment, streamId: r.streamId, schemeId: r.schemeId }));
}

export async function loadRunningCosts(db: Db, financialYear?: string): Promise<RunningCostLine[]> {
  const rows = await db
    .select()
    .from(runningCostLines)
    .where(financialYear ? eq(runningCostLines.financialYear, financialYear) : undefined)
    .orderBy(asc(runningCostLines.financialYear), asc(runningCostLines.category), asc(runningCostLines.id));
  return rows.map((r) => ({ id: r.id, financialYear: r.financialYear, category: r.category, line: r.line, amountPence: r.amountPence, comment: r.comment, frequency: r.frequency as RunningCostLine['frequency'], arrearsMonths: r.arrearsMonths }));
}

export async function loadCostSavings(db: Db): Promise<CostSaving[]> {
  const rows = await db.select().from(costSavings).orderBy(asc(costSavings.initiative), asc(costSavings.financialYear));
  return rows.map((r) => ({ id: r.id, initiative: r.initiative, financialYear: r.financialYear, expectedPence: r.expectedPence, realisedPence: r.realisedPence, beneficiary: r.beneficiary as CostSaving['beneficiary'] }));
}

export const loadFinanceYears = (db: Db) => db.select().from(financeYears).orderBy(asc(financeYears.financialYear));
