/**
 * The comparator pooled over every practice atscale holds figures for. Once the national QOF
 * files are imported that is all of England; with only a federation's own practices loaded it is
 * just those, so no page, export or chart calls it "England" on its own.
 */
export const ALL_PRACTICES_HELD = 'All practices held';

/** A practice's commissioner and PCN (code and name), in the period shown or today. */
export interface PracticePlace {
  commissionerCode: string | null;
  pcnCode: string | null;
  pcnName: string | null;
}

const pcnWords = (place: PracticePlace) => (place.pcnCode ? (place.pcnName ?? `PCN ${place.pcnCode}`) : 'no PCN');
/** PCNs began on 1 July 2019: before then, no practice was in one. */
const PCNS_BEGAN = '2019-07-01';

/**
 * What the practice page says of its sub-ICB and PCN rows: they are the practice's in the period
 * shown, pooling the practices that were theirs then (a practice moved since, as Narborough moved
 * from 03W to 04C in April 2019, is compared with its old neighbours), and where either has changed
 * since, what it was then and is now.
 */
export function placeThenSentences(practice: string, period: string, periodWords: string, then: PracticePlace, now: PracticePlace): string[] {
  const sentences = [`The sub-ICB location and PCN rows are ${practice}’s in ${periodWords}, each pooling the practices that were theirs then.`];
  if (then.commissionerCode !== now.commissionerCode) sentences.push(`${practice} was commissioned by ${then.commissionerCode ?? 'no sub-ICB location'} in ${periodWords}; it is under ${now.commissionerCode ?? 'none'} now.`);
  if (then.pcnCode !== now.pcnCode) {
    const before = !then.pcnCode && period < PCNS_BEGAN ? ' (PCNs began in July 2019), so there is no PCN row' : !then.pcnCode ? ', so there is no PCN row' : '';
    sentences.push(`${practice} was in ${pcnWords(then)} in ${periodWords}${before}; it is in ${pcnWords(now)} now.`);
  }
  return sentences;
}
