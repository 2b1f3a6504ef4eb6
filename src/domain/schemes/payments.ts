import { unitRateOf, type Allocation, type AllocationRow } from './allocation.js';
import type { DeliveredActivity } from './delivered.js';
import type { Participation, SchemeDefinition } from './scheme-definition.js';
import type { SchemeWarning } from './scheme-warning.js';
import { ExactFigures } from './exact-figures.js';
import { ratio, roundByRule, roundColumn, sum, toPence, totalColumn, ZERO, type ColumnTotal, type Ratio } from './rounding.js';

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

class ModelPaymentFigures extends ExactFigures implements ModelPayment {
  static readonly exactFields = ['unitRateExact', 'costExact'];
  declare readonly modelId: string;
  declare readonly modelName: string;
  declare readonly delivered: number | null;

  constructor(figures: Omit<ModelPayment, 'unitRateExact' | 'costExact'>, unitRate: Ratio, cost: Ratio) {
    super(unitRate, cost);
    this.modelId = figures.modelId;
    this.modelName = figures.modelName;
    this.delivered = figures.delivered;
  }

  get unitRateExact() {
    return this.exactText(0)!;
  }

  get costExact() {
    return this.exactText(1)!;
  }
}

class PaymentRowFigures extends ExactFigures implements PaymentRow {
  static readonly exactFields = ['amountExact', 'feeExact'];
  declare readonly practiceKey: string;
  declare readonly practiceName: string;
  declare readonly takesPart: Participation | null;
  declare readonly models: ModelPayment[];
  declare readonly deliveredTotal: number | null;
  declare readonly allocated: number;
  declare readonly aboveAllocation: number | null;
  declare readonly amountPence: number;
  declare readonly feePence: number | null;

  constructor(figures: Omit<PaymentRow, 'amountExact' | 'feeExact'>, amount: Ratio, fee: Ratio | null) {
    super(amount, fee);
    this.practiceKey = figures.practiceKey;
    this.practiceName = figures.practiceName;
    this.takesPart = figures.takesPart;
    this.models = figures.models;
    this.deliveredTotal = figures.deliveredTotal;
    this.allocated = figures.allocated;
    this.aboveAllocation = figures.aboveAllocation;
    this.amountPence = figures.amountPence;
    this.feePence = figures.feePence;
  }

  get amountExact() {
    return this.exactText(0)!;
  }

  get feeExact() {
    return this.exactText(1);
  }
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
  return { label, percent: fee.percent ?? null, fixedPence: fee.fixed !== undefined ? toPence(roundByRule(ratio(fee.fixed), 'half_up_pence')) : null };
}

