import { describe, expect, it } from 'vitest';
import { allocateScheme, costOfUnits, unitRateOf } from './allocation.js';
import { weighPractices } from './apportion.js';
import { participatingPractices } from './practices.js';
import { exact } from './rounding.js';
import { ELR_DATA, loadExample, makeDefinition, makePractice, readRecords } from '../../../test/support/scheme-seeds.js';

const expected = readRecords(`${ELR_DATA}winter-access-2017-18-expected.csv`);
const expectedRows = expected.filter((r) => r.practice !== 'TOTAL');
const expectedTotal = expected.find((r) => r.practice === 'TOTAL')!;

function allocate(name: string, rounding: Record<string, string> = {}) {
  const input = loadExample(name);
  const definition = { ...input.definition, rounding: { ...input.definition.rounding, ...rounding } } as typeof input.definition;
  return allocateScheme(definition, weighPractices(participatingPractices(input.practices), definition.apportionment));
}

describe('allocateScheme: winter access 2017/18 against the seed (appendix A)', () => {
  const allocation = allocate('winter-access-2017-18');

  it.each(expectedRows.map((row) => [row.practice!, row] as const))('%s', (practice, row) => {
    const ours = allocation.rows.find((r) => r.practiceName === practice)!;
    const [nurse, gp] = ours.models;
    expect({
      list_size: String(ours.listSize),
      share_pct: ours.sharePercent.toFixed(2),
      appointments: String(ours.quantity),
      per_week: String(ours.perWeek),
      nurse_hours: String(nurse!.hours),
      nurse_cost: String(nurse!.costPence / 100),
      gp_hours: String(gp!.hours),
      gp_cost: String(gp!.costPence / 100),
    }).toEqual({
      list_size: row.list_size,
      share_pct: row.share_pct,
      appointments: row.appointments,
      per_week: row.per_week,
      nurse_hours: row.nurse_hours,
      nurse_cost: row.nurse_cost,
      gp_hours: row.gp_hours,
      gp_cost: row.gp_cost,
    });
  });

  it('totals 5,100 appointments as the rounded unrounded sum, while the rounded rows foot to 5,099', () => {
    expect(allocation.listSizeTotal).toBe(Number(expectedTotal.list_size));
    expect(allocation.totals.quantity).toMatchObject({ total: Number(expectedTotal.appointments), sumOfRoundedRows: 5099, footingDifference: -1, totalsRule: 'round_unrounded_sum' });
  });

  it('rounds each cell from unrounded figures: Long Clawson is 12 a week, not 100 / 8 → 13', () => {
    const longClawson = allocation.rows.find((r) => r.practiceName === 'Long Clawson Medical Practice')!;
    expect([longClawson.quantity, longClawson.perWeek, Number(longClawson.perWeekExact).toFixed(2)]).toEqual([100, 12, '12.47']);
  });

  it.each([
    { rule: 'largest_remainder_whole', sum: 5100, difference: 0 },
    { rule: 'half_up_whole', sum: 5099, difference: -1 },
  ])('with $rule the rows add up to $sum', ({ rule, sum, difference }) => {
    const totals = allocate('winter-access-2017-18', { quantity: rule }).totals.quantity;
    expect(totals).toMatchObject({ total: 5100, sumOfRoundedRows: sum, footingDifference: difference });
  });

  it('can total the rows instead, when a scheme asks for it', () => {
    expect(allocate('winter-access-2017-18', { totals: 'sum_of_rounded_rows' }).totals.quantity).toMatchObject({ total: 5099, footingDifference: 0 });
  });
});

describe('allocateScheme: pharmacist days a week', () => {
  const allocation = allocate('clinical-pharmacists-2018');

  it.each([
    ['Oakham Medical Practice', 2.6],
    ['The Market Overton Surgery / Somerby', 0.6],
  ])('%s gets %s days a week (share × 15, to 1 dp)', (practice, days) => {
    expect(allocation.rows.find((r) => r.practiceName === practice)!.quantity).toBe(days);
  });

  it('has no per-week column when the quantity is already a week', () => {
    expect([allocation.per, allocation.weeks, allocation.rows[0]!.perWeek, allocation.totals.quantity.total]).toEqual(['week', null, null, 15]);
  });
});

describe('delivery model prices', () => {
  const definition = makeDefinition();
  const [nurse, gp] = definition.deliveryModels;

  it.each([
    { units: '1', model: nurse!, cost: '12.5' },
    { units: '81', model: gp!, cost: '1282.5' },
    { units: '3', model: gp!, cost: '47.5' },
    { units: '4', model: nurse!, cost: '50' },
  ])('$units × $model.name costs £$cost', ({ units, model, cost }) => {
    expect(costOfUnits(exact(units), model, 'appointments').toString()).toBe(cost);
  });

  it('prices by unit rate, and by hour when the unit is hours', () => {
    expect(unitRateOf({ id: 'pharm', name: 'Pharmacist', unitRate: 250 }, 'wte_days').toString()).toBe('250');
    expect(unitRateOf({ id: 'gp', name: 'GP', hourlyRate: 95 }, 'hours').toString()).toBe('95');
  });

  it('shares £ with money in pence', () => {
    const money = makeDefinition({ shared: { unit: 'gbp', quantity: 1000 }, deliveryModels: [], rounding: { quantity: 'half_up_2dp' } });
    const allocation = allocateScheme(money, weighPractices([makePractice({ listSize: 1 }), makePractice({ listSize: 2 })], money.apportionment));
    expect(allocation.rows.map((r) => r.quantityPence)).toEqual([33333, 66667]);
  });
});
