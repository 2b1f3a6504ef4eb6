import { describe, expect, it } from 'vitest';
import { type CurrentMembership, type MemberChange, memberChangeSentences } from './member-changes.js';

const narborough = { practiceCode: 'C82119', practice: 'Narborough Health Centre (C82119)' };
const asylum = { practiceCode: 'Y05412', practice: 'South Wigston Asylum Service (Y05412)' };
const kibworth = { practiceCode: 'C82001', practice: 'Kibworth Medical Centre (C82001)' };
const federation = { groupId: 1, groupName: 'ELR federation', groupCommissioner: '03W' };
const northBlaby = { groupId: 2, groupName: 'North Blaby', groupCommissioner: '03W' };
const peers = { groupId: 3, groupName: 'Diabetes peer group', groupCommissioner: null };
const memberships: CurrentMembership[] = [
  { practiceCode: 'C82119', ...northBlaby },
  { practiceCode: 'C82119', ...federation },
  { practiceCode: 'C82119', ...peers },
  { practiceCode: 'Y05412', ...federation },
  { practiceCode: 'C82001', ...federation },
];
const membersOf = new Map([[1, 3], [2, 1], [3, 1]]);

describe('what an ODS import says of member practices that moved or went dormant', () => {
  it.each<[string, MemberChange[], string[]]>([
    [
      'a practice moved out of the area of the groups it is still in, naming only those groups',
      [{ ...narborough, kind: 'moved', from: '03W', to: '04C' }],
      ['Narborough Health Centre (C82119) moved from 03W to 04C and is still in ELR federation and North Blaby, groups of 03W: end those memberships if it has left'],
    ],
    ['a move between areas none of its groups belongs to says nothing', [{ ...narborough, kind: 'moved', from: '04C', to: '04V' }], []],
    ['a practice not in any group says nothing', [{ practiceCode: 'C99999', practice: 'X (C99999)', kind: 'dormant' }], []],
    ['a member gone dormant', [{ ...asylum, kind: 'dormant' }], ['South Wigston Asylum Service (Y05412) is now dormant and still in ELR federation']],
    [
      'one group, said as one',
      [{ ...asylum, kind: 'moved', from: '03W', to: null }],
      ['South Wigston Asylum Service (Y05412) moved from 03W to no commissioner and is still in ELR federation, a group of 03W: end that membership if it has left'],
    ],
    [
      'every member of a group given one new code: the area was recoded, said once for the group',
      [
        { ...narborough, kind: 'moved', from: '03W', to: '04V' },
        { ...asylum, kind: 'moved', from: '03W', to: '04V' },
        { ...kibworth, kind: 'moved', from: '03W', to: '04V' },
      ],
      [
        'All 3 practices in ELR federation moved from 03W to 04V, a new code for its area: change ELR federation’s commissioner to 04V',
        // A group of one is no sign of a new code for an area.
        'Narborough Health Centre (C82119) moved from 03W to 04V and is still in North Blaby, a group of 03W: end that membership if it has left',
      ],
    ],
    [
      'members of a group moved to different codes: each practice is named',
      [
        { ...asylum, kind: 'moved', from: '03W', to: '04V' },
        { ...kibworth, kind: 'moved', from: '03W', to: '04C' },
      ],
      [
        'South Wigston Asylum Service (Y05412) moved from 03W to 04V and is still in ELR federation, a group of 03W: end that membership if it has left',
        'Kibworth Medical Centre (C82001) moved from 03W to 04C and is still in ELR federation, a group of 03W: end that membership if it has left',
      ],
    ],
  ])('%s', (_, changes, sentences) => {
    expect(memberChangeSentences(changes, memberships, membersOf)).toEqual(sentences);
  });
});
