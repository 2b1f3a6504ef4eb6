import { formatDate, formatList } from '../../format/format.js';

/** What adding practices to a group answers (POST /api/groups/{id}/members). */
export interface AddedMembers {
  added: number;
  alreadyMembers?: string[];
  partlyMembers?: { odsCode: string; addedFor: { startDate: string; endDate: string | null }[] }[];
  endedAtClosing?: { odsCode: string; closeDate: string }[];
  movedSince?: { odsCode: string; now: string | null; area: 'commissioner' | 'pcn' }[];
  dormantNow?: string[];
  specialAllocation?: string[];
}

const spanWords = (s: { startDate: string; endDate: string | null }) => (s.endDate ? `from ${formatDate(s.startDate)} to ${formatDate(s.endDate)}` : `from ${formatDate(s.startDate)}`);

/**
 * What adding did beside adding, a sentence each: practices already members and left as they were,
 * or members for part of the time and added for the rest;
 * those that closed since (members until they closed); those that moved or went dormant since
 * (kept, to decide); special allocation schemes left out.
 */
export function afterAdding(result: AddedMembers): string[] {
  const one = (codes: readonly unknown[], single: string, several: string) => (codes.length === 1 ? single : several);
  const already = result.alreadyMembers ?? [];
  const schemes = result.specialAllocation ?? [];
  const dormant = result.dormantNow ?? [];
  return [
    ...(already.length ? [`${formatList(already)} ${one(already, 'was already a member', 'were already members')} on those dates and left as ${one(already, 'it was', 'they were')}.`] : []),
    ...(result.partlyMembers ?? []).map((p) => `${p.odsCode} was already a member for part of that time, so it was added ${formatList(p.addedFor.map(spanWords))}.`),
    ...(result.endedAtClosing ?? []).map((e) => `${e.odsCode} closed on ${formatDate(e.closeDate)}, so its membership ends then.`),
    ...(result.movedSince ?? []).map((m) => `${m.odsCode} has moved since the start date (now in ${m.now ?? (m.area === 'pcn' ? 'no PCN' : 'no commissioner’s area')}); it stays a member until you end its membership.`),
    ...(dormant.length ? [`${formatList(dormant)} ${one(dormant, 'is', 'are')} dormant now (the ODS file gives no close date); ${one(dormant, 'it stays a member', 'they stay members')} until you end ${one(dormant, 'its membership', 'their memberships')}.`] : []),
    ...(schemes.length ? [`${formatList(schemes)} ${one(schemes, 'is a special allocation scheme', 'are special allocation schemes')}, not ${one(schemes, 'a member practice', 'member practices')}, so ${one(schemes, 'it was', 'they were')} left out: to add one, choose it by its ODS code.`] : []),
  ];
}
