import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.js';

describe('SignInThrottle', () => {
  it.each([
    { failures: 2, at: 1_000, refused: false },
    { failures: 3, at: 1_000, refused: true },
    { failures: 3, at: 60_500, refused: false },
  ])('$failures failures, then an attempt at $at ms: refused $refused', ({ failures, at, refused }) => {
    const throttle = new SignInThrottle(3, 60_000);
    for (let i = 0; i < failures; i++) throttle.failed('ip:jo@example', i);
    const attempt = () => throttle.check('ip:jo@example', at);
    if (refused) expect(attempt).toThrow('Too many attempts');
    else expect(attempt).not.toThrow();
  });

  it('says when the next attempt may be made: when the failure that filled the window is a minute old', () => {
    const throttle = new SignInThrottle(2, 60_000);
    for (const at of [0, 20_000, 30_000]) throttle.failed('ip:jo@example', at);
    let refusal: unknown;
    try {
      throttle.check('ip:jo@example', 40_000);
    } catch (error) {
      refusal = error;
    }
    // The 2 newest failures (20 s and 30 s) fill the window: the one at 20 s leaves it at 80 s, 40 s from now.
    expect(refusal).toMatchObject({ kind: 'rate_limited', details: { retryAfterSeconds: 40 } });
  });

  it('keeps each address and email apart, and never counts successes', () => {
    const throttle = new SignInThrottle(1, 60_000);
    throttle.failed('ip:jo@example', 0);
    expect(() => throttle.check('ip:jo@example', 10)).toThrow();
    expect(() => throttle.check('ip:sam@example', 10)).not.toThrow();
    for (let i = 0; i < 100; i++) throttle.check('ip:sam@example', i);
  });
});
