import { describe, expect, it } from 'vitest';
import { type CheckedMembership, membershipProblems } from './membership-check.js';

const pcn = { id: 1, name: 'Cross Counties PCN' };
let nextId = 1;
const membership = (overrides: Partial<CheckedMembership>): CheckedMembership => ({
  id: nextId++,
  groupId: pcn.id,
  groupName: pcn.name,
  parent: null,
  practiceCode: 'C82001',
  practice: 'Kibworth Medical Centre (C82001)',
  practiceCloseDate: null,
  startDate: '2024-04-01',
  endDate: null,
  ...overrides,
});
const harborough = { groupId: 2, groupName: 'Harborough side', parent: pcn };
const blaby = { groupId: 3, groupName: 'Blaby side', parent: pcn };

describe('checking stored memberships against the membership rules', () => {
  it.each<[string, CheckedMembership[], string[]]>([
    ['memberships that keep every rule', [membership({}), membership({ ...harborough, startDate: '2024-04-01', endDate: '2025-03-31' }), membership({ ...blaby, startDate: '2025-04-01' })], []],
    [
      'a membership running past the practice’s close date',
      [membership({ practiceCloseDate: '2025-06-30' })],
      ['Kibworth Medical Centre (C82001) closed on 30 June 2025: end this membership on or before that date'],
    ],
    [
      'a locality membership outside the practice’s membership of the locality’s group',
      [membership({ endDate: '2025-03-31' }), membership({ ...harborough, startDate: '2024-04-01' })],
      ['Kibworth Medical Centre (C82001) is a member of Cross Counties PCN from 1 April 2024 to 31 March 2025, so it can be in Harborough side only within those dates'],
    ],
    [
      'two memberships of one group on the same days, named once',
      [membership({}), membership({ startDate: '2025-04-01' })],
      ['Kibworth Medical Centre (C82001) is already in Cross Counties PCN from 1 April 2024 (no end date); end that membership first'],
    ],
    [
      'a practice in two localities of a group on the same days',
      [membership({}), membership({ ...harborough }), membership({ ...blaby, startDate: '2025-01-01' })],
      ['Kibworth Medical Centre (C82001) is already in Harborough side from 1 April 2024 (no end date); end that membership first'],
    ],
  ])('%s', (_, memberships, messages) => {
    expect(membershipProblems(memberships).map((p) => p.message)).toEqual(messages);
  });

  it('names the group and membership each problem is about', () => {
    const late = membership({ ...blaby, startDate: '2025-01-01' });
    const [problem] = membershipProblems([membership({}), membership({ ...harborough }), late]);
    expect(problem).toEqual({ membershipId: late.id, groupId: blaby.groupId, groupName: 'Blaby side', practiceCode: 'C82001', message: expect.any(String) });
  });
});
