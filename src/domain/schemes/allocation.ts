import { AppError } from '../errors.js';
import { apportion, sharePercentsOf, sharesOf, type Apportionment, type ApportionmentBasis } from './apportion.js';
import { unitsPerHourOf, type DeliveryModel, type SchemeDefinition, type SharedUnit } from './scheme-definition.js';
import { ExactFigures } from './exact-figures.js';
import { ratio, roundColumnOf, roundColumnSteps, stepsAsFigure, totalColumnSteps, type ColumnTotal, type ExactNumber, type Ratio, type RoundingRule } from './rounding.js';

/** One delivery model's share of a practice's allocation: hours and cost (a week, when the scheme runs in weeks). */
export interface ModelAllocation {
  modelId: string;
  modelName: string;
  hours: number | null;
  hoursExact: string | null;
  costPence: number;
  costExact: string;
}

export interface AllocationRow {
  practiceKey: string;
  practiceName: string;
  odsCode: string | null;
  locality: string | null;
  cluster: string | null;
  listSize: number | null;
  /** The figure shared by: list size, weighted list, 1 or a fixed percentage. */
  weight: string;
  share: string;
  sharePercent: number;
  quantity: number;
  quantityExact: string;
  /** Set when the shared unit is £: the rounded quantity in pence. */
  quantityPence: number | null;
  perWeek: number | null;
  perWeekExact: string | null;
  models: ModelAllocation[];
}

class ModelAllocationFigures extends ExactFigures implements ModelAllocation {
  static readonly exactFields = ['hoursExact', 'costExact'];
  declare readonly modelId: string;
  declare readonly modelName: string;
  declare readonly hours: number | null;
  declare readonly costPence: number;
  // The row's units and the model's terms: hours and cost are worked out from them again when read,
  // exactly as allocateScheme does, rather than kept for every row.
  readonly #units: Ratio;
  readonly #perHour: number | undefined;
  readonly #rate: Ratio;

  constructor(figures: Omit<ModelAllocation, 'hoursExact' | 'costExact'>, units: Ratio, perHour: number | undefined, rate: Ratio) {
    super();
    this.#units = units;
    this.#perHour = perHour;
    this.#rate = rate;
    this.modelId = figures.modelId;
    this.modelName = figures.modelName;
    this.hours = figures.hours;
    this.costPence = figures.costPence;
  }

  get hoursExact() {
    return this.#perHour === undefined ? null : this.#units.div(this.#perHour).toString();
  }

  get costExact() {
    return this.#rate.times(this.#units).toString();
  }
}

type AllocationExactField = 'weight' | 'share' | 'quantityExact' | 'perWeekExact';

class AllocationRowFigures extends ExactFigures implements AllocationRow {
  static readonly exactFields = ['weight', 'share', 'quantityExact', 'perWeekExact'];
  declare readonly practiceKey: string;
  declare readonly practiceName: string;
  declare readonly odsCode: string | null;
  declare readonly locality: string | null;
  declare readonly cluster: string | null;
  declare readonly listSize: number | null;
  declare readonly sharePercent: number;
  declare readonly quantity: number;
  declare readonly quantityPence: number | null;
  declare readonly perWeek: number | null;
  declare readonly models: ModelAllocation[];
  readonly #weight: Ratio;
  readonly #share: Ratio;
  readonly #quantity: Ratio;
  readonly #perWeek: Ratio | null;

  constructor(figures: Omit<AllocationRow, AllocationExactField>, exact: { weight: Ratio; share: Ratio; quantityExact: Ratio; perWeekExact: Ratio | null }) {
    super();
    this.#weight = exact.weight;
    this.#share = exact.share;
    this.#quantity = exact.quantityExact;
    this.#perWeek = exact.perWeekExact;
    this.practiceKey = figures.practiceKey;
    this.practiceName = figures.practiceName;
    this.odsCode = figures.odsCode;
    this.locality = figures.locality;
    this.cluster = figures.cluster;
    this.listSize = figures.listSize;
    this.sharePercent = figures.sharePercent;
    this.quantity = figures.quantity;
    this.quantityPence = figures.quantityPence;
    this.perWeek = figures.perWeek;
    this.models = figures.models;
  }

