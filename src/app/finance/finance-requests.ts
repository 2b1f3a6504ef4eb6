import { z } from 'zod';
import { parsePounds, poundsSchema } from '../../domain/finance/money.js';
import { cashFlowTableWithNote, type FinanceTable } from '../../domain/finance/presenters.js';
import type { ScenarioChange } from '../../domain/finance/scenarios.js';
import { reportTableColumns } from '../export/report-table-columns.js';
import { aboutSheet, producedWords, toCsvFile, toXlsx } from '../export/tabular.js';
import { financialYearStart, normaliseFinancialYear } from '../../domain/finance/financial-year.js';
import type { AppContext } from '../context.js';
import { parseOrRefuse } from '../records/zod-problems.js';
import { closedWords, yearOfDateOrYear } from '../../domain/finance/closed-years.js';
import type { Db } from '../../db/client.js';
import { closureOf } from './closed-years.js';
import { cashFlowReport, costSavingsReport, ieReport, incomeStreamsReport, runningCostsReport, scenarioReport } from './finance-reports.js';

export const financeReports = ['streams', 'savings', 'running-costs', 'ie', 'cash-flow', 'scenario'] as const;
export type FinanceReportName = (typeof financeReports)[number];

const streamIds = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const ids = (value ?? '').split(',').filter(Boolean).map(Number);
    if (ids.some((id) => !Number.isInteger(id) || id <= 0)) ctx.addIssue({ code: 'custom', message: 'must be income stream ids separated by commas, e.g. 12,13' });
    return ids;
  });

/** The query every finance report reads: the year (where it has one), a cash threshold in pounds, the streams a scenario wins or loses. */
export const financeQuerySchema = z
  .object({
    year: z.string().trim().min(1).max(20).optional().describe('the financial year, e.g. 2018/19 (where the report has one)'),
    threshold: poundsSchema({ allowNegative: true }).optional().describe('cash flow and scenario: a balance in pounds to warn below'),
    won: streamIds.describe('scenario: income streams to count as won, ids separated by commas'),
    lost: streamIds.describe('scenario: income streams to count as lost, ids separated by commas'),
  })
  // A misspelt option is refused by name, not quietly ignored.
  .strict();
export type FinanceQuery = z.input<typeof financeQuerySchema>;

const yearOf = (query: z.output<typeof financeQuerySchema>) => query.year ?? '';

/** Runs one finance report by name: what the API's report routes and the CLI both call. */
export async function runFinanceReport(ctx: AppContext, report: FinanceReportName, raw: FinanceQuery): Promise<{ tables: FinanceTable[] } & Record<string, unknown>> {
  const query = parseOrRefuse(financeQuerySchema, raw, 'The report’s options are not valid');
  const result = await reportOf(ctx, report, query);
  // A year's report says whether its accounts are closed ("Closed on 30 April 2019 by Jo Walker"), as its page and downloads show.
  const year = yearOfDateOrYear(query.year);
  return year ? { ...result, closed: await closedWordsOf(ctx.db, year) } : result;
}

async function reportOf(ctx: AppContext, report: FinanceReportName, query: z.output<typeof financeQuerySchema>): Promise<{ tables: FinanceTable[] } & Record<string, unknown>> {
  const threshold = query.threshold !== undefined ? { thresholdPence: parsePounds(query.threshold) } : {};
  switch (report) {
    case 'streams':
      return incomeStreamsReport(ctx);
    case 'savings':
      return costSavingsReport(ctx);
    case 'running-costs':
      return runningCostsReport(ctx, yearOf(query));
    case 'ie':
      return ieReport(ctx, yearOf(query));
    case 'cash-flow':
      return cashFlowReport(ctx, yearOf(query), threshold);
    case 'scenario': {
      const changes: ScenarioChange[] = [...query.won.map((streamId) => ({ streamId, outcome: 'won' as const })), ...query.lost.map((streamId) => ({ streamId, outcome: 'lost' as const }))];
      return scenarioReport(ctx, yearOf(query), changes, threshold);
    }
  }
}

/** "Closed on 30 April 2019 by Jo Walker" while the year is closed, else null. */
async function closedWordsOf(db: Db, financialYear: string): Promise<string | null> {
  const closure = await closureOf(db, financialYear);
  return closure && closedWords(closure);
}

/**
 * What a finance workbook's About tab says, so a copy read later is evidence of what the plan said
 * when: which tables, the year, that linked schemes' figures are as their returns then stood, and
 * who produced it on what day.
 */
export async function financeAbout(ctx: AppContext, what: string, year: string | undefined): Promise<[string, string][]> {
  const shown = year && financialYearStart(year) !== null ? normaliseFinancialYear(year) : year;
  const closed = shown ? await closedWordsOf(ctx.db, shown) : null;
  return [
    ['What', what],
    ...(shown ? [['Financial year', shown] as [string, string]] : []),
    ...(closed ? [['Accounts', closed] as [string, string]] : []),
    ['Scheme figures', 'A stream or I&E line linked to a scheme takes its money from the scheme’s approved version in force, on its activity returns as recorded when this file was produced'],
    ['Produced', producedWords(ctx.actor.label)],
  ];
}

/**
 * What a report's page says in sentences beside its tables, for a workbook's About tab: the cash
 * flow's opening balance against last year's close, and the money its recorded invoice and payment
 * dates place (with the cash flow's own export, and in the workbook of every table of the year).
 */
export function reportNotes(result: Record<string, unknown>): [string, string][] {
  return [
    ...(typeof result.openingNote === 'string' ? [['Opening balance', result.openingNote] as [string, string]] : []),
    ...(typeof result.datedNote === 'string' ? [['Recorded dates', result.datedNote] as [string, string]] : []),
  ];
}

/** The one table a report's CSV holds: its main table; the cash flow's with the sentence on recorded dates (`cashFlowTableWithNote`). */
export function csvTableOf(result: { tables: readonly FinanceTable[] } & Record<string, unknown>): FinanceTable {
  const main = result.tables[0]!;
  return main.name === 'cash-flow' ? cashFlowTableWithNote(main, typeof result.datedNote === 'string' ? result.datedNote : null) : main;
}

/** A report's tables as a file: CSV holds the main table (`csvTableOf`), XLSX a sheet per table and, given `about`, a tab saying what it is. */
export async function financeTablesFile(name: string, result: { tables: readonly FinanceTable[] } & Record<string, unknown>, format: 'csv' | 'xlsx', about?: readonly [string, string][]): Promise<{ fileName: string; type: string; content: Buffer }> {
  if (format === 'csv') {
    const table = csvTableOf(result);
    return { fileName: `${name}.csv`, type: 'text/csv; charset=utf-8', content: Buffer.from(toCsvFile(table.rows, reportTableColumns(table, 'csv', 'labels'))) };
  }
  const content = await toXlsx([...result.tables.map((t) => ({ name: t.name, rows: t.rows, columns: reportTableColumns(t, 'xlsx') })), ...(about ? [aboutSheet(about)] : [])]);
  return { fileName: `${name}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
}
