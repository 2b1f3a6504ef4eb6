import { describe, expect, it } from 'vitest';
import { describeSize } from './uploads.js';

describe('an upload limit as a refusal names it', () => {
  it.each([
    [50 * 1024 * 1024, '50 MB'],
    [1024 * 1024, '1 MB'],
    [2.5 * 1024 * 1024, '2.5 MB'],
    [64 * 1024, '64 KB'],
    [Math.round(0.5 * 1024 * 1024), '512 KB'],
  ])('%d bytes is %s', (bytes, text) => expect(describeSize(bytes)).toBe(text));
});
