import { describe, expect, it } from 'vitest';
import { AppError, conflict, invalid, notFound } from '../../domain/errors.js';
import { checkAll, joinRefusals } from './refusals.js';

const owner = new AppError('invalid', 'The owner "RB" is not known', { problems: [{ field: 'ownerText', message: 'names "RB"' }], details: { unknownOwners: ['RB'] } });
const owners = new AppError('invalid', 'The owners are not known', { problems: [{ field: 'involved', message: 'names "GC"' }], details: { unknownOwners: ['GC', 'RB'] } });
const ref = invalid('There is already a risk with reference R1', [{ field: 'ref', message: 'A risk with reference R1 already exists' }]);
const title = conflict('There is already a meeting called Board');

describe('joinRefusals', () => {
  it.each([
    ['one refusal stays as it was', [ref], ref.message, ref.problems, {}],
    ['two: every problem, in order, under the message given', [ref, owner], 'The risk is not valid', [...ref.problems, ...owner.problems], { unknownOwners: ['RB'] }],
    ['lists in the details joined, each name once', [owner, owners], 'The risk is not valid', [...owner.problems, ...owners.problems], { unknownOwners: ['RB', 'GC'] }],
    ['a refusal without problems counts as its message', [ref, title], 'The risk is not valid', [...ref.problems, { message: title.message }], {}],
    ['the same problem twice is listed once', [ref, ref], 'The risk is not valid', ref.problems, {}],
  ])('%s', (_, refusals, message, problems, details) => {
    const joined = joinRefusals(refusals, 'The risk is not valid');
    expect([joined.message, joined.problems, joined.details]).toEqual([message, problems, details]);
  });
});

describe('checkAll', () => {
  it('gives what each rule returned when none refuses', async () => {
    await expect(checkAll([() => 1, async () => 'two', () => undefined], 'x')).resolves.toEqual([1, 'two', undefined]);
  });

  it('runs every rule and refuses once with the problems of each that refused', async () => {
    const ran: string[] = [];
    const refusal = await checkAll(
      [
        () => { ran.push('ref'); throw ref; },
        () => { ran.push('target'); return 9; },
        async () => { ran.push('owner'); throw owner; },
      ],
      'The risk is not valid',
    ).catch((error: AppError) => error);
    expect(ran).toEqual(['ref', 'target', 'owner']);
    expect(refusal).toMatchObject({ kind: 'invalid', message: 'The risk is not valid', problems: [...ref.problems, ...owner.problems], details: { unknownOwners: ['RB'] } });
  });

  it('stops at an error that is not a refusal of the input', async () => {
    const missing = notFound('Meeting 9');
    await expect(checkAll([() => { throw missing; }, () => { throw ref; }], 'x')).rejects.toBe(missing);
  });
});
