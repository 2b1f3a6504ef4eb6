import type { IeIncomeLine, IncomeStream } from './types.js';
import { formatPence } from '../schemes/format-money.js';
import { shareOf } from './money.js';
import { countsAs, findDoubleCounting } from './stream-totals.js';

/** "What if": a potential stream is won (counted as secured) or lost (counted nowhere). */
export interface ScenarioChange {
  streamId: number;
  outcome: 'won' | 'lost';
}

/**
 * Potential streams whose money in the year is already counted as secured, by a secured stream of
 * the same name ("money counted twice"): winning one adds nothing, because the base already has it.
 */
export function alreadySecured(streams: readonly IncomeStream[], financialYear: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const d of findDoubleCounting(streams)) if (d.financialYear === financialYear) found.set(d.potentialStreamId, streams.find((s) => s.id === d.securedStreamId)?.name ?? d.name);
  return found;
}

/** The streams whose money the cash flow counts: the secured ones, as the base does, changed by the scenario. */
export function cashFlowStreams(streams: readonly IncomeStream[], changes: readonly ScenarioChange[] = [], financialYear?: string): IncomeStream[] {
  const outcome = new Map(changes.map((c) => [c.streamId, c.outcome]));
  const counted = financialYear ? alreadySecured(streams, financialYear) : new Map<number, string>();
  // An ended stream's money came in during the years up to its end: the cash flow of such a year counts it.
  const securedThen = (s: IncomeStream) => (financialYear ? countsAs(s, financialYear) === 'secured' : s.status === 'secured');
  return streams.filter((s) => (outcome.get(s.id) === 'won' ? !counted.has(s.id) : outcome.get(s.id) === 'lost' ? false : securedThen(s)));
}

/** What a reader should know about a scenario: a won stream whose money the base already counts. */
export function scenarioNotes(streams: readonly IncomeStream[], changes: readonly ScenarioChange[], financialYear: string): string[] {
  const counted = alreadySecured(streams, financialYear);
  return changes
    .filter((c) => c.outcome === 'won' && counted.has(c.streamId))
    .map((c) => `${streams.find((s) => s.id === c.streamId)!.name} is already counted as secured in ${financialYear} (as ${counted.get(c.streamId)}), so winning it adds nothing here: it belongs in one of them only.`);
}

/**
 * A lost stream that moves no money in the year, and why: the plan's I&E counts nothing from it
 * (no line is linked to it, or its lines are £0) and the cash flow never counted it, being potential.
 */
export function scenarioUnchanged(streams: readonly IncomeStream[], lines: readonly IeIncomeLine[], changes: readonly ScenarioChange[], financialYear: string): string[] {
  return changes.flatMap((c) => {
    const stream = streams.find((s) => s.id === c.streamId);
    const linked = lines.filter((l) => l.financialYear === financialYear && l.streamId === c.streamId);
    if (c.outcome !== 'lost' || !stream || linked.some((l) => l.amountPence !== 0)) return [];
    const why = linked.length ? `its I&E line${linked.length === 1 ? ` “${linked[0]!.line}” is` : 's are'} ${formatPence(0)}` : 'no I&E line is linked to it';
    return [`Losing ${stream.name} changes nothing in ${financialYear}: the plan’s I&E counts no income from it (${why}), and the cash flow counts only secured streams.`];
  });
}

/**
 * The I&E's income lines under a scenario. A lost stream's lines are dropped. A won stream's lines
 * move to secured income; a won stream with no I&E line, or whose lines are £0 (the plan's "to be
 * decided"), gets one: the federation's share of that year's amount (what it keeps after the
 * practices' share), unless a secured stream of the same name already counts that money.
 */
export function scenarioIncomeLines(financialYear: string, lines: readonly IeIncomeLine[], streams: readonly IncomeStream[], changes: readonly ScenarioChange[]): IeIncomeLine[] {
  const outcome = new Map(changes.map((c) => [c.streamId, c.outcome]));
  const counted = alreadySecured(streams, financialYear);
  const result = lines
    .filter((l) => l.financialYear === financialYear && !(l.streamId !== null && outcome.get(l.streamId) === 'lost'))
    .map((l) => (l.streamId !== null && outcome.get(l.streamId) === 'won' ? { ...l, section: 'secured' as const } : l));
  let added = -1;
  for (const change of changes) {
    if (change.outcome !== 'won' || counted.has(change.streamId) || result.some((l) => l.streamId === change.streamId && l.amountPence !== 0)) continue;
    const stream = streams.find((s) => s.id === change.streamId);
    const amount = stream?.amounts.find((a) => a.financialYear === financialYear)?.amountPence ?? 0;
    if (!stream || amount === 0) continue;
    const kept = amount - shareOf(amount, stream.practicesShareBasisPoints);
    result.push({ id: added--, financialYear, section: 'secured', line: `${stream.name} (if won)`, amountPence: kept, comment: 'Scenario: the federation’s share of the stream', streamId: stream.id, schemeId: null });
  }
  return result;
}

/** Checks a scenario names only potential streams, once each; returns what is wrong. */
export function scenarioProblems(streams: readonly IncomeStream[], changes: readonly ScenarioChange[]): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const change of changes) {
    const stream = streams.find((s) => s.id === change.streamId);
    if (!stream) problems.push(`there is no income stream ${change.streamId}`);
    else if (stream.status !== 'potential') problems.push(`${stream.name} (${stream.funder || 'no funder'}) is ${stream.status}, not potential: only a potential stream can be won or lost`);
    if (seen.has(change.streamId)) problems.push(`stream ${change.streamId} is named twice`);
    seen.add(change.streamId);
  }
  return problems;
}
