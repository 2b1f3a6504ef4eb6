import { formatLongDate } from '../iso-date.js';

/** A practice's membership of a group, as stored: from its start date until its end date (inclusive), or open-ended. */
export interface MembershipSpan {
  groupId: number;
  groupName: string;
  groupKind: string;
  startDate: string;
  endDate: string | null;
}

/** One dated line of a practice's history saying it joined or left a group. */
export interface MembershipChange {
  kind: 'membership';
  date: string;
  change: 'joined' | 'left';
  groupId: number;
  groupName: string;
  groupKind: string;
  /** "Joined Oakham locality": for beside its date. */
  what: string;
  /** "Joined Oakham locality on 1 April 2018"; "Leaves … on …" for a date still to come. */
  text: string;
}

/** The word a group's kind adds after its name, unless the name says it already ("Rutland PCN footprint" is not "… PCN footprint PCN"). */
const kindWords: Record<string, { word: string; named: RegExp }> = {
  locality: { word: 'locality', named: /\b(locality|hub)\b/i },
  federation: { word: 'federation', named: /\bfederation\b/i },
  pcn: { word: 'PCN', named: /\b(PCN|primary care network)\b/i },
  icb_footprint: { word: 'ICB footprint', named: /\bICB\b/i },
  peer_group: { word: 'peer group', named: /\bgroup\b/i },
};

/** A group as a sentence names it: "Oakham" (a locality) → "Oakham locality"; "East Leicestershire & Rutland GP Federation" as it is. */
export function groupPhrase(name: string, kind: string): string {
  const words = kindWords[kind];
  return !words || words.named.test(name) ? name : `${name} ${words.word}`;
}

const verbs = { joined: ['Joined', 'Joins'], left: ['Left', 'Leaves'] } as const;

/**
 * The joinings and leavings of a practice's memberships, each as one readable line. A membership
 * still open has no leaving; a date after today is written as to come ("Leaves … on …").
 */
export function membershipChanges(memberships: readonly MembershipSpan[], today: string): MembershipChange[] {
  return memberships.flatMap((m) => {
    const line = (change: 'joined' | 'left', date: string): MembershipChange => {
      const what = `${verbs[change][date > today ? 1 : 0]} ${groupPhrase(m.groupName, m.groupKind)}`;
      return { kind: 'membership', date, change, groupId: m.groupId, groupName: m.groupName, groupKind: m.groupKind, what, text: `${what} on ${formatLongDate(date)}` };
    };
    return m.endDate ? [line('joined', m.startDate), line('left', m.endDate)] : [line('joined', m.startDate)];
  });
}

/**
 * A practice's history lines, latest first. On one day the NHS files' changes come first, then the
 * leavings (an end date is the last day of a membership) above the joinings, each by group name.
 */
export function latestFirst<T extends { date: string; kind: string; change?: string; groupName?: string }>(lines: readonly T[]): T[] {
  const rank = (l: T) => (l.kind !== 'membership' ? 0 : l.change === 'left' ? 1 : 2);
  return [...lines].sort((a, b) => b.date.localeCompare(a.date) || rank(a) - rank(b) || (a.groupName ?? '').localeCompare(b.groupName ?? ''));
}
