import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { apportion, apportionAmong, apportionedShare, weighPractices } from './apportion.js';
import { exact } from './rounding.js';
import { makePractice } from '../../../test/support/scheme-seeds.js';

const kibworth = makePractice({ name: 'Kibworth Medical Centre', odsCode: 'C82001', listSize: 9301, weightedListSize: 9000 });
const oakham = makePractice({ name: 'Oakham Medical Practice', odsCode: 'C82010', listSize: 15847, weightedListSize: 16500 });
const severn = makePractice({ name: 'Severn Surgery', odsCode: 'C82112', listSize: 4481, weightedListSize: 4200 });
const practices = [kibworth, oakham, severn];

describe('weighPractices and apportion', () => {
  it.each([
    { basis: 'list_size' as const, fixedShares: undefined, weights: ['9301', '15847', '4481'], shares: ['9301/29629', '15847/29629', '4481/29629'] },
    { basis: 'weighted_list_size' as const, fixedShares: undefined, weights: ['9000', '16500', '4200'], shares: ['9000/29700', '16500/29700', '4200/29700'] },
    { basis: 'equal' as const, fixedShares: undefined, weights: ['1', '1', '1'], shares: ['1/3', '1/3', '1/3'] },
    {
      basis: 'fixed' as const,
      fixedShares: [
        { practice: 'C82001', percent: 50 },
        { practice: 'Oakham Medical Practice', percent: 30 },
        { practice: 'c82112', percent: 20 },
      ],
      weights: ['50', '30', '20'],
      shares: ['50/100', '30/100', '20/100'],
    },
  ])('shares $basis', ({ basis, fixedShares, weights, shares }) => {
    const apportionment = weighPractices(practices, { basis, ...(fixedShares ? { fixedShares } : {}) });
    expect(apportionment.weights.map((w) => w.weight.toString())).toEqual(weights);
    const expected = shares.map((s) => {
      const [n, d] = s.split('/');
      return exact(n!).div(d!).toString();
    });
    expect(apportionment.weights.map((w) => apportionedShare(apportionment, w.weight).toString())).toEqual(expected);
  });

  it('multiplies before dividing, so a share that is exactly a half stays a half', () => {
    const apportionment = weighPractices([makePractice({ listSize: 1 }), makePractice({ listSize: 2 })], { basis: 'list_size' });
    expect(apportion(exact(4.5), apportionment).map(String)).toEqual(['1.5', '3']);
  });

  it('shares the winter scheme: Kibworth 9,301 of 327,255 gets 144.948… of 5,100', () => {
    const others = makePractice({ listSize: 327255 - 9301 });
    const [kib] = apportion(exact(5100), weighPractices([kibworth, others], { basis: 'list_size' }));
    expect(kib!.toFixed(6)).toBe('144.948435');
  });

  it.each([
    { basis: 'list_size' as const, practice: makePractice({ name: 'No List', listSize: undefined }), message: /"No List" has no list size/ },
    { basis: 'weighted_list_size' as const, practice: makePractice({ name: 'No Weighted', weightedListSize: undefined }), message: /"No Weighted" has no weighted list size/ },
  ])('refuses a practice with no figure for $basis', ({ basis, practice, message }) => {
    const run = () => weighPractices([kibworth, practice].map((p) => ({ ...p, weightedListSize: p === practice ? undefined : 1 })), { basis });
    expect(run).toThrow(AppError);
    try {
      run();
    } catch (error) {
      expect((error as AppError).problems.map((p) => p.message).join()).toMatch(message);
    }
  });

  it('refuses a fixed share for a practice not in the scheme, and a practice without one', () => {
    try {
      weighPractices(practices, { basis: 'fixed', fixedShares: [{ practice: 'Nowhere Surgery', percent: 100 }] });
      expect.unreachable();
    } catch (error) {
      const messages = (error as AppError).problems.map((p) => p.message);
      expect(messages).toContain('practice "Nowhere Surgery" is not one of the scheme’s practices');
      expect(messages).toContain('practice "Kibworth Medical Centre" has no fixed share');
    }
  });

  it('refuses weights that add up to zero', () => {
    expect(() => weighPractices([makePractice({ listSize: 0 })], { basis: 'list_size' })).toThrow(/total is zero/);
  });

  it.each([
    { total: '202', weights: ['1', '1', '0'], expected: ['101', '101', '0'] },
    { total: '10', weights: ['0', '0'], expected: ['0', '0'] },
  ])('apportionAmong($total, $weights)', ({ total, weights, expected }) => {
    expect(apportionAmong(exact(total), weights.map((w) => exact(w))).map(String)).toEqual(expected);
  });
});
