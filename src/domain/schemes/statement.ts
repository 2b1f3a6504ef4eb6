import type { Allocation } from './allocation.js';
import { formatPence } from './format-money.js';
import type { MultiYearSchedule } from './multi-year.js';
import type { Payments } from './payments.js';
import type { SchemeDefinition } from './scheme-definition.js';
import type { SchemeWarning } from './scheme-warning.js';
import { describeRoundingRule, exact, roundHalfUpToPence, toPence } from './rounding.js';

export interface StatementLine {
  label: string;
  /** e.g. "208 appointments × £12.50" or "2.84% of 327,255 patients". */
  detail: string;
  /** Money on this line, or null for a line that only informs. */
  amountPence: number | null;
}

/** What one practice is told: its share, its allocation, what it delivered and what it is paid (or pays). */
export interface PracticeStatement {
  practiceKey: string;
  practiceName: string;
  odsCode: string | null;
  title: string;
  lines: StatementLine[];
  totals: { label: string; amountPence: number; rule: string }[];
  warnings: string[];
}

function count(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** Pounds to the penny for a statement line: 1282.5 → 128250 pence. */
function linePence(exactPounds: string): number {
  return toPence(roundHalfUpToPence(exact(exactPounds)));
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
  return allocation.rows.map((row, i) => {
    const lines: StatementLine[] = [];
    const totals: PracticeStatement['totals'] = [];
    lines.push({
      label: 'Share',
      detail: row.listSize !== null && allocation.listSizeTotal !== null ? `${row.sharePercent.toFixed(2)}% (list of ${count(row.listSize)} out of ${count(allocation.listSizeTotal)})` : `${row.sharePercent.toFixed(2)}%`,
      amountPence: null,
    });
    const perWeek = row.perWeek !== null ? ` (${count(row.perWeek)} a week over ${allocation.weeks} weeks)` : allocation.per === 'week' ? ' a week' : '';
    lines.push({ label: 'Allocation', detail: `${count(row.quantity)} ${unit}${perWeek}`, amountPence: null });
    const pay = payments?.rows[i];
    if (pay) {
      for (const model of pay.models) {
        if (model.delivered === null) continue;
        // A rate such as £95 / 6 repeats for ever: show it to the penny and say so.
        const whole = exact(model.unitRateExact).times(100).isInteger();
        const rateText = `${formatPence(linePence(model.unitRateExact))}${whole ? '' : '…'}`;
        lines.push({ label: `${model.modelName} delivered`, detail: `${count(model.delivered)} ${unit} × ${rateText}`, amountPence: linePence(model.costExact) });
      }
      if (pay.deliveredTotal === null) lines.push({ label: 'Delivered', detail: 'no activity returned', amountPence: null });
      totals.push({ label: 'Amount payable to the practice', amountPence: pay.amountPence, rule: describeRoundingRule(definition.rounding.payment) });
      if (pay.feePence !== null && payments?.fee) {
        lines.push({ label: payments.fee.label, detail: 'on this practice\'s activity, charged to the commissioner on top (not deducted)', amountPence: pay.feePence });
      }
    }
    const schedule = multiYear?.practices[i];
    if (schedule) {
      for (const year of schedule.years) lines.push({ label: `Contribution ${year.year}`, detail: `${schedule.sharePercent.toFixed(2)}% of the practices' contribution`, amountPence: year.contributionPence });
      totals.push({ label: `Contribution over ${schedule.years.length} years`, amountPence: schedule.totalPence, rule: describeRoundingRule(definition.rounding.contribution) });
    }
    return {
      practiceKey: row.practiceKey,
      practiceName: row.practiceName,
      odsCode: row.odsCode,
      title: `${definition.name}: statement for ${row.practiceName}${row.odsCode ? ` (${row.odsCode})` : ''}`,
      lines,
      totals,
      warnings: warnings.filter((w) => w.practiceKey === row.practiceKey).map((w) => w.message),
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
