import { describe, expect, it } from 'vitest';
import { closedOnFor } from './closed-on.js';

const today = '2026-11-26';

describe('the day a risk or action was closed', () => {
  it.each([
    ['closed now, no date typed', { status: 'closed', was: { status: 'open', closedOn: null }, given: undefined }, today],
    ['closed now, the day it was agreed typed', { status: 'closed', was: { status: 'open', closedOn: null }, given: '2018-04-12' }, '2018-04-12'],
    ['created closed', { status: 'closed', given: null }, today],
    ['already closed, something else changed', { status: 'closed', was: { status: 'closed', closedOn: '2018-04-12' }, given: undefined }, '2018-04-12'],
    ['already closed, date corrected', { status: 'closed', was: { status: 'closed', closedOn: '2018-04-12' }, given: '2018-04-19' }, '2018-04-19'],
    ['reopened', { status: 'open', was: { status: 'closed', closedOn: '2018-04-12' }, given: '2018-04-12' }, null],
    ['carried forward', { status: 'carried_forward', was: { status: 'open', closedOn: null }, given: undefined }, null],
  ])('%s', (_case, state, closedOn) => {
    expect(closedOnFor({ ...state, today })).toBe(closedOn);
  });

  it('refuses a day after today, naming the field', () => {
    expect(() => closedOnFor({ status: 'closed', given: '2026-11-27', today })).toThrow(expect.objectContaining({ problems: [{ field: 'closedOn', message: 'must be today or before' }] }));
  });
});
