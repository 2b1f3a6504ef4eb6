import { formatPence } from '../schemes/format-money.js';
import { formatList } from '../words.js';
import { shareOf } from './money.js';
import type { IeIncomeLine, IncomeStream } from './types.js';

/*
 * Where the finance pages' figures differ from each other, a sentence says why, with the figures
 * worked out: the plan's own figures are never changed to make them agree.
 */

export interface StreamsAgainstIe {
  financialYear: string;
  /** What the secured streams bring in, gross. */
  streamsSecuredPence: number;
  /** The practices' share of that, paid on to them. */
  practicesPence: number;
  /** The I&E's secured income: the federation's own income lines. */
  ieSecuredPence: number;
  /** Some of the figures are a linked scheme's invoice and payments, as the cash flow counts them, in place of the stream's planned amount. */
  fromSchemes?: boolean;
}

/**
 * A year's secured income as the streams count it and as the I&E does; null for a year with no I&E
 * lines. Give the streams with their linked schemes' figures (`withSchemeFigures`), so the sentence
 * says what the cash flow pays: a scheme's exact payments to practices, not a share of its plan.
 */
export function streamsAgainstIe(streams: readonly IncomeStream[], lines: readonly IeIncomeLine[], financialYear: string): StreamsAgainstIe | null {
  if (!lines.some((l) => l.financialYear === financialYear)) return null;
  const secured = streams.filter((s) => s.status === 'secured').flatMap((s) => s.amounts.filter((a) => a.financialYear === financialYear).map((year) => ({ s, year })));
  const fromSchemes = secured.some(({ year }) => year.practicesPence !== undefined);
  return {
    financialYear,
    streamsSecuredPence: secured.reduce((sum, { year }) => sum + year.amountPence, 0),
    practicesPence: secured.reduce((sum, { s, year }) => sum + (year.practicesPence ?? shareOf(year.amountPence, s.practicesShareBasisPoints)), 0),
    ieSecuredPence: lines.filter((l) => l.financialYear === financialYear && l.section === 'secured').reduce((sum, l) => sum + l.amountPence, 0),
    ...(fromSchemes ? { fromSchemes } : {}),
  };
}

/** One sentence for both pages: "In 2018/19 the secured income streams bring in £445,000 …". */
export function streamsAgainstIeSentence(x: StreamsAgainstIe): string {
  const paidOn = x.practicesPence ? `, including ${formatPence(x.practicesPence)} paid on to practices` : '';
  const asCashFlow = x.fromSchemes ? ' (as the cash flow counts them: a linked scheme’s invoice and payments in place of its stream’s planned amount)' : '';
  return `In ${x.financialYear} the secured income streams bring in ${formatPence(x.streamsSecuredPence)} gross${paidOn}${asCashFlow}, while the I&E counts ${formatPence(x.ieSecuredPence)} of secured income: the federation’s own income lines (its share of some streams, and items such as carry-forwards that are not streams).`;
}

/**
 * Beside a year's opening balance: the cash the year before closes with in the cash flow, where it
 * differs from the opening balance the plan gives (which stands as typed).
 */
export function openingAgainstLastYear(previous: { financialYear: string; closingPence: number } | null, financialYear: string, openingPence: number): string | null {
  if (!previous || previous.closingPence === openingPence) return null;
  return `${previous.financialYear} closes at ${formatPence(previous.closingPence)} in this cash flow; the plan opens ${financialYear} at ${formatPence(openingPence)}.`;
}

/** A line of the I&E as a stream's page names it. */
type LinkedLine = Pick<IeIncomeLine, 'financialYear' | 'section' | 'line' | 'amountPence'>;

/**
 * Which reports a stream's amounts feed, said on its page: the income totals by its status, the
 * cash flow only while it is secured, and never the I&E, whose lines are typed separately (naming
 * the lines that stand for it).
 */
export function streamFeeds(stream: Pick<IncomeStream, 'status' | 'practicesShareBasisPoints'>, linked: readonly LinkedLine[]): string[] {
  const share = stream.practicesShareBasisPoints ? ` (the practices’ ${stream.practicesShareBasisPoints / 100}% share paid on as it comes in)` : '';
  const totals = {
    secured: `Its amounts count in the secured income totals and in the cash flow, paid as its terms say${share}.`,
    potential: 'Its amounts count in the potential income totals. The cash flow leaves them out until the stream is secured; a scenario can count it as won.',
    ended: 'An ended stream counts as secured income, and in the cash flow, in the years up to its end date, when its money came in, and in no year after it (in none without an end date).',
  }[stream.status];
  const lines = linked.map((l) => `“${l.line}” (${l.section}, ${l.financialYear}, ${formatPence(l.amountPence)})`);
  const ie = lines.length
    ? `The I&E does not read these amounts: its income lines are typed separately. ${lines.length === 1 ? 'Its line' : 'Its lines'} ${formatList(lines)} ${lines.length === 1 ? 'is' : 'are'} the federation’s share of this stream; scenarios move or drop ${lines.length === 1 ? 'it' : 'them'} with the stream.`
    : 'The I&E does not read these amounts: its income lines are typed separately, and none is linked to this stream.';
  return [totals, ie];
}
