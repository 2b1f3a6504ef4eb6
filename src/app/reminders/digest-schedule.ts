import type { Db } from '../../db/client.js';
import { systemActor } from '../context.js';
import { type DigestOptions, sendDigest } from './send-digest.js';
import { instantInEngland, todayInEngland, addDays } from '../../domain/iso-date.js';

/**
 * Milliseconds from `now` until clocks in England next read `time` (HH:MM): later today, or
 * tomorrow. England's time, not the server's: a server kept on UTC, or abroad, still sends the
 * 07:00 digest at 07:00 in England, in summer as in winter.
 */
export function msUntil(time: string, now = new Date()): number {
  const today = todayInEngland(now);
  const next = [today, addDays(today, 1), addDays(today, 2)].map((day) => instantInEngland(day, time)).find((at) => at > now)!;
  return next.getTime() - now.getTime();
}

/**
 * Sends the digest every day at `time` while the server runs (DIGEST_TIME). A failure is reported
 * and tried again the next day; it never stops the server. Returns a function that stops it.
 */
export function scheduleDailyDigest(db: Db, time: string, options: DigestOptions, report: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): () => void {
  let timer: NodeJS.Timeout;
  const plan = () => {
    timer = setTimeout(async () => {
      try {
        const result = await sendDigest({ db, actor: systemActor }, options);
        report(`atscale: sent the daily digest to ${result.sent} people`);
      } catch (error) {
        report(`atscale: the daily digest was not sent: ${(error as Error).message}`);
      }
      plan();
    }, msUntil(time));
    timer.unref();
  };
  plan();
  return () => clearTimeout(timer);
}
