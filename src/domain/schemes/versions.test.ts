import { describe, expect, it } from 'vitest';
import { versionInForce, versionReadBy } from './versions.js';

const versions = (...statuses: string[]) => statuses.map((status, i) => ({ version: i + 1, status }));

describe('versionInForce and versionReadBy', () => {
  it.each([
    { name: 'a draft never approved', all: versions('draft'), inForce: undefined, admin: 1 },
    { name: 'the first version approved', all: versions('approved'), inForce: 1, admin: 1 },
    { name: 'a draft after the version in force', all: versions('superseded', 'approved', 'draft'), inForce: 2, admin: 3 },
    { name: 'a later version approved', all: versions('superseded', 'superseded', 'approved'), inForce: 3, admin: 3 },
    { name: 'versions out of order', all: [...versions('superseded', 'approved', 'draft')].reverse(), inForce: 2, admin: 3 },
  ])('$name: in force $inForce, the admin reads $admin', ({ all, inForce, admin }) => {
    expect(versionInForce(all)?.version).toBe(inForce);
    // Someone who does not see drafts reads the version in force; the federation reads the latest.
    expect(versionReadBy(all, false)?.version).toBe(inForce);
    expect(versionReadBy(all, true)?.version).toBe(admin);
  });
});
