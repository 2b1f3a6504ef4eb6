/** The words that say what kind of place a practice is, not which: "Medical Centre", "Surgery"… */
const kindOfPlace = /\s+(?:(?:medical|health|family|group)\s+)?(?:centre|center|practice|surgery|group|partnership|clinic)$/i;

/**
 * A practice's name as people in a federation say it, short enough to sit beside a mark on a phone's
 * chart: "Kibworth Medical Centre" → "Kibworth", "The Masharani Practice, Lutterworth Health Centre"
 * → "Masharani", "The Market Overton Surgery / Somerby" → "Market Overton". A name that would be
 * left with nothing ("The Surgery") is kept whole. The full name stays in the tooltip and the table.
 */
export function shortPracticeName(name: string): string {
  // A space in front, so a name that is all kind of place ("Medical Centre") is seen to be.
  let short = ` ${name.split(/,|\s+\/\s+/)[0]!.trim().replace(/^the\s+/i, '')}`;
  for (let before = ''; before !== short; ) {
    before = short;
    short = short.replace(kindOfPlace, '');
  }
  return short.trim() || name.trim();
}
