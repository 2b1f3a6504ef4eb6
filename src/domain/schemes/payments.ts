import type { Decimal } from 'decimal.js';
import { costOfUnits, unitRateOf, type Allocation, type AllocationRow } from './allocation.js';
import type { DeliveredActivity } from './delivered.js';
import type { Participation, SchemeDefinition } from './scheme-definition.js';
import type { SchemeWarning } from './scheme-warning.js';
import { exact, roundByRule, roundColumn, sum, toPence, totalColumn, ZERO, type ColumnTotal } from './rounding.js';

export interface ModelPayment {
  modelId: string;
  modelName: string;
  /** Units delivered; null when the return left the figure blank. */
  delivered: number | null;
  unitRateExact: string;
  costExact: string;
}

export interface PaymentRow {
  practiceKey: string;
  practiceName: string;
  takesPart: Participation | null;
  models: ModelPayment[];
  deliveredTotal: number | null;
  /** The practice's rounded allocation, for comparison. */
  allocated: number;
  /** Units delivered beyond the allocation (paid, but flagged); null when within it. */
  aboveAllocation: number | null;
  amountExact: string;
  /** What the practice is paid for what it delivered, rounded by the payment rule. */
  amountPence: number;
  feeExact: string | null;
  feePence: number | null;
}

export interface FeeTerms {
  label: string;
  percent: number | null;
  fixedPence: number | null;
}

export interface Payments {
  rows: PaymentRow[];
  fee: FeeTerms | null;
  totals: {
    delivered: { modelId: string; total: number }[];
    deliveredTotal: number;
    amount: ColumnTotal;
    /** The federation's fee: percent of the unrounded delivered cost, or the fixed sum. */
    fee: ColumnTotal | null;
    /** What the commissioner is invoiced: delivered cost plus fee. Its "rows" are the amount and fee totals. */
    grandTotal: ColumnTotal;
  };
  warnings: SchemeWarning[];
}

function feeTerms(definition: SchemeDefinition): FeeTerms | null {
  const { fee } = definition;
  if (!fee) return null;
  const label = fee.label ?? (fee.percent !== undefined ? `Federation fee (${fee.percent}%)` : 'Federation fee');
  return { label, percent: fee.percent ?? null, fixedPence: fee.fixed !== undefined ? toPence(roundByRule(exact(fee.fixed), 'half_up_pence')) : null };
}

/** What a person should know about one practice's return: over its allocation, no return, not taking part. */
function warningsForReturn(allocated: AllocationRow, ret: DeliveredActivity | undefined, deliveredTotal: number | null, above: number | null, unit: string): SchemeWarning[] {
  const warnings: SchemeWarning[] = [];
  const name = allocated.practiceName;
  const base = { practiceKey: allocated.practiceKey, ...(ret?.source ? { source: ret.source } : {}) };
  if (above !== null) {
    warnings.push({ ...base, severity: 'warning', code: 'delivered_above_allocation', message: `${name} delivered ${deliveredTotal} ${unit} against an allocation of ${allocated.quantity} (${above} more); paid for all of it` });
  }
  if (ret?.takesPart === 'no') {
    warnings.push({ ...base, severity: 'note', code: 'return_says_not_taking_part', message: `${name}'s return says it did not take part: its allocation of ${allocated.quantity} ${unit} went unused` });
  } else if (ret?.takesPart === 'unknown') {
    warnings.push({ ...base, severity: 'note', code: 'participation_unknown', message: `${name}'s return does not say whether it took part` });
  }
  if (deliveredTotal === null && ret?.takesPart !== 'no') {
    warnings.push({ ...base, severity: 'note', code: 'no_activity_return', message: `${name} returned no activity: nothing is paid` });
  }
  return warnings;
}

/**
 * Pays each participating practice for the activity it delivered, at each delivery model's rate,
 * and adds the federation's fee. Delivery above the allocation is paid but flagged. Totals follow
 * the scheme's totals rule, so the seeds' "rows do not foot" behaviour is reproduced and shown.
 */
