import { parseFinancialYear } from '../finance/financial-year.js';
import { addDays, formatLongDate } from '../iso-date.js';
import { formatList } from '../words.js';
import { formatCount } from '../schemes/format-money.js';

/**
 * A practice counted in a scheme or fund because it was a member of the group on the list-size
 * snapshot date, that has since closed (an ODS file gave its close date) or left that group (its
 * membership ended). A scheme or fund that runs after that day still gives it a share: the
 * federation should hear so, as its patients (after a merger) are counted again in another
 * practice's list, or are no longer the federation's.
 */
export interface Departure {
  practiceKey: string;
  /** As sentences name it: "Two Shires Medical Practice (C82036)". */
  practice: string;
  closedOn: string | null;
  /** The last day of its membership of the group, when that has ended. */
  leftOn: string | null;
  /** The group it left, for the sentence. */
  group: string | null;
}

export interface Span {
  start: string;
  end: string | null;
}

/** The day it went and how, in words: closing wins when it came first or on the same day (a closing ends its memberships). */
export function wentOn(d: Departure): { on: string; words: string } | null {
  if (d.closedOn && (!d.leftOn || d.closedOn <= d.leftOn)) return { on: d.closedOn, words: `closed on ${formatLongDate(d.closedOn)}` };
  if (d.leftOn) return { on: d.leftOn, words: `left ${d.group ?? 'the group'} on ${formatLongDate(d.leftOn)}` };
  return null;
}

/** A financial year as the days it runs: "2020/21" → 1 April 2020 to 31 March 2021. */
export function financialYearSpan(year: string): Span {
  const start = parseFinancialYear(year);
  return { start: `${start}-04-01`, end: `${start + 1}-03-31` };
}

/**
 * The days a scheme runs, from its period: its start and end, either one with its weeks (8 weeks
 * from 4 December 2017 end on 28 January 2018), else the edge of the financial years it names (the
 * first's 1 April, the last's 31 March); `end` null for a start alone. Null when the period gives no
 * start (only a number of weeks): nothing then says when it ran. The cash flow's months
 * (`schemePeriodMonths`) are read from this too, so a practice's going and the money agree on when.
 */
export function schemeSpan(period: { start?: string | undefined; end?: string | undefined; weeks?: number | undefined; financialYears?: readonly string[] | undefined }): Span | null {
  const years = [...(period.financialYears ?? [])].sort();
  const start = period.start ?? (period.end && period.weeks ? addDays(period.end, 1 - 7 * period.weeks) : years.length ? financialYearSpan(years[0]!).start : null);
  if (!start) return null;
  const end = period.end ?? (period.start && period.weeks ? addDays(period.start, 7 * period.weeks - 1) : years.length ? financialYearSpan(years.at(-1)!).end : null);
  return { start, end };
}

const spanWords = (span: Span) => (span.end ? `${formatLongDate(span.start)} to ${formatLongDate(span.end)}` : `from ${formatLongDate(span.start)}`);

/**
 * A sentence for each practice that went before a scheme ended, which the scheme still shares its
 * quantity or cost with: before it began, or while it ran. The snapshot date says why it is there.
 */
export function schemeDepartureSentences(departures: readonly Departure[], span: Span, snapshotDate: string | null): { practiceKey: string; message: string }[] {
  const why = snapshotDate ? `: the scheme counts the practices that were members on its list-size date, ${formatLongDate(snapshotDate)}` : '';
  return departures.flatMap((d) => {
    const went = wentOn(d);
    if (!went || (span.end && went.on >= span.end)) return [];
    const when = went.on < span.start ? `before the scheme began (${formatLongDate(span.start)}), yet it has a share of the whole scheme` : `while the scheme ran (${spanWords(span)}), yet its share is for the whole scheme`;
    return [{ practiceKey: d.practiceKey, message: `${d.practice} ${went.words}, ${when}${why}` }];
  });
}

/**
 * A sentence for each practice with a share of a fund's year that began after it went (or that it
 * went during), with what those shares come to. `sharesOf` gives a practice's share of each year,
 * in the order of `years`; `money` writes pence.
 */
export function fundDepartureSentences(departures: readonly Departure[], years: readonly string[], sharesOf: (practiceKey: string) => readonly number[] | undefined, money: (pence: number) => string, snapshotDate: string): string[] {
  return departures.flatMap((d) => {
    const went = wentOn(d);
    const shares = sharesOf(d.practiceKey);
    if (!went || !shares) return [];
    const spans = years.map(financialYearSpan);
    const during = years.filter((_, i) => spans[i]!.start <= went.on && went.on < spans[i]!.end!);
    const after = years.filter((_, i) => spans[i]!.start > went.on);
    if (!during.length && !after.length) return [];
    const pence = years.reduce((sum, year, i) => sum + (during.includes(year) || after.includes(year) ? (shares[i] ?? 0) : 0), 0);
    const when = formatList([...during.map((y) => `during ${y}`), ...(after.length ? [`before ${formatList(after)}`] : [])]);
    return [`${d.practice} ${went.words}, ${when}, yet has a share of ${during.length + after.length === 1 ? 'that year' : 'those years'} (${money(pence)}): the fund counts the footprint’s members on its list-size date, ${formatLongDate(snapshotDate)}`];
  });
}

/**
 * Why a group's total list on a date is smaller than the list-size file it is read from would make
 * it: a sentence for each member that closed or left after that file's date and before the
 * date shown (a member to the end of its last day). Its patients were in the file, under its own code; the total leaves them out, and a
 * practice that took them on (after a merger) shows them only from the next file. `patientsOf`
 * gives its list in that file, when it has one.
 */
export function listTotalDepartureSentences(departures: readonly Departure[], listSizeDate: string, onDate: string, patientsOf: (practiceKey: string) => number | null): string[] {
  return departures.flatMap((d) => {
    const went = wentOn(d);
    if (!went || went.on <= listSizeDate || went.on >= onDate) return [];
    const patients = patientsOf(d.practiceKey);
    const its = patients === null ? 'its patients' : `its ${formatCount(patients)} patients`;
    return [`${d.practice} ${went.words}, after the list sizes of ${formatLongDate(listSizeDate)}: ${its} then are not in the total, and a practice that took them on counts them only from the next list-size file.`];
  });
}
