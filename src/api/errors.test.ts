import { describe, expect, it } from 'vitest';
import { dataException, uniqueViolation } from './errors.js';

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

describe('dataException: a value that passed the request checks but not the column type is the request’s fault', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a number out of range (22003)', Object.assign(new Error('value "3000000000" is out of range for type integer'), { code: '22003' }), 'value "3000000000" is out of range for type integer'],
    ['an impossible date, wrapped by Drizzle (22008)', Object.assign(new Error('Failed query: select …'), { cause: Object.assign(new Error('date/time field value out of range: "2024-02-30"'), { code: '22008' }) }), 'date/time field value out of range: "2024-02-30"'],
    ['a unique violation is not one', Object.assign(new Error('duplicate key'), { code: '23505' }), undefined],
    ['an ordinary error is not one', new Error('boom'), undefined],
  ])('%s', (_name, error, expected) => {
    expect(dataException(error)).toBe(expected);
  });
});