  get weight() {
    return this.#weight.toString();
  }

  get share() {
    return this.#share.toString();
  }

  get quantityExact() {
    return this.#quantity.toString();
  }

  get perWeekExact() {
    return this.#perWeek ? this.#perWeek.toString() : null;
  }
}

export interface Allocation {
  unit: SharedUnit;
  unitLabel: string;
  /** The quantity being shared, as the scheme states it (for `per: 'patient'`, the rate for each patient). */
  quantity: number;
  per: SchemeDefinition['shared']['per'];
  weeks: number | null;
  /** What the delivery models' hours and cost are measured over. */
  modelsPer: 'week' | 'scheme';
  basis: ApportionmentBasis;
  totalWeight: string;
  listSizeTotal: number | null;
  rows: AllocationRow[];
  totals: {
    quantity: ColumnTotal;
    perWeek: ColumnTotal | null;
    models: { modelId: string; hours: ColumnTotal | null; cost: ColumnTotal }[];
  };
}

export const unitLabels: Record<SharedUnit, string> = {
  appointments: 'appointments',
  hours: 'hours',
  sessions: 'sessions',
  wte_days: 'WTE days',
  gbp: '£',
};

/** The unrounded cost of `units` under a model: multiply first, divide last (81 × 95 / 6 = 1282.5 exactly). */
export function costOfUnits(units: ExactNumber, model: DeliveryModel, unit: SharedUnit): Ratio {
  if (model.unitRate !== undefined) return ratio(units).times(model.unitRate);
  return ratio(units).times(model.hourlyRate ?? 0).div(unitsPerHourOf(model, unit) ?? 1);
}

/** The price of one unit under a model, e.g. £12.50 a nurse appointment, £15.83… a GP appointment. */
export function unitRateOf(model: DeliveryModel, unit: SharedUnit): Ratio {
  return costOfUnits(ratio(1), model, unit);
}

/**
 * What is shared out: the quantity as the scheme states it, or for a rate for each registered
 * patient, the rate × the participating practices' combined list (unrounded: £3.34 × 172,083 is
 * £574,757.22 exactly).
 */
export function quantityShared(shared: Pick<SchemeDefinition['shared'], 'quantity' | 'per'>, listSizeTotal: number | null): Ratio {
  if (shared.per !== 'patient') return ratio(shared.quantity);
  if (listSizeTotal === null) throw new AppError('invalid', 'A rate for each registered patient needs every practice’s list size', { problems: [{ field: 'practices', message: 'every practice needs a list size' }] });
  return ratio(shared.quantity).times(listSizeTotal);
}

/**
 * Shares the scheme's quantity out among the participating practices and, for each, works out the
 * quantity a week and the hours and cost under each delivery model. Every figure is computed from
 * unrounded inputs and rounded once by the scheme's rule for that column (e.g. Long Clawson's
 * 99.78 appointments are 12.47 a week, shown as 12, not 100 / 8 = 12.5 → 13).
 */
