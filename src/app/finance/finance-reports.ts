import { loadCostSavings, loadFinanceYears, loadIeIncomeLines, loadIncomeStreams, loadRunningCosts } from '../../db/repos/finance.js';
import { schemes } from '../../db/schema/index.js';
import { AppError, invalid } from '../../domain/errors.js';
import { cashFlow } from '../../domain/finance/cash-flow.js';
import { datedMoneyNote } from '../../domain/finance/dated-money.js';
import { formatFinancialYear, normaliseFinancialYear, parseFinancialYear } from '../../domain/finance/financial-year.js';
import { incomeAndExpenditure, resultKind } from '../../domain/finance/income-expenditure.js';
import { cashFlowTable, doubleCountingTable, type FinanceTable, ieTable, receiptsTable, runningCostsTable, savingsTable, scenarioComparisonTable, schemeFeesTable, streamsTable, streamTotalsTable } from '../../domain/finance/presenters.js';
import { ieWithSchemeFees, withSchemeFigures } from '../../domain/finance/scheme-money.js';
import { cashFlowStreams, type ScenarioChange, scenarioIncomeLines, scenarioNotes, scenarioProblems, scenarioUnchanged } from '../../domain/finance/scenarios.js';
import { openingAgainstLastYear, streamsAgainstIe, streamsAgainstIeSentence } from '../../domain/finance/explanations.js';
import { findDoubleCounting, streamTotals, yearsOfStreams } from '../../domain/finance/stream-totals.js';
import type { AppContext } from '../context.js';
import { authorize, isAllowed } from '../permissions.js';
import { linkedSchemeMoney } from './scheme-links.js';

/** A year the plan covers, as "2018/19". A year written wrongly is invalid; one the plan does not cover is not found, and the error names the plan's years. */
async function planYear(ctx: AppContext, raw: string) {
  let year: string;
  try {
    year = normaliseFinancialYear(raw);
  } catch (error) {
    throw invalid((error as Error).message, [{ field: 'year', message: (error as Error).message }]);
  }
  const years = await loadFinanceYears(ctx.db);
  const found = years.find((y) => y.financialYear === year);
  // A year written rightly that the plan does not have is a record that is not there (404, the CLI's exit code 4), not a mistake in the input.
  if (!found) throw new AppError('not_found', `${year} is outside the finance plan`, { problems: [{ field: 'year', message: `the plan covers ${years.map((y) => y.financialYear).join(', ') || 'no years yet'}` }] });
  return found;
}

const schemeNames = async (ctx: AppContext) => new Map((await ctx.db.select({ id: schemes.id, name: schemes.name }).from(schemes)).map((s) => [s.id, s.name]));

/**
 * Each year's secured income as the streams count it beside the I&E's, in a sentence, for whoever
 * may read the I&E (the streams' readers include practice managers, who may not).
 */
async function streamsAgainstIeSentences(ctx: AppContext, streams: Awaited<ReturnType<typeof loadIncomeStreams>>, years: readonly string[]): Promise<string[]> {
  if (!isAllowed(ctx.actor, 'finance_report', 'read')) return [];
  const lines = await loadIeIncomeLines(ctx.db);
  const figured = withSchemeFigures(streams, await linkedSchemeMoney(ctx.db, streams.map((s) => s.schemeId)));
  return years.flatMap((y) => {
    const found = streamsAgainstIe(figured, lines, y);
    return found ? [streamsAgainstIeSentence(found)] : [];
  });
}

