import { z } from 'zod';
import { figuresBetween, figuresForPeriod, type FigureRow, findGroup, groupMembersOn, periodsByIndicator } from '../../db/repos/quality.js';
import { invalid, notFound } from '../../domain/errors.js';
import type { FunnelChartData } from '../../domain/quality/chart-options.js';
import { poolFigures, practicesBelowThreshold, type Threshold } from '../../domain/quality/comparisons.js';
import { indicatorFunnel } from '../../domain/quality/indicator-funnel.js';
import { type Indicator, periodLabel } from '../../domain/quality/indicators.js';
import { type PracticeSpc, practiceSpc } from '../../domain/quality/practice-series.js';
import type { Db } from '../../db/client.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { listIndicators } from './catalogue.js';
import { practiceFiguresOf } from './funnel-reference.js';
import { recordIdSchema } from '../../domain/record-id.js';
import { ALL_PRACTICES_HELD } from '../../domain/quality/comparator-words.js';

export const reviewPackQuerySchema = z.object({ locality: recordIdSchema });

export interface PackPracticeRow {
  practiceCode: string;
  practiceName: string;
  value: number | null;
  z: number | null;
  outlier: 'high' | 'low' | null;
  gap: number | null;
  commissioner: number | null;
  spc: PracticeSpc | null;
  spcNote: string | null;
}

export interface PackIndicator {
  indicator: Indicator;
  threshold: Threshold | null;
  period: string;
  periodLabel: string;
  locality: number | null;
  /** How many of the pack's practices have a figure in this period: the locality figure pools them. */
  localityPractices: number;
  federation: number | null;
  england: number | null;
  funnel: FunnelChartData | null;
  funnelNote: string | null;
  practices: PackPracticeRow[];
}

export interface ReviewPack {
  locality: { id: number; name: string };
  federation: { id: number; name: string } | null;
  /** The date membership is taken at: the latest period any indicator has figures for. */
  membersOn: string | null;
  practices: { practiceCode: string; practiceName: string }[];
  indicators: PackIndicator[];
}

const pooled = (indicator: Indicator, rows: readonly FigureRow[]) =>
  poolFigures(rows.map((r) => ({ practiceCode: r.practice_code, numerator: r.numerator, denominator: r.denominator, value: r.value })), indicator.unit).value;

/**
 * A locality's peer review pack: for each indicator with figures, its latest period, each member
 * practice against the locality, the federation, its sub-ICB and England, with the national funnel
 * (the locality's practices marked) and each practice's SPC chart where there is a series.
 *
 * The pack is about one set of practices: the locality's (and the federation's) members on one
 * date, the latest period any indicator describes. Every locality and federation figure pools those
 * practices, whatever the indicator's period, so the count the pack gives and every average agree:
 * a practice that has left (Two Shires, closed in 2020) is in neither, even against 2018 figures.
 */
export async function getReviewPack(ctx: AppContext, localityId: number): Promise<ReviewPack> {
  authorize(ctx.actor, 'indicator', 'read');
  const locality = await findGroup(ctx.db, localityId);
  if (!locality) throw notFound(`Group ${localityId}`);
  if (!['locality', 'pcn', 'peer_group'].includes(locality.kind)) throw invalid(`${locality.name} is a ${locality.kind}; a review pack is for a locality, a PCN or a peer group`);
  const federation = locality.parentId ? ((await findGroup(ctx.db, locality.parentId)) ?? null) : null;
  const catalogue = (await listIndicators(ctx)).filter((i) => i.periods.length > 0);
  const membersOn = catalogue.reduce<string | null>((latest, entry) => (latest === null || entry.periods[0]!.period > latest ? entry.periods[0]!.period : latest), null);
  const pack: ReviewPack = { locality: { id: locality.id, name: locality.name }, federation: federation ? { id: federation.id, name: federation.name } : null, membersOn, practices: [], indicators: [] };
  if (membersOn === null) return pack;
  const members = await groupMembersOn(ctx.db, localityId, membersOn);
  pack.practices = members.map((m) => ({ practiceCode: m.practice_code, practiceName: m.practice_name }));
  if (!members.length) return pack;
  const memberCodes = members.map((m) => m.practice_code);
  const federationCodes = federation ? new Set((await groupMembersOn(ctx.db, federation.id, membersOn)).map((m) => m.practice_code)) : null;
  const periods = await periodsByIndicator(ctx.db);
  for (const entry of catalogue) {
    const line = await packIndicator(ctx.db, entry, entry.periods[0]!.period, memberCodes, federationCodes, periods.get(entry.code) ?? []);
    // An indicator none of these practices has a figure for says nothing about them.
    if (line.localityPractices > 0) pack.indicators.push(line);
  }
  return pack;
}

async function packIndicator(db: Db, entry: Indicator & { threshold: Threshold | null }, period: string, memberCodes: string[], federationCodes: Set<string> | null, allPeriods: string[]): Promise<PackIndicator> {
  const indicator: Indicator = { code: entry.code, name: entry.name, numeratorDefinition: entry.numeratorDefinition, denominatorDefinition: entry.denominatorDefinition, unit: entry.unit, polarity: entry.polarity, source: entry.source, cadence: entry.cadence };
  const all = await figuresForPeriod(db, indicator.code, period, null);
  const members = new Set(memberCodes);
  const funnel = indicatorFunnel(
    indicator,
    practiceFiguresOf(all),
    { title: `${indicator.name}, ${periodLabel(period, indicator.cadence)}`, highlight: memberCodes, groupName: ALL_PRACTICES_HELD.toLowerCase() },
  );
  const byCode = new Map(all.map((r) => [r.practice_code, r]));
  const ofMembers = all.filter((r) => members.has(r.practice_code));
  const gaps = new Map(practicesBelowThreshold(ofMembers.map((r) => ({ practiceCode: r.practice_code, numerator: r.numerator, denominator: r.denominator, value: r.value })), entry.threshold?.minimum ?? null, indicator).map((g) => [g.practiceCode, g.gap]));
  const series = allPeriods.length > 1 ? await figuresBetween(db, indicator.code, allPeriods.at(-1)!, allPeriods[0]!, memberCodes) : [];
  const commissionerValue = (code: string | null) => (code ? pooled(indicator, all.filter((r) => r.commissioner_code === code)) : null);
  return {
    indicator,
    threshold: entry.threshold,
    period,
    periodLabel: periodLabel(period, indicator.cadence),
    locality: pooled(indicator, ofMembers),
    localityPractices: ofMembers.length,
    federation: federationCodes ? pooled(indicator, all.filter((r) => federationCodes.has(r.practice_code))) : null,
    england: pooled(indicator, all.filter((r) => r.practice_code !== null)),
    funnel: 'chart' in funnel ? funnel.chart : null,
    funnelNote: 'reason' in funnel ? funnel.reason : null,
    practices: memberCodes.map((code) => {
      const row = byCode.get(code);
      const funnelRow = 'rows' in funnel ? funnel.rows.get(code) : undefined;
      const spc = series.length ? practiceSpc(indicator, series.filter((s) => s.practice_code === code), entry.threshold?.target ?? entry.threshold?.minimum ?? null) : { reason: 'one period only' };
      return {
        practiceCode: code,
        practiceName: row?.practice_name ?? code,
        value: row?.value ?? null,
        z: funnelRow?.z ?? null,
        outlier: funnelRow?.outlier ?? null,
        gap: gaps.get(code) ?? null,
        commissioner: commissionerValue(row?.commissioner_code ?? null),
        spc: 'points' in spc ? spc : null,
        spcNote: 'reason' in spc ? spc.reason : null,
      };
    }),
  };
}
