import type { Allocation } from './allocation.js';
import { formatCount as count, formatPence, formatQuantity } from './format-money.js';
import type { MultiYearSchedule } from './multi-year.js';
import type { Payments } from './payments.js';
import type { SchemeWarning } from './scheme-warning.js';
import { costOfUnits, quantityShared, unitRateOf } from './allocation.js';
import { type SchemeDefinition, unitsPerHourOf } from './scheme-definition.js';
import { describeRoundingRule, ratio, roundHalfUpToPence, toPence, type Ratio } from './rounding.js';

export interface StatementLine {
  label: string;
  /** e.g. "208 appointments × £12.50", "81 appointments at 6 an hour, paid £95 an hour" or "2.84% of 327,255 patients". */
  detail: string;
  /** Money on this line, or null for a line that only informs. */
  amountPence: number | null;
  /** The federation's fee on this practice's activity, on the fee's line: the commissioner pays it on top, so it is not in `amountPence`. */
  chargedToCommissionerPence?: number;
}

/** What one practice is told: its share, its allocation, what it delivered and what it is paid (or pays). */
export interface PracticeStatement {
  practiceKey: string;
  practiceName: string;
  odsCode: string | null;
  title: string;
  lines: StatementLine[];
  totals: { label: string; amountPence: number; rule: string }[];
  /** What the practice delivered, in a few words ("208 appointments delivered", "No activity returned"); null when the scheme pays nothing for activity. */
  delivered: string | null;
  warnings: string[];
}

/** Pounds to the penny for a statement line: 1282.5 → 128250 pence. */
function linePence(pounds: Ratio): number {
  return toPence(roundHalfUpToPence(pounds));
}

/** How money shared per head reaches a practice: a rate × its own list, or its share of a pot. */
function moneyAllocationDetail(definition: SchemeDefinition, allocation: Allocation, listSize: number | null): string {
  if (definition.shared.per === 'patient' && listSize !== null) return `${formatPence(linePence(ratio(definition.shared.quantity)))} for each of its ${count(listSize)} registered patients`;
  return `its share of ${formatPence(linePence(quantityShared(definition.shared, allocation.listSizeTotal)))}`;
}

