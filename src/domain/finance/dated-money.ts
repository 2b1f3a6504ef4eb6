import { formatLongDate } from '../iso-date.js';
import { formatPence } from '../schemes/format-money.js';
import type { CashFlow } from './cash-flow.js';
import { financialYearOfDate, monthLabel } from './financial-year.js';
import { termsLabel } from './types.js';

/**
 * Which of a cash flow's money comes from the days a linked scheme's version was recorded as
 * invoiced to the commissioner and paid to practices, rather than forecast from the terms.
 */

/** What recorded dates put in a month, for the cash flow table's "Recorded dates" column ("" for none). */
export function datedWords(flow: Pick<CashFlow, 'dated'>, month: string): string {
  return flow.dated
    .flatMap((d) => [
      ...(d.received.month === month ? [`${d.name}: invoiced ${formatLongDate(d.received.invoicedOn)}`] : []),
      ...(d.paid?.month === month ? [`${d.name}: paid to practices ${formatLongDate(d.paid.paidOn)}`] : []),
    ])
    .join('; ');
}

/**
 * One sentence for the page, the CLI and the API: each linked scheme's money placed by recorded
 * dates, the month it moves and why, naming the year of a month outside this one (an invoice in May
 * moves 2017/18's money into 2018/19). Null when nothing is dated.
 */
export function datedMoneyNote(flow: Pick<CashFlow, 'dated' | 'months'>): string | null {
  if (!flow.dated.length) return null;
  const inYear = new Set(flow.months.map((m) => m.month));
  const when = (month: string) => `${monthLabel(month)}${inYear.has(month) ? '' : ` (${financialYearOfDate(`${month}-01`)})`}`;
  const parts = flow.dated.map((d) => {
    const received = `${formatPence(d.received.amountPence)} expected in ${when(d.received.month)}, invoiced on ${formatLongDate(d.received.invoicedOn)} (${termsLabel(d.terms).toLowerCase()})`;
    const paid = d.paid ? `; ${formatPence(d.paid.amountPence)} paid to practices in ${when(d.paid.month)}, on ${formatLongDate(d.paid.paidOn)}` : '';
    return `${d.name} ${d.financialYear}: ${received}${paid}`;
  });
  return `From recorded dates rather than payment terms: ${parts.join('. ')}.`;
}
