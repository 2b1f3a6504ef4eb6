import { AppError } from '../errors.js';
import type { SpcChartPoint } from './chart-options.js';
import { type Indicator, seriesPeriod, unitRange } from './indicators.js';
import { orderSeries, parsePeriod } from './periods.js';
import { calculateSpc, MINIMUM_POINTS_FOR_LIMITS, type SpcResult } from './spc.js';
import type { ImprovementDirection } from './spc-rules.js';
import type { MovingRangeScreening } from './spc-words.js';

/**
 * A practice's figures over time as an XmR chart. A missing or repeated period is reported and
 * the chart is not drawn, because the run and trend rules count points: a gap would silently
 * move every later point. A series too short for process limits is drawn as its points alone,
 * with noLimitsReason saying why there are no limits and no icons.
 */
export interface PracticeSpc {
  points: SpcChartPoint[];
  variation: SpcResult['variation'];
  assurance: SpcResult['assurance'];
  noLimitsReason: string | null;
  /** How many moving ranges screening left out of the limits (spc.ts); null without limits. */
  screening: MovingRangeScreening | null;
}

export const improvementOf = (indicator: Indicator): ImprovementDirection =>
  indicator.polarity === 'higher' ? 'increase' : indicator.polarity === 'lower' ? 'decrease' : 'neutral';

export function practiceSpc(indicator: Indicator, series: readonly { period: string; value: number }[], target: number | null): PracticeSpc | { reason: string } {
  if (series.length === 0) return { reason: 'There are no figures for this practice on this indicator.' };
  // One point is not a line: say why rather than draw a dot.
  if (series.length === 1) return { reason: `There is 1 period: too few for a chart over time, and process limits need at least ${MINIMUM_POINTS_FOR_LIMITS}.` };
  const labels = series.map((s) => seriesPeriod(s.period, indicator.cadence));
  const { order, problems } = orderSeries(labels.map((l) => parsePeriod(l)!));
  if (problems.length) return { reason: `The series cannot be charted: ${problems.map((p) => p.message).join('; ')}` };
  try {
    const result = calculateSpc(
      order.map((i) => ({ period: labels[i]!, value: series[i]!.value })),
      { improvement: improvementOf(indicator), target: target ?? undefined, range: unitRange(indicator.unit) },
    );
    const limited = result.groups.flatMap((g) => (g.limits ? [g.limits] : []));
    return {
      points: result.points.map((p) => ({ period: p.period, value: p.value, mean: p.mean, lower: p.lower, upper: p.upper, type: p.type })),
      variation: result.variation,
      assurance: result.assurance,
      noLimitsReason: result.noLimitsReason,
      screening: limited.length ? { leftOut: limited.reduce((n, l) => n + l.movingRangesLeftOut, 0), of: limited.reduce((n, l) => n + l.movingRanges, 0) } : null,
    };
  } catch (error) {
    if (error instanceof AppError) return { reason: error.message };
    throw error;
  }
}
