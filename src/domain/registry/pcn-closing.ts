import { formatLongDate } from '../iso-date.js';
import { formatCount } from '../schemes/format-money.js';
import { countOf, formatList } from '../words.js';

/** A practice's PCN membership as stored: from its start date until its end date (inclusive), or open. */
export interface PcnSpan {
  startDate: string;
  endDate: string | null;
}

/**
 * The end a PCN membership takes from its practice's closing: a practice is in no PCN after the
 * day it closed, so a membership still open then ends on the close date. One that had ended by
 * then keeps its end, and one begun after the closing (no file should date one so) is not this
 * rule's to end.
 */
export function endAtClosing(span: PcnSpan, closeDate: string | null): string | null {
  if (!closeDate || span.startDate > closeDate) return span.endDate;
  return span.endDate !== null && span.endDate <= closeDate ? span.endDate : closeDate;
}

/** A PCN membership a practice's closing ended, as a note names it. */
export interface ClosingEnded {
  practice: string;
  pcn: string;
  closeDate: string;
}

/**
 * "Ended 1 PCN membership on its practice's close date: Stackyard And Woolsthorpe Surgery (C83653)
 * in Melton, Syston and Vale PCN on 30 June 2025." Ten are named; the rest counted.
 */
export function closingEndedNote(ended: readonly ClosingEnded[]): string | null {
  if (!ended.length) return null;
  const named = ended.slice(0, 10).map((e) => `${e.practice} in ${e.pcn} on ${formatLongDate(e.closeDate)}`);
  const more = ended.length > 10 ? [`${formatCount(ended.length - 10)} more`] : [];
  const own = ended.length === 1 ? 'its practice’s close date' : 'their practices’ close dates';
  return `Ended ${countOf(ended.length, 'PCN membership')} on ${own}, as a closed practice is in no PCN: ${formatList([...named, ...more])}.`;
}