export function calculatePayments(definition: SchemeDefinition, allocation: Allocation, delivered: readonly DeliveredActivity[]): Payments {
  const { rounding, shared } = definition;
  const unit = allocation.unitLabel;
  const warnings: SchemeWarning[] = [];
  const byPractice = new Map(delivered.map((d) => [d.practiceKey, d]));
  const allocatedKeys = new Set(allocation.rows.map((r) => r.practiceKey));
  for (const d of delivered) {
    const units = Object.values(d.units).filter((u): u is number => u !== null && u > 0);
    if (!allocatedKeys.has(d.practiceKey) && units.length > 0) {
      const message = `practice ${d.practiceKey} returned activity but is not taking part in the scheme; it is not paid`;
      warnings.push({ severity: 'warning', code: 'activity_from_non_participant', practiceKey: d.practiceKey, message, ...(d.source ? { source: d.source } : {}) });
    }
  }

  const amounts: Decimal[] = [];
  const rowsWithoutMoney = allocation.rows.map((allocated) => {
    const ret = byPractice.get(allocated.practiceKey);
    const models = definition.deliveryModels.map((model): ModelPayment & { cost: Decimal } => {
      const units = ret?.units[model.id] ?? null;
      const cost = units === null ? ZERO : costOfUnits(exact(units), model, shared.unit);
      return { modelId: model.id, modelName: model.name, delivered: units, unitRateExact: unitRateOf(model, shared.unit).toString(), costExact: cost.toString(), cost };
    });
    const counts = models.map((m) => m.delivered).filter((u): u is number => u !== null);
    const deliveredTotal = counts.length ? sum(counts.map((u) => exact(u))).toNumber() : null;
    const amount = sum(models.map((m) => m.cost));
    amounts.push(amount);
    const above = deliveredTotal !== null && deliveredTotal > allocated.quantity ? exact(deliveredTotal).minus(allocated.quantity).toNumber() : null;
    warnings.push(...warningsForReturn(allocated, ret, deliveredTotal, above, unit));
    return { allocated, ret, models: models.map(({ cost: _cost, ...rest }) => rest), deliveredTotal, above };
  });

  const roundedAmounts = roundColumn(amounts, rounding.payment);
  const terms = feeTerms(definition);
  const feeRate = terms?.percent != null ? exact(terms.percent).div(100) : null;
  const fees = feeRate ? amounts.map((a) => a.times(feeRate)) : null;
  const roundedFees = fees ? roundColumn(fees, rounding.fee) : null;

  const rows = rowsWithoutMoney.map((r, i): PaymentRow => ({
    practiceKey: r.allocated.practiceKey,
    practiceName: r.allocated.practiceName,
    takesPart: r.ret?.takesPart ?? null,
    models: r.models,
    deliveredTotal: r.deliveredTotal,
    allocated: r.allocated.quantity,
    aboveAllocation: r.above,
    amountExact: amounts[i]!.toString(),
    amountPence: toPence(roundedAmounts[i]!),
    feeExact: fees ? fees[i]!.toString() : null,
    feePence: roundedFees ? toPence(roundedFees[i]!) : null,
  }));

  const amountTotal = totalColumn('delivered_cost', amounts, roundedAmounts, rounding.payment, rounding.totals, true);
  let feeTotal: ColumnTotal | null = null;
  let feeExact = ZERO;
  if (fees && roundedFees) {
    feeTotal = totalColumn('federation_fee', fees, roundedFees, rounding.fee, rounding.totals, true);
    feeExact = sum(fees);
  } else if (terms?.fixedPence != null) {
    feeExact = exact(terms.fixedPence).div(100);
    feeTotal = totalColumn('federation_fee', [feeExact], [feeExact], rounding.fee, rounding.totals, true);
  }
  const shownParts = [exact(amountTotal.total).div(100), exact(feeTotal?.total ?? 0).div(100)];
  const grandTotal = totalColumn('grand_total', [sum(amounts).plus(feeExact)], [sum(shownParts)], rounding.payment, rounding.totals, true);

  return {
    rows,
    fee: terms,
    totals: {
      delivered: definition.deliveryModels.map((model) => ({
        modelId: model.id,
        total: sum(rows.map((r) => exact(r.models.find((m) => m.modelId === model.id)?.delivered ?? 0))).toNumber(),
      })),
      deliveredTotal: sum(rows.map((r) => exact(r.deliveredTotal ?? 0))).toNumber(),
      amount: amountTotal,
      fee: feeTotal,
      grandTotal,
    },
    warnings,
  };
}
