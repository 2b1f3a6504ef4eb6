import { describe, expect, it } from 'vitest';
import { changeKey, REPEAT_WINDOW_MS, RepeatGuard } from './repeat-guard.js';

const contract = { method: 'POST', path: '/api/contracts', body: { title: 'Care homes', value: '£10,000' } };

describe('RepeatGuard', () => {
  it.each([
    ['the same change a moment after it succeeded (a double click)', contract, 150, true],
    ['the same change just inside the window', contract, REPEAT_WINDOW_MS - 1, true],
    ['the same change once the window has passed (sent again on purpose)', contract, REPEAT_WINDOW_MS, false],
    ['other words in the same form', { ...contract, body: { ...contract.body, title: 'Care homes (2)' } }, 150, false],
    ['the same body to another record', { ...contract, path: '/api/contracts/2' }, 150, false],
    ['the same body by another method', { ...contract, method: 'PATCH' }, 150, false],
  ])('%s: repeat %s', (_case, next, after, repeat) => {
    let now = 1_000_000;
    const guard = new RepeatGuard(() => now);
    guard.succeeded(changeKey(contract));
    now += after;
    expect(guard.isRepeat(changeKey(next))).toBe(repeat);
  });

  it('takes nothing for a repeat before anything has succeeded, nor an upload, whose file cannot be compared', () => {
    const guard = new RepeatGuard(() => 0);
    expect(guard.isRepeat(changeKey(contract))).toBe(false);
    const upload = { method: 'POST', path: '/api/imports/ods', body: new FormData() };
    guard.succeeded(changeKey(upload));
    expect(changeKey(upload)).toBeNull();
    expect(guard.isRepeat(changeKey(upload))).toBe(false);
  });
});
