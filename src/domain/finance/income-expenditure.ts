import { formatPence } from '../schemes/format-money.js';
import type { IeIncomeLine, RunningCostLine } from './types.js';

export interface IncomeAndExpenditure {
  financialYear: string;
  secured: IeIncomeLine[];
  potential: IeIncomeLine[];
  runningCosts: RunningCostLine[];
  securedPence: number;
  potentialPence: number;
  totalIncomePence: number;
  runningCostsPence: number;
  /** Secured income less running costs: the cautious position, counting no money not yet won. */
  securedResultPence: number;
  /** Total income (secured and potential) less running costs, as the plan prints it: the position if the potential income comes in. */
  resultPence: number;
}

const total = (lines: readonly { amountPence: number }[]) => lines.reduce((sum, line) => sum + line.amountPence, 0);

/** One year's I&E, every subtotal and the result added up from the lines. */
export function incomeAndExpenditure(financialYear: string, income: readonly IeIncomeLine[], runningCosts: readonly RunningCostLine[]): IncomeAndExpenditure {
  const ofYear = <T extends { financialYear: string }>(lines: readonly T[]) => lines.filter((l) => l.financialYear === financialYear);
  const secured = ofYear(income).filter((l) => l.section === 'secured');
  const potential = ofYear(income).filter((l) => l.section === 'potential');
  const costs = ofYear(runningCosts);
  const securedPence = total(secured);
  const potentialPence = total(potential);
  const runningCostsPence = total(costs);
  return {
    financialYear,
    secured,
    potential,
    runningCosts: costs,
    securedPence,
    potentialPence,
    totalIncomePence: securedPence + potentialPence,
    runningCostsPence,
    securedResultPence: securedPence - runningCostsPence,
    resultPence: securedPence + potentialPence - runningCostsPence,
  };
}

/** "surplus", "deficit" or "break-even". */
export const resultKind = (resultPence: number) => (resultPence > 0 ? 'surplus' : resultPence < 0 ? 'deficit' : 'break-even');

/** "a deficit", "a surplus", "break-even": the result without its amount. */
export const resultNoun = (resultPence: number) => (resultPence === 0 ? 'break-even' : `a ${resultKind(resultPence)}`);

/** "a deficit of £688", "a surplus of £12", "break-even": the result as every page, table and command says it. */
export const resultWords = (resultPence: number) => (resultPence === 0 ? 'break-even' : `${resultNoun(resultPence)} of ${formatPence(Math.abs(resultPence))}`);

/**
 * The two positions every page and command gives, each labelled: the cautious one on secured
 * income only, and the one if the potential income comes in (the plan's printed result). A year
 * with no potential income has only the one.
 */
export function positionsWords(ie: Pick<IncomeAndExpenditure, 'securedResultPence' | 'resultPence' | 'potentialPence'>): { label: string; words: string }[] {
  const secured = { label: 'On secured income only', words: resultWords(ie.securedResultPence) };
  return ie.potentialPence === 0 ? [secured] : [secured, { label: `If the potential income of ${formatPence(ie.potentialPence)} comes in`, words: resultWords(ie.resultPence) }];
}
