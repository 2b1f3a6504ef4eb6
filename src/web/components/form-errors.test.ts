import { describe, expect, it } from 'vitest';
import { repeatsItsStart } from '../../domain/problem-sentence.js';
import { ApiError } from '../api/client.js';
import { errorsFromApi, mergeFieldErrors } from './form-errors.js';

const refusal = (...problems: { field?: string; message: string }[]) => new ApiError(400, 'invalid', 'The update is not valid', problems);
const fields = { dueDate: { id: 'due-day', label: 'Due date' }, name: { id: 'name', label: 'Name' }, value: { id: 'value', label: 'Value (£)' } };

describe('errorsFromApi: the server’s problems as form errors that read once', () => {
  it.each([
    [{ field: 'dueDate', message: 'must be today or in the past' }, { field: 'due-day', message: 'Due date must be today or in the past' }],
    [{ field: 'dueDate', message: 'Due date must be a real date' }, { field: 'due-day', message: 'Due date must be a real date' }],
    [{ field: 'body.name', message: 'Name is required' }, { field: 'name', message: 'Name is required' }],
    [{ field: 'value', message: '"-£5" is negative' }, { field: 'value', message: 'Value: "-£5" is negative' }],
    // Fields the form does not show are named in words, once.
    [{ field: 'title', message: 'Enter a title' }, { message: 'Enter a title' }],
    [{ field: 'initials', message: 'Initials must be 2 to 4 letters' }, { message: 'Initials must be 2 to 4 letters' }],
    [{ field: 'practiceCodes', message: 'must be ODS codes such as C82001' }, { message: 'Practice codes must be ODS codes such as C82001' }],
  ])('%j → %j', (problem, expected) => {
    const [error] = errorsFromApi(refusal(problem), fields);
    expect(error).toEqual(expected);
    expect(repeatsItsStart(error!.message)).toBe(false);
  });

  it('gives the headline when the server named no problem', () => {
    expect(errorsFromApi(refusal(), fields)).toEqual([{ message: 'The update is not valid' }]);
  });
});

describe('mergeFieldErrors: the form’s own errors with the server’s, in the order of the form', () => {
  const order = ['ref', 'risk', 'target', 'review-day'];
  it.each([
    ['the server’s errors on other fields join the form’s, in form order', [{ field: 'risk', message: 'Enter the risk' }, { field: 'review-day', message: 'Review date must be a real date' }], [{ field: 'ref', message: 'A risk with reference R1 already exists' }, { field: 'target', message: 'Target score must be from 1 to 25' }], ['ref', 'risk', 'target', 'review-day']],
    ['a field the form checked is named once, with the form’s words', [{ field: 'risk', message: 'Enter the risk' }], [{ field: 'risk', message: 'Describe the risk' }], ['risk']],
    ['an error naming no field comes last', [{ field: 'risk', message: 'Enter the risk' }], [{ message: 'There is already a meeting called Board' }, { field: 'ref', message: 'taken' }], ['ref', 'risk', undefined]],
  ])('%s', (_, own, server, fields) => {
    const merged = mergeFieldErrors(own, server, order);
    expect(merged.map((e) => e.field)).toEqual(fields);
    expect(merged.find((e) => e.field === 'risk')?.message).toBe('Enter the risk');
  });
});
