import { describe, expect, it } from 'vitest';
import { allocateScheme } from './allocation.js';
import { weighPractices } from './apportion.js';
import type { DeliveredActivity } from './delivered.js';
import { calculatePayments } from './payments.js';
import { participatingPractices } from './practices.js';
import type { SchemeDefinition } from './scheme-definition.js';
import { ELR_DATA, loadExample, makeDefinition, makePractice, readRecords } from '../../../test/support/scheme-seeds.js';

const expected = readRecords(`${ELR_DATA}winter-access-2017-18-expected.csv`);
const summary = Object.fromEntries(readRecords(`${ELR_DATA}winter-access-2017-18-expected-summary.csv`).map((r) => [r.metric!, Number(r.value)]));

function winterPayments(changes: Partial<SchemeDefinition> = {}) {
  const input = loadExample('winter-access-2017-18');
  const definition = { ...input.definition, ...changes, rounding: { ...input.definition.rounding, ...(changes.rounding ?? {}) } };
  const allocation = allocateScheme(definition, weighPractices(participatingPractices(input.practices), definition.apportionment));
  return calculatePayments(definition, allocation, input.delivered!);
}

describe('calculatePayments: winter access 2017/18 against the seed', () => {
  const payments = winterPayments();

  it.each(expected.filter((r) => r.practice !== 'TOTAL').map((r) => [r.practice!, r] as const))('%s', (practice, row) => {
    const ours = payments.rows.find((r) => r.practiceName === practice)!;
    const delivered = (id: string) => ours.models.find((m) => m.modelId === id)!.delivered;
    expect([delivered('nurse'), delivered('gp'), ours.amountPence / 100]).toEqual([
      row.nurse_delivered === '' ? null : Number(row.nurse_delivered),
      row.gp_delivered === '' ? null : Number(row.gp_delivered),
      Number(row.delivered_cost),
    ]);
  });

  it.each([
    ['nurse_appointments_delivered', () => payments.totals.delivered.find((d) => d.modelId === 'nurse')!.total],
    ['gp_appointments_delivered', () => payments.totals.delivered.find((d) => d.modelId === 'gp')!.total],
    ['appointments_delivered_total', () => payments.totals.deliveredTotal],
    ['delivered_cost', () => payments.totals.amount.total / 100],
    ['delivered_cost_sum_of_rounded_rows', () => payments.totals.amount.sumOfRoundedRows / 100],
    ['federation_fee_5pct', () => payments.totals.fee!.total / 100],
    ['grand_total', () => payments.totals.grandTotal.total / 100],
  ] as const)('%s matches the expected summary', (metric, ours) => {
    expect(ours()).toBe(summary[metric]);
  });

  it('shows the footing: rows add to £66,692 against £66,689; cost + fee as printed add to £70,023 against £70,024', () => {
    expect(payments.totals.amount.footingDifference).toBe(300);
    expect(payments.totals.grandTotal).toMatchObject({ sumOfRoundedRows: 7002300, footingDifference: -100 });
    expect(Number(payments.totals.amount.exact).toFixed(2)).toBe('66689.17');
  });

  it.each([
    ['The Croft Medical Centre', '1282.5', 128300],
    ['The Billesdon Surgery', '1642.5', 164300],
  ])("rounds %s's exact £%s half-up", (practice, exactCost, pence) => {
    const row = payments.rows.find((r) => r.practiceName === practice)!;
    expect([row.amountExact, row.amountPence]).toEqual([exactCost, pence]);
  });

  it('pays delivery above the allocation in full but flags it', () => {
    const limes = payments.rows.find((r) => r.practiceName === 'The Limes Medical Centre')!;
    expect([limes.deliveredTotal, limes.allocated, limes.aboveAllocation, limes.amountPence]).toEqual([514, 223, 291, 809200]);
    expect(payments.warnings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'delivered_above_allocation', practiceKey: 'C82055' }));
  });

  it.each([
    ['return_says_not_taking_part', 'C82112'],
    ['participation_unknown', 'C82048'],
    ['no_activity_return', 'C82009'],
  ])('notes %s for %s', (code, practiceKey) => {
    expect(payments.warnings).toContainEqual(expect.objectContaining({ code, practiceKey }));
  });

  it.each([
    { rule: 'largest_remainder_pound' as const, total: 6668900, rows: 6668900 },
    { rule: 'half_up_pence' as const, total: 6668917, rows: 6668917 },
    { rule: 'half_up_pound' as const, total: 6668900, rows: 6669200 },
  ])('with payment rule $rule the rows add to $rows pence', ({ rule, total, rows }) => {
    const totals = winterPayments({ rounding: { payment: rule } as SchemeDefinition['rounding'] }).totals.amount;
    expect([totals.total, totals.sumOfRoundedRows]).toEqual([total, rows]);
  });
});

