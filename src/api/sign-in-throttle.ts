import { AppError } from '../domain/errors.js';

/**
 * Slows down guessing: after `max` failed sign-ins for one address and email within a minute,
 * further attempts are refused (429) until the oldest failure is a minute old. Only failures
 * count, so people (and test runs) who sign in often are never held up.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = 10,
    private readonly windowMs = 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => now - at < this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Refuses an attempt once the key has failed `max` times in the window, saying in `retryAfterSeconds` when the next may be made. */
  check(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    if (recent.length < this.max) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((recent[recent.length - this.max]! + this.windowMs - now) / 1000));
    throw new AppError('rate_limited', 'Too many attempts. Wait a minute and try again', { details: { retryAfterSeconds } });
  }

  failed(key: string, now = Date.now()): void {
    // Guesses at many emails must not grow the map without end: past a bound, keys with no failure left in the window go.
    if (this.failures.size > 10_000) for (const old of [...this.failures.keys()]) this.recent(old, now);
    this.failures.set(key, [...this.recent(key, now), now]);
  }
}