/** Income streams with secured and potential totals by funder and year, and money counted twice. */
export async function incomeStreamsReport(ctx: AppContext) {
  authorize(ctx.actor, 'income_stream', 'read');
  const streams = await loadIncomeStreams(ctx.db);
  const planYears = (await loadFinanceYears(ctx.db)).map((y) => y.financialYear);
  const years = [...new Set([...planYears, ...yearsOfStreams(streams)])].sort();
  const totals = streamTotals(streams, years);
  const doubleCounting = findDoubleCounting(streams);
  return {
    years,
    streams,
    totals: { byYear: totals.byYear, securedPence: totals.secured, potentialPence: totals.potential },
    doubleCounting,
    /** Why a year's secured income here is not the I&E's (for readers of the I&E). */
    againstIe: await streamsAgainstIeSentences(ctx, streams, years),
    tables: [streamsTable(streams, years, await schemeNames(ctx)), streamTotalsTable(totals), doubleCountingTable(doubleCounting)],
  };
}

export async function costSavingsReport(ctx: AppContext) {
  authorize(ctx.actor, 'cost_saving', 'read');
  const savings = await loadCostSavings(ctx.db);
  const byYear: Record<string, { expectedPence: number; realisedPence: number }> = {};
  for (const s of savings) {
    const entry = (byYear[s.financialYear] ??= { expectedPence: 0, realisedPence: 0 });
    entry.expectedPence += s.expectedPence;
    entry.realisedPence += s.realisedPence ?? 0;
  }
  return { savings, byYear, tables: [savingsTable(savings)] };
}

export async function runningCostsReport(ctx: AppContext, rawYear: string) {
  authorize(ctx.actor, 'running_cost', 'read');
  const { financialYear } = await planYear(ctx, rawYear);
  const lines = await loadRunningCosts(ctx.db, financialYear);
  return { financialYear, lines, totalPence: lines.reduce((sum, l) => sum + l.amountPence, 0), tables: [runningCostsTable(lines, financialYear)] };
}

const summary = (ie: ReturnType<typeof incomeAndExpenditure>) => ({
  financialYear: ie.financialYear,
  securedPence: ie.securedPence,
  potentialPence: ie.potentialPence,
  totalIncomePence: ie.totalIncomePence,
  runningCostsPence: ie.runningCostsPence,
  securedResultPence: ie.securedResultPence,
  resultPence: ie.resultPence,
  result: resultKind(ie.resultPence),
});

/** Everything a year's I&E and cash flow need, under a scenario (none: the base). */
async function yearModel(ctx: AppContext, rawYear: string, changes: ScenarioChange[], threshold?: number) {
  const year = await planYear(ctx, rawYear);
  const streams = await loadIncomeStreams(ctx.db);
  const lines = await loadIeIncomeLines(ctx.db, year.financialYear);
  const costs = await loadRunningCosts(ctx.db);
  const problems = scenarioProblems(streams, changes);
  if (problems.length) throw invalid('The scenario is not valid', problems.map((message) => ({ field: 'scenario', message })));
  const counted = cashFlowStreams(streams, changes, year.financialYear);
  // Only the schemes this year's figures use: the counted streams' and the year's lines'.
  const money = await linkedSchemeMoney(ctx.db, [...counted.map((s) => s.schemeId), ...lines.map((l) => l.schemeId)]);
  const ie = incomeAndExpenditure(year.financialYear, scenarioIncomeLines(year.financialYear, lines, streams, changes), costs);
  const flow = cashFlow({ financialYear: year.financialYear, openingPence: year.openingBalancePence, thresholdPence: threshold ?? year.cashThresholdPence, streams: withSchemeFigures(counted, money), runningCosts: costs });
  return { ie, flow, streams, figured: withSchemeFigures(streams, money), lines, notes: scenarioNotes(streams, changes, year.financialYear), unchanged: scenarioUnchanged(streams, lines, changes, year.financialYear), schemeFees: ieWithSchemeFees(ie, money) };
}

