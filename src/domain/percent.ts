import { z } from 'zod';

export const percentMessage = 'must be a percentage from 0 to 100, with at most 2 decimal places';

/**
 * A percentage as typed ("95", "95.5", "5%") or given (95.5), to whole basis points (9550), on the
 * digits rather than a float. Anything but 0 to 100 with at most two decimal places is refused.
 */
export function percentToBasisPoints(input: string | number): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(String(input).trim());
  const basisPoints = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : Number.NaN;
  if (!(basisPoints <= 10_000)) throw new Error(percentMessage);
  return basisPoints;
}

/** A percentage field of a form or file: checked as `percentToBasisPoints` checks it, handed on as the number typed. */
export const percentSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    percentToBasisPoints(value);
    return Number(String(value).trim().replace(/%$/, ''));
  } catch {
    ctx.addIssue({ code: 'custom', message: percentMessage });
    return z.NEVER;
  }
});
