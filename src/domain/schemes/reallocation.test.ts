import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { allocateScheme } from './allocation.js';
import { weighPractices } from './apportion.js';
import { participatingPractices } from './practices.js';
import { reallocateCapacity, type CapacityRelease } from './reallocation.js';
import { exact, sum } from './rounding.js';
import { loadExample, makeDefinition, makePractice } from '../../../test/support/scheme-seeds.js';

const input = loadExample('winter-access-2017-18');
const apportionment = weighPractices(participatingPractices(input.practices), input.definition.apportionment);
const allocation = allocateScheme(input.definition, apportionment);
// The three practices whose winter return says they did not take part.
const declined: CapacityRelease[] = ['C82112', 'C82119', 'C82631'].map((practiceKey) => ({ practiceKey, quantity: 'all', reason: 'declined' }));

describe('reallocateCapacity: the winter scheme, with Severn, Narborough and Enderby declining', () => {
  it.each([
    { rule: 'half_up_whole' as const, released: 202, after: 5100, afterRows: 5101 },
    { rule: 'largest_remainder_whole' as const, released: 202, after: 5100, afterRows: 5100 },
  ])('with $rule: releases $released and the after column adds to $afterRows', ({ rule, released, after, afterRows }) => {
    const result = reallocateCapacity(allocation, apportionment, declined, rule, 'round_unrounded_sum');
    expect(result.totals.released.total).toBe(released);
    expect(result.totals.after).toMatchObject({ total: after, sumOfRoundedRows: afterRows });
    expect(sum(result.rows.map((r) => exact(r.afterExact))).toDecimalPlaces(30).toString()).toBe('5100');
  });

  it('gives each remaining practice the released appointments by its share of the remaining list', () => {
    const result = reallocateCapacity(allocation, apportionment, declined, 'half_up_whole', 'round_unrounded_sum');
    const latham = result.rows.find((r) => r.practiceName === 'Latham House Medical Practice')!;
    const released = exact(result.releasedExact);
    expect(exact(latham.receivedExact).toFixed(10)).toBe(released.times(35547).div(327255 - 4481 - 2384 - 6125).toFixed(10));
    expect([latham.before, latham.received, latham.after]).toEqual([554, 23, 577]);
    expect(result.rows.find((r) => r.practiceName === 'Severn Surgery')).toMatchObject({ before: 70, released: 70, received: 0, after: 0, reason: 'declined' });
    expect(result.rule).toMatch(/202\.44 appointments released by 3 practices are shared among the other 28 by registered list size/);
  });

  it('says so when no practice releases capacity, rather than sharing 0 among them all', () => {
    const result = reallocateCapacity(allocation, apportionment, [], 'half_up_whole', 'round_unrounded_sum');
    expect(result.rule).toBe('No practice releases capacity, so each keeps its allocation');
    expect(result.rows.every((r) => r.after === r.before)).toBe(true);
  });
});

describe('reallocateCapacity: rules', () => {
  const practices = [makePractice({ key: 'A', listSize: 1000 }), makePractice({ key: 'B', listSize: 3000 }), makePractice({ key: 'C', listSize: 6000 })];
  const definition = makeDefinition({ shared: { unit: 'appointments', quantity: 100 } });
  const small = weighPractices(practices, definition.apportionment);
  const smallAllocation = allocateScheme(definition, small);

  it.each([
    { name: 'unused capacity from one practice', releases: [{ practiceKey: 'C', quantity: 10, reason: 'unused' as const }], after: [12.5, 37.5, 50] },
    { name: 'all of one practice', releases: [{ practiceKey: 'A', quantity: 'all' as const, reason: 'declined' as const }], after: [0, 33.3, 66.7] },
    { name: 'nothing released', releases: [], after: [10, 30, 60] },
  ])('$name', ({ releases, after }) => {
    const result = reallocateCapacity(smallAllocation, small, releases, 'half_up_1dp', 'round_unrounded_sum');
    expect(result.rows.map((r) => r.after)).toEqual(after);
  });

  it.each([
    { name: 'more than the allocation', releases: [{ practiceKey: 'A', quantity: 11, reason: 'unused' as const }], message: /cannot release 11/ },
    { name: 'a practice not in the allocation', releases: [{ practiceKey: 'Z', quantity: 1, reason: 'unused' as const }], message: /not in the allocation/ },
    { name: 'everyone releasing', releases: ['A', 'B', 'C'].map((practiceKey) => ({ practiceKey, quantity: 'all' as const, reason: 'declined' as const })), message: /nobody is left/ },
    { name: 'the same practice twice', releases: [{ practiceKey: 'A', quantity: 1, reason: 'unused' as const }, { practiceKey: 'A', quantity: 1, reason: 'unused' as const }], message: /twice/ },
  ])('refuses $name', ({ releases, message }) => {
    try {
      reallocateCapacity(smallAllocation, small, releases, 'half_up_whole', 'round_unrounded_sum');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).problems.map((p) => p.message).join('\n')).toMatch(message);
    }
  });
});
