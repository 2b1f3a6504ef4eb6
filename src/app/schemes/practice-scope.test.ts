import { describe, expect, it } from 'vitest';
import { makeSchemeRequest } from '../../../test/support/factories.js';
import { restrictDefinition } from './practice-scope.js';
import type { StoredDefinition } from './resolve-practices.js';

// Only the practice-level lists matter here, so the definition is not checked as a whole (it has a hand schedule without a cost model).
const definition = makeSchemeRequest({
  apportionment: { basis: 'fixed', fixedShares: [{ practice: 'C82001', percent: 50 }, { practice: 'Countesthorpe Health Centre', percent: 30 }, { practice: 'C82009', percent: 20 }] },
  reallocation: { releases: [{ practice: 'countesthorpe health centre', quantity: 'all', reason: 'declined' }, { practice: 'C82001', quantity: 5, reason: 'unused' }] },
  handSchedule: { label: 'Spreadsheet', entries: [{ year: '2018/19', amount: 900 }, { year: '2018/19', practice: 'C82002', amount: 300 }, { year: '2018/19', practice: 'Kibworth Medical Centre', amount: 200 }] },
}).definition as StoredDefinition;

describe('restrictDefinition', () => {
  it.each([
    { scope: ['C82001'], practices: ['C82001'], shares: ['C82001'], releases: ['C82001'], hand: [undefined, 'Kibworth Medical Centre'] },
    { scope: ['C82002'], practices: ['C82002'], shares: ['Countesthorpe Health Centre'], releases: ['countesthorpe health centre'], hand: [undefined, 'C82002'] },
    { scope: [], practices: [], shares: [], releases: [], hand: [undefined] },
  ])('keeps only the entries of $scope, whether named by ODS code or by name', ({ scope, practices, shares, releases, hand }) => {
    const restricted = restrictDefinition(definition, scope);
    expect(restricted.practices.map((p) => p.odsCode)).toEqual(practices);
    expect(restricted.apportionment.fixedShares!.map((s) => s.practice)).toEqual(shares);
    expect(restricted.reallocation!.releases.map((r) => r.practice)).toEqual(releases);
    expect(restricted.handSchedule!.entries!.map((e) => e.practice)).toEqual(hand);
    expect(restricted.fee).toEqual(definition.fee);
  });

  it('leaves the definition whole for someone with no practice scope', () => {
    expect(restrictDefinition(definition, undefined)).toBe(definition);
  });
});
