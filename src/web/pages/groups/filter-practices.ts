/** What a practice can be found by in a long list of checkboxes: its names, ODS code, PCN, commissioner and postcode. */
export interface Findable {
  odsCode: string;
  displayName: string;
  name: string;
  pcnCode: string | null;
  pcnName: string | null;
  commissionerCode: string | null;
  postcode: string | null;
}

const fold = (text: string) => text.toLowerCase().replace(/[’']/g, '').replace(/\s+/g, ' ');

/**
 * The practices every word of `words` is found in (any order, any case), e.g. "harborough pcn" or
 * "C82 market". No words: all of them.
 */
export function filterPractices<T extends Findable>(practices: readonly T[], words: string): T[] {
  const wanted = fold(words).split(' ').filter(Boolean);
  if (!wanted.length) return [...practices];
  return practices.filter((p) => {
    const text = fold([p.displayName, p.name, p.odsCode, p.pcnCode, p.pcnName, p.commissionerCode, p.postcode].filter(Boolean).join(' '));
    return wanted.every((word) => text.includes(word));
  });
}
