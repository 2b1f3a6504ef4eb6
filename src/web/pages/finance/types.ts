import type { CashFlow } from '../../../domain/finance/cash-flow.js';
import type { FinanceTable } from '../../../domain/finance/presenters.js';
import type { SchemeFeeLine } from '../../../domain/finance/scheme-money.js';
import type { DoubleCount } from '../../../domain/finance/stream-totals.js';
import type { IncomeStream } from '../../../domain/finance/types.js';

/** What the finance report endpoints answer (src/app/finance/finance-reports.ts). */
export interface StreamsReport {
  years: string[];
  streams: IncomeStream[];
  totals: { byYear: Record<string, { secured: number; potential: number }>; securedPence: number; potentialPence: number };
  doubleCounting: DoubleCount[];
  /** Why a year's secured income here is not the I&E's, for readers of the I&E. */
  againstIe: string[];
  tables: FinanceTable[];
}

export interface IeSummary {
  financialYear: string;
  securedPence: number;
  potentialPence: number;
  totalIncomePence: number;
  runningCostsPence: number;
  /** Secured income less running costs: the cautious position. */
  securedResultPence: number;
  /** With the potential income: the plan's printed result. */
  resultPence: number;
  result: 'surplus' | 'deficit' | 'break-even';
}

export type IeReport = IeSummary & {
  againstStreams: string | null;
  schemeFees: { lines: SchemeFeeLine[]; withWorkedOutFees: { totalIncomePence: number; resultPence: number; result: IeSummary['result']; differencePence: number } | null };
  tables: FinanceTable[];
};
export type CashFlowReport = CashFlow & { openingNote: string | null; datedNote: string | null; tables: FinanceTable[] };

export interface ScenarioReport {
  label: string;
  /** A won stream whose money the plan already counts as secured: it adds nothing. */
  notes: string[];
  /** A lost stream that moves no money, and why. */
  unchanged: string[];
  base: { ie: IeSummary; cashFlow: CashFlow };
  scenario: { ie: IeSummary; cashFlow: CashFlow };
  tables: FinanceTable[];
}

export interface RunningCostsReport {
  financialYear: string;
  lines: { id: number; category: string; line: string; amountPence: number }[];
  totalPence: number;
  tables: FinanceTable[];
}

export interface FinanceYearRow {
  id: number;
  financialYear: string;
  openingBalancePence: number;
  cashThresholdPence: number;
  /** Set while the year's accounts are closed: the day (in England) and who closed them. */
  closedOn: string | null;
  closedBy: string | null;
  rowVersion: number;
}

export const tableNamed = (report: { tables: FinanceTable[] }, name: string) => report.tables.find((t) => t.name === name);
