import { z } from 'zod';
import { figuresForPeriod, type FigureRow, groupMembersBetween, lookUpIndicator } from '../../db/repos/quality.js';
import { departuresOf } from '../../db/repos/registry.js';
import { periodSpan, wentDuringPeriodSentences } from '../../domain/quality/membership-events.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { FunnelChartData } from '../../domain/quality/chart-options.js';
import { poolFigures, pooledFromTotals, practicesBelowThreshold, type Threshold, type ThresholdGap } from '../../domain/quality/comparisons.js';
import { type FunnelScope, indicatorFunnel } from '../../domain/quality/indicator-funnel.js';
import { type Indicator, periodLabel } from '../../domain/quality/indicators.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { indicatorOf } from './catalogue.js';
import { funnelReferenceFor, practiceFiguresOf } from './funnel-reference.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { ALL_PRACTICES_HELD } from '../../domain/quality/comparator-words.js';
import { GP_PRACTICE_CODE } from '../../domain/registry/ods-codes.js';

export const dashboardQuerySchema = z.object({
  indicator: z.string().trim().min(1, 'Choose an indicator').max(60),
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a period as stored, e.g. 2023-03-31'),
  group: recordIdSchema.optional(),
  highlight: z.string().trim().toUpperCase().regex(GP_PRACTICE_CODE).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export interface DashboardRow {
  practiceCode: string;
  practiceName: string;
  commissionerCode: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number;
  z: number | null;
  lower998: number | null;
  upper998: number | null;
  outlier: 'high' | 'low' | null;
  gap: number | null;
}

export interface Dashboard {
  indicator: Indicator;
  threshold: Threshold | null;
  period: string;
  periodLabel: string;
  group: { id: number; name: string; kind: string } | null;
  england: { value: number | null; practices: number };
  scope: { value: number | null; practices: number };
  funnel: FunnelChartData | null;
  funnelNote: string | null;
  rows: DashboardRow[];
  outliers: DashboardRow[];
  belowThreshold: (ThresholdGap & { practiceName: string })[];
  /** Members that closed or left the group during the period, and whether the group's figures count them. */
  membershipNotes: string[];
}

/**
 * One indicator in one period across a group's practices (England when no group is chosen): the
 * funnel, each practice's figure and z-score, the outliers, and the practices on the wrong side of
 * the minimum with their gap. One query reads the figures and England's totals together.
 */
export async function getDashboard(ctx: AppContext, query: DashboardQuery): Promise<Dashboard> {
  authorize(ctx.actor, 'indicator', 'read');
  const looked = await lookUpIndicator(ctx.db, query.indicator, { groupId: query.group ?? null });
  const { indicator, threshold } = indicatorOf(looked, query.indicator);
  if (query.group && looked.group_id === null) throw notFound(`Group ${query.group}`);
  const group = looked.group_id !== null ? { id: looked.group_id, name: looked.group_name!, kind: looked.group_kind! } : null;
  const figures = await figuresForPeriod(ctx.db, indicator.code, query.period, group?.id ?? null);
  const reference = await funnelReferenceFor(ctx.db, indicator, query.period, group, figures);
  return { ...presentDashboard(indicator, threshold, query, group, figures, reference), membershipNotes: group ? await wentDuringPeriod(ctx, group, query.period, indicator) : [] };
}

/** The group's members that went during the period (`wentDuringPeriodSentences`). */
async function wentDuringPeriod(ctx: AppContext, group: NonNullable<Dashboard['group']>, period: string, indicator: Indicator): Promise<string[]> {
  const span = periodSpan(period, indicator.cadence);
  const departures = await departuresOf(ctx.db, await groupMembersBetween(ctx.db, group.id, span.start, span.end), group.id, span.start);
  return wentDuringPeriodSentences(departures, period, indicator.cadence, periodLabel(period, indicator.cadence));
}

/** Why a group has no figures for a period: it counts the practices that were its members on the period's date. */
const noMembersThen = (group: string, period: string, cadence: Indicator['cadence']) =>
  `No practice was a member of ${group} in ${periodLabel(period, cadence)}: a group counts the practices that were its members then, and its memberships start later. Choose a later period, or look at all practices held.`;

/** The dashboard from its figures; `reference` is the larger set a small group's funnel is drawn against (funnel-reference.ts). */
export function presentDashboard(indicator: Indicator, threshold: Threshold | null, query: DashboardQuery, group: Dashboard['group'], figures: FigureRow[], reference?: FunnelScope['reference']): Omit<Dashboard, 'membershipNotes'> {
  const englandRow = figures[0];
  if (!englandRow || englandRow.england_practices === 0) throw invalid(`There are no figures for ${indicator.name} in ${periodLabel(query.period, indicator.cadence)}`, [{ field: 'period', message: 'no figures for this period' }]);
  const practices = practiceFiguresOf(figures);
  const where = group?.name ?? ALL_PRACTICES_HELD.toLowerCase();
  const england = {
    value: pooledFromTotals(indicator.unit, { numerator: englandRow.england_numerator, denominator: englandRow.england_denominator, mean: englandRow.england_mean }),
    practices: englandRow.england_practices,
  };
  const funnel = indicatorFunnel(indicator, practices, { title: `${indicator.name}, ${periodLabel(query.period, indicator.cadence)} — ${where}`, highlight: query.highlight ? [query.highlight] : [], groupName: where, reference });
  const gaps = practicesBelowThreshold(practices, threshold?.minimum ?? null, indicator);
  const gapOf = new Map(gaps.map((g) => [g.practiceCode, g.gap]));
  const nameOf = new Map(practices.map((p) => [p.practiceCode, p.label]));
  const rows: DashboardRow[] = figures
    .filter((f) => f.practice_code !== null)
    .map((f) => {
      const funnelRow = 'rows' in funnel ? funnel.rows.get(f.practice_code) : undefined;
      return {
        practiceCode: f.practice_code,
        practiceName: f.practice_name,
        commissionerCode: f.commissioner_code,
        numerator: f.numerator,
        denominator: f.denominator,
        value: f.value,
        z: funnelRow?.z ?? null,
        lower998: funnelRow?.lower998 ?? null,
        upper998: funnelRow?.upper998 ?? null,
        outlier: funnelRow?.outlier ?? null,
        gap: gapOf.get(f.practice_code) ?? null,
      };
    });
  return {
    indicator,
    threshold,
    period: query.period,
    periodLabel: periodLabel(query.period, indicator.cadence),
    group,
    england,
    scope: { value: poolFigures(practices, indicator.unit).value, practices: practices.length },
    funnel: 'chart' in funnel ? funnel.chart : null,
    funnelNote: group && !practices.length ? noMembersThen(group.name, query.period, indicator.cadence) : 'reason' in funnel ? funnel.reason : null,
    rows,
    outliers: rows.filter((r) => r.outlier !== null).sort((a, b) => Math.abs(b.z ?? 0) - Math.abs(a.z ?? 0)),
    belowThreshold: gaps.map((g) => ({ ...g, practiceName: nameOf.get(g.practiceCode) ?? g.practiceCode })),
  };
}
