import { formatCount } from './schemes/format-money.js';

/** Lists written as sentences: "a", "a and b", "a, b and c". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Names said once each, in alphabetical order, as a sentence's list: "Harborough and North Blaby". */
export const namesInOrder = (names: readonly string[]): string => formatList([...new Set(names)].sort((a, b) => a.localeCompare(b)));

/** A long text cut for a link, a warning or a label: at a word, with an ellipsis, never mid-word. */
export function shortText(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : text.slice(0, max)).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * A count of days from today as a sentence ends: "today", "tomorrow", "in 17 days", and for past
 * days "yesterday", "3 days ago". "Last day to give notice in 0 days" is how it must not read.
 */
export function daysFromToday(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** A count with its noun, singular for one: "1 practice", "6,129 practices", "0 groups". */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A number of days, for a window such as "within 1 day" or "within 90 days". */
export const dayCount = (days: number): string => `${days} day${days === 1 ? '' : 's'}`;

/** A window of days from a date, as a sentence says it: "within 90 days of 1 April 2026", or for none "on 1 April 2026". */
export const withinDaysOf = (days: number, date: string): string => (days === 0 ? `on ${date}` : `within ${dayCount(days)} of ${date}`);

const acronyms: Record<string, string> = { icb: 'ICB', pcn: 'PCN', ods: 'ODS', csv: 'CSV', stp: 'STP', qof: 'QOF', rag: 'RAG', ie: 'I&E', gp: 'GP', wte: 'WTE' };

/** "practice_manager" → "Practice manager"; "icb_footprint" → "ICB footprint"; "stp_milestone" → "STP milestone"; "sub_contract" → "Sub-contract". */
export function humanise(code: string): string {
  const words = code.split('_').map((w) => acronyms[w] ?? w);
  // "sub" is a prefix, not a word: sub_contract is a sub-contract.
  const text = words.join(' ').replace(/\bsub /g, 'sub-');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Who did something, as pages and exports name people: "Jo Walker <admin@…>" → "Jo Walker" (the email stays in the audit). */
export function actorName(label: string | null | undefined): string {
  const text = (label ?? '').replace(/\s*<[^>]*>$/, '');
  // What atscale did itself (a start-up task), what the demo loader wrote, and what someone did at the command line.
  if (text === 'system') return 'atscale';
  if (text === 'demo') return 'Demo data';
  const cli = /^cli:(.+)$/.exec(text);
  return cli ? `${cli[1]} (command line)` : text;
}

/** What an import did, in words: "15,559 inserted, 3 updated, 40 unchanged". */
export function importCounts(counts: { inserted?: number | undefined; updated?: number | undefined; unchanged?: number | undefined }): string {
  return `${formatCount(counts.inserted ?? 0)} inserted, ${formatCount(counts.updated ?? 0)} updated, ${formatCount(counts.unchanged ?? 0)} unchanged`;
}
