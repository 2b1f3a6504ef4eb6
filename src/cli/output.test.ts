import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { exitCodeFor } from './output.js';

describe('the exit code of a failed command', () => {
  it.each<[string, unknown, number]>([
    ['a refused input', new AppError('invalid', 'x'), 2],
    ['a stale edit', new AppError('conflict', 'x'), 5],
    ['a fault the server reports as internal', new AppError('internal' as never, 'Something went wrong on the server'), 1],
    ['a plain error', new Error('x'), 1],
  ])('%s is not 0', (_name, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});
