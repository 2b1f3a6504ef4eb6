import type { Group, Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';

/**
 * The groups a contract or a fund may cover (a federation, an ICB footprint, their localities and
 * PCNs), as select choices; a locality is named with the group it is part of ("Central (in West
 * Leicestershire GP Federation)"), as two federations may each have one of that name.
 */
export function useFootprintOptions(): { value: string; label: string }[] {
  const groups = useApiQuery<Page<Group>>('/api/groups?pageSize=1000&sort=name');
  const all = groups.data?.items ?? [];
  const nameOf = new Map(all.map((g) => [g.id, g.name]));
  return all
    .filter((g) => ['federation', 'icb_footprint', 'locality', 'pcn'].includes(g.kind))
    .map((g) => ({ value: String(g.id), label: g.parentId && nameOf.has(g.parentId) ? `${g.name} (in ${nameOf.get(g.parentId)})` : g.name }));
}
