import type { IeIncomeLine, IncomeStream } from './types.js';
import { shareOf } from './money.js';

/** "What if": a potential stream is won (counted as secured) or lost (counted nowhere). */
export interface ScenarioChange {
  streamId: number;
  outcome: 'won' | 'lost';
}

/** The streams whose money the cash flow counts: the secured ones, as the base does, changed by the scenario. */
export function cashFlowStreams(streams: readonly IncomeStream[], changes: readonly ScenarioChange[] = []): IncomeStream[] {
  const outcome = new Map(changes.map((c) => [c.streamId, c.outcome]));
  return streams.filter((s) => (outcome.get(s.id) === 'won' ? true : outcome.get(s.id) === 'lost' ? false : s.status === 'secured'));
}

/**
 * The I&E's income lines under a scenario. A lost stream's lines are dropped. A won stream's lines
 * move to secured income; a won stream with no I&E line gets one: the federation's share of that
 * year's amount (what it keeps after the practices' share).
 */
export function scenarioIncomeLines(financialYear: string, lines: readonly IeIncomeLine[], streams: readonly IncomeStream[], changes: readonly ScenarioChange[]): IeIncomeLine[] {
  const outcome = new Map(changes.map((c) => [c.streamId, c.outcome]));
  const result = lines
    .filter((l) => l.financialYear === financialYear && !(l.streamId !== null && outcome.get(l.streamId) === 'lost'))
    .map((l) => (l.streamId !== null && outcome.get(l.streamId) === 'won' ? { ...l, section: 'secured' as const } : l));
  let added = -1;
  for (const change of changes) {
    if (change.outcome !== 'won' || result.some((l) => l.streamId === change.streamId)) continue;
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
