import { monthIndex, monthOfIndex, monthsOf, parseFinancialYear } from './financial-year.js';
import { shareOf, splitPence } from './money.js';
import type { IncomeStream, PaymentTerms, RunningCostLine, StreamAmount } from './types.js';

export interface Instalment {
  /** "YYYY-MM": the month the money moves. */
  month: string;
  amountPence: number;
}

const periodLengths: Record<PaymentTerms['frequency'], number> = { monthly: 1, on_claim: 1, quarterly: 3, annually: 12 };
const april = monthIndex('2000-04');

/**
 * When a year's amount is paid: the year (or the `months` a scheme runs) is cut into the periods
 * the terms name (months, quarters April–June…, the whole year), each period's equal share is paid
 * in the period's last month, then moved on by the months in arrears. A stream paid quarterly two
 * months in arrears pays April–June in August, and January–March in May of the next financial year.
 */
export function paymentSchedule(financialYear: string, amountPence: number, terms: PaymentTerms, months: readonly string[] = monthsOf(financialYear)): Instalment[] {
  const length = periodLengths[terms.frequency];
  const periods = [...new Set(months.map((m) => Math.floor((monthIndex(m) - april) / length)))].sort((a, b) => a - b);
  return splitPence(amountPence, periods.length).map((share, i) => ({ month: monthOfIndex(april + (periods[i]! + 1) * length - 1 + terms.arrearsMonths), amountPence: share }));
}

/** A linked scheme's money placed by the days its version was recorded as invoiced and paid, not forecast. */
export interface DatedMoney {
  streamId: number;
  name: string;
  /** The year of the stream's amount it is. */
  financialYear: string;
  terms: PaymentTerms;
  received: { month: string; amountPence: number; invoicedOn: string };
  paid: { month: string; amountPence: number; paidOn: string } | null;
}

/**
 * A year's amount and the practices' part of it as instalments in and out. Once a linked scheme is
 * invoiced, the invoice is one claim: received as the terms put it after the invoice's month (on
 * claim one month in arrears: the month after), and the practices are paid with it, or in the
 * month they were recorded as paid. Before that, its period's months, else the whole year.
 */
function amountSchedule(amount: StreamAmount, practicesPence: number, terms: PaymentTerms): { receipts: Instalment[]; practices: Instalment[] } {
  const { invoicedOn = null, paidOn = null, months = null } = amount.timing ?? {};
  const over = invoicedOn ? [invoicedOn.slice(0, 7)] : (months ?? undefined);
  const receipts = paymentSchedule(amount.financialYear, amount.amountPence, terms, over);
  const practices = invoicedOn && paidOn ? [{ month: paidOn.slice(0, 7), amountPence: practicesPence }] : paymentSchedule(amount.financialYear, practicesPence, terms, over);
  return { receipts, practices };
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
  /** Linked schemes' money this year that recorded invoice and payment dates place (or move out of it). */
  dated: DatedMoney[];
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
 * in (a scheme's exact payments where the year has them, paid in the same instalments, or when
 * recorded as paid), a linked scheme's invoice received as its terms say after the invoice, running
 * costs as their terms say, and the balance carried from month to month.
 */
export function cashFlow(input: CashFlowInput): CashFlow {
  parseFinancialYear(input.financialYear);
  const months = monthsOf(input.financialYear);
  const inYear = new Set(months);
  const zero = () => Object.fromEntries(months.map((m) => [m, 0])) as Record<string, number>;
  const receipts: CashFlow['receipts'] = [];
  const practicePayments = zero();
  const dated: DatedMoney[] = [];
  for (const stream of input.streams) {
    const byMonth = zero();
    for (const year of stream.amounts) {
      // The practices' share is taken of the year's amount, once, as the I&E takes it, then paid in the same instalments: a share of each instalment would round twelve times.
      const practicesPence = year.practicesPence ?? shareOf(year.amountPence, stream.practicesShareBasisPoints);
      const schedule = amountSchedule(year, practicesPence, stream);
      for (const instalment of schedule.receipts) if (inYear.has(instalment.month)) byMonth[instalment.month]! += instalment.amountPence;
      for (const instalment of schedule.practices) if (inYear.has(instalment.month)) practicePayments[instalment.month]! += instalment.amountPence;
      const { invoicedOn, paidOn } = year.timing ?? {};
      if (!invoicedOn) continue;
      const received = { month: schedule.receipts[0]!.month, amountPence: year.amountPence, invoicedOn };
      const paid = paidOn ? { month: schedule.practices[0]!.month, amountPence: practicesPence, paidOn } : null;
      if (year.financialYear === input.financialYear || inYear.has(received.month) || (paid && inYear.has(paid.month))) dated.push({ streamId: stream.id, name: stream.name, financialYear: year.financialYear, terms: { frequency: stream.frequency, arrearsMonths: stream.arrearsMonths }, received, paid });
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
    dated,
    lowestPence: Math.min(...rows.map((r) => r.closingPence)),
    monthsBelowThreshold: rows.filter((r) => r.belowThreshold).map((r) => r.month),
  };
}
