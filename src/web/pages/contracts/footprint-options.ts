import type { Group, Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';

/** The groups a contract or a fund may cover (a federation, an ICB footprint, their localities and PCNs), as select choices. */
export function useFootprintOptions(): { value: string; label: string }[] {
  const groups = useApiQuery<Page<Group>>('/api/groups?pageSize=1000&sort=name');
  return (groups.data?.items ?? []).filter((g) => ['federation', 'icb_footprint', 'locality', 'pcn'].includes(g.kind)).map((g) => ({ value: String(g.id), label: g.name }));
}
