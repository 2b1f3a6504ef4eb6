import { financialYearStart } from './financial-year.js';
import type { IncomeStream } from './types.js';

/**
 * How a stream's money in a year counts: as its status says, or, for a stream that has ended, as
 * secured in the years that began by its end date (the money came in) and in no year after it. An
 * ended stream with no end date recorded counts in no year.
 */
export function countsAs(stream: Pick<IncomeStream, 'status' | 'endDate'>, financialYear: string): 'secured' | 'potential' | null {
  if (stream.status !== 'ended') return stream.status;
  const start = financialYearStart(financialYear);
  return stream.endDate && start !== null && `${start}-04-01` <= stream.endDate ? 'secured' : null;
}

export interface FunderYearTotals {
  funder: string;
  byYear: Record<string, { secured: number; potential: number }>;
  secured: number;
  potential: number;
}

export interface StreamTotals {
  years: string[];
  funders: FunderYearTotals[];
  byYear: Record<string, { secured: number; potential: number }>;
  secured: number;
  potential: number;
}

export interface DoubleCount {
  financialYear: string;
  name: string;
  securedStreamId: number;
  potentialStreamId: number;
  securedPence: number;
  potentialPence: number;
  message: string;
}

const blank = () => ({ secured: 0, potential: 0 });
/** A stream with no funder recorded is shown under this name. */
export const NO_FUNDER = 'Funder not recorded';

/** Every financial year any stream has an amount for, in order. */
export const yearsOfStreams = (streams: readonly IncomeStream[]) => [...new Set(streams.flatMap((s) => s.amounts.map((a) => a.financialYear)))].sort();

/**
 * Secured and potential income by funder and financial year, added up from the streams' yearly
 * amounts (an ended stream as `countsAs` says). Totals are always computed here, never stored.
 */
export function streamTotals(streams: readonly IncomeStream[], years: readonly string[] = yearsOfStreams(streams)): StreamTotals {
  const byFunder = new Map<string, FunderYearTotals>();
  const byYear: StreamTotals['byYear'] = Object.fromEntries(years.map((y) => [y, blank()]));
  const totals = { secured: 0, potential: 0 };
  for (const stream of streams) {
    const counted = stream.amounts.filter((a) => byYear[a.financialYear] && countsAs(stream, a.financialYear));
    if (counted.length === 0 && stream.status === 'ended') continue;
    const funder = stream.funder || NO_FUNDER;
    let entry = byFunder.get(funder);
    if (!entry) byFunder.set(funder, (entry = { funder, byYear: Object.fromEntries(years.map((y) => [y, blank()])), secured: 0, potential: 0 }));
    for (const { financialYear, amountPence } of counted) {
      const status = countsAs(stream, financialYear)!;
      entry.byYear[financialYear]![status] += amountPence;
      entry[status] += amountPence;
      byYear[financialYear]![status] += amountPence;
      totals[status] += amountPence;
    }
  }
  return { years: [...years], funders: [...byFunder.values()].sort((a, b) => a.funder.localeCompare(b.funder)), byYear, ...totals };
}

const sameName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Money counted twice: a stream listed as secured and again as potential, with an amount in the
 * same year in both. Streams are the same when their names match (ignoring case, spaces and
 * punctuation), whoever the funder is, because a potential row often leaves the funder blank.
 */
export function findDoubleCounting(streams: readonly IncomeStream[]): DoubleCount[] {
  const found: DoubleCount[] = [];
  const secured = streams.filter((s) => s.status === 'secured');
  for (const potential of streams.filter((s) => s.status === 'potential')) {
    for (const twin of secured.filter((s) => sameName(s.name) === sameName(potential.name))) {
      for (const p of potential.amounts) {
        const s = twin.amounts.find((a) => a.financialYear === p.financialYear);
        if (!s || s.amountPence === 0 || p.amountPence === 0) continue;
        found.push({
          financialYear: p.financialYear,
          name: potential.name,
          securedStreamId: twin.id,
          potentialStreamId: potential.id,
          securedPence: s.amountPence,
          potentialPence: p.amountPence,
          message: `${potential.name} ${p.financialYear} is counted twice: as secured and again as potential. It belongs in one of them only.`,
        });
      }
    }
  }
  return found.sort((a, b) => a.financialYear.localeCompare(b.financialYear) || a.name.localeCompare(b.name));
}
