import { describe, expect, it } from 'vitest';
import { contractDateProblems, noticeDateOf, remindersDue } from './contract-reminders.js';
import { checkInFootprint, checkShareWithFee, formatBp, splitTariffPayment, unsignedPractices } from './sub-contract-rules.js';

const cbs = { startDate: '2017-04-01', endDate: '2019-03-31', renewalDate: '2019-01-01', noticePeriodDays: 90 };

describe('contract reminders', () => {
  it('works the notice date out from the end date and the notice period', () => {
    expect(noticeDateOf(cbs)).toBe('2018-12-31');
    expect(noticeDateOf({ ...cbs, noticePeriodDays: null })).toBeNull();
  });
  it.each([
    ['2018-10-01', 90, []],
    ['2018-10-02', 90, ['notice']],
    ['2018-10-03', 90, ['notice', 'renewal']],
    ['2018-12-31', 90, ['notice', 'renewal', 'end']],
    ['2019-01-02', 30, []],
    ['2019-01-02', 90, ['end']],
    ['2019-04-01', 365, []],
  ] as const)('on %s within %i days warns of %j', (today, within, kinds) => {
    expect(remindersDue(cbs, today, within).map((r) => r.kind)).toEqual(kinds);
  });
  it.each([
    [{ startDate: '2018-05-01', endDate: '2019-03-31', renewalDate: null }, []],
    [{ startDate: '2018-05-01', endDate: '2018-05-01', renewalDate: '2018-05-01' }, []],
    [{ startDate: '2018-05-01', endDate: '2018-03-31', renewalDate: null }, ['endDate']],
    [{ startDate: '2018-05-01', endDate: '2018-03-31', renewalDate: '2018-04-30' }, ['endDate', 'renewalDate']],
    [{ startDate: null, endDate: '2018-03-31', renewalDate: '2018-04-30' }, []],
  ] as const)('finds the dates of %j out of order: %j', (dates, fields) => {
    expect(contractDateProblems(dates).map((p) => p.field)).toEqual(fields);
  });
  // The notice date is 31 December 2018, the renewal 1 January 2019, the end 31 March 2019.
  it.each([
    ['2018-12-14', 17, ['Last day to give notice in 17 days']],
    ['2018-12-30', 2, ['Last day to give notice tomorrow', 'Renewal due in 2 days']],
    ['2018-12-31', 1, ['Last day to give notice today', 'Renewal due tomorrow']],
    ['2019-03-30', 1, ['Contract ends tomorrow']],
    ['2019-03-31', 0, ['Contract ends today']],
  ] as const)('on %s says how many days are left (within %i days): %j', (today, within, messages) => {
    expect(remindersDue(cbs, today, within).map((r) => r.message)).toEqual(messages);
  });
});

describe('sub-contracts', () => {
  it('lists the practices that have not signed', () => {
    const rows = [
      { practiceCode: 'C82001', signedDate: '2017-03-20', shareBp: 9500 },
      { practiceCode: 'C82002', signedDate: null, shareBp: 9500 },
    ];
    expect(unsignedPractices(rows).map((r) => r.practiceCode)).toEqual(['C82002']);
  });
  it('refuses a practice outside the footprint', () => {
    expect(() => checkInFootprint('Y00001', new Set(['C82001']), 'ELR GP Federation')).toThrow(/Y00001 is not a member of ELR GP Federation/);
    expect(() => checkInFootprint('C82001', new Set(['C82001']), 'ELR GP Federation')).not.toThrow();
  });
  it('pays practices 95% of the tariff and keeps a 5% fee (H. pylori)', () => {
    expect(() => checkShareWithFee(9500, 500)).not.toThrow();
    expect(() => checkShareWithFee(9000, 500)).toThrow(/must add up to 100%/);
    expect(splitTariffPayment(3_000_000, 9500)).toEqual({ practicePence: 2_850_000, federationPence: 150_000 });
    expect(splitTariffPayment(1, 9500)).toEqual({ practicePence: 1, federationPence: 0 });
    expect(formatBp(9500)).toBe('95%');
    expect(formatBp(250)).toBe('2.5%');
  });
});
