/**
 * A change sent again, identical, within moments of succeeding, is the second click of a double
 * click (or a click on a form whose page is still giving way to the next): it is not sent. A form
 * that stays on the page and is sent again on purpose differs (new words, a new revision), or comes
 * later than a double click can.
 */
export const REPEAT_WINDOW_MS = 3000;

export interface SentChange {
  method: string;
  path: string;
  body?: unknown;
}

/** What makes two changes the same; an upload (FormData) is never taken for a repeat: its file cannot be compared. */
export const changeKey = (change: SentChange): string | null => (typeof FormData !== 'undefined' && change.body instanceof FormData ? null : JSON.stringify([change.method, change.path, change.body ?? null]));

export class RepeatGuard {
  private last: { key: string; at: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether this change is the one that has just succeeded, sent again. */
  isRepeat(key: string | null): boolean {
    return key !== null && this.last !== null && this.last.key === key && this.now() - this.last.at < REPEAT_WINDOW_MS;
  }

  succeeded(key: string | null): void {
    this.last = key === null ? null : { key, at: this.now() };
  }
}