export function allocateScheme(definition: SchemeDefinition, apportionment: Apportionment): Allocation {
  const { shared, rounding, period } = definition;
  const weeks = shared.per === 'scheme' && period.weeks ? period.weeks : null;
  const listSizes = apportionment.weights.map((w) => w.practice.listSize);
  const listSizeTotal = listSizes.every((n) => n !== undefined) ? listSizes.reduce((a, b) => a! + b!, 0)! : null;
  const quantities = apportion(quantityShared(shared, listSizeTotal), apportionment);
  const perWeek = weeks ? quantities.map((q) => q.div(weeks)) : null;
  const base = perWeek ?? quantities;
  // Rounded columns are whole steps of their rule (see roundColumnSteps): no ratio per rounded cell.
  const roundedQuantities = roundColumnSteps(quantities, rounding.quantity);
  const roundedPerWeek = perWeek ? roundColumnSteps(perWeek, rounding.perWeek) : null;

  const modelColumns = definition.deliveryModels.map((model) => {
    const perHour = unitsPerHourOf(model, shared.unit);
    // units × the unit rate is exactly costOfUnits(units), with one multiplication a row.
    const rate = unitRateOf(model, shared.unit);
    return {
      model,
      perHour,
      rate,
      hours: perHour === undefined ? null : roundColumnOf(base.length, (i) => base[i]!.div(perHour), rounding.hours),
      costs: roundColumnOf(base.length, (i) => rate.times(base[i]!), rounding.cost),
    };
  });

  const shares = sharesOf(apportionment);
  const percents = sharePercentsOf(apportionment, rounding.sharePercent);
  const asFigure = (steps: number, rule: RoundingRule) => stepsAsFigure(steps, rule, false);
  // Plain loops: a closure made per row is not free under tsx, which names each one as it is made.
  const rows: AllocationRow[] = new Array(apportionment.weights.length);
  for (let i = 0; i < rows.length; i++) {
    const w = apportionment.weights[i]!;
    const practice = w.practice;
    const models: ModelAllocation[] = new Array(modelColumns.length);
    for (let m = 0; m < models.length; m++) {
      const c = modelColumns[m]!;
      const hours = c.hours ? asFigure(c.hours.steps[i]!, rounding.hours) : null;
      models[m] = new ModelAllocationFigures({ modelId: c.model.id, modelName: c.model.name, hours, costPence: stepsAsFigure(c.costs.steps[i]!, rounding.cost, true) }, base[i]!, c.perHour, c.rate);
    }
    rows[i] = new AllocationRowFigures(
      {
        practiceKey: practice.key,
        practiceName: practice.name,
        odsCode: practice.odsCode ?? null,
        locality: practice.locality ?? null,
        cluster: practice.cluster ?? null,
        listSize: practice.listSize ?? null,
        sharePercent: percents[i]!,
        quantity: asFigure(roundedQuantities[i]!, rounding.quantity),
        quantityPence: shared.unit === 'gbp' ? stepsAsFigure(roundedQuantities[i]!, rounding.quantity, true) : null,
        perWeek: roundedPerWeek ? asFigure(roundedPerWeek[i]!, rounding.perWeek) : null,
        models,
      },
      { weight: w.weight, share: shares[i]!, quantityExact: quantities[i]!, perWeekExact: perWeek ? perWeek[i]! : null },
    );
  }

  const totalsRule = rounding.totals;
  const unitKey = shared.unit;
  return {
    unit: shared.unit,
    unitLabel: shared.label ?? unitLabels[shared.unit],
    quantity: shared.quantity,
    per: shared.per,
    weeks,
    modelsPer: weeks || shared.per === 'week' ? 'week' : 'scheme',
    basis: apportionment.basis,
    totalWeight: apportionment.totalWeight.toString(),
    listSizeTotal,
    rows,
    totals: {
      quantity: totalColumnSteps(unitKey, quantities, roundedQuantities, rounding.quantity, totalsRule, false),
      perWeek: perWeek && roundedPerWeek ? totalColumnSteps('per_week', perWeek, roundedPerWeek, rounding.perWeek, totalsRule, false) : null,
      models: modelColumns.map((c) => ({
        modelId: c.model.id,
        hours: c.hours ? totalColumnSteps(`${c.model.id}_hours`, c.hours.exactTotal, c.hours.steps, rounding.hours, totalsRule, false) : null,
        cost: totalColumnSteps(`${c.model.id}_cost`, c.costs.exactTotal, c.costs.steps, rounding.cost, totalsRule, true),
      })),
    },
  };
}
