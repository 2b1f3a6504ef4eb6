import { and, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { conflict, invalid } from '../../domain/errors.js';
import { contracts, fundApplications, funds, groupMemberships, practiceGroups, schemes } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { commissionerStanding } from '../registry/commissioners.js';
import { refuseMembersOutsideParent } from './membership-rules.js';
import { type RecordType, storedIn } from '../records/record-type.js';
import { recordIdSchema } from '../../domain/record-id.js';

export const groupKinds = ['federation', 'pcn', 'icb_footprint', 'locality', 'peer_group'] as const;
export const groupKindLabels: Record<(typeof groupKinds)[number], string> = {
  federation: 'Federation',
  pcn: 'Primary care network',
  icb_footprint: 'ICB footprint',
  locality: 'Locality (hub)',
  peer_group: 'Peer group',
};

const groupInput = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(120),
  kind: z.enum(groupKinds, { message: 'Choose federation, pcn, icb_footprint, locality or peer_group' }),
  parentId: recordIdSchema.nullable().optional(),
  commissionerCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{3,5}$/, 'must be a commissioner code such as 03W').nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
});

/**
 * A group's commissioner must be one the registry holds, or a typing slip (03V for 03W) would leave
 * a federation whose "add the commissioner's practices" finds nothing, and whose commissioner has no
 * name. When the registry holds no commissioner at all (a fresh install, before the first ODS or
 * PCN file) the code is taken as typed: there is nothing to check it against, and an admin may set up
 * the federation first and import its practices after. Checked only when the code is set or
 * changed, so a group named before the registry held commissioners can still be renamed.
 */
async function refuseUnknownCommissioner(db: Db, code: string) {
  if ((await commissionerStanding(db, code)) !== 'unknown') return;
  throw invalid(`The registry holds no commissioner ${code}`, [{ field: 'commissionerCode', message: `is not one the registry holds: there is no commissioner ${code}. Check the code, or import the NHS file that names it first` }]);
}

export const groupRecord: RecordType<z.infer<typeof groupInput>> = {
  name: 'group',
  label: 'group',
  ...storedIn(practiceGroups),
  createdByPeople: true,
  fields: {
    id: { header: 'ID', column: practiceGroups.id, kind: 'integer', filter: 'exact', sortable: true },
    name: { header: 'Name', column: practiceGroups.name, kind: 'text', filter: 'search', sortable: true },
    kind: { header: 'Kind', column: practiceGroups.kind, kind: 'text', filter: 'exact', sortable: true, labels: groupKindLabels },
    parentId: { header: 'Part of', column: practiceGroups.parentId, kind: 'integer', filter: 'exact', sortable: true, names: { id: practiceGroups.id, name: practiceGroups.name } },
    commissionerCode: { header: 'Commissioner', column: practiceGroups.commissionerCode, kind: 'text', filter: 'exact', sortable: true },
  },
  defaultSort: 'name',
  dependents: [
    { column: practiceGroups.parentId, one: 'locality', many: 'localities' },
    { column: groupMemberships.groupId, one: 'practice membership', many: 'practice memberships' },
    { column: schemes.groupId, one: 'scheme', many: 'schemes' },
    { column: contracts.footprintGroupId, one: 'contract', many: 'contracts' },
    { column: funds.footprintGroupId, one: 'fund', many: 'funds' },
    { column: fundApplications.localityGroupId, one: 'fund application', many: 'fund applications' },
  ],
  createSchema: groupInput,
  updateSchema: groupInput.partial(),
  async prepare(db, input, existing) {
    if (input.commissionerCode && input.commissionerCode !== existing?.commissionerCode) await refuseUnknownCommissioner(db, input.commissionerCode);
    const kind = input.kind ?? (existing?.kind as string);
    const name = input.name ?? (existing?.name as string);
    if (input.parentId) {
      const [parent] = await db.select().from(practiceGroups).where(eq(practiceGroups.id, input.parentId));
      if (!parent) throw invalid('The group it is part of does not exist', [{ field: 'parentId', message: `no group ${input.parentId}` }]);
      if (existing && input.parentId === existing.id) throw invalid('A group cannot be part of itself', [{ field: 'parentId', message: 'cannot be itself' }]);
    }
    if (kind === 'locality' && !(input.parentId ?? existing?.parentId)) {
      throw invalid('A locality must be part of a federation, PCN or ICB footprint', [{ field: 'parentId', message: 'Choose the federation this locality is part of' }]);
    }
    // Names are unique among groups of a kind under the same parent (a "North" locality in each federation is fine).
    const parentId = input.parentId === undefined ? ((existing?.parentId as number | null | undefined) ?? null) : input.parentId;
    if (existing && kind === 'locality' && parentId !== null && (parentId !== existing.parentId || kind !== existing.kind)) await refuseMembersOutsideParent(db, { id: existing.id as number, name }, parentId);
    const clash = await db
      .select({ id: practiceGroups.id })
      .from(practiceGroups)
      .where(and(eq(practiceGroups.kind, kind), eq(practiceGroups.name, name), parentId === null ? isNull(practiceGroups.parentId) : eq(practiceGroups.parentId, parentId), existing ? ne(practiceGroups.id, existing.id as number) : undefined));
    if (clash.length) throw conflict(`There is already a ${kind.replace('_', ' ')} called "${name}"${parentId === null ? '' : ' in the same group'}`);
    return { ...input };
  },
  present: (row) => row,
};
