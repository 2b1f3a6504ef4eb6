import { describe, expect, it } from 'vitest';
import '../../domain/errors.js';
import { fieldWords, problemSentence, repeatsItsStart } from '../../domain/problem-sentence.js';
import { recordTypes } from './registry.js';
import { zodProblems } from './zod-problems.js';

/** Inputs that break every rule a schema can state: nothing at all, the wrong kind of value, empty, far too long, nonsense. */
const junk = (keys: string[]): Record<string, unknown>[] => [
  {},
  Object.fromEntries(keys.map((k) => [k, 12345])),
  Object.fromEntries(keys.map((k) => [k, ''])),
  Object.fromEntries(keys.map((k) => [k, 'x'.repeat(5000)])),
  Object.fromEntries(keys.map((k) => [k, ['?']])),
  Object.fromEntries(keys.map((k) => [k, '31/02/2019'])),
];

const keysOf = (schema: unknown): string[] => Object.keys((schema as { shape?: Record<string, unknown> }).shape ?? {});

describe('zodProblems: a name the request does not take', () => {
  it('is named itself, one problem each, under where it was sent', async () => {
    const { z } = await import('zod');
    const parsed = z.object({ year: z.string().optional(), inner: z.object({ a: z.number() }).strict() }).strict().safeParse({ yaer: '2018/19', bogus: 1, inner: { a: 1, b: 2 } });
    expect(parsed.success).toBe(false);
    expect(zodProblems(parsed.error)).toEqual([
      { field: 'inner.b', message: 'is not an option here' },
      { field: 'yaer', message: 'is not an option here' },
      { field: 'bogus', message: 'is not an option here' },
    ]);
  });
});

describe('zodProblems: every record type’s problems read once as sentences under their field’s name', () => {
  for (const [plural, type] of Object.entries(recordTypes)) {
    it(plural, () => {
      const sentences: string[] = [];
      for (const input of junk(keysOf(type.createSchema))) {
        const parsed = type.createSchema.safeParse(input);
        if (parsed.success) continue;
        for (const problem of zodProblems(parsed.error)) {
          expect(problem.message.trim()).not.toBe('');
          if (!problem.field) continue;
          const label = type.fields[problem.field]?.header ?? fieldWords(problem.field);
          sentences.push(problemSentence(label, problem.message));
        }
      }
      expect(sentences.length).toBeGreaterThan(0);
      expect(sentences.filter(repeatsItsStart)).toEqual([]);
    });
  }
});

describe('zodProblems', () => {
  it('names the field of an API body, and the column of a file’s line', () => {
    const parsed = recordTypes.risks!.createSchema.safeParse({ ref: '' });
    if (parsed.success) throw new Error('expected a refusal');
    expect(zodProblems(parsed.error)).toContainEqual(expect.objectContaining({ field: 'ref' }));
    expect(zodProblems(parsed.error, { file: 'risks.csv', line: 3 })).toContainEqual(expect.objectContaining({ file: 'risks.csv', line: 3, column: 'ref' }));
  });
});
