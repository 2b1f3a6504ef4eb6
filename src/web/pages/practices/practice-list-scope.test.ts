import { describe, expect, it } from 'vitest';
import type { Group } from '../../api/types.js';
import { type AddressFilters, addressOf, apiFiltersOf, localityOptions, scopeOf, scopeOptions } from './practice-list-scope.js';

const group = (id: number, name: string, kind: Group['kind'], parentId: number | null = null): Group => ({ id, name, kind, parentId, commissionerCode: null, description: null, rowVersion: 1 });
const federation = group(1, 'ELR GP Federation', 'federation');
const rutland = group(4, 'Rutland', 'locality', 1);
const melton = group(3, 'Melton', 'locality', 1);
const peers = group(7, 'Rural peers', 'peer_group');
const otherFederation = group(9, 'West Leicestershire Federation', 'federation');
const west = group(10, 'North West', 'locality', 9);
const withFederation = [federation, melton, peers, rutland];

describe('which practices the list shows', () => {
  it.each<[string, AddressFilters, Group[], Record<string, string>]>([
    ['a bare address, with a federation: its open members', {}, withFederation, { status: 'active', memberOf: '1' }],
    ['a bare address, with no groups: open GP practices', {}, [], { status: 'active', gpPractice: 'true' }],
    ['all GP practices of any status', { gpPractice: 'true', status: 'any' }, withFederation, { gpPractice: 'true' }],
    ['everything in the registry, closed ones', { gpPractice: 'any', status: 'closed' }, withFederation, { status: 'closed' }],
    ['a peer group’s members in a locality, searched', { memberOf: '7', inLocality: '4', q: 'surgery' }, withFederation, { q: 'surgery', inLocality: '4', status: 'active', memberOf: '7' }],
    ['an address whose group is not a number falls back to the default', { memberOf: 'abc' }, withFederation, { status: 'active', memberOf: '1' }],
    ['empty values are not sent', { q: '', commissioner: '', pcn: 'U30213' }, withFederation, { pcn: 'U30213', status: 'active', memberOf: '1' }],
    ['a PCN by part of its name, as the CLI takes it', { pcn: 'Rutland' }, withFederation, { pcnName: 'Rutland', status: 'active', memberOf: '1' }],
    ['a PCN code typed in lower case', { pcn: 'u30213' }, withFederation, { pcn: 'U30213', status: 'active', memberOf: '1' }],
    ['an empty PCN box is not sent', { pcn: '  ' }, withFederation, { status: 'active', memberOf: '1' }],
  ])('%s', (_case, filters, groups, api) => {
    expect(apiFiltersOf(filters, groups)).toEqual(api);
  });

  it('writes every choice into the address, so a link shows what the page showed', () => {
    const values = { q: '', memberOf: '1', gpPractice: '', status: 'active', commissioner: '', pcn: '', inLocality: '4' };
    expect(addressOf({ ...values, scope: 'group:7' })).toMatchObject({ memberOf: '7', status: 'active', inLocality: '4' });
    expect(addressOf({ ...values, scope: 'gp' })).toEqual({ ...values, memberOf: undefined, gpPractice: 'true' });
    expect(addressOf({ ...values, scope: 'all' })).toEqual({ ...values, memberOf: undefined, gpPractice: 'any' });
    // And reading that address back gives the same choice.
    for (const scope of ['group:7', 'gp', 'all'] as const) expect(scopeOf(addressOf({ ...values, scope }), withFederation)).toBe(scope);
  });

  it('offers each federation’s or group’s members, then all GP practices, then everything; a group only the address names is offered too', () => {
    expect(scopeOptions(withFederation, 'group:1').map((o) => o.text)).toEqual(['Members of ELR GP Federation', 'Members of Rural peers', 'All GP practices', 'Everything in the registry']);
    expect(scopeOptions([], 'gp').map((o) => o.value)).toEqual(['gp', 'all']);
    expect(scopeOptions(withFederation, 'group:4').map((o) => o.text)).toContain('Members of Rutland');
  });

  it('offers the chosen federation’s localities, or every locality named with its federation when there are two', () => {
    const both = [federation, otherFederation, melton, west, rutland];
    expect(localityOptions(both, 'group:1')).toEqual([
      { value: '3', text: 'Melton' },
      { value: '4', text: 'Rutland' },
    ]);
    expect(localityOptions(both, 'gp').map((o) => o.text)).toEqual(['Melton (ELR GP Federation)', 'North West (West Leicestershire Federation)', 'Rutland (ELR GP Federation)']);
    expect(localityOptions(withFederation, 'group:7')).toEqual([]);
  });
});
