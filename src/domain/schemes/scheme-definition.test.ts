import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parseSchemeDefinition, schemeDefinitionSchema, type SchemeDefinitionInput } from './scheme-definition.js';
import { loadExampleDefinition } from '../../../test/support/scheme-seeds.js';

const base: SchemeDefinitionInput = {
  version: 1,
  name: 'Winter access',
  funder: 'ELR CCG',
  period: { weeks: 8, financialYears: ['2017/18'] },
  practices: [{ name: 'Kibworth Medical Centre', odsCode: 'C82001', listSize: 9301 }],
  apportionment: { basis: 'list_size' },
  shared: { unit: 'appointments', quantity: 5100 },
  deliveryModels: [{ id: 'nurse', name: 'Nurse', unitsPerHour: 4, hourlyRate: 50 }],
};

const yearly: Partial<SchemeDefinitionInput> = {
  period: { financialYears: ['2018/19', '2019/20'] },
  costModel: { base: [{ label: 'Pharmacists', quantity: 3, unitCost: 58620 }], annualUpliftPercent: 2, fixedLines: [{ label: 'Support', amount: 5000 }] },
  fundingSources: [{ source: 'NHS England', amounts: [87000, 60000] }],
};

function problemsOf(input: unknown): { field?: string; message: string }[] {
  try {
    parseSchemeDefinition(input, 'scheme.yaml');
  } catch (error) {
    if (error instanceof AppError) return error.problems;
    throw error;
  }
  return [];
}

