import { describe, expect, it } from 'vitest';
import { incomeAndExpenditure } from './income-expenditure.js';
import { cashFlowStreams, scenarioIncomeLines, scenarioNotes, scenarioProblems, scenarioUnchanged } from './scenarios.js';
import { findDoubleCounting } from './stream-totals.js';
import { makeStream, seedIe, seedStreams } from '../../../test/support/finance-seeds.js';

describe('scenarios', () => {
  const streams = seedStreams();
  const { income, costs } = seedIe();
  const winterPotential = streams.find((s) => s.name === 'Winter access scheme' && s.status === 'potential')!;
  const hPylori = streams.find((s) => s.name === 'H Pylori')!;
  // The I&E's "Winter scheme 18/19" line is the federation's share of the potential winter stream.
  const linked = income.map((l) => (l.line === 'Winter scheme 18/19' ? { ...l, streamId: winterPotential.id } : l));

  // The plan: a deficit of £4,188 on secured income only, £688 if the potential income comes in.
  it.each([
    ['as planned', [], { secured: 169_432, potential: 3_500, securedOnly: -4_188, withPotential: -688 }],
    ['lost: its I&E line goes, and the position if the potential income comes in falls by it', [{ streamId: winterPotential.id, outcome: 'lost' as const }], { secured: 169_432, potential: 0, securedOnly: -4_188, withPotential: -4_188 }],
    ['won: its I&E line moves to secured income, and the cautious position rises by it', [{ streamId: winterPotential.id, outcome: 'won' as const }], { secured: 172_932, potential: 0, securedOnly: -688, withPotential: -688 }],
  ])('a potential stream %s', (_name, changes, expected) => {
    const ie = incomeAndExpenditure('2018/19', scenarioIncomeLines('2018/19', linked, streams, changes), costs);
    expect({ secured: ie.securedPence / 100, potential: ie.potentialPence / 100, securedOnly: ie.securedResultPence / 100, withPotential: ie.resultPence / 100 }).toEqual(expected);
  });

  it.each<[string, typeof linked, string[]]>([
    ['no I&E line is linked to it', linked, ['Losing H Pylori changes nothing in 2018/19: the plan’s I&E counts no income from it (no I&E line is linked to it), and the cash flow counts only secured streams.']],
    ['its line is £0', linked.map((l) => (l.line === 'H Pylori' ? { ...l, streamId: hPylori.id } : l)), ['Losing H Pylori changes nothing in 2018/19: the plan’s I&E counts no income from it (its I&E line “H Pylori” is £0), and the cash flow counts only secured streams.']],
  ])('says why losing a stream changes nothing when %s', (_name, lines, expected) => {
    expect(scenarioUnchanged(streams, lines, [{ streamId: hPylori.id, outcome: 'lost' }], '2018/19')).toEqual(expected);
    expect(scenarioUnchanged(streams, lines, [{ streamId: winterPotential.id, outcome: 'lost' }, { streamId: hPylori.id, outcome: 'won' }], '2018/19')).toEqual([]);
  });

  it('counts the federation’s share of a won stream whose linked line is £0 (to be decided), beside that line', () => {
    const withShare = streams.map((s) => (s.id === hPylori.id ? { ...s, practicesShareBasisPoints: 9500 } : s));
    const lines = scenarioIncomeLines('2018/19', linked.map((l) => (l.line === 'H Pylori' ? { ...l, streamId: hPylori.id } : l)), withShare, [{ streamId: hPylori.id, outcome: 'won' }]);
    expect(lines.filter((l) => l.streamId === hPylori.id).map((l) => [l.line, l.section, l.amountPence])).toEqual([['H Pylori', 'secured', 0], ['H Pylori (if won)', 'secured', 150_000]]);
  });

  it('adds the federation’s share of a won stream that has no I&E line, and counts its money in the cash flow', () => {
    const withShare = streams.map((s) => (s.id === hPylori.id ? { ...s, practicesShareBasisPoints: 9500 } : s));
    const lines = scenarioIncomeLines('2018/19', linked, withShare, [{ streamId: hPylori.id, outcome: 'won' }]);
    expect(lines.at(-1)).toMatchObject({ line: 'H Pylori (if won)', section: 'secured', amountPence: 150_000 });
    expect(cashFlowStreams(withShare, [{ streamId: hPylori.id, outcome: 'won' }]).map((s) => s.id)).toContain(hPylori.id);
    expect(cashFlowStreams(withShare).every((s) => s.status === 'secured')).toBe(true);
  });

  it('counts an ended stream’s money in the cash flow of the years up to its end, not after', () => {
    const ended = makeStream({ status: 'ended', endDate: '2018-03-31', amounts: [{ financialYear: '2017/18', amountPence: 10_200_000 }] });
    expect(cashFlowStreams([ended], [], '2017/18')).toEqual([ended]);
    expect(cashFlowStreams([ended], [], '2018/19')).toEqual([]);
  });

  it('adds nothing for a won stream the plan already counts as secured (money counted twice), and says so', () => {
    const twice = findDoubleCounting(streams).find((d) => d.financialYear === '2018/19')!;
    const potential = streams.find((s) => s.id === twice.potentialStreamId)!;
    const won = [{ streamId: potential.id, outcome: 'won' as const }];
    const base = incomeAndExpenditure('2018/19', scenarioIncomeLines('2018/19', linked, streams, []), costs);
    const scenario = incomeAndExpenditure('2018/19', scenarioIncomeLines('2018/19', linked, streams, won), costs);
    expect(scenario.resultPence).toBe(base.resultPence);
    expect(scenarioIncomeLines('2018/19', linked, streams, won).some((l) => l.line.endsWith('(if won)'))).toBe(false);
    expect(cashFlowStreams(streams, won, '2018/19').map((s) => s.id)).toEqual(cashFlowStreams(streams, [], '2018/19').map((s) => s.id));
    expect(scenarioNotes(streams, won, '2018/19')).toEqual([expect.stringMatching(new RegExp(`^${potential.name} is already counted as secured in 2018/19 .*adds nothing`))]);
    expect(scenarioNotes(streams, [{ streamId: hPylori.id, outcome: 'won' }], '2018/19')).toEqual([]);
  });

  it('refuses a stream that is not potential, or is named twice', () => {
    const secured = streams.find((s) => s.status === 'secured')!;
    expect(scenarioProblems(streams, [{ streamId: secured.id, outcome: 'lost' }])).toEqual([expect.stringMatching(/is secured, not potential/)]);
    expect(scenarioProblems(streams, [{ streamId: 999, outcome: 'won' }])).toEqual(['there is no income stream 999']);
    expect(scenarioProblems([makeStream({ status: 'potential' })], [{ streamId: 1, outcome: 'won' }, { streamId: 1, outcome: 'lost' }])).toEqual(['stream 1 is named twice']);
  });
});
