import { unitRateOf, type Allocation, type AllocationRow } from './allocation.js';
import type { DeliveredActivity } from './delivered.js';
import type { Participation, SchemeDefinition } from './scheme-definition.js';
import type { SchemeWarning } from './scheme-warning.js';
import { ExactFigures } from './exact-figures.js';
import { formatCount as count, formatQuantity } from './format-money.js';
import { ratio, roundByRule, roundColumnOf, roundColumnSteps, stepsAsFigure, sum, toPence, totalColumn, totalColumnSteps, ZERO, type ColumnTotal, type Ratio } from './rounding.js';

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

/** units × the model's unit rate is exactly what costOfUnits works out, with one multiplication. */
function costOf(unitRate: Ratio, units: number | null): Ratio {
  return units === null ? ZERO : unitRate.times(units);
}

class ModelPaymentFigures extends ExactFigures implements ModelPayment {
  static readonly exactFields = ['unitRateExact', 'costExact'];
  declare readonly modelId: string;
  declare readonly modelName: string;
  declare readonly delivered: number | null;
  readonly #unitRate: Ratio;

  constructor(figures: Omit<ModelPayment, 'unitRateExact' | 'costExact'>, unitRate: Ratio) {
    super();
    this.#unitRate = unitRate;
    this.modelId = figures.modelId;
    this.modelName = figures.modelName;
    this.delivered = figures.delivered;
  }

  get unitRateExact() {
    return this.#unitRate.toString();
  }

  get costExact() {
    // Worked out again when read, as calculatePayments does, rather than kept for every row.
    return costOf(this.#unitRate, this.delivered).toString();
  }
}

/** The delivery models and their unit rates, shared by every row of one run. */
interface ModelRates {
  models: SchemeDefinition['deliveryModels'];
  rates: readonly Ratio[];
}

class PaymentRowFigures extends ExactFigures implements PaymentRow {
  // `models` too is made when read, from the return: a row over every practice in England holds no more objects than it must.
  static readonly exactFields = ['amountExact', 'feeExact', 'models'];
  declare readonly practiceKey: string;
  declare readonly practiceName: string;
  declare readonly takesPart: Participation | null;
  declare readonly deliveredTotal: number | null;
  declare readonly allocated: number;
  declare readonly aboveAllocation: number | null;
  declare readonly amountPence: number;
  declare readonly feePence: number | null;
  readonly #amount: Ratio;
  readonly #feeRate: Ratio | null;
  readonly #rates: ModelRates;
  readonly #units: DeliveredActivity['units'] | undefined;

  constructor(figures: Omit<PaymentRow, 'amountExact' | 'feeExact' | 'models'>, amount: Ratio, feeRate: Ratio | null, rates: ModelRates, units: DeliveredActivity['units'] | undefined) {
    super();
    this.#amount = amount;
    this.#feeRate = feeRate;
    this.#rates = rates;
    this.#units = units;
    this.practiceKey = figures.practiceKey;
    this.practiceName = figures.practiceName;
    this.takesPart = figures.takesPart;
    this.deliveredTotal = figures.deliveredTotal;
    this.allocated = figures.allocated;
    this.aboveAllocation = figures.aboveAllocation;
    this.amountPence = figures.amountPence;
    this.feePence = figures.feePence;
  }

  get amountExact() {
    return this.#amount.toString();
  }

  get feeExact() {
    // The fee is the amount × the fee rate, worked out again when read rather than kept for every row.
    return this.#feeRate ? this.#amount.times(this.#feeRate).toString() : null;
  }

