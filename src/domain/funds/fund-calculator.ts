import { apportion, weighPractices } from '../schemes/apportion.js';
import type { SchemePractice } from '../schemes/practices.js';
import { largestRemainder, ratio, roundHalfUpToPence, toPence } from '../schemes/rounding.js';

/**
 * A fund given per registered patient: rate × the footprint's list at the snapshot date, for each
 * financial year it covers. Each practice's share is the scheme engine's list-size apportionment
 * of the year's total; the pennies are handed out by largest remainder so the practices add up
 * exactly to the total, and a locality's share is the sum of its practices'.
 */

export interface FundRate {
  year: string;
  ratePence: number;
}

export interface FundPractice {
  code: string;
  name: string;
  locality: string | null;
  listSize: number;
}

export interface FundYearTotal extends FundRate {
  listTotal: number;
  /** rate × list, rounded half-up to the penny once. */
  totalPence: number;
}

export interface FundShareRow {
  key: string;
  name: string;
  listSize: number;
  /** One amount per year, in the order of the fund's rates. */
  byYearPence: number[];
  totalPence: number;
}

export interface FundCalculation {
  years: FundYearTotal[];
  listTotal: number;
  totalPence: number;
  practices: (FundShareRow & { locality: string | null })[];
  localities: FundShareRow[];
}

const noLocality = 'No locality';

export function calculateFund(rates: readonly FundRate[], practices: readonly FundPractice[]): FundCalculation {
  const enginePractices: SchemePractice[] = practices.map((p) => ({ key: p.code, name: p.name, odsCode: p.code, listSize: p.listSize, participation: 'yes', ...(p.locality ? { locality: p.locality } : {}) }));
  const apportionment = weighPractices(enginePractices, { basis: 'list_size' });
  const listTotal = practices.reduce((total, p) => total + p.listSize, 0);
  const perYear = rates.map((rate) => {
    const exactTotal = ratio(rate.ratePence).times(listTotal).div(100);
    const rounded = roundHalfUpToPence(exactTotal);
    const shares = largestRemainder(apportion(exactTotal, apportionment), 2, rounded).map(toPence);
    return { year: { ...rate, listTotal, totalPence: toPence(rounded) }, shares };
  });
  const practiceRows = practices.map((p, i) => {
    const byYearPence = perYear.map((y) => y.shares[i]!);
    return { key: p.code, name: p.name, locality: p.locality, listSize: p.listSize, byYearPence, totalPence: byYearPence.reduce((a, b) => a + b, 0) };
  });
  const byLocality = new Map<string, FundShareRow>();
  for (const row of practiceRows) {
    const name = row.locality ?? noLocality;
    const entry = byLocality.get(name) ?? { key: name, name, listSize: 0, byYearPence: rates.map(() => 0), totalPence: 0 };
    entry.listSize += row.listSize;
    row.byYearPence.forEach((pence, y) => (entry.byYearPence[y]! += pence));
    entry.totalPence += row.totalPence;
    byLocality.set(name, entry);
  }
  const years = perYear.map((y) => y.year);
  return {
    years,
    listTotal,
    totalPence: years.reduce((total, y) => total + y.totalPence, 0),
    practices: practiceRows,
    localities: [...byLocality.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
