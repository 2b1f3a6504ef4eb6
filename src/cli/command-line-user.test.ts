import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { commandLineUser } from './command-line-user.js';

describe('who the audit says ran a command', () => {
  it('is $USER when it is set', () => expect(commandLineUser({ USER: 'jwalker' })).toBe('jwalker'));
  it('is the account’s name when $USER is not set (cron, containers), not "unknown"', () => {
    expect(commandLineUser({})).toBe(userInfo().username);
    expect(commandLineUser({ USER: '' })).not.toBe('unknown');
  });
});
