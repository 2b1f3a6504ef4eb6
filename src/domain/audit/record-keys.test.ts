import { describe, expect, it } from 'vitest';
import { namesFromKeys } from './record-keys.js';

describe('the words an audited fact’s key reads as', () => {
  it.each<[string, string, string | null]>([
    ['list_size', 'C82010@2025-04-01', 'List size of C82010 at 1 April 2025'],
    ['indicator_value', 'DNA_RATE/C82010@2025-04-01', 'DNA_RATE for C82010 at 1 April 2025'],
    ['indicator_value', 'QOF_DM/C82010@2024-25', 'QOF_DM for C82010 at 2024-25'],
    ['list_size', 'C82010', null],
    ['indicator_value', 'DNA_RATE@2025-04-01', null],
  ])('%s %s → %s', (type, key, name) => expect(namesFromKeys[type]!(key)).toBe(name));
});
