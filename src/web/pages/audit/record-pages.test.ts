import { describe, expect, it } from 'vitest';
import { recordPage } from './record-pages.js';

describe('recordPage: an audit row’s record links to its page', () => {
  it.each([
    ['risk', '3', true, '/governance/risks/3'],
    ['board_action', '1', true, '/governance/actions/1'],
    ['plan_task', '42', true, '/programme/tasks/42'],
    ['practice', 'C82001', true, '/practices/C82001'],
    ['stp_milestone', '7', true, '/programme/stp'],
    ['work_plan', '2', true, '/programme?plan=2'],
    // Deleted since: no page to go to.
    ['risk', '9', false, undefined],
    // Kept under a key, with no page of its own.
    ['list_size', 'C82001@2025-04-01', true, undefined],
  ])('%s %s (still there: %s) → %s', (recordType, recordId, recordStillThere, expected) => {
    expect(recordPage({ recordType, recordId, recordStillThere })).toBe(expected);
  });
});