describe('calculatePayments: fees', () => {
  const practices = [makePractice({ key: 'A', name: 'A', listSize: 1 }), makePractice({ key: 'B', name: 'B', listSize: 1 })];
  const delivered: DeliveredActivity[] = [
    { practiceKey: 'A', takesPart: 'yes', units: { nurse: 8, gp: null } },
    { practiceKey: 'B', takesPart: 'yes', units: { nurse: null, gp: 6 } },
  ];
  const pay = (fee: SchemeDefinition['fee']) => {
    const definition = makeDefinition({ fee });
    return calculatePayments(definition, allocateScheme(definition, weighPractices(practices, definition.apportionment)), delivered);
  };

  it.each([
    { fee: { percent: 10 }, amount: 19500, feeTotal: 2000, grand: 21500, perPractice: [1000, 1000] },
    { fee: { fixed: 250 }, amount: 19500, feeTotal: 25000, grand: 44500, perPractice: [null, null] },
    { fee: undefined, amount: 19500, feeTotal: null, grand: 19500, perPractice: [null, null] },
  ])('fee $fee', ({ fee, amount, feeTotal, grand, perPractice }) => {
    const payments = pay(fee);
    expect(payments.totals.amount.total).toBe(amount);
    expect(payments.totals.fee?.total ?? null).toBe(feeTotal);
    expect(payments.totals.grandTotal.total).toBe(grand);
    expect(payments.rows.map((r) => r.feePence)).toEqual(perPractice);
  });

  // The label heads the fee column of the report and the fee line of each practice's statement.
  it.each([
    { fee: { percent: 5 }, label: 'Federation fee (5%)', percent: 5, fixedPence: null },
    { fee: { fixed: 250.5 }, label: 'Federation fee', percent: null, fixedPence: 25050 },
    { fee: { label: 'Management charge', percent: 5 }, label: 'Management charge', percent: 5, fixedPence: null },
  ])('names fee $fee as "$label"', ({ fee, label, percent, fixedPence }) => {
    expect(pay(fee).fee).toEqual({ label, percent, fixedPence });
  });

  it('says where a return came from only when that is known', () => {
    const definition = makeDefinition();
    const allocation = allocateScheme(definition, weighPractices(practices, definition.apportionment));
    const source = { file: 'returns.csv', line: 3 };
    const warnings = calculatePayments(definition, allocation, [
      { practiceKey: 'A', takesPart: 'unknown', units: { nurse: 1, gp: null } },
      { practiceKey: 'B', takesPart: 'unknown', units: { nurse: 1, gp: null }, source },
    ]).warnings.filter((w) => w.code === 'participation_unknown');
    expect(warnings.map((w) => [w.practiceKey, 'source' in w ? w.source : 'none'])).toEqual([['A', 'none'], ['B', source]]);
  });

  // 100 appointments shared by two practices of equal list: 50 each.
  it.each<[string, DeliveredActivity['takesPart'] | 'no return', DeliveredActivity['units'], string[]]>([
    ['a return within its allocation', 'yes', { nurse: 30, gp: 20 }, []],
    ['a return one over its allocation', 'yes', { nurse: 30, gp: 21 }, ['delivered_above_allocation']],
    ['a return that does not say whether it took part', 'unknown', { nurse: 1, gp: null }, ['participation_unknown']],
    ['a return saying it did not take part, with no figures', 'no', { nurse: null, gp: null }, ['return_says_not_taking_part']],
    ['a return taking part with every figure blank', 'yes', { nurse: null, gp: null }, ['no_activity_return']],
    ['no return at all', 'no return', {}, ['no_activity_return']],
  ])('warns about %s: %j', (_case, takesPart, units, codes) => {
    const definition = makeDefinition();
    const allocation = allocateScheme(definition, weighPractices(practices, definition.apportionment));
    const returns: DeliveredActivity[] = takesPart === 'no return' ? [] : [{ practiceKey: 'A', takesPart, units }];
    const payments = calculatePayments(definition, allocation, [...returns, { practiceKey: 'B', takesPart: 'yes', units: { nurse: 50, gp: null } }]);
    expect(payments.warnings.map((w) => w.code)).toEqual(codes);
    expect(payments.warnings.every((w) => w.practiceKey === 'A')).toBe(true);
    expect(payments.rows.find((r) => r.practiceKey === 'A')!.takesPart).toBe(takesPart === 'no return' ? null : takesPart);
  });

  it('adds up the units delivered, a blank counting as none', () => {
    const definition = makeDefinition();
    const allocation = allocateScheme(definition, weighPractices(practices, definition.apportionment));
    const totals = calculatePayments(definition, allocation, [
      { practiceKey: 'A', takesPart: 'yes', units: { nurse: 30, gp: 20 } },
      { practiceKey: 'B', takesPart: 'yes', units: { nurse: 12, gp: null } },
    ]).totals;
    expect([totals.delivered, totals.deliveredTotal]).toEqual([[{ modelId: 'nurse', total: 30 + 12 }, { modelId: 'gp', total: 20 }], 30 + 20 + 12]);
    // Part units (sessions, hours) add up exactly: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
    const parts = calculatePayments(definition, allocation, [
      { practiceKey: 'A', takesPart: 'yes', units: { nurse: 0.1, gp: null } },
      { practiceKey: 'B', takesPart: 'yes', units: { nurse: 0.2, gp: null } },
    ]).totals;
    expect([parts.delivered[0]!.total, parts.deliveredTotal]).toEqual([0.3, 0.3]);
  });

  it.each([
    [{ nurse: 0, gp: null }, []],
    [{ nurse: null, gp: null }, []],
    [{ nurse: 0, gp: 1 }, ['C']],
  ])('warns of a return %j from a practice not taking part only when it claims activity', (units, warned) => {
    const definition = makeDefinition();
    const allocation = allocateScheme(definition, weighPractices(practices, definition.apportionment));
    const warnings = calculatePayments(definition, allocation, [...delivered, { practiceKey: 'C', takesPart: 'yes', units }]).warnings;
    expect(warnings.filter((w) => w.code === 'activity_from_non_participant').map((w) => w.practiceKey)).toEqual(warned);
  });

  it('flags activity from a practice that is not in the allocation', () => {
    const definition = makeDefinition();
    const allocation = allocateScheme(definition, weighPractices([practices[0]!], definition.apportionment));
    const payments = calculatePayments(definition, allocation, delivered);
    expect(payments.warnings.map((w) => w.code)).toContain('activity_from_non_participant');
  });
});
