import { describe, expect, it } from 'vitest';
import { groupPhrase, latestFirst, membershipChanges, type MembershipSpan } from './membership-changes.js';

const today = '2026-01-15';
const span = (groupName: string, groupKind: string, startDate: string, endDate: string | null = null, groupId = 1): MembershipSpan => ({ groupId, groupName, groupKind, startDate, endDate });

describe('a group as a practice’s history names it', () => {
  it.each([
    ['Oakham', 'locality', 'Oakham locality'],
    ['Syston hub', 'locality', 'Syston hub'],
    ['East Leicestershire & Rutland GP Federation', 'federation', 'East Leicestershire & Rutland GP Federation'],
    ['Harborough Health', 'federation', 'Harborough Health federation'],
    ['Rutland PCN footprint', 'pcn', 'Rutland PCN footprint'],
    ['Rutland Health Primary Care Network', 'pcn', 'Rutland Health Primary Care Network'],
    ['Rutland', 'pcn', 'Rutland PCN'],
    ['LLR ICB footprint', 'icb_footprint', 'LLR ICB footprint'],
    ['Leicestershire', 'icb_footprint', 'Leicestershire ICB footprint'],
    ['Admission avoidance LIS (illustrative)', 'peer_group', 'Admission avoidance LIS (illustrative) peer group'],
    ['High DNA group', 'peer_group', 'High DNA group'],
    ['Something else', 'a kind added later', 'Something else'],
  ])('%s (%s) as "%s"', (name, kind, phrase) => expect(groupPhrase(name, kind)).toBe(phrase));
});

describe('the joinings and leavings of a practice’s memberships', () => {
  it.each<[string, MembershipSpan[], string[]]>([
    ['an open membership is joined only', [span('Oakham', 'locality', '2018-04-01')], ['Joined Oakham locality on 1 April 2018']],
    ['an ended one is joined and left, on its last day', [span('North Blaby', 'locality', '2017-04-01', '2019-03-31')], ['Joined North Blaby locality on 1 April 2017', 'Left North Blaby locality on 31 March 2019']],
    ['a date to come is written as to come', [span('Melton', 'locality', '2025-04-01', '2026-03-31'), span('Rutland', 'pcn', '2026-04-01')], ['Joined Melton locality on 1 April 2025', 'Leaves Melton locality on 31 March 2026', 'Joins Rutland PCN on 1 April 2026']],
    ['today is not to come', [span('Melton', 'locality', today)], ['Joined Melton locality on 15 January 2026']],
    ['no memberships, no lines', [], []],
  ])('%s', (_name, memberships, lines) => expect(membershipChanges(memberships, today).map((c) => c.text)).toEqual(lines));

  it('keeps what a page needs to link the line to its group, and the line without its date for beside it', () => {
    expect(membershipChanges([span('Oakham', 'locality', '2018-04-01', '2019-03-31', 7)], today)[1]).toEqual({ kind: 'membership', date: '2019-03-31', change: 'left', groupId: 7, groupName: 'Oakham', groupKind: 'locality', what: 'Left Oakham locality', text: 'Left Oakham locality on 31 March 2019' });
  });
});

describe('a practice’s history, latest first', () => {
  const nhs = (date: string, what: string) => ({ kind: 'nhs_file', date, what });
  const member = (date: string, change: 'joined' | 'left', groupName: string) => ({ kind: 'membership', date, change, groupName, what: `${change} ${groupName}` });
  it.each<[string, { kind: string; date: string; what: string }[], string[]]>([
    ['by date, whatever list a line came from', [nhs('2019-04-01', 'commissioner'), member('2017-04-01', 'joined', 'A'), member('2019-03-31', 'left', 'A'), nhs('2020-06-30', 'closed')], ['closed', 'commissioner', 'left A', 'joined A']],
    ['on one day: the NHS files, then leavings, then joinings, each by group', [member('2018-04-01', 'joined', 'B'), member('2018-04-01', 'joined', 'A'), member('2018-04-01', 'left', 'C'), nhs('2018-04-01', 'name')], ['name', 'left C', 'joined A', 'joined B']],
    ['two changes from the files on one day keep their order', [nhs('2018-04-01', 'second'), nhs('2018-04-01', 'first')], ['second', 'first']],
  ])('%s', (_name, lines, order) => expect(latestFirst(lines).map((l) => l.what)).toEqual(order));
});
