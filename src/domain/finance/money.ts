import { z } from 'zod';

/**
 * Money as people type it, to integer pence: "£1,234.50", "1234.5", "1,234", "-688", "(688)".
 * Commas must group thousands (so "1,23" is refused rather than guessed); at most two decimal
 * places. The arithmetic is on the digits, never on a binary float, so "0.29" is 29 pence.
 */
export function parsePounds(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new Error('is not an amount of money');
    return parsePounds(String(input));
  }
  let text = input.trim().replace(/\s+/g, '');
  if (text === '') throw new Error('is empty: enter an amount such as £1,234.50');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-−]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(/^£/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text) ?? /^()\.(\d{1,2})$/.exec(text);
  if (!match) throw new Error(`"${input}" is not an amount of money (write it like £1,234.50, 1234.5 or 1,234)`);
  const whole = match[1]!.replaceAll(',', '') || '0';
  const pence = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) throw new Error(`"${input}" is too large`);
  return negative && pence !== 0 ? -pence : pence;
}

/**
 * A spreadsheet cell of money, to exact pence: blank is null, one amount is its pence, anything else
 * ("TBD", "£30-35K", "£1.005") is undefined. In `thousands` ("£000" columns) "12.5" is £12,500,
 * moved along the digits rather than multiplied as a float.
 */
export function penceFromText(text: string, unit: 'pounds' | 'thousands' = 'pounds'): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    return parsePounds(unit === 'pounds' ? trimmed : thousandsAsPounds(trimmed));
  } catch {
    return undefined;
  }
}

/** "1,234.5" (thousands of pounds) → "1234500": the decimal point moved three digits right. */
function thousandsAsPounds(text: string): string {
  const match = /^([-−(]?£?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(\)?)$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return text;
  const decimals = (match[3] ?? '').padEnd(3, '0');
  const moved = `${match[2]!.replaceAll(',', '')}${decimals.slice(0, 3)}`.replace(/^0+(?=\d)/, '');
  return `${match[1]}${moved}${decimals.length > 3 ? `.${decimals.slice(3)}` : ''}${match[4]}`;
}

/** Pence written as plain pounds, as `poundsSchema` hands them on: -68800 → "-688.00". */
export function canonicalPounds(pence: number): string {
  const abs = Math.abs(pence);
  return `${pence < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * An amount in pounds as typed ("£1,234.50") or a number of pounds, checked and written plainly
 * ("1234.50"); `parsePounds` then gives the pence. Checking twice gives the same answer (the API
 * checks a request, then the use case checks it again), which turning it into pence would not:
 * 100000 pence read again as pounds would be a hundred times too much.
 */
export function poundsSchema(options: { allowNegative?: boolean } = {}) {
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    try {
      const pence = parsePounds(value);
      if (pence < 0 && !options.allowNegative) {
        ctx.addIssue({ code: 'custom', message: 'must not be negative' });
        return z.NEVER;
      }
      return canonicalPounds(pence);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });
}


/**
 * Splits an amount into `parts` instalments of whole pence that add up to it exactly: equal
 * shares, the odd pence going to the earliest instalments (so £100 over 3 is 33.34, 33.33, 33.33).
 */
export function splitPence(pence: number, parts: number): number[] {
  if (parts <= 0) return [];
  const sign = pence < 0 ? -1 : 1;
  const abs = Math.abs(pence);
  const base = Math.floor(abs / parts);
  const extra = abs - base * parts;
  return Array.from({ length: parts }, (_, i) => sign * (base + (i < extra ? 1 : 0)) || 0);
}

/** A share of an amount in basis points (9500 = 95%), rounded half up to the penny (half away from zero). */
export function shareOf(pence: number, basisPoints: number): number {
  const product = Math.abs(pence) * basisPoints;
  const rounded = Math.floor(product / 10_000) + (product % 10_000 >= 5_000 ? 1 : 0);
  return pence < 0 ? -rounded : rounded;
}
