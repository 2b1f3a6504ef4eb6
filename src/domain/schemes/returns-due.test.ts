import { describe, expect, it } from 'vitest';
import type { Participation } from './scheme-definition.js';
import { awaitedReturns, practicesAskedToReturn, practicesThatReturned } from './returns-due.js';

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

describe('practicesThatReturned', () => {
  it.each([
    { case: 'a figure, even 0, is a return', figures: [{ practiceCode: 'C82001', quantity: 0, takesPart: null }], returned: ['C82001'] },
    { case: 'saying no is an answer without figures', figures: [{ practiceCode: 'C82001', quantity: null, takesPart: 'no' }], returned: ['C82001'] },
    { case: 'yes with every figure blank is not a return yet', figures: [{ practiceCode: 'C82001', quantity: null, takesPart: 'yes' }, { practiceCode: 'C82001', quantity: null, takesPart: 'yes' }], returned: [] },
    { case: 'one figure of two models is enough', figures: [{ practiceCode: 'C82001', quantity: null, takesPart: 'yes' }, { practiceCode: 'C82001', quantity: 12, takesPart: 'yes' }], returned: ['C82001'] },
  ])('$case', ({ figures, returned }) => {
    expect([...practicesThatReturned(figures)]).toEqual(returned);
  });
});
