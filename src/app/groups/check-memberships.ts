import { eq } from 'drizzle-orm';
import { type CheckedMembership, type MembershipProblem, membershipProblems } from '../../domain/groups/membership-check.js';
import { membershipOverview, practiceGroups, practiceOverview } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { authorize } from '../permissions.js';
import { practiceLabel } from './membership-rules.js';

export interface MembershipCheck {
  checked: number;
  problems: MembershipProblem[];
}

/**
 * Every stored membership checked against the rules a new or changed one is held to: a practice a
 * newer ODS file has closed since its membership was made, or what an older database (or one
 * restored from an older backup) holds that the rules now refuse. For admins, who can put it right.
 */
export async function checkMemberships(ctx: AppContext): Promise<MembershipCheck> {
  authorize(ctx.actor, 'membership', 'update');
  const [rows, groups] = await Promise.all([
    ctx.db
      .select({ id: membershipOverview.id, groupId: membershipOverview.groupId, groupName: membershipOverview.groupName, parentId: membershipOverview.groupParentId, practiceCode: membershipOverview.practiceCode, name: practiceOverview.displayName, closeDate: practiceOverview.closeDate, startDate: membershipOverview.startDate, endDate: membershipOverview.endDate })
      .from(membershipOverview)
      .leftJoin(practiceOverview, eq(practiceOverview.odsCode, membershipOverview.practiceCode)),
    ctx.db.select({ id: practiceGroups.id, name: practiceGroups.name, kind: practiceGroups.kind }).from(practiceGroups),
  ]);
  const byId = new Map(groups.map((g) => [g.id, g]));
  const memberships: CheckedMembership[] = rows.map((r) => {
    const group = byId.get(r.groupId);
    const parent = group?.kind === 'locality' && r.parentId !== null ? byId.get(r.parentId) : undefined;
    return { id: r.id, groupId: r.groupId, groupName: r.groupName, parent: parent ? { id: parent.id, name: parent.name } : null, practiceCode: r.practiceCode, practice: practiceLabel(r.name, r.practiceCode), practiceCloseDate: r.closeDate, startDate: r.startDate, endDate: r.endDate };
  });
  return { checked: memberships.length, problems: membershipProblems(memberships) };
}
