/** How numbers, money and dates are written on NHS pages: 327,255 · £1,642.50 · 1 January 2018. */
import { todayInEngland } from '../../domain/iso-date.js';
import { formatCount, formatPence } from '../../domain/schemes/format-money.js';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A count with thousands separators and a true minus sign, as the scheme reports write it. */
export const formatNumber = (value: number | null | undefined): string => (value === null || value === undefined ? '' : formatCount(value));

/** Stored amounts are integer pence; whole pounds are written without pence, as NHS pages write money: £30,000, £1,642.50, −£688. */
export const formatMoney = (pence: number | null | undefined): string => (pence === null || pence === undefined ? '' : formatPence(pence));


/** "2018-01-01" → "1 January 2018"; read as a calendar date, so no time zone can shift it. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return `${Number(day)} ${months[Number(month) - 1]} ${year}`;
}

/** A moment as people in England read it: "23 November 2026 at 5:45pm" (the command line's audit table writes it so too). */
export { formatDateTime } from '../../domain/iso-date.js';

/** "1 January 2018", "1 January 2018 and 1 April 2018", "a, b and c". */
export { formatList } from '../../domain/words.js';

/** A long text cut for a link or a warning: at a word, with an ellipsis, never mid-word. */
export { shortText } from '../../domain/words.js';

/** Today's date in England as YYYY-MM-DD (the server's rule, so a form and its check agree). */
export const todayIso = (): string => todayInEngland();

export { actorName } from '../../domain/words.js';

export { humanise, importCounts } from '../../domain/words.js';

/** "within 90 days of 1 April 2026"; for none, "on 1 April 2026". */
export { withinDaysOf } from '../../domain/words.js';

/** ODS codes typed into one box: "c82001, C82002\nC82003" → ["C82001", "C82002", "C82003"]. */
export const splitCodes = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
