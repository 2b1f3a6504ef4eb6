import { z } from 'zod';
import { AppError, type ProblemLocation } from '../errors.js';
import { parsePounds } from '../finance/money.js';

/**
 * Money as people type it: amounts become integer pence. (Financial years as people type them are
 * read by finance/financial-year.ts.)
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
