import { z } from 'zod';
import { parsePounds, poundsSchema } from '../../domain/finance/money.js';
import type { FinanceTable } from '../../domain/finance/presenters.js';
import type { ScenarioChange } from '../../domain/finance/scenarios.js';
import { reportTableColumns } from '../export/report-table-columns.js';
import { aboutSheet, producedWords, toCsvFile, toXlsx } from '../export/tabular.js';
import { financialYearStart, normaliseFinancialYear } from '../../domain/finance/financial-year.js';
import type { AppContext } from '../context.js';
import { parseOrRefuse } from '../records/zod-problems.js';
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

/**
 * What a finance workbook's About tab says, so a copy read later is evidence of what the plan said
 * when: which tables, the year, that linked schemes' figures are as their returns then stood, and
 * who produced it on what day.
 */
export function financeAbout(ctx: AppContext, what: string, year: string | undefined): [string, string][] {
  const shown = year && financialYearStart(year) !== null ? normaliseFinancialYear(year) : year;
  return [
    ['What', what],
    ...(shown ? [['Financial year', shown] as [string, string]] : []),
    ['Scheme figures', 'A stream or I&E line linked to a scheme takes its money from the scheme’s approved version in force, on its activity returns as recorded when this file was produced'],
    ['Produced', producedWords(ctx.actor.label)],
  ];
}

/** A report's tables as a file: CSV holds the first (main) table, XLSX a sheet per table and, given `about`, a tab saying what it is. */
export async function financeTablesFile(name: string, tables: readonly FinanceTable[], format: 'csv' | 'xlsx', about?: readonly [string, string][]): Promise<{ fileName: string; type: string; content: Buffer }> {
  if (format === 'csv') return { fileName: `${name}.csv`, type: 'text/csv; charset=utf-8', content: Buffer.from(toCsvFile(tables[0]!.rows, reportTableColumns(tables[0]!, 'csv', 'labels'))) };
  const content = await toXlsx([...tables.map((t) => ({ name: t.name, rows: t.rows, columns: reportTableColumns(t, 'xlsx') })), ...(about ? [aboutSheet(about)] : [])]);
  return { fileName: `${name}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
}