/** One statement per participating practice, from the results of a scheme run. */
export function buildStatements(
  definition: SchemeDefinition,
  allocation: Allocation,
  payments: Payments | null,
  multiYear: MultiYearSchedule | null,
  warnings: readonly SchemeWarning[],
): PracticeStatement[] {
  const unit = allocation.unitLabel;
  // What is the same on every statement is worked out once: a national scheme has thousands.
  const listTotal = allocation.listSizeTotal !== null ? count(allocation.listSizeTotal) : null;
  const models = definition.deliveryModels.map((model) => {
    const rate = unitRateOf(model, definition.shared.unit);
    const perHour = unitsPerHourOf(model, definition.shared.unit);
    // A model paid by the hour says so, the same way for every model (£95 / 6 has no exact price per appointment); one paid by the unit gives the unit's price.
    const byTheHour = model.hourlyRate !== undefined && perHour !== undefined && definition.shared.unit !== 'hours';
    const rateText = byTheHour ? `at ${count(perHour)} an hour, paid ${formatPence(linePence(ratio(model.hourlyRate!)))} an hour` : `× ${formatPence(linePence(rate))}`;
    return { model, label: `${model.name} delivered`, rateText };
  });
  const yearLabels = multiYear?.years.map((y) => `Contribution ${y.year}`) ?? [];
  const paymentRule = describeRoundingRule(definition.rounding.payment);
  const contributionRule = describeRoundingRule(definition.rounding.contribution);
  const allocationRule = describeRoundingRule(definition.rounding.quantity);
  const warningsByPractice = new Map<string, string[]>();
  for (const w of warnings) if (w.practiceKey !== null) warningsByPractice.set(w.practiceKey, [...(warningsByPractice.get(w.practiceKey) ?? []), w.message]);
  return allocation.rows.map((row, i) => {
    const lines: StatementLine[] = [];
    const totals: PracticeStatement['totals'] = [];
    const footing: string[] = [];
    const percent = `${row.sharePercent.toFixed(2)}%`;
    lines.push({ label: 'Share', detail: row.listSize !== null && listTotal !== null ? `${percent} (list of ${count(row.listSize)} out of ${listTotal})` : percent, amountPence: null });
    const perWeek = row.perWeek !== null ? ` (${count(row.perWeek)} a week over ${allocation.weeks} weeks)` : allocation.per === 'week' ? ' a week' : '';
    // Money shared per head is the practice's money: its allocation is an amount, and what it is paid where nothing is delivered for it.
    if (row.quantityPence !== null) lines.push({ label: 'Allocation', detail: moneyAllocationDetail(definition, allocation, row.listSize), amountPence: row.quantityPence });
    else lines.push({ label: 'Allocation', detail: `${formatQuantity(row.quantity, unit)}${perWeek}`, amountPence: null });
    const pay = payments?.rows[i];
    if (!pay && row.quantityPence !== null) totals.push({ label: 'Amount payable to the practice', amountPence: row.quantityPence, rule: allocationRule });
    if (pay) {
      pay.models.forEach((payment, m) => {
        if (payment.delivered === null) return;
        const { model, label, rateText } = models[m]!;
        lines.push({ label, detail: `${formatQuantity(payment.delivered, unit)} ${rateText}`, amountPence: linePence(costOfUnits(ratio(payment.delivered), model, definition.shared.unit)) });
      });
      if (pay.deliveredTotal === null) lines.push({ label: 'Delivered', detail: 'no activity returned', amountPence: null });
      totals.push({ label: 'Amount payable to the practice', amountPence: pay.amountPence, rule: paymentRule });
      if (pay.feePence !== null && payments?.fee) {
        // The fee is the commissioner's to pay, not the practice's money: said in words, so the amount column adds up to what the practice is paid.
        lines.push({ label: payments.fee.label, detail: `${formatPence(pay.feePence)} on this practice’s activity, charged to the commissioner on top (not deducted from this payment)`, amountPence: null, chargedToCommissionerPence: pay.feePence });
      }
    }
    const schedule = multiYear?.practices[i];
    if (schedule) {
      // Which schedule the figures are, as the scheme's pages and workbook say it (DOMAIN 4.2).
      const detail = `${schedule.sharePercent.toFixed(2)}% of the practices’ contribution (${multiYear!.basis.label})`;
      schedule.years.forEach((year, y) => lines.push({ label: yearLabels[y]!, detail, amountPence: year.contributionPence }));
      totals.push({ label: `Contribution over ${schedule.years.length} years`, amountPence: schedule.totalPence, rule: contributionRule });
      const yearsAddTo = schedule.years.reduce((sum, year) => sum + year.contributionPence, 0);
      // Each year and the total are rounded once from unrounded figures, so the years may not add to the total: said, never forced.
      if (yearsAddTo !== schedule.totalPence) footing.push(`The ${schedule.years.length} years, each rounded on its own, add to ${formatPence(yearsAddTo)}; the contribution over ${schedule.years.length} years is worked out from the unrounded years and rounded once, to ${formatPence(schedule.totalPence)}.`);
    }
    const delivered = !pay ? null : pay.deliveredTotal === null ? 'No activity returned' : `${formatQuantity(pay.deliveredTotal, unit)} delivered`;
    return {
      practiceKey: row.practiceKey,
      practiceName: row.practiceName,
      odsCode: row.odsCode,
      title: `${definition.name}: statement for ${row.practiceName}${row.odsCode ? ` (${row.odsCode})` : ''}`,
      lines,
      totals,
      delivered,
      warnings: [...(warningsByPractice.get(row.practiceKey) ?? []), ...footing],
    };
  });
}

/** A statement as plain text, for a terminal or an e-mail. */
export function formatStatement(statement: PracticeStatement): string {
  const width = Math.max(...statement.lines.map((l) => l.label.length), ...statement.totals.map((t) => t.label.length));
  const out = [statement.title, '='.repeat(statement.title.length)];
  for (const line of statement.lines) {
    out.push(`${line.label.padEnd(width)}  ${line.detail}${line.amountPence !== null ? `  ${formatPence(line.amountPence)}` : ''}`);
  }
  for (const total of statement.totals) out.push(`${total.label.padEnd(width)}  ${formatPence(total.amountPence)}  (${total.rule})`);
  for (const warning of statement.warnings) out.push(`Note: ${warning}`);
  return `${out.join('\n')}\n`;
}
