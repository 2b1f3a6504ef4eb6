import { countOf, namesInOrder } from '../words.js';

/** A member practice an ODS file has changed in a way its groups may care about. */
export type MemberChange = { practiceCode: string; practice: string } & ({ kind: 'moved'; from: string; to: string | null } | { kind: 'dormant' });

/** A practice's membership that has not ended, with the commissioner its group belongs to (if any). */
export interface CurrentMembership {
  practiceCode: string;
  groupId: number;
  groupName: string;
  groupCommissioner: string | null;
}

const groupsOf = (memberships: readonly CurrentMembership[]) => namesInOrder(memberships.map((m) => m.groupName));

/**
 * Groups of more than one practice every one of whose current members moved from the group's
 * commissioner to one other code in this file: the area was given a new code (CCGs became sub-ICBs in 2022, and took 5-character
 * codes in 2024), not left by each practice. Keyed by group id, with the new code.
 */
function recodedGroups(moves: readonly Extract<MemberChange, { kind: 'moved' }>[], memberships: readonly CurrentMembership[], membersOf: ReadonlyMap<number, number>) {
  const recoded = new Map<number, { name: string; from: string; to: string; members: number }>();
  for (const [groupId, members] of membersOf) {
    const inGroup = memberships.filter((m) => m.groupId === groupId);
    const from = inGroup[0]?.groupCommissioner;
    const moved = moves.filter((c) => c.from === from && inGroup.some((m) => m.practiceCode === c.practiceCode));
    const to = moved[0]?.to;
    if (from && to && members > 1 && moved.length === members && moved.every((c) => c.to === to)) recoded.set(groupId, { name: inGroup[0]!.groupName, from, to, members });
  }
  return recoded;
}

/**
 * What an ODS import tells an admin of member practices beyond closures (which have their own
 * note): a group all of whose practices took a new commissioner code (a sentence for the group:
 * its own commissioner wants changing); a practice that moved out of a commissioner's area while
 * still in that commissioner's groups; a practice gone dormant while still a member. `membersOf`
 * counts each group's current members. Groups first, then practices in the order given.
 */
export function memberChangeSentences(changes: readonly MemberChange[], memberships: readonly CurrentMembership[], membersOf: ReadonlyMap<number, number>): string[] {
  const moves = changes.filter((c): c is Extract<MemberChange, { kind: 'moved' }> => c.kind === 'moved');
  const recoded = recodedGroups(moves, memberships, membersOf);
  const ofGroups = [...recoded.values()].sort((a, b) => a.name.localeCompare(b.name)).map((g) => `All ${countOf(g.members, 'practice')} in ${g.name} moved from ${g.from} to ${g.to}, a new code for its area: change ${g.name}’s commissioner to ${g.to}`);
  const ofPractices = changes.flatMap((change) => {
    const own = memberships.filter((m) => m.practiceCode === change.practiceCode);
    if (change.kind === 'dormant') return own.length ? [`${change.practice} is now dormant and still in ${groupsOf(own)}`] : [];
    const left = own.filter((m) => m.groupCommissioner === change.from && !recoded.has(m.groupId));
    if (!left.length) return [];
    return [`${change.practice} moved from ${change.from} to ${change.to ?? 'no commissioner'} and is still in ${groupsOf(left)}, ${left.length === 1 ? 'a group' : 'groups'} of ${change.from}: end ${left.length === 1 ? 'that membership' : 'those memberships'} if it has left`];
  });
  return [...ofGroups, ...ofPractices];
}
