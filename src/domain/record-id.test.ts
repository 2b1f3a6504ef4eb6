import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rowVersionSchema } from './record-id.js';
import './zod-messages.js';

describe('rowVersionSchema: the version an edit was based on, as a body or a query gives it', () => {
  it.each<[string, unknown, number | string]>([
    ['a number', 3, 3],
    ['a query’s text', '3', 3],
    ['left out: says what to send', undefined, 'is required: send the rowVersion you read'],
    ['empty, as ?rowVersion= sends it', '', 'is required: send the rowVersion you read'],
    ['not a number', 'latest', 'must be a number'],
    ['none before the first', 0, 'must be 1 or more'],
    ['past the database’s integer', '2147483648', 'is too large to be a row version'],
  ])('%s', (_name, input, expected) => {
    const result = z.object({ rowVersion: rowVersionSchema }).safeParse({ rowVersion: input });
    expect(result.success ? result.data.rowVersion : result.error.issues.map((issue) => issue.message).join('; ')).toBe(expected);
  });
});
