/**
 * Thousands separators as en-GB writes them, done by hand: Intl's formatter costs microseconds a
 * call, and a national scheme writes tens of thousands of figures into its statements.
 */
function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = end - 3 > 0 ? `,${digits.slice(end - 3, end)}${out}` : `${digits.slice(0, end)}${out}`;
  return out;
}

/** The minus sign money and counts are written with, as in print: "−3", "−£21,386" (not a hyphen). */
const MINUS = '\u2212';

/** A count as people read it, to at most 2 decimal places: 5100 → "5,100", 144.9527 → "144.95", 12.5 → "12.5", -3 → "−3". */
export function formatCount(n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return n < 0 ? `${MINUS}${groupThousands(String(-n))}` : groupThousands(String(n));
  // Like Intl, round the number as written (2.675 → 2.68), half away from zero.
  const text = String(Math.abs(n));
  if (!Number.isFinite(n) || text.includes('e') || Math.abs(n) >= 1e13) return n.toLocaleString('en-GB', { maximumFractionDigits: 2 }).replace('-', MINUS);
  const [whole, fraction = ''] = text.split('.');
  const hundredths = Number(`${whole}${fraction.slice(0, 2).padEnd(2, '0')}`) + (fraction.charCodeAt(2) >= 53 ? 1 : 0);
  const decimals = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '');
  const sign = n < 0 || Object.is(n, -0) ? MINUS : '';
  return `${sign}${groupThousands(String(Math.floor(hundredths / 100)))}${decimals ? `.${decimals}` : ''}`;
}

/** Pence as people read money in a sentence: 212600 → "£2,126", 193 → "£1.93", -2138600 → "−£21,386". */
export function formatPence(pence: number, options: { pence?: 'when-any' | 'always' } = {}): string {
  const sign = pence < 0 ? MINUS : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const pennies = abs % 100;
  const whole = groupThousands(String(pounds));
  return `${sign}£${whole}${pennies || options.pence === 'always' ? `.${String(pennies).padStart(2, '0')}` : ''}`;
}

/** Pence in a column of money, where every cell shows its pence so the figures line up: 0 → "£0.00", 212600 → "£2,126.00". */
export const formatPenceInColumn = (pence: number): string => formatPence(pence, { pence: 'always' });

/**
 * How one column of money is written: when any amount in it has pence, every amount shows its
 * pence, so the column lines up ("£2,126.00" above "£1.93"); when none has, whole pounds, as a
 * sentence writes them ("£2,600", not "£2,600.00" under "Paid to the practice £2,600").
 */
export function moneyColumnFormat(amounts: Iterable<number | null | undefined>): (pence: number) => string {
  return anyHasPence(amounts) ? formatPenceInColumn : (pence) => formatPence(pence);
}

/** Whether some amount in a column of money has pence: then the whole column shows them (moneyColumnFormat; the finance tables' columns alike). */
export function anyHasPence(amounts: Iterable<number | null | undefined>): boolean {
  for (const pence of amounts) if (pence !== null && pence !== undefined && pence % 100 !== 0) return true;
  return false;
}

/** Pence as a number of pounds for a table cell: 212600 → 2126, 193 → 1.93. */
export function penceToPounds(pence: number): number {
  return pence / 100;
}

/** A figure in a sentence or a notes table: money (in pence) as "£66,689", a count as "5,100". */
export function formatFigure(value: number, money: boolean): string {
  return money ? formatPence(value) : formatCount(value);
}

/**
 * A quantity with its unit, singular when there is exactly one: "2.6 pharmacist days", "1 pharmacist day",
 * "1 appointment". Scheme units are the scheme's own plural words, so the singular is made from them
 * (days → day, deliveries → delivery, clinic passes → clinic pass); words that are not plurals are kept.
 */
export function formatQuantity(n: number, unitLabel: string): string {
  return `${formatCount(n)} ${n === 1 ? singularOf(unitLabel) : unitLabel}`;
}

function singularOf(plural: string): string {
  if (/[^aeiou]ies$/i.test(plural)) return `${plural.slice(0, -3)}${plural.endsWith('IES') ? 'Y' : 'y'}`;
  if (/(ss|sh|ch|x)es$/i.test(plural)) return plural.slice(0, -2);
  if (/[^su]s$/i.test(plural)) return plural.slice(0, -1);
  return plural;
}
