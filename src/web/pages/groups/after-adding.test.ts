import { describe, expect, it } from 'vitest';
import { afterAdding } from './after-adding.js';

describe('what the set-up page says after adding a commissioner’s or PCN’s practices', () => {
  it.each([
    [{ added: 3 }, []],
    [{ added: 2, alreadyMembers: ['C82010'] }, ['C82010 was already a member on those dates and left as it was.']],
    [{ added: 2, alreadyMembers: ['C82010', 'C82044'] }, ['C82010 and C82044 were already members on those dates and left as they were.']],
    [
      { added: 2, partlyMembers: [{ odsCode: 'C82001', addedFor: [{ startDate: '2018-04-01', endDate: '2023-03-31' }] }, { odsCode: 'C82119', addedFor: [{ startDate: '2018-04-01', endDate: '2019-03-31' }, { startDate: '2020-04-01', endDate: null }] }] },
      ['C82001 was already a member for part of that time, so it was added from 1 April 2018 to 31 March 2023.', 'C82119 was already a member for part of that time, so it was added from 1 April 2018 to 31 March 2019 and from 1 April 2020.'],
    ],
    [{ added: 1, endedAtClosing: [{ odsCode: 'C82036', closeDate: '2020-06-30' }] }, ['C82036 closed on 30 June 2020, so its membership ends then.']],
    [
      { added: 1, movedSince: [{ odsCode: 'C82119', now: '04C', area: 'commissioner' as const }, { odsCode: 'C82056', now: null, area: 'pcn' as const }] },
      ['C82119 has moved since the start date (now in 04C); it stays a member until you end its membership.', 'C82056 has moved since the start date (now in no PCN); it stays a member until you end its membership.'],
    ],
    [{ added: 2, dormantNow: ['C82036'] }, ['C82036 is dormant now (the ODS file gives no close date); it stays a member until you end its membership.']],
    [{ added: 2, dormantNow: ['C82036', 'C82620'] }, ['C82036 and C82620 are dormant now (the ODS file gives no close date); they stay members until you end their memberships.']],
    [{ added: 1, specialAllocation: ['Y03584'] }, ['Y03584 is a special allocation scheme, not a member practice, so it was left out: to add one, choose it by its ODS code.']],
  ])('%j', (result, sentences) => {
    expect(afterAdding(result)).toEqual(sentences);
  });
});