/** What a person should know about one practice's return: over its allocation, no return, not taking part. */
function warningsForReturn(allocated: AllocationRow, ret: DeliveredActivity | undefined, deliveredTotal: number | null, above: number | null, unit: string): SchemeWarning[] {
  const warnings: SchemeWarning[] = [];
  const name = allocated.practiceName;
  const warn = (severity: SchemeWarning['severity'], code: SchemeWarning['code'], message: string) => {
    const warning: SchemeWarning = { severity, code, practiceKey: allocated.practiceKey, message };
    if (ret?.source) warning.source = ret.source;
    warnings.push(warning);
  };
  if (above !== null) warn('warning', 'delivered_above_allocation', `${name} delivered ${deliveredTotal} ${unit} against an allocation of ${allocated.quantity} (${above} more); paid for all of it`);
  if (ret?.takesPart === 'no') warn('note', 'return_says_not_taking_part', `${name}'s return says it did not take part: its allocation of ${allocated.quantity} ${unit} went unused`);
  else if (ret?.takesPart === 'unknown') warn('note', 'participation_unknown', `${name}'s return does not say whether it took part`);
  if (deliveredTotal === null && ret?.takesPart !== 'no') warn('note', 'no_activity_return', `${name} returned no activity: nothing is paid`);
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
    if (allocatedKeys.has(d.practiceKey)) continue;
    if (Object.values(d.units).some((u) => u !== null && u > 0)) {
      const message = `practice ${d.practiceKey} returned activity but is not taking part in the scheme; it is not paid`;
      warnings.push({ severity: 'warning', code: 'activity_from_non_participant', practiceKey: d.practiceKey, message, ...(d.source ? { source: d.source } : {}) });
    }
  }

  // Each model's price is worked out once.
  const rates = definition.deliveryModels.map((model) => unitRateOf(model, shared.unit));
  const amounts: Ratio[] = [];
  const rowsWithoutMoney = allocation.rows.map((allocated) => {
    const ret = byPractice.get(allocated.practiceKey);
    let amount = ZERO;
    let deliveredTotal: Ratio | null = null;
    const models = definition.deliveryModels.map((model, m): ModelPayment => {
      const units = ret?.units[model.id] ?? null;
      // units × the model's unit rate is exactly what costOfUnits works out, with one multiplication.
      const cost = units === null ? ZERO : rates[m]!.times(units);
      amount = amount.plus(cost);
      if (units !== null) deliveredTotal = (deliveredTotal ?? ZERO).plus(units);
      return new ModelPaymentFigures({ modelId: model.id, modelName: model.name, delivered: units }, rates[m]!, cost);
    });
    amounts.push(amount);
    const total = deliveredTotal as Ratio | null;
    const above = total !== null && total.comparedTo(allocated.quantity) > 0 ? total.minus(allocated.quantity).toNumber() : null;
    warnings.push(...warningsForReturn(allocated, ret, total?.toNumber() ?? null, above, unit));
    return { allocated, ret, models, deliveredTotal: total?.toNumber() ?? null, above };
  });

  const roundedAmounts = roundColumn(amounts, rounding.payment);
  const terms = feeTerms(definition);
  const feeRate = terms?.percent != null ? ratio(terms.percent).div(100) : null;
  const fees = feeRate ? amounts.map((a) => a.times(feeRate)) : null;
  const roundedFees = fees ? roundColumn(fees, rounding.fee) : null;

  const rows = rowsWithoutMoney.map(
    (r, i): PaymentRow =>
      new PaymentRowFigures(
        {
          practiceKey: r.allocated.practiceKey,
          practiceName: r.allocated.practiceName,
          takesPart: r.ret?.takesPart ?? null,
          models: r.models,
          deliveredTotal: r.deliveredTotal,
          allocated: r.allocated.quantity,
          aboveAllocation: r.above,
          amountPence: toPence(roundedAmounts[i]!),
          feePence: roundedFees ? toPence(roundedFees[i]!) : null,
        },
        amounts[i]!,
        fees ? fees[i]! : null,
      ),
  );

  const amountTotal = totalColumn('delivered_cost', amounts, roundedAmounts, rounding.payment, rounding.totals, true);
  let feeTotal: ColumnTotal | null = null;
  let feeExact = ZERO;
  if (fees && roundedFees) {
    feeTotal = totalColumn('federation_fee', fees, roundedFees, rounding.fee, rounding.totals, true);
    feeExact = sum(fees);
  } else if (terms?.fixedPence != null) {
    feeExact = ratio(terms.fixedPence).div(100);
    feeTotal = totalColumn('federation_fee', [feeExact], [feeExact], rounding.fee, rounding.totals, true);
  }
  const shownParts = [ratio(amountTotal.total).div(100), ratio(feeTotal?.total ?? 0).div(100)];
  const grandTotal = totalColumn('grand_total', [sum(amounts).plus(feeExact)], [sum(shownParts)], rounding.payment, rounding.totals, true);

  return {
    rows,
    fee: terms,
    totals: {
      delivered: definition.deliveryModels.map((model, m) => ({
        modelId: model.id,
        total: sum(rows.map((r) => ratio(r.models[m]!.delivered ?? 0))).toNumber(),
      })),
      deliveredTotal: sum(rows.map((r) => ratio(r.deliveredTotal ?? 0))).toNumber(),
      amount: amountTotal,
      fee: feeTotal,
      grandTotal,
    },
    warnings,
  };
}
