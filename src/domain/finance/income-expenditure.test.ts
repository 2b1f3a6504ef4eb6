import { describe, expect, it } from 'vitest';
import { incomeAndExpenditure, positionsWords, resultKind, resultNoun, resultWords } from './income-expenditure.js';
import { ieTable } from './presenters.js';
import { readSeed, seedIe } from '../../../test/support/finance-seeds.js';

describe('the ELR 2018/19 I&E, added up from its lines', () => {
  const { income, costs } = seedIe();
  const ie = incomeAndExpenditure('2018/19', income, costs);

  it('reproduces the seed: secured £169,432 + potential £3,500 = £172,932 against £173,620, a deficit of £688', () => {
    expect([ie.securedPence, ie.potentialPence, ie.totalIncomePence, ie.runningCostsPence, ie.resultPence].map((p) => p / 100)).toEqual([169_432, 3_500, 172_932, 173_620, -688]);
    expect(resultKind(ie.resultPence)).toBe('deficit');
    // The narrative's "£136K secured" leaves out demand management.
    expect((ie.securedPence - income.find((l) => l.line === 'Demand management')!.amountPence) / 100).toBe(136_432);
  });

  it('prints every subtotal and total the seed prints, with the same figure', () => {
    const printed = readSeed('ie-forecast-2018-19.csv').filter((r) => r.row_type !== 'item');
    const rows = ieTable(ie).rows;
    for (const row of printed.filter((r) => r.section !== 'expenditure')) {
      expect(rows.find((r) => r.line === row.line)?.amount, row.line).toBe(Number(row.amount));
    }
    expect(rows.at(-1)).toMatchObject({ line: 'Surplus / deficit', amount: -688, comment: 'a deficit if the potential income comes in' });
  });

  it('gives the cautious position on secured income only beside the plan’s: £169,432 against £173,620 is a deficit of £4,188', () => {
    expect(ie.securedResultPence / 100).toBe(-4_188);
    expect(positionsWords(ie)).toEqual([
      { label: 'On secured income only', words: 'a deficit of £4,188' },
      { label: 'If the potential income of £3,500 comes in', words: 'a deficit of £688' },
    ]);
    expect(ieTable(ie).rows.filter((r) => r.section === 'Result').map((r) => [r.line, r.amount])).toEqual([
      ['Surplus / deficit on secured income only', -4_188],
      ['Surplus / deficit', -688],
    ]);
  });

  it.each<[string, number[], string[]]>([
    ['a single running-cost line is the running costs: shown once, not added up beneath itself', [173_620], ['Running costs (total) 173620']],
    ['several lines are added up beneath them', [100_000, 73_620], ['Staff 100000', 'Premises 73620', 'Running costs 173620']],
  ])('%s', (_name, amounts, expected) => {
    const lines = amounts.map((pounds, i) => ({ ...costs[0]!, id: i + 1, line: amounts.length === 1 ? costs[0]!.line : ['Staff', 'Premises'][i]!, amountPence: pounds * 100 }));
    const rows = ieTable(incomeAndExpenditure('2018/19', income, lines)).rows.filter((r) => r.section === 'Expenditure');
    expect(rows.map((r) => `${String(r.line)} ${String(r.amount)}`)).toEqual(expected);
  });

  it('takes only the year asked for, and a year without potential income has one position', () => {
    const empty = incomeAndExpenditure('2019/20', income, costs);
    expect(empty).toMatchObject({ totalIncomePence: 0, runningCostsPence: 0, securedResultPence: 0, resultPence: 0 });
    expect(resultKind(0)).toBe('break-even');
    expect(positionsWords(empty)).toEqual([{ label: 'On secured income only', words: 'break-even' }]);
    expect(ieTable(empty).rows.filter((r) => r.section === 'Result').map((r) => r.line)).toEqual(['Surplus / deficit']);
  });
});

describe('resultWords: the result as pages, tables and commands say it', () => {
  it.each<[number, string, string]>([
    [-68_800, 'a deficit of £688', 'a deficit'],
    [1_200, 'a surplus of £12', 'a surplus'],
    [-50, 'a deficit of £0.50', 'a deficit'],
    [0, 'break-even', 'break-even'],
  ])('%i pence', (pence, words, noun) => {
    expect([resultWords(pence), resultNoun(pence)]).toEqual([words, noun]);
  });
});
