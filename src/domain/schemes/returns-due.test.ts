import { describe, expect, it } from 'vitest';
import type { Participation } from './scheme-definition.js';
import { awaitedReturns, practicesAskedToReturn } from './returns-due.js';

const practice = (key: string, participation: Participation) => ({ key, name: `Practice ${key}`, participation });
const practices = [practice('C82001', 'yes'), practice('C82002', 'unknown'), practice('C82003', 'no'), practice('C82004', 'yes')];

describe('awaitedReturns', () => {
  it.each([
    { case: 'nothing returned yet: everyone but the practice that said no', returned: [], awaited: ['C82001', 'C82002', 'C82004'] },
    { case: 'one practice has returned', returned: ['C82004'], awaited: ['C82001', 'C82002'] },
    { case: 'a return from the practice that said no changes nothing', returned: ['C82003'], awaited: ['C82001', 'C82002', 'C82004'] },
    { case: 'a return for a practice not in the scheme is ignored', returned: ['Y00001', 'C82001'], awaited: ['C82002', 'C82004'] },
    { case: 'all returned', returned: ['C82001', 'C82002', 'C82004'], awaited: [] },
  ])('$case', ({ returned, awaited }) => {
    expect(awaitedReturns(practices, new Set(returned)).map((p) => p.key)).toEqual(awaited);
  });

  it('asks the practices taking part or not yet known to', () => {
    expect(practicesAskedToReturn(practices)).toBe(3);
  });
});
