import { z } from 'zod';

/** The largest value a PostgreSQL `integer` (and so a serial id or a row version) holds. */
export const MAX_INT4 = 2_147_483_647;

/** A record's serial id as a request gives it: a whole number from 1 to the database's limit, so a bigger one is a 400, not a database error. */
export const recordIdSchema = z.coerce.number().int().positive().max(MAX_INT4, 'is too large to be a record id');

/**
 * The row version an edit was based on: its optimistic-concurrency check. Left out (or empty) it
 * says what to send, not that nothing "must be a number".
 */
export const rowVersionSchema = z.preprocess(
  (value, ctx) => {
    if (value !== undefined && value !== '') return value;
    ctx.addIssue({ code: 'custom', message: 'is required: send the rowVersion you read' });
    return z.NEVER;
  },
  z.coerce.number().int().min(1).max(MAX_INT4, 'is too large to be a row version'),
);

/** A page number in a list. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(MAX_INT4, 'is too large to be a page number');
