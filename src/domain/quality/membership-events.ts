import { addDays, formatLongDate } from '../iso-date.js';
import { shortPracticeName } from '../registry/short-practice-name.js';
import { formatList } from '../words.js';
import { type Departure, wentOn } from '../groups/departures.js';
import type { Cadence } from './indicators.js';

/**
 * A membership of one of a practice's neighbouring groups (its locality or PCN), the practice's
 * own included: what a chart of the practice needs to mark a member joining, leaving or closing.
 */
export interface NeighbourMembership {
  practiceCode: string;
  practiceName: string;
  closeDate: string | null;
  startDate: string;
  endDate: string | null;
  groupName: string;
}

/** A change the chart marks: `from` is the first day it holds (a closing on 30 June holds from 1 July). */
export interface MemberChange {
  from: string;
  /** "Two Shires Medical Practice (C82036) closed on 30 June 2020 (Harborough)". */
  words: string;
  /** For the chart's label: "Two Shires closed". */
  short: string;
}

/** A point of the chart with the changes that came before it and after the point before. */
export interface ChartMark {
  period: string;
  changes: MemberChange[];
}

/**
 * The joinings, leavings and closings among a practice's neighbours' memberships. A membership
 * that ends on its practice's close date is a closing; a practice in the group twice, back to back,
 * neither left nor joined between.
 */
export function memberChanges(memberships: readonly NeighbourMembership[]): MemberChange[] {
  const changes = memberships.flatMap((m): MemberChange[] => {
    const name = `${m.practiceName} (${m.practiceCode})`;
    const same = memberships.filter((o) => o !== m && o.practiceCode === m.practiceCode && o.groupName === m.groupName);
    const carriedOn = same.some((o) => o.endDate !== null && addDays(o.endDate, 1) === m.startDate);
    const joined = carriedOn ? [] : [{ from: m.startDate, words: `${name} joined ${m.groupName} on ${formatLongDate(m.startDate)}`, short: `${shortPracticeName(m.practiceName)} joined` }];
    const end = m.endDate ?? (m.closeDate && m.closeDate >= m.startDate ? m.closeDate : null);
    if (!end || same.some((o) => o.startDate === addDays(end, 1))) return joined;
    const closed = m.closeDate !== null && m.closeDate <= end;
    const words = closed ? `${name} closed on ${formatLongDate(m.closeDate!)} (${m.groupName})` : `${name} left ${m.groupName} on ${formatLongDate(end)}`;
    return [...joined, { from: addDays(closed ? m.closeDate! : end, 1), words, short: `${shortPracticeName(m.practiceName)} ${closed ? 'closed' : 'left'}` }];
  });
  const seen = new Set<string>();
  return changes.filter((c) => (seen.has(c.words) ? false : (seen.add(c.words), true))).sort((a, b) => a.from.localeCompare(b.from) || a.words.localeCompare(b.words));
}

/**
 * Each change within the chart's range, placed on the first point that it holds for (periods are
 * dates: the first of a month, a snapshot's date, 31 March for a QOF year): after the first point
 * and by the last. A change before the first point is the chart's starting state, not a step in it.
 */
export function marksOnChart(changes: readonly MemberChange[], periods: readonly string[]): ChartMark[] {
  const sorted = [...periods].sort();
  const marks = new Map<string, MemberChange[]>();
  for (const change of changes) {
    const at = sorted.find((p) => p >= change.from);
    if (!at || at === sorted[0]) continue;
    marks.set(at, [...(marks.get(at) ?? []), change]);
  }
  return [...marks].map(([period, list]) => ({ period, changes: list }));
}

/** A mark in words, for the chart's text alternative: "Marked at January 2021: Two Shires … closed on 30 June 2020 (Harborough)." */
export const describeMark = (mark: ChartMark, periodWords: string): string => `Marked at ${periodWords}: ${formatList(mark.changes.map((c) => c.words))}.`;

/** The days a period covers: a month from its first day; a QOF year (stored as its 31 March) from the 1 April before. */
export function periodSpan(period: string, cadence: Cadence): { start: string; end: string } {
  if (cadence === 'year') return { start: `${Number(period.slice(0, 4)) - 1}-04-01`, end: period };
  const [year, month] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { start: period, end: addDays(next, -1) };
}

/**
 * A sentence for each member that closed or left the group during the period shown (before its last
 * day): a group's figures count its members on the period's date (a month's first day, a QOF
 * year's 31 March), so one that went during a month is in that month's figures, and one that went
 * during a QOF year is not in that year's.
 */
export function wentDuringPeriodSentences(departures: readonly Departure[], period: string, cadence: Cadence, periodWords: string): string[] {
  const span = periodSpan(period, cadence);
  return departures.flatMap((d) => {
    const went = wentOn(d);
    if (!went || went.on < span.start || went.on >= span.end) return [];
    const counted = went.on >= period;
    return [`${d.practice} ${went.words}, during ${periodWords}: the group counts its members on ${formatLongDate(period)}, so its figure is ${counted ? 'in' : 'not in'} the group’s.`];
  });
}
