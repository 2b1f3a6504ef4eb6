import type { Db } from '../../db/client.js';
import { systemActor } from '../context.js';
import { type DigestOptions, sendDigest } from './send-digest.js';

/** Milliseconds from `now` until the next HH:MM (server time): later today, or tomorrow. */
export function msUntil(time: string, now = new Date()): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const next = new Date(now);
  next.setHours(hours, minutes, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
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
