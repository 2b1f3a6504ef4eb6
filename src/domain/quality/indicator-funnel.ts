import { AppError } from '../errors.js';
import type { FunnelChartData, FunnelCurvePoint } from './chart-options.js';
import type { PracticeFigure } from './comparisons.js';
import { calculateFunnel, type FunnelUnit } from './funnel.js';
import type { FunnelCentre, FunnelReferenceKind } from './funnel-reference.js';
import { funnelLimitsAt } from './funnel-limits.js';
import { type Indicator, unitLabels, unitMultiplier } from './indicators.js';

/**
 * An indicator's figures on a funnel plot: proportions on the arcsine scale (`pr`), rates per 1,000
 * as counts over a population (`rc`: exact Poisson limits), both with overdispersion-adjusted limits
 * when the practices vary more than chance allows. Counts and minutes have no denominator, so no funnel.
 */
export interface FunnelRow {
  practiceCode: string;
  z: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  /** Outside the 99.8% limits: above or below. */
  outlier: 'high' | 'low' | null;
}

export interface IndicatorFunnel {
  chart: FunnelChartData;
  rows: Map<string, FunnelRow>;
}

const CURVE_POINTS = 80;

/** Denominators spread evenly on a square-root scale from 1 to a little past the largest practice, where funnel limits change fastest. */
function curveDenominators(max: number): number[] {
  const top = Math.sqrt(max * 1.05);
  return Array.from({ length: CURVE_POINTS }, (_, i) => Math.max(1, (top * (i + 1) / CURVE_POINTS) ** 2));
}

type LabelledFigure = PracticeFigure & { label: string };

/** The figures a funnel can place: a numerator and a denominator above 0. */
export function funnelUnitsOf(figures: readonly PracticeFigure[]): FunnelUnit[] {
  return figures.filter((f) => f.numerator !== null && f.denominator !== null && f.denominator > 0).map((f) => ({ unit: f.practiceCode, numerator: f.numerator!, denominator: f.denominator! }));
}

export interface FunnelScope {
  title: string;
  highlight?: readonly string[];
  /** The group whose practices are plotted: the centre line is their pooled value unless `reference` is given. */
  groupName: string;
  /**
   * A larger set (the group's federation, or every practice held) that sets the centre line and
   * overdispersion when the group has too few practices to (funnel-reference.ts). The group's own
   * practices are among its units, as they are among their federation's and every practice held.
   */
  reference?: { kind: Exclude<FunnelReferenceKind, 'own'>; name: string; figures: readonly PracticeFigure[]; reason: string };
}

/** The funnel of these figures, or why none can be drawn. */
export function indicatorFunnel(indicator: Indicator, figures: readonly LabelledFigure[], scope: FunnelScope): IndicatorFunnel | { reason: string } {
  const multiplier = unitMultiplier(indicator.unit);
  if (multiplier === null) return { reason: `${indicator.name} is a ${indicator.unit}, with no denominator, so it has no funnel plot` };
  const own = funnelUnitsOf(figures);
  const ownCodes = new Set(own.map((u) => u.unit));
  const units = scope.reference ? [...funnelUnitsOf(scope.reference.figures).filter((u) => !ownCodes.has(u.unit)), ...own] : own;
  if (own.length < (scope.reference ? 1 : 2) || units.length < 2) return { reason: 'A funnel plot needs figures for at least 2 practices' };
  let result;
  try {
    result = calculateFunnel(units, { dataType: indicator.unit === 'proportion' ? 'pr' : 'rc', multiplier });
  } catch (error) {
    if (error instanceof AppError) return { reason: `${error.message}: ${error.problems.slice(0, 3).map((p) => p.message).join('; ')}` };
    throw error;
  }
  const plotted = result.units.filter((u) => ownCodes.has(u.unit));
  const rows = new Map<string, FunnelRow>();
  for (const u of plotted) {
    rows.set(u.unit, { practiceCode: u.unit, z: u.z, ...u.limits, outlier: u.value > u.limits.upper998 ? 'high' : u.value < u.limits.lower998 ? 'low' : null });
  }
  const highlight = new Set(scope.highlight ?? []);
  const curve: FunnelCurvePoint[] = curveDenominators(Math.max(...own.map((u) => u.denominator))).map((denominator) => ({ denominator, ...funnelLimitsAt(denominator, result.limitContext) }));
  const labelOf = new Map(figures.map((f) => [f.practiceCode, f.label]));
  const centre: FunnelCentre = scope.reference
    ? { kind: scope.reference.kind, name: scope.reference.name, practices: units.length, reason: scope.reference.reason }
    : { kind: 'own', name: scope.groupName, practices: units.length, reason: null };
  return {
    rows,
    chart: {
      title: scope.title,
      unit: indicator.unit,
      unitLabel: unitLabels[indicator.unit],
      denominatorLabel: indicator.denominatorDefinition ?? 'Denominator',
      groupName: scope.groupName,
      target: result.target,
      adjusted: result.adjusted,
      exactLimits: !result.adjusted && result.limitContext.method.dataType === 'rc',
      centre,
      curve,
      points: plotted.map((u) => ({ practiceCode: u.unit, label: labelOf.get(u.unit) ?? u.unit, denominator: u.denominator, value: u.value, outlier: u.outlier, highlighted: highlight.has(u.unit) })),
    },
  };
}