export async function ieReport(ctx: AppContext, rawYear: string) {
  authorize(ctx.actor, 'finance_report', 'read');
  const { ie, schemeFees, figured, lines } = await yearModel(ctx, rawYear, []);
  const worked = schemeFees.lines.some((l) => l.workedOutPence !== null);
  const against = streamsAgainstIe(figured, lines, ie.financialYear);
  return {
    ...summary(ie),
    /** Why the I&E's secured income is not what the secured streams bring in. */
    againstStreams: against ? streamsAgainstIeSentence(against) : null,
    schemeFees: {
      lines: schemeFees.lines,
      /** The I&E with the fees the schemes engine works out in place of the planned ones; null while none is worked out. */
      withWorkedOutFees: worked ? { totalIncomePence: schemeFees.totalIncomePence, resultPence: schemeFees.resultPence, result: resultKind(schemeFees.resultPence), differencePence: schemeFees.differencePence } : null,
    },
    tables: [ieTable(ie), schemeFeesTable(ie, schemeFees)],
  };
}

export async function cashFlowReport(ctx: AppContext, rawYear: string, options: { thresholdPence?: number } = {}) {
  authorize(ctx.actor, 'finance_report', 'read');
  const { flow } = await yearModel(ctx, rawYear, [], options.thresholdPence);
  // Which months recorded invoice and payment dates place, rather than the terms: one sentence.
  return { ...flow, openingNote: await openingNote(ctx, flow), datedNote: datedMoneyNote(flow), tables: [cashFlowTable(flow), receiptsTable(flow)] };
}

/** The year before's closing cash in this cash flow beside the plan's opening balance, where they differ. */
async function openingNote(ctx: AppContext, flow: { financialYear: string; openingPence: number }) {
  const before = formatFinancialYear(parseFinancialYear(flow.financialYear) - 1);
  const inPlan = (await loadFinanceYears(ctx.db)).some((y) => y.financialYear === before);
  const previous = inPlan ? (await yearModel(ctx, before, [])).flow : null;
  return openingAgainstLastYear(previous, flow.financialYear, flow.openingPence);
}

/** The base and a "what if" side by side: the I&E and the cash flow of each, and the differences. */
export async function scenarioReport(ctx: AppContext, rawYear: string, changes: ScenarioChange[], options: { thresholdPence?: number } = {}) {
  authorize(ctx.actor, 'finance_report', 'read');
  if (!changes.length) throw invalid('Choose at least one potential stream to win or lose', [{ field: 'scenario', message: 'name a stream to win or lose' }]);
  const base = await yearModel(ctx, rawYear, [], options.thresholdPence);
  const scenario = await yearModel(ctx, rawYear, changes, options.thresholdPence);
  const label = changes.map((c) => `${base.streams.find((s) => s.id === c.streamId)!.name} ${c.outcome}`).join(', ');
  return {
    label,
    changes,
    notes: scenario.notes,
    /** Lost streams that move no money, and why. */
    unchanged: scenario.unchanged,
    base: { ie: summary(base.ie), cashFlow: base.flow },
    scenario: { ie: summary(scenario.ie), cashFlow: scenario.flow },
    tables: [scenarioComparisonTable(base, scenario, label), { ...ieTable(scenario.ie), name: 'scenario-ie', title: `Income and expenditure ${scenario.ie.financialYear}: ${label}` }, { ...cashFlowTable(scenario.flow), name: 'scenario-cash-flow', title: `Cash flow ${scenario.flow.financialYear}: ${label}` }] as FinanceTable[],
  };
}

/** Every finance table of a year, for one workbook, and the cash flow's report (whose sentences its About tab gives, as the cash flow's own does). */
export async function financeTables(ctx: AppContext, rawYear: string): Promise<{ tables: FinanceTable[]; cashFlow: Awaited<ReturnType<typeof cashFlowReport>> }> {
  const [streams, savings, costs, ie, flow] = await Promise.all([incomeStreamsReport(ctx), costSavingsReport(ctx), runningCostsReport(ctx, rawYear), ieReport(ctx, rawYear), cashFlowReport(ctx, rawYear)]);
  return { tables: [...streams.tables, ...savings.tables, ...costs.tables, ...ie.tables, ...flow.tables], cashFlow: flow };
}
