import type { GroupKind } from '../../api/types.js';

/** The same words as src/app/groups/group-record.ts uses for group kinds. */
export const groupKindLabels: Record<GroupKind, string> = {
  federation: 'Federation',
  pcn: 'Primary care network',
  icb_footprint: 'ICB footprint',
  locality: 'Locality (hub)',
  peer_group: 'Peer group',
};

export const groupKindLabel = (kind: string) => groupKindLabels[kind as GroupKind] ?? kind;

/** Kinds whose groups hold localities and are set up as a whole. */
export const topLevelKinds: GroupKind[] = ['federation', 'pcn', 'icb_footprint', 'peer_group'];
