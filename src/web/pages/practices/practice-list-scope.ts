import { pcnFilter } from '../../../domain/registry/ods-codes.js';
import type { Group } from '../../api/types.js';

/**
 * Which practices the list shows, before any other filter: the members of a group (a federation,
 * a PCN or ICB footprint, a peer group), every GP practice, or everything an ODS file brought in
 * (prescribing cost centres that are not GP practices too). The select's value: `group:7`, `gp`, `all`.
 */
export type Scope = `group:${number}` | 'gp' | 'all';

/** The list's filters as the address names them ('any' means no status filter, `gpPractice=any` everything). */
export type AddressFilters = Partial<Record<(typeof addressFilterNames)[number], string>>;
export const addressFilterNames = ['q', 'memberOf', 'gpPractice', 'status', 'commissioner', 'pcn', 'inLocality'] as const;

/** Groups whose members a list may be limited to; localities have their own filter. */
const topLevel = (groups: readonly Group[]) => groups.filter((g) => g.kind !== 'locality');

/** The federation a bare /practices opens on: the first by name, as the overview page chooses; none without one. */
export function defaultGroup(groups: readonly Group[]): Group | undefined {
  return groups.find((g) => g.kind === 'federation');
}

/** What the address asks for, or, where it says nothing, the members of `home` (the person's own federation) or of the first federation (all GP practices without one). */
export function scopeOf(filters: AddressFilters, groups: readonly Group[], home?: Group): Scope {
  const memberOf = Number(filters.memberOf);
  if (filters.memberOf && Number.isInteger(memberOf)) return `group:${memberOf}`;
  if (filters.gpPractice === 'any') return 'all';
  if (filters.gpPractice === 'true') return 'gp';
  const federation = home ?? defaultGroup(groups);
  return federation ? `group:${federation.id}` : 'gp';
}

/** The filters the API is sent, for the table and its downloads alike: status Active unless the address says otherwise. */
export function apiFiltersOf(filters: AddressFilters, groups: readonly Group[], home?: Group): Record<string, string> {
  const { memberOf: _m, gpPractice: _g, status = 'active', pcn, ...rest } = filters;
  const scope = scopeOf(filters, groups, home);
  const kept = Object.fromEntries(Object.entries(rest).filter(([, value]) => value));
  return {
    ...kept,
    ...(pcn?.trim() ? pcnFilter(pcn) : {}),
    ...(status === 'any' ? {} : { status }),
    ...(scope === 'gp' ? { gpPractice: 'true' } : scope === 'all' ? {} : { memberOf: scope.slice('group:'.length) }),
  };
}

/** The address for a filter form's values: every choice written out, so a link or a bookmark shows what it showed. */
export function addressOf(values: Required<AddressFilters> & { scope: Scope }): AddressFilters {
  const { scope, memberOf: _m, gpPractice: _g, ...rest } = values;
  const chosen: AddressFilters = scope === 'all' ? { gpPractice: 'any' } : scope === 'gp' ? { gpPractice: 'true' } : { memberOf: scope.slice('group:'.length) };
  return { ...rest, ...chosen };
}

/** "Members of ELR GP Federation", then all GP practices, then everything; a group the address names that is not offered is offered too. */
export function scopeOptions(groups: readonly Group[], current: Scope): { value: Scope; text: string }[] {
  const offered = topLevel(groups);
  const named = groups.find((g) => `group:${g.id}` === current);
  const extra = current.startsWith('group:') && !offered.some((g) => `group:${g.id}` === current) ? [{ value: current, text: `Members of ${named?.name ?? `group ${current.slice(6)}`}` }] : [];
  return [
    ...offered.map((g) => ({ value: `group:${g.id}` as Scope, text: `Members of ${g.name}` })),
    ...extra,
    { value: 'gp', text: 'All GP practices' },
    { value: 'all', text: 'Everything in the registry' },
  ];
}

/** The localities a list may be narrowed to: the chosen group's, or, for all practices, every one (with its group's name where there are several groups). */
export function localityOptions(groups: readonly Group[], scope: Scope): { value: string; text: string }[] {
  const localities = groups.filter((g) => g.kind === 'locality');
  const shown = scope.startsWith('group:') ? localities.filter((l) => `group:${l.parentId}` === scope) : localities;
  const parents = new Set(shown.map((l) => l.parentId));
  const parentName = (id: number | null) => groups.find((g) => g.id === id)?.name;
  return shown.map((l) => ({ value: String(l.id), text: parents.size > 1 && parentName(l.parentId) ? `${l.name} (${parentName(l.parentId)})` : l.name }));
}
