import type { Group, Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import type { PracticeChoice } from './policy-fields.js';

/**
 * The open practices of every federation to choose from, by name; null while loading, and null too
 * where there is no federation to list (the form then takes typed ODS codes).
 */
export function useMemberPractices(): { choices: PracticeChoice[] | null; loaded: boolean } {
  const federations = useApiQuery<Page<Group>>('/api/groups?kind=federation&pageSize=1');
  const any = Boolean(federations.data?.items.length);
  const members = useApiQuery<Page<{ odsCode: string; displayName: string }>>(any ? '/api/practices?memberOfKind=federation&status=active&pageSize=1000&sort=name' : null);
  if (!federations.data) return { choices: null, loaded: false };
  if (!any) return { choices: null, loaded: true };
  return members.data ? { choices: members.data.items.map((p) => ({ odsCode: p.odsCode, name: p.displayName })), loaded: true } : { choices: null, loaded: false };
}
