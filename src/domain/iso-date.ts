import { z } from 'zod';
import { invalid } from './errors.js';

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

/** A calendar date written YYYY-MM-DD that exists (no 30 February): one message per problem. */
export const isoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'is not a real date');

/** An optional date the user typed (an import's as-of date): undefined when blank, else a real YYYY-MM-DD date or an invalid error naming `field`. */
export function optionalIsoDate(raw: string | undefined, field: string, label = 'The as-of date'): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const parsed = isoDateSchema.safeParse(raw);
  if (!parsed.success) throw invalid(`${label} "${raw}" is not valid`, [{ field, message: parsed.error.issues[0]!.message }]);
  return parsed.data;
}

/** 23 November 2026, as NHS pages write dates (in documents and messages the server writes). */
export function formatLongDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
