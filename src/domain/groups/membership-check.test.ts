import { describe, expect, it } from 'vitest';
import { type CheckedMembership, endedSentences, endingAtClosing, membershipProblems, stillMembersSentences } from './membership-check.js';

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
    expect(problem).toEqual({ membershipId: late.id, groupId: blaby.groupId, groupName: 'Blaby side', practiceCode: 'C82001', message: expect.any(String), endOn: null });
  });

  it.each<[string, Partial<CheckedMembership>, string | null]>([
    ['open-ended, begun before the closing', { startDate: '2019-04-01', endDate: null }, '2025-06-30'],
    ['ending after the closing', { startDate: '2019-04-01', endDate: '2026-03-31' }, '2025-06-30'],
    ['begun on the closing day', { startDate: '2025-06-30', endDate: null }, '2025-06-30'],
    ['ending on the closing day', { startDate: '2019-04-01', endDate: '2025-06-30' }, null],
    ['ended before the closing', { startDate: '2019-04-01', endDate: '2024-03-31' }, null],
    ['begun after the closing: for a person to remove or re-date', { startDate: '2025-07-01', endDate: null }, null],
  ])('a membership of a practice closed on 30 June 2025, %s, is ended at the closing when it runs past it', (_, dates, endOn) => {
    const m = membership({ practiceCloseDate: '2025-06-30', ...dates });
    expect(endingAtClosing([m])).toEqual(endOn ? [{ membership: m, endDate: endOn }] : []);
    expect(membershipProblems([m]).map((p) => p.endOn)).toEqual(endOn ? [endOn] : dates.startDate! > '2025-06-30' ? [null] : []);
  });

  it('leaves a practice that has not closed as it is', () => {
    expect(endingAtClosing([membership({ practiceCloseDate: null })])).toEqual([]);
  });

  it('says, a practice at a time, which groups a closed practice is still in, and which it has left', () => {
    const twoShires = { practiceCode: 'C82660', practice: 'Two Shires Medical Practice (C82660)', practiceCloseDate: '2020-06-30', startDate: '2018-07-01' };
    const ending = endingAtClosing([
      membership({ ...twoShires, groupName: 'Wigston', groupId: 5 }),
      membership({ practiceCloseDate: '2025-06-30', groupName: 'ELR federation', groupId: 4 }),
      membership({ ...twoShires, groupName: 'ELR federation', groupId: 4 }),
    ]);
    expect(stillMembersSentences(ending)).toEqual([
      'Kibworth Medical Centre (C82001) closed on 30 June 2025 and is still in ELR federation',
      'Two Shires Medical Practice (C82660) closed on 30 June 2020 and is still in ELR federation and Wigston',
    ]);
    const ended = ending.map(({ membership: m, endDate }) => ({ membershipId: m.id, groupId: m.groupId, groupName: m.groupName, practiceCode: m.practiceCode, practice: m.practice, endDate }));
    expect(endedSentences(ended)).toEqual([
      'Kibworth Medical Centre (C82001) left ELR federation on 30 June 2025, when it closed',
      'Two Shires Medical Practice (C82660) left ELR federation and Wigston on 30 June 2020, when it closed',
    ]);
  });
});
