import { z } from 'zod';
import { AppError, type ProblemLocation } from '../errors.js';
import { parsePounds } from '../finance/money.js';

/**
 * Money and financial years as people type them. Amounts become integer pence; a financial year
 * is written "2018/19" and runs from 1 April 2018 to 31 March 2019.
 */

/**
 * "£1,234.50", "1234.5", "1,234", " £0.50 ", "3.340" → pence, by the finance rules' `parsePounds`,
 * with the reason named for a form or file: negatives, fractions of a penny and anything else are refused.
 */
export function parsePoundsToPence(input: string | number, where: ProblemLocation = {}): number {
  const text = typeof input === 'number' ? String(input) : input.trim();
  const fail = (reason: string) => new AppError('invalid', `${describe(where)}${reason}`, { problems: [{ ...where, message: reason }] });
  if (text === '') throw fail('enter an amount in pounds, such as £1,234.50');
  if (/^£?\s*[-−]/.test(text)) throw fail(`"${text}" is negative: amounts must be £0 or more`);
  if (/\.\d{2}\d*[1-9]\d*$/.test(text)) throw fail(`"${text}" has a fraction of a penny`);
  try {
    // A spreadsheet's "3.340" is £3.34: zeros after the pence say nothing more.
    return parsePounds(text.replace(/(\.\d{2})0+$/, '$1'));
  } catch (error) {
    throw fail(/too large/.test((error as Error).message) ? `"${text}" is too large` : `"${text}" is not an amount in pounds (write it like £1,234.50)`);
  }
}

export interface FinancialYear {
  /** "2018/19" */
  label: string;
  /** 1 April, YYYY-MM-DD */
  start: string;
  /** 31 March the next year, YYYY-MM-DD */
  end: string;
}

/** "2018/19" → 1 April 2018 to 31 March 2019. "2018-19", "18/19" or "2018/20" are refused with the reason. */
export function parseFinancialYear(input: string, where: ProblemLocation = {}): FinancialYear {
  const text = input.trim();
  const match = /^(\d{4})\/(\d{2})$/.exec(text);
  const fail = (reason: string) => new AppError('invalid', `${describe(where)}${reason}`, { problems: [{ ...where, message: reason }] });
  if (!match) throw fail(`"${text}" is not a financial year: write it like 2018/19 (April 2018 to March 2019)`);
  const first = Number(match[1]);
  const second = Number(match[2]);
  if ((first + 1) % 100 !== second) throw fail(`"${text}" is not a financial year: the second part must be the year after ${first} (${first}/${String((first + 1) % 100).padStart(2, '0')})`);
  return { label: text, start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

/** The financial year a date falls in: 2018-03-31 → 2017/18, 2018-04-01 → 2018/19. */
export function financialYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const first = Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

function describe(where: ProblemLocation): string {
  const parts = [where.file, where.line !== undefined ? `line ${where.line}` : undefined, where.column !== undefined ? `column ${where.column}` : undefined, where.field ? `${where.field}` : undefined].filter(Boolean);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

/** Runs a parser inside zod, so a form or request names the field with the parser's reason. */
function viaParser<T>(parse: (text: string) => T) {
  return (value: string | number, ctx: z.RefinementCtx): T => {
    try {
      return parse(String(value));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof AppError ? (error.problems[0]?.message ?? error.message) : String(error) });
      return z.NEVER;
    }
  };
}

/** An amount in pounds as people type it ("£1,234.50", 1234.5) → integer pence. Parse once only: the output is pence, not pounds. */
export const poundsField = z.union([z.string(), z.number()]).transform(viaParser((text) => parsePoundsToPence(text)));
/**
 * The same check without turning the amount into pence, for schemas that may be applied twice
 * (a record type's schema checks the request body and again in the use case): convert with
 * parsePoundsToPence where the values are stored.
 */
export const poundsText = z.union([z.string(), z.number()]).superRefine((value, ctx) => {
  viaParser((text) => parsePoundsToPence(text))(value, ctx);
});
/** A financial year written 2018/19. */
export const financialYearField = z.string().transform(viaParser((text) => parseFinancialYear(text).label));
