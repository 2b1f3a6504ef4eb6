import { describe, expect, it } from 'vitest';
import { loadExampleDefinition } from '../../../test/support/scheme-seeds.js';
import { dateAYearOn, endDateAYearOn, financialYearAYearOn, nameForNextYear, termsForNextScheme } from './next-scheme-terms.js';
import { parseSchemeDefinition } from './scheme-definition.js';

describe('starting next year’s scheme from this year’s terms', () => {
  it.each([
    ['Winter access scheme 2017/18', 'Winter access scheme 2018/19'],
    ['Winter top-up 2017', 'Winter top-up 2018'],
    ['Demand management 2018/19 and 2019/20', 'Demand management 2019/20 and 2020/21'],
    ['Clinical pharmacists', 'Clinical pharmacists (copy)'],
    // Financial years as people also write them keep their spelling, a year on.
    ['Winter access scheme 2019-20', 'Winter access scheme 2020-21'],
    ['Enhanced access 19/20', 'Enhanced access 20/21'],
    ['Extended hours 2019/2020', 'Extended hours 2020/2021'],
    ['Winter access 2099-00', 'Winter access 2100-01'],
    // Two numbers that are not consecutive years are not a financial year.
    ['Ages 16-18 health checks 2019', 'Ages 16-18 health checks 2020'],
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

  it.each([
    ['2017-03-31', '2018-03-31'],
    ['2020-02-29', '2021-02-28'],
    // The last day of February stays the last day: 2028 is a leap year.
    ['2027-02-28', '2028-02-29'],
    ['2028-02-29', '2029-02-28'],
    ['2099-02-28', '2100-02-28'],
    ['2027-02-27', '2028-02-27'],
  ])('moves a period ending %s on to end %s', (date, next) => {
    expect(endDateAYearOn(date)).toBe(next);
  });

  it('moves a winter scheme to the end of February on a year, to the end of February in a leap year', () => {
    const winter = loadExampleDefinition('winter-access-2017-18');
    const next = termsForNextScheme({ ...winter, name: 'Winter access 2026-27', period: { start: '2026-12-01', end: '2027-02-28' } });
    expect([next.name, next.period.start, next.period.end]).toEqual(['Winter access 2027-28', '2027-12-01', '2028-02-29']);
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
