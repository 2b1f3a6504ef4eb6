import { describe, expect, it } from 'vitest';
import { uniqueViolation } from './errors.js';

describe('uniqueViolation: two saves at once that the database refused', () => {
  it.each<[string, unknown, boolean]>([
    ['the driver’s error', Object.assign(new Error('duplicate key value violates unique constraint "income_streams_scheme"'), { code: '23505' }), true],
    ['wrapped by Drizzle as its cause', Object.assign(new Error('Failed query: update …'), { cause: Object.assign(new Error('duplicate key'), { code: '23505' }) }), true],
    ['another database error', Object.assign(new Error('null value in column'), { code: '23502' }), false],
    ['an ordinary error', new Error('boom'), false],
  ])('%s', (_name, error, expected) => {
    expect(uniqueViolation(error)).toBe(expected);
  });
});
