import { z } from 'zod';
import { comparatorFigures, lookUpIndicator, neighbourMemberships } from '../../db/repos/quality.js';
import { describeMark, marksOnChart, memberChanges } from '../../domain/quality/membership-events.js';
import type { SpcMark } from '../../domain/quality/chart-options.js';
import { notFound } from '../../domain/errors.js';
import { pooledFromTotals, type Threshold } from '../../domain/quality/comparisons.js';
import { type Indicator, periodLabel } from '../../domain/quality/indicators.js';
import { type PracticeSpc, practiceSpc } from '../../domain/quality/practice-series.js';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { indicatorOf } from './catalogue.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { placeThenSentences } from '../../domain/quality/comparator-words.js';
import { todayInEngland } from '../../domain/iso-date.js';
import { placesOn } from '../registry/practice-on-date.js';

export const practiceIndicatorQuerySchema = z.object({
  indicator: z.string().trim().min(1).max(60),
  period: isoDateSchema.optional(),
  group: recordIdSchema.optional(),
});

export interface Comparison {
  comparator: string;
  label: string;
  kind: string;
  practices: number;
  value: number | null;
  /** The practice's value minus the comparator's, in the indicator's unit. */
  difference: number | null;
}

export interface PracticeIndicator {
  practice: { odsCode: string; name: string; commissionerCode: string | null; pcnCode: string | null };
  indicator: Indicator;
  threshold: Threshold | null;
  period: string | null;
  periodLabel: string | null;
  value: number | null;
  series: { period: string; label: string; numerator: number | null; denominator: number | null; value: number }[];
  spc: PracticeSpc | null;
  spcNote: string | null;
  /** Joinings, leavings and closings in its locality or PCN between the chart's first and last points, at the point each first shows in. */
  spcMarks: SpcMark[];
  comparisons: Comparison[];
  /** What the sub-ICB and PCN rows are: the practice's in the period, and how they have changed since. */
  placeNotes: string[];
}

const comparatorOrder = ['locality', 'federation', 'pcn', 'commissioner', 'england'];

/** The practice's figure against its peers in one period, pooled per comparator (one query). */
export async function comparePractice(db: Db, indicator: Indicator, practiceCode: string, period: string, value: number | null, groupId: number | null): Promise<Comparison[]> {
  const rows = await comparatorFigures(db, indicator.code, period, practiceCode, groupId);
  const rank = (kind: string, comparator: string) => (comparator === `group:${groupId}` ? -1 : comparatorOrder.indexOf(kind));
  return rows
    .map((r) => {
      const pooled = pooledFromTotals(indicator.unit, r);
      return { comparator: r.comparator, label: r.label, kind: r.kind, practices: r.practices, value: pooled, difference: pooled !== null && value !== null ? value - pooled : null };
    })
    .sort((a, b) => rank(a.kind, a.comparator) - rank(b.kind, b.comparator) || a.label.localeCompare(b.label));
}

/** A practice's series on one indicator with its SPC chart, and its figure in one period against its peers. */
export async function getPracticeIndicator(ctx: AppContext, practiceCode: string, query: z.infer<typeof practiceIndicatorQuerySchema>): Promise<PracticeIndicator> {
  authorize(ctx.actor, 'indicator', 'read');
  // One round trip for the practice, the indicator and the practice's series, one for its peers.
  const looked = await lookUpIndicator(ctx.db, query.indicator, { practiceCode });
  if (looked.practice_code === null) throw notFound(`Practice ${practiceCode}`);
  const practice = { odsCode: looked.practice_code, name: looked.practice_name!, localName: looked.practice_local_name, commissionerCode: looked.practice_commissioner_code, pcnCode: looked.practice_pcn_code };
  const { indicator, threshold } = indicatorOf(looked, query.indicator);
  const series = looked.series;
  const period = query.period ?? series.at(-1)?.period ?? null;
  const value = series.find((s) => s.period === period)?.value ?? null;
  const spc = practiceSpc(indicator, series, threshold?.target ?? threshold?.minimum ?? null);
  return {
    practice: { odsCode: practice.odsCode, name: practice.localName ?? practice.name, commissionerCode: practice.commissionerCode, pcnCode: practice.pcnCode },
    indicator,
    threshold,
    period,
    periodLabel: period ? periodLabel(period, indicator.cadence) : null,
    value,
    series: series.map((s) => ({ ...s, label: periodLabel(s.period, indicator.cadence) })),
    spc: 'points' in spc ? spc : null,
    spcNote: 'reason' in spc ? spc.reason : null,
    spcMarks: await chartMarks(ctx, practice.odsCode, series.map((p) => p.period), indicator),
    comparisons: period ? await comparePractice(ctx.db, indicator, practiceCode, period, value, query.group ?? null) : [],
    placeNotes: period ? await placeNotes(ctx, practice.odsCode, practice.localName ?? practice.name, period, periodLabel(period, indicator.cadence)) : [],
  };
}

/** The practice's sub-ICB and PCN in the period against today's, in words (`placeThenSentences`). */
async function placeNotes(ctx: AppContext, code: string, name: string, period: string, periodWords: string): Promise<string[]> {
  const [then, now] = await Promise.all([placesOn(ctx.db, [code], period), placesOn(ctx.db, [code], todayInEngland())]);
  return then.get(code) && now.get(code) ? placeThenSentences(name, period, periodWords, then.get(code)!, now.get(code)!) : [];
}

/** The membership changes among the practice's neighbours that its chart marks (`marksOnChart`). */
async function chartMarks(ctx: AppContext, code: string, periods: string[], indicator: Indicator): Promise<SpcMark[]> {
  if (periods.length < 2) return [];
  const changes = memberChanges(await neighbourMemberships(ctx.db, code, periods[0]!, periods.at(-1)!));
  return marksOnChart(changes, periods).map((mark) => ({ period: mark.period, words: describeMark(mark, periodLabel(mark.period, indicator.cadence)), short: mark.changes.map((c) => c.short).join(', ') }));
}
