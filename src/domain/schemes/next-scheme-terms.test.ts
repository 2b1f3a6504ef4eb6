import { describe, expect, it } from 'vitest';
import { loadExampleDefinition } from '../../../test/support/scheme-seeds.js';
import { dateAYearOn, financialYearAYearOn, nameForNextYear, termsForNextScheme } from './next-scheme-terms.js';
import { parseSchemeDefinition } from './scheme-definition.js';

describe('starting next year’s scheme from this year’s terms', () => {
  it.each([
    ['Winter access scheme 2017/18', 'Winter access scheme 2018/19'],
    ['Winter top-up 2017', 'Winter top-up 2018'],
    ['Demand management 2018/19 and 2019/20', 'Demand management 2019/20 and 2020/21'],
    ['Clinical pharmacists', 'Clinical pharmacists (copy)'],
  ])('names %s next as %s', (name, next) => {
    expect(nameForNextYear(name)).toBe(next);
  });

  it.each([
    ['2017/18', '2018/19'],
    ['2099/00', '2100/01'],
  ])('moves financial year %s on to %s', (year, next) => {
    expect(financialYearAYearOn(year)).toBe(next);
  });

  it.each([
    ['2017-12-01', '2018-12-01'],
    ['2020-02-29', '2021-02-28'],
  ])('moves %s on to %s', (date, next) => {
    expect(dateAYearOn(date)).toBe(next);
  });

  it('keeps how the winter scheme shares and pays, and leaves its practices, snapshot and returns behind', () => {
    const winter = loadExampleDefinition('winter-access-2017-18');
    const next = termsForNextScheme({ ...winter, period: { ...winter.period, financialYears: ['2017/18'] } });
    expect(next).toMatchObject({ version: 1, name: 'Winter access scheme 2018/19', shared: winter.shared, deliveryModels: winter.deliveryModels, fee: winter.fee, rounding: winter.rounding, apportionment: winter.apportionment });
    expect(next.period).toMatchObject({ weeks: winter.period.weeks, financialYears: ['2018/19'] });
    expect([next.id, next.practices, next.listSnapshot, next.delivered, next.handSchedule, next.reallocation]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('moves a multi-year scheme’s years on and keeps its cost model, which still needs a snapshot to be valid', () => {
    const pharmacists = loadExampleDefinition('clinical-pharmacists-2018');
    const next = termsForNextScheme(pharmacists);
    expect(next.period.financialYears).toEqual(pharmacists.period.financialYears!.map(financialYearAYearOn));
    expect(next.costModel).toEqual(pharmacists.costModel);
    // It names its new list snapshot before it is a scheme again.
    expect(() => parseSchemeDefinition(next, 'next.yaml')).toThrow();
    expect(parseSchemeDefinition({ ...next, listSnapshot: { date: '2019-01-01' } }, 'next.yaml').name).toBe(next.name);
  });
});