describe('schemeDefinitionSchema', () => {
  it.each(['winter-access-2017-18', 'clinical-pharmacists-2018'])('accepts the example %s', (name) => {
    expect(() => loadExampleDefinition(name)).not.toThrow();
  });

  it('fills in the seeds\' rounding rules as defaults', () => {
    expect(parseSchemeDefinition(base).rounding).toEqual({
      sharePercent: 'half_up_2dp',
      quantity: 'half_up_whole',
      perWeek: 'half_up_whole',
      hours: 'half_up_whole',
      cost: 'half_up_pound',
      payment: 'half_up_pound',
      fee: 'half_up_pound',
      contribution: 'half_up_pound',
      perPatient: 'half_up_pence',
      totals: 'round_unrounded_sum',
    });
  });

  it.each([
    ['money shared per head', { unit: 'gbp', quantity: 32_725.5 }, 'largest_remainder_2dp'],
    ['money at a rate for each patient', { unit: 'gbp', quantity: 0.1, per: 'patient' }, 'largest_remainder_2dp'],
    ['appointments', { unit: 'appointments', quantity: 600 }, 'half_up_whole'],
  ])('shares %s, when the scheme does not say how, with %s', (_case, shared, rule) => {
    const apportionment = { basis: 'list_size' };
    expect(parseSchemeDefinition({ ...base, shared, apportionment, deliveryModels: [] }).rounding.quantity).toBe(rule);
    // A rule the scheme gives is kept, whatever the unit.
    expect(parseSchemeDefinition({ ...base, shared, apportionment, deliveryModels: [], rounding: { quantity: 'half_up_1dp' } }).rounding.quantity).toBe('half_up_1dp');
  });

  it('takes a scheme with no period at all, as every part of one is optional', () => {
    const { period: _period, ...rest } = base;
    expect(parseSchemeDefinition(rest).period).toEqual({});
  });

  it('accepts a DB-backed scheme that names a list snapshot instead of carrying practices', () => {
    const { practices: _practices, ...rest } = base;
    expect(parseSchemeDefinition({ ...rest, listSnapshot: { date: '2017-10-01', name: 'October 2017' } }).practices).toBeUndefined();
  });

  it.each([
    { name: 'a fee over 100%', change: { fee: { percent: 105 } }, field: 'fee.percent', message: /between 0 and 100/ },
    { name: 'a negative fee', change: { fee: { percent: -1 } }, field: 'fee.percent', message: /between 0 and 100/ },
    { name: 'both a percent and a fixed fee', change: { fee: { percent: 5, fixed: 100 } }, field: 'fee', message: /either percent or fixed/ },
    { name: 'no practices and no snapshot', change: { practices: undefined }, field: 'practices', message: /list ?[sS]napshot/ },
    { name: 'an empty practice list', change: { practices: [] }, field: 'practices', message: /at least one participating practice/ },
    { name: 'a bad ODS code', change: { practices: [{ name: 'X', odsCode: 'C8201' }] }, field: 'practices.0.odsCode', message: /one letter and five digits/ },
    { name: 'a fractional list size', change: { practices: [{ name: 'X', listSize: 10.5 }] }, field: 'practices.0.listSize', message: /whole number/ },
    { name: 'a zero quantity', change: { shared: { unit: 'appointments', quantity: 0 } }, field: 'shared.quantity', message: /more than 0/ },
    { name: 'an unknown unit', change: { shared: { unit: 'minutes', quantity: 10 } }, field: 'shared.unit', message: /.+/ },
    { name: 'an hourly rate without units per hour', change: { deliveryModels: [{ id: 'gp', name: 'GP', hourlyRate: 95 }] }, field: 'deliveryModels.0.unitsPerHour', message: /unitsPerHour/ },
    { name: 'a model with no rate', change: { deliveryModels: [{ id: 'gp', name: 'GP', unitsPerHour: 6 }] }, field: 'deliveryModels.0', message: /hourlyRate or unitRate/ },
    { name: 'a repeated model id', change: { deliveryModels: [{ id: 'gp', name: 'GP', unitRate: 15 }, { id: 'gp', name: 'GP 2', unitRate: 16 }] }, field: 'deliveryModels.1.id', message: /used twice/ },
    { name: 'a rounding rule that does not exist', change: { rounding: { quantity: 'bankers' } }, field: 'rounding.quantity', message: /.+/ },
    { name: 'a money rule used for a count', change: { rounding: { quantity: 'half_up_pound' } }, field: 'rounding.quantity', message: /.+/ },
    { name: 'fixed shares that do not add to 100', change: { apportionment: { basis: 'fixed', fixedShares: [{ practice: 'C82001', percent: 99 }] } }, field: 'apportionment.fixedShares', message: /add up to 100/ },
    { name: 'a fixed basis without shares', change: { apportionment: { basis: 'fixed' } }, field: 'apportionment.fixedShares', message: /table of shares/ },
    { name: 'fixed shares on a list basis', change: { apportionment: { basis: 'list_size', fixedShares: [{ practice: 'C82001', percent: 100 }] } }, field: 'apportionment.fixedShares', message: /only apply/ },
    { name: 'a period that ends before it starts', change: { period: { start: '2018-03-31', end: '2018-01-01' } }, field: 'period.end', message: /before it starts/ },
    { name: 'a date that is not a date', change: { period: { start: '31/03/2018' } }, field: 'period.start', message: /YYYY-MM-DD/ },
    { name: 'a 29 February in a year that has none', change: { period: { start: '2027-03-01', end: '2027-02-29' } }, field: 'period.end', message: /^is not a real date$/ },
    { name: 'a list snapshot on a day that does not exist', change: { listSnapshot: { date: '2026-04-31' } }, field: 'listSnapshot.date', message: /^is not a real date$/ },
    { name: 'a year typed wrong', change: { period: { start: '2018-04-01', end: '2919-03-31' } }, field: 'period.end', message: /must be a year from 1900 to 2099/ },
    { name: 'a cost model without years', change: { ...yearly, period: {} }, field: 'period.financialYears', message: /financial years/ },
    { name: 'funding for the wrong number of years', change: { ...yearly, fundingSources: [{ source: 'NHSE', amounts: [1, 2, 3] }] }, field: 'fundingSources.0.amounts', message: /each of the 2/ },
    { name: 'an uplift over 100%', change: { ...yearly, costModel: { base: [{ label: 'Pay', amount: 1 }], annualUpliftPercent: 120 } }, field: 'costModel.annualUpliftPercent', message: /between 0 and 100/ },
    { name: 'a cost line with amount and unit cost', change: { ...yearly, costModel: { base: [{ label: 'Pay', amount: 1, unitCost: 2 }] } }, field: 'costModel.base.0', message: /either amount/ },
    { name: 'negative funding', change: { ...yearly, fundingSources: [{ source: 'NHSE', amounts: [-1, 0] }] }, field: 'fundingSources.0.amounts.0', message: /not be negative/ },
    { name: 'a hand schedule with no cost model', change: { handSchedule: { label: 'Sheet', entries: [{ year: '2017/18', amount: 1 }] } }, field: 'costModel', message: /cost model/ },
    { name: 'a financial year that is not one', change: { period: { financialYears: ['2018/20'] } }, field: 'period.financialYears.0', message: /2018\/19/ },
  ])('refuses $name, naming $field', ({ change, field, message }) => {
    const problems = problemsOf({ ...base, ...change });
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.find((p) => p.field === field)?.message).toMatch(message);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ ...base, fee: { percent: 150 }, shared: { unit: 'appointments', quantity: -5 } })).toHaveLength(2);
  });

  it('is one schema the API can also use: a parsed definition parses again to itself', () => {
    const parsed = parseSchemeDefinition({ ...base, ...yearly });
    expect(schemeDefinitionSchema.parse(parsed)).toEqual(parsed);
  });
});
