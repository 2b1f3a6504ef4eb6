import type { Group, Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { useUser } from '../../auth/session.js';

/**
 * The federation a page opens on where the address names none: for a practice manager or a
 * clinician, the first (by name) that one of their practices is a member of today, so a practice
 * of a second federation does not land on the first's pages; otherwise the first by name. `loaded`
 * is false while their memberships are still being read.
 */
export function useHomeFederation(federations: readonly Group[]): { federation: Group | undefined; loaded: boolean } {
  const user = useUser();
  const codes = user.role === 'admin' ? [] : user.practiceCodes;
  const memberships = useApiQuery<Page<{ groupId: number; practiceCode: string }>>(codes.length ? `/api/memberships?groupKind=federation&current=true&practiceCode=${encodeURIComponent(codes[0]!)}&pageSize=100` : null);
  if (codes.length && !memberships.data && !memberships.error) return { federation: undefined, loaded: false };
  const theirs = new Set((memberships.data?.items ?? []).map((m) => m.groupId));
  return { federation: federations.find((f) => theirs.has(f.id)) ?? federations[0], loaded: true };
}
