import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-messages.js';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('plain words for a schema’s limits', () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ['text too long', z.string().max(1000), 'x'.repeat(1001), 'must be 1,000 characters or fewer'],
    ['text empty', z.string().min(1), '', 'must not be empty'],
    ['text too short', z.string().min(12), 'short', 'must be at least 12 characters'],
    ['a number too big', z.number().int().max(5), 6, 'must be 5 or less'],
    ['a number too small', z.number().min(0), -1, 'must be 0 or more'],
    ['a number that must be positive', z.number().positive(), 0, 'must be more than 0'],
    ['a missing field', z.object({ a: z.string() }), {}, 'is required'],
    ['text where a number belongs', z.number(), 'ten', 'must be a number'],
    ['a value outside its choices', z.enum(['won', 'lost']), 'maybe', 'must be one of: won, lost'],
  ])('%s', (_name, schema, value, expected) => {
    expect(messageOf(schema, value)).toBe(expected);
  });

  it('leaves a schema’s own message alone', () => {
    expect(messageOf(z.string().min(1, 'Enter the contract’s title'), '')).toBe('Enter the contract’s title');
  });
});
