import { describe, expect, it } from 'vitest';
import { migrateSentence } from './server.js';

describe('what atscale migrate says it did', () => {
  it.each([
    [0, 23, 'Created the embedded database in /srv/atscale/pglite (23 migrations).'],
    [23, 23, 'the embedded database in /srv/atscale/pglite was already up to date (23 migrations).'],
    [21, 23, 'Brought the embedded database in /srv/atscale/pglite up to date: applied 2 migrations, 23 in all.'],
    [22, 23, 'Brought the embedded database in /srv/atscale/pglite up to date: applied 1 migration, 23 in all.'],
  ])('from %i migrations to %i', (before, after, sentence) => {
    expect(migrateSentence('the embedded database in /srv/atscale/pglite', before, after)).toBe(sentence);
  });
});