  get models(): ModelPayment[] {
    const { models, rates } = this.#rates;
    return models.map((model, m) => new ModelPaymentFigures({ modelId: model.id, modelName: model.name, delivered: this.#units?.[model.id] ?? null }, rates[m]!));
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

/** Adds one warning about a practice's return, with where the return came from when that is known. */
function warn(warnings: SchemeWarning[], ret: DeliveredActivity | undefined, severity: SchemeWarning['severity'], code: SchemeWarning['code'], practiceKey: string, message: string) {
  const warning: SchemeWarning = { severity, code, practiceKey, message };
  if (ret?.source) warning.source = ret.source;
  warnings.push(warning);
}

/** What a person should know about one practice's return: over its allocation, no return, not taking part. Added to `warnings`. */
function warningsForReturn(warnings: SchemeWarning[], allocated: AllocationRow, ret: DeliveredActivity | undefined, deliveredTotal: number | null, above: number | null, unit: string): void {
  const name = allocated.practiceName;
  const key = allocated.practiceKey;
  if (above !== null) warn(warnings, ret, 'warning', 'delivered_above_allocation', key, `${name} delivered ${formatQuantity(deliveredTotal!, unit)} against an allocation of ${count(allocated.quantity)} (${count(above)} more); paid for all of it`);
  if (ret?.takesPart === 'no') warn(warnings, ret, 'note', 'return_says_not_taking_part', key, `${name}’s return says it did not take part: its allocation of ${formatQuantity(allocated.quantity, unit)} went unused`);
  else if (ret?.takesPart === 'unknown') warn(warnings, ret, 'note', 'participation_unknown', key, `${name}’s return does not say whether it took part`);
  if (deliveredTotal === null && ret?.takesPart !== 'no') warn(warnings, ret, 'note', 'no_activity_return', key, `${name} returned no activity: nothing is paid`);
}

/** Figures added up exactly (blanks as 0): whole numbers as they are, anything else as ratios. */
function addUp(values: readonly (number | null)[]): number {
  let total = 0;
  for (const value of values) {
    if (value === null) continue;
    if (!Number.isSafeInteger(value) || !Number.isSafeInteger(total + value)) return sum(values.map((v) => ratio(v ?? 0))).toNumber();
    total += value;
  }
  return total;
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

  // Each model's price is worked out once. Plain loops: under tsx a closure made per row is named as it is made.
  const models = definition.deliveryModels;
  const rates = models.map((model) => unitRateOf(model, shared.unit));
  const count = allocation.rows.length;
  const amounts: Ratio[] = new Array(count);
  const deliveredByModel: (number | null)[][] = models.map(() => new Array(count));
  const deliveredTotals: (number | null)[] = new Array(count);
  const aboveAllocation: (number | null)[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const allocated = allocation.rows[i]!;
    const ret = byPractice.get(allocated.practiceKey);
    let amount = ZERO;
    let total: Ratio | null = null;
    for (let m = 0; m < models.length; m++) {
      const delivered = ret?.units[models[m]!.id] ?? null;
      amount = amount.plus(costOf(rates[m]!, delivered));
      deliveredByModel[m]![i] = delivered;
      // The units delivered under every model, added up exactly; null when every figure was left blank.
      if (delivered !== null) total = (total ?? ZERO).plus(delivered);
    }
    amounts[i] = amount;
    const above = total !== null && total.comparedTo(allocated.quantity) > 0 ? total.minus(allocated.quantity).toNumber() : null;
    deliveredTotals[i] = total?.toNumber() ?? null;
    aboveAllocation[i] = above;
    warningsForReturn(warnings, allocated, ret, deliveredTotals[i]!, above, unit);
  }

  const roundedAmounts = roundColumnSteps(amounts, rounding.payment);
  const terms = feeTerms(definition);
  const feeRate = terms?.percent != null ? ratio(terms.percent).div(100) : null;
  const fees = feeRate ? roundColumnOf(count, (i) => amounts[i]!.times(feeRate), rounding.fee) : null;

  const modelRates: ModelRates = { models, rates };
  const rows: PaymentRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const allocated = allocation.rows[i]!;
    const ret = byPractice.get(allocated.practiceKey);
    rows[i] = new PaymentRowFigures(
      {
        practiceKey: allocated.practiceKey,
        practiceName: allocated.practiceName,
        takesPart: ret?.takesPart ?? null,
        deliveredTotal: deliveredTotals[i]!,
        allocated: allocated.quantity,
        aboveAllocation: aboveAllocation[i]!,
        amountPence: stepsAsFigure(roundedAmounts[i]!, rounding.payment, true),
        feePence: fees ? stepsAsFigure(fees.steps[i]!, rounding.fee, true) : null,
      },
      amounts[i]!,
      feeRate,
      modelRates,
      ret?.units,
    );
  }

  const amountTotal = totalColumnSteps('delivered_cost', amounts, roundedAmounts, rounding.payment, rounding.totals, true);
  let feeTotal: ColumnTotal | null = null;
  let feeExact = ZERO;
  if (fees) {
    feeTotal = totalColumnSteps('federation_fee', fees.exactTotal, fees.steps, rounding.fee, rounding.totals, true);
    feeExact = fees.exactTotal;
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
      delivered: models.map((model, m) => ({ modelId: model.id, total: addUp(deliveredByModel[m]!) })),
      deliveredTotal: addUp(deliveredTotals),
      amount: amountTotal,
      fee: feeTotal,
      grandTotal,
    },
    warnings,
  };
}
