import { formatLongDate } from '../iso-date.js';

/**
 * A scheme takes its practices' list sizes from the registry at exactly one snapshot date (its
 * `listSnapshot.date`). The builder's preview and the save use these rules, so they agree and say
 * the same thing, once, when the date chosen holds no list sizes for some or all of the practices.
 */

/** The snapshot dates nearest a date: the latest before it and the earliest after it (null when there is none). */
export interface NearestSnapshots {
  before: string | null;
  after: string | null;
}

export function nearestSnapshots(held: readonly string[], date: string): NearestSnapshots {
  let before: string | null = null;
  let after: string | null = null;
  for (const d of held) {
    if (d < date && (before === null || d > before)) before = d;
    if (d > date && (after === null || d < after)) after = d;
  }
  return { before, after };
}

/** "Kibworth Medical Centre (C82001), Oakham Medical Practice (C82010) and 4 more". */
function namesOf(missing: readonly { name: string; odsCode: string }[], shown = 3): string {
  const named = missing.slice(0, shown).map((p) => `${p.name} (${p.odsCode})`);
  const more = missing.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join('');
}

/** Where to look instead: the nearest snapshot dates the registry holds for the practices missing. */
function whereInstead({ before, after }: NearestSnapshots): string {
  if (before && after) return `The nearest list-size snapshots are ${formatLongDate(before)} (before) and ${formatLongDate(after)} (after): choose one of those dates.`;
  if (before) return `The latest list-size snapshot is ${formatLongDate(before)}, before it; there is none after: choose ${formatLongDate(before)}, or import a newer list-size file.`;
  if (after) return `The earliest list-size snapshot is ${formatLongDate(after)}, after it; there is none before: choose ${formatLongDate(after)}.`;
  return 'The registry holds no list sizes for them at all: import a list-size file first.';
}

/**
 * The one message for a snapshot date that does not fit: null when every practice has a list size
 * on it. Names the date, which practices have none (all of them, or by name), and the nearest
 * snapshot dates the registry holds for those practices.
 */
export function missingListSizesMessage(input: { date: string; practices: number; missing: readonly { name: string; odsCode: string }[]; nearest: NearestSnapshots }): string | null {
  const { date, practices, missing, nearest } = input;
  if (missing.length === 0) return null;
  const on = formatLongDate(date);
  const who =
    missing.length === practices
      ? `The registry holds no list sizes on ${on} for ${practices === 1 ? 'the scheme’s practice' : `any of the scheme’s ${practices} practices`}.`
      : `${missing.length} of the scheme’s ${practices} practices ${missing.length === 1 ? 'has' : 'have'} no list size on ${on}: ${namesOf(missing)}.`;
  return `${who} ${whereInstead(nearest)}`;
}
