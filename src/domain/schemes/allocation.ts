import { apportion, sharesOf, type Apportionment, type ApportionmentBasis } from './apportion.js';
import { unitsPerHourOf, type DeliveryModel, type SchemeDefinition, type SharedUnit } from './scheme-definition.js';
import { ExactFigures } from './exact-figures.js';
import { ratio, roundByRule, roundColumn, toPence, totalColumn, type ColumnTotal, type ExactNumber, type Ratio } from './rounding.js';

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

  constructor(figures: Omit<ModelAllocation, 'hoursExact' | 'costExact'>, hours: Ratio | null, cost: Ratio) {
    super(hours, cost);
    this.modelId = figures.modelId;
    this.modelName = figures.modelName;
    this.hours = figures.hours;
    this.costPence = figures.costPence;
  }

  get hoursExact() {
    return this.exactText(0);
  }

  get costExact() {
    return this.exactText(1)!;
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

  constructor(figures: Omit<AllocationRow, AllocationExactField>, exact: Record<AllocationExactField, Ratio | null>) {
    super(exact.weight, exact.share, exact.quantityExact, exact.perWeekExact);
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
    return this.exactText(0)!;
  }

  get share() {
    return this.exactText(1)!;
  }

  get quantityExact() {
    return this.exactText(2)!;
  }

  get perWeekExact() {
    return this.exactText(3);
  }
}

export interface Allocation {
  unit: SharedUnit;
  unitLabel: string;
  /** The quantity being shared, as the scheme states it. */
  quantity: number;
  per: 'scheme' | 'week';
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
 * Shares the scheme's quantity out among the participating practices and, for each, works out the
 * quantity a week and the hours and cost under each delivery model. Every figure is computed from
 * unrounded inputs and rounded once by the scheme's rule for that column (e.g. Long Clawson's
 * 99.78 appointments are 12.47 a week, shown as 12, not 100 / 8 = 12.5 → 13).
 */
export function allocateScheme(definition: SchemeDefinition, apportionment: Apportionment): Allocation {
  const { shared, rounding, period } = definition;
  const weeks = shared.per === 'scheme' && period.weeks ? period.weeks : null;
  const quantities = apportion(ratio(shared.quantity), apportionment);
  const perWeek = weeks ? quantities.map((q) => q.div(weeks)) : null;
  const base = perWeek ?? quantities;
  const roundedQuantities = roundColumn(quantities, rounding.quantity);
  const roundedPerWeek = perWeek ? roundColumn(perWeek, rounding.perWeek) : null;

  const modelColumns = definition.deliveryModels.map((model) => {
    const perHour = unitsPerHourOf(model, shared.unit);
    const hours = perHour === undefined ? null : base.map((units) => units.div(perHour));
    // units × the unit rate is exactly costOfUnits(units), with one multiplication a row.
    const rate = unitRateOf(model, shared.unit);
    const costs = base.map((units) => rate.times(units));
    return {
      model,
      hours,
      roundedHours: hours ? roundColumn(hours, rounding.hours) : null,
      costs,
      roundedCosts: roundColumn(costs, rounding.cost),
    };
  });

  const shares = sharesOf(apportionment);
  const rows = apportionment.weights.map((w, i): AllocationRow => {
    const practice = w.practice;
    const share = shares[i]!;
    const models = modelColumns.map(
      (c) => new ModelAllocationFigures({ modelId: c.model.id, modelName: c.model.name, hours: c.roundedHours ? c.roundedHours[i]!.toNumber() : null, costPence: toPence(c.roundedCosts[i]!) }, c.hours ? c.hours[i]! : null, c.costs[i]!),
    );
    return new AllocationRowFigures(
      {
        practiceKey: practice.key,
        practiceName: practice.name,
        odsCode: practice.odsCode ?? null,
        locality: practice.locality ?? null,
        cluster: practice.cluster ?? null,
        listSize: practice.listSize ?? null,
        sharePercent: roundByRule(share.times(100), rounding.sharePercent).toNumber(),
        quantity: roundedQuantities[i]!.toNumber(),
        quantityPence: shared.unit === 'gbp' ? toPence(roundedQuantities[i]!) : null,
        perWeek: roundedPerWeek ? roundedPerWeek[i]!.toNumber() : null,
        models,
      },
      { weight: w.weight, share, quantityExact: quantities[i]!, perWeekExact: perWeek ? perWeek[i]! : null },
    );
  });

  const listSizes = apportionment.weights.map((w) => w.practice.listSize);
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
    listSizeTotal: listSizes.every((n) => n !== undefined) ? listSizes.reduce((a, b) => a! + b!, 0)! : null,
    rows,
    totals: {
      quantity: totalColumn(unitKey, quantities, roundedQuantities, rounding.quantity, totalsRule, false),
      perWeek: perWeek && roundedPerWeek ? totalColumn('per_week', perWeek, roundedPerWeek, rounding.perWeek, totalsRule, false) : null,
      models: modelColumns.map((c) => ({
        modelId: c.model.id,
        hours: c.hours && c.roundedHours ? totalColumn(`${c.model.id}_hours`, c.hours, c.roundedHours, rounding.hours, totalsRule, false) : null,
        cost: totalColumn(`${c.model.id}_cost`, c.costs, c.roundedCosts, rounding.cost, totalsRule, true),
      })),
    },
  };
}
