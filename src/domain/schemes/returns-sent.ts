import { formatDateTime, formatLongDate } from '../iso-date.js';
import { actorName } from '../words.js';
import type { ReturnedFigure } from './returns-due.js';

/** A stored figure of a return, named by its delivery model and week. */
export interface ReturnFigure extends ReturnedFigure {
  modelId: string;
  week: number | null;
}

/** Who last changed a practice's return (an actor label) and when; both null where that is not known. */
export interface SentStamp {
  sentAt: Date | null;
  sentBy: string | null;
}

/** A send: the moment and who made it (the practice manager, or the federation recording for the practice). */
export interface Send {
  at: Date;
  by: string;
}

const figureKey = (f: ReturnFigure) => `${f.modelId}|${f.week}`;
const figureText = (f: ReturnFigure) => `${figureKey(f)}|${f.quantity}|${f.takesPart}`;

/** Each practice's figures as text, sorted, to tell whether a save changes its return. */
function returnsByPractice(figures: readonly ReturnFigure[]): Map<string, string> {
  const texts = new Map<string, string[]>();
  for (const f of figures) texts.set(f.practiceCode, [...(texts.get(f.practiceCode) ?? []), figureText(f)]);
  return new Map([...texts].map(([code, list]) => [code, list.sort().join('\n')]));
}

/**
 * Stamps the figures about to be saved with the send that changes them. `replaced` is what the save
 * replaces. A practice whose figures change gets `send` on all of them (null when the moment is not
 * known: old returns loaded from a file); a practice sent again unchanged keeps each figure's stamp,
 * so its "last sent" stays the change that made it what it is.
 */
export function stampSent<T extends ReturnFigure>(rows: readonly T[], replaced: readonly (ReturnFigure & SentStamp)[], send: Send | null): (T & SentStamp)[] {
  const before = returnsByPractice(replaced);
  const after = returnsByPractice(rows);
  const kept = new Map(replaced.map((f) => [`${f.practiceCode}|${figureKey(f)}`, { sentAt: f.sentAt, sentBy: f.sentBy }]));
  return rows.map((row) => {
    const unchanged = before.get(row.practiceCode) === after.get(row.practiceCode);
    const stamp = unchanged ? kept.get(`${row.practiceCode}|${figureKey(row)}`) : undefined;
    return { ...row, ...(stamp ?? { sentAt: send?.at ?? null, sentBy: send?.by ?? null }) };
  });
}

/** Each practice's latest send, from the stamps on its figures; practices with no stamped figure are not in it. */
export function lastSent(figures: readonly (Pick<ReturnFigure, 'practiceCode'> & SentStamp)[]): Map<string, Send> {
  const latest = new Map<string, Send>();
  for (const f of figures) {
    if (f.sentAt === null || f.sentBy === null) continue;
    const known = latest.get(f.practiceCode);
    if (!known || f.sentAt > known.at) latest.set(f.practiceCode, { at: f.sentAt, by: f.sentBy });
  }
  return latest;
}

/** "Received 20 March 2026"; a return whose day was not kept (the demo's, loaded from its plan's figures) says so. */
export const receivedWords = (receivedOn: string | null): string => (receivedOn ? `Received ${formatLongDate(receivedOn)}` : 'Received; date not recorded');

/** "25 November 2026 at 9:14am by Priya Patel", or that it is not known. */
export const lastSentWords = (sent: { at: string | Date; by: string } | null): string => (sent ? `${formatDateTime(sent.at)} by ${actorName(sent.by)}` : 'Not recorded');
