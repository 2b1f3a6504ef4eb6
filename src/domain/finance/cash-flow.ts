import { monthIndex, monthOfIndex, monthsOf, parseFinancialYear } from './financial-year.js';
import { shareOf, splitPence } from './money.js';
import type { IncomeStream, PaymentTerms, RunningCostLine } from './types.js';

export interface Instalment {
  /** "YYYY-MM": the month the money moves. */
  month: string;
  amountPence: number;
}

const periodLengths: Record<PaymentTerms['frequency'], number> = { monthly: 1, on_claim: 1, quarterly: 3, annually: 12 };

/**
 * When a year's amount is paid: the year is cut into the periods the terms name (months,
 * quarters, the whole year), each period's equal share is paid in the period's last month, then
 * moved on by the months in arrears. A stream paid quarterly two months in arrears pays April–June
 * in August, and January–March in May of the next financial year.
 */
export function paymentSchedule(financialYear: string, amountPence: number, terms: PaymentTerms): Instalment[] {
  const length = periodLengths[terms.frequency];
  const first = monthIndex(monthsOf(financialYear)[0]!);
  return splitPence(amountPence, 12 / length).map((share, i) => ({ month: monthOfIndex(first + (i + 1) * length - 1 + terms.arrearsMonths), amountPence: share }));
}

export interface CashFlowMonth {
  month: string;
  openingPence: number;
  receiptsPence: number;
  practicePaymentsPence: number;
  runningCostsPence: number;
  netPence: number;
  closingPence: number;
  belowThreshold: boolean;
}

export interface CashFlow {
  financialYear: string;
  thresholdPence: number;
  openingPence: number;
  closingPence: number;
  months: CashFlowMonth[];
  /** Receipts by stream and month, for the detail table. */
  receipts: { streamId: number; name: string; funder: string; byMonth: Record<string, number>; totalPence: number }[];
  lowestPence: number;
  monthsBelowThreshold: string[];
}

export interface CashFlowInput {
  financialYear: string;
  openingPence: number;
  thresholdPence: number;
  /** The streams whose money is counted (the caller chooses: secured, or a scenario's). */
  streams: readonly IncomeStream[];
  runningCosts: readonly RunningCostLine[];
}

/**
 * A year's cash, month by month: what each stream pays in (from every year's amounts, so money
 * in arrears from last year lands this year), the practices' share paid on in the month it comes
 * in (a scheme's exact payments where the year has them, paid in the same instalments), running
 * costs as their terms say, and the balance carried from month to month.
 */
export function cashFlow(input: CashFlowInput): CashFlow {
  parseFinancialYear(input.financialYear);
  const months = monthsOf(input.financialYear);
  const inYear = new Set(months);
  const zero = () => Object.fromEntries(months.map((m) => [m, 0])) as Record<string, number>;
  const receipts: CashFlow['receipts'] = [];
  const practicePayments = zero();
  for (const stream of input.streams) {
    const byMonth = zero();
    for (const year of stream.amounts) {
      // The practices' share is taken of the year's amount, once, as the I&E takes it, then paid in the same instalments: a share of each instalment would round twelve times.
      const practicesPence = year.practicesPence ?? shareOf(year.amountPence, stream.practicesShareBasisPoints);
      const shares = paymentSchedule(year.financialYear, practicesPence, stream);
      paymentSchedule(year.financialYear, year.amountPence, stream).forEach((instalment, i) => {
        if (!inYear.has(instalment.month)) return;
        byMonth[instalment.month]! += instalment.amountPence;
        practicePayments[instalment.month]! += shares[i]!.amountPence;
      });
    }
    const totalPence = Object.values(byMonth).reduce((a, b) => a + b, 0);
    if (totalPence !== 0) receipts.push({ streamId: stream.id, name: stream.name, funder: stream.funder, byMonth, totalPence });
  }
  const costs = zero();
  for (const line of input.runningCosts) {
    for (const instalment of paymentSchedule(line.financialYear, line.amountPence, line)) if (inYear.has(instalment.month)) costs[instalment.month]! += instalment.amountPence;
  }
  let balance = input.openingPence;
  const rows = months.map((month): CashFlowMonth => {
    const receiptsPence = receipts.reduce((sum, r) => sum + r.byMonth[month]!, 0);
    const netPence = receiptsPence - practicePayments[month]! - costs[month]!;
    const openingPence = balance;
    balance += netPence;
    return { month, openingPence, receiptsPence, practicePaymentsPence: practicePayments[month]!, runningCostsPence: costs[month]!, netPence, closingPence: balance, belowThreshold: balance < input.thresholdPence };
  });
  return {
    financialYear: input.financialYear,
    thresholdPence: input.thresholdPence,
    openingPence: input.openingPence,
    closingPence: balance,
    months: rows,
    receipts,
    lowestPence: Math.min(...rows.map((r) => r.closingPence)),
    monthsBelowThreshold: rows.filter((r) => r.belowThreshold).map((r) => r.month),
  };
}
