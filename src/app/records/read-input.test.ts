import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { besideSchemaProblems, readInput } from './read-input.js';

const schema = z.object({ ref: z.string().min(1, 'Enter a reference'), target: z.coerce.number().max(25, 'must be from 1 to 25').optional(), owner: z.string().optional() });

describe('readInput', () => {
  it.each([
    ['a valid input', { ref: 'R1', target: '9' }, { ok: true, data: { ref: 'R1', target: 9 } }],
    ['a field with a problem: the others are still read', { ref: 'R1', target: 40, owner: 'RB' }, { ok: false, problems: [{ field: 'target', message: 'must be from 1 to 25' }], readable: { ref: 'R1', owner: 'RB' } }],
    ['two fields with problems', { ref: '', target: 40, owner: 'RB' }, { ok: false, readable: { owner: 'RB' } }],
    ['not an object: nothing to read', 'R1', { ok: false, readable: undefined }],
  ])('%s', (_, input, expected) => {
    expect(readInput(schema, schema.partial(), input)).toMatchObject(expected);
  });
});

describe('besideSchemaProblems', () => {
  it.each([
    ['keeps a rule’s problem on a field the schema passed', [{ field: 'target', message: 'x' }], [{ field: 'ref', message: 'taken' }], [{ field: 'ref', message: 'taken' }]],
    ['drops one on a field the schema already refused', [{ field: 'ref', message: 'Enter a reference' }], [{ field: 'ref', message: 'taken' }], []],
    ['keeps one that names no field', [{ field: 'ref', message: 'x' }], [{ message: 'There is already a meeting' }], [{ message: 'There is already a meeting' }]],
    ['matches a nested field by its first part', [{ field: 'lines.0.amount', message: 'x' }], [{ field: 'lines', message: 'y' }], []],
  ])('%s', (_, schemaProblems, ruleProblems, expected) => {
    expect(besideSchemaProblems(schemaProblems, ruleProblems)).toEqual(expected);
  });
});
