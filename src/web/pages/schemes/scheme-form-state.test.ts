import { describe, expect, it } from 'vitest';
import { schemeDefinitionSchema } from '../../../domain/schemes/scheme-definition.js';
import { EXAMPLES, loadExampleDefinition, readRecords } from '../../../../test/support/scheme-seeds.js';
import { blank, definitionOf, type FormState, formProblems, ids, snapshotProblem, stateFrom } from './scheme-form-state.js';

const filled: FormState = { ...blank, name: 'Winter access', funder: 'NHS England', quantity: '1200', snapshot: { day: '1', month: '1', year: '2018' } };
const members = [{ odsCode: 'C82001' }, { odsCode: 'C82002' }];

describe('the scheme form', () => {
  it.each(['winter-access-2017-18', 'clinical-pharmacists-2018'])('opens %s as its terms and sends them back as they were', (name) => {
    // As stored: the practices inline, not in a file beside the definition.
    const example = loadExampleDefinition(name);
    const inline = readRecords(`${EXAMPLES}${name}-practices.csv`).map((r) => ({ name: r.practice!, odsCode: r.ods_code!, listSize: Number(r.list_size), participation: 'yes' as const }));
    const definition = { ...example, practices: inline };
    const state = stateFrom(definition, 1);
    expect(formProblems(state, null, definition)).toEqual([]);
    const sent = schemeDefinitionSchema.parse(definitionOf(state, null, definition));
    expect(sent).toMatchObject({ name: definition.name, funder: definition.funder, shared: definition.shared, apportionment: { basis: definition.apportionment.basis } });
    expect(sent.deliveryModels).toEqual(definition.deliveryModels);
    expect(sent.practices).toEqual(inline);
    expect(sent.costModel).toEqual(definition.costModel);
    expect(sent.fee).toEqual(definition.fee);
  });

  it('sends no practices for a new scheme with every member ticked: the registry supplies them', () => {
    expect(definitionOf(filled, [{ odsCode: 'C82001', name: 'Kibworth' }], null).practices).toBeUndefined();
    expect(definitionOf({ ...filled, excluded: ['C82002'] }, [{ odsCode: 'C82001', name: 'Kibworth' }, { odsCode: 'C82002', name: 'Other' }], null).practices).toEqual([{ name: 'Kibworth', odsCode: 'C82001' }]);
  });

  it.each<{ what: string; change: Partial<FormState>; field: string; message: string }>([
    { what: 'a blank name', change: { name: ' ' }, field: ids.name, message: 'Enter the scheme’s name' },
    { what: 'no funder', change: { funder: '' }, field: ids.funder, message: 'Enter who funds the scheme' },
    { what: 'a quantity of 0', change: { quantity: '0' }, field: ids.quantity, message: 'Enter how much is shared, as a number more than 0' },
    { what: 'a fee over 100%', change: { feePercent: '120' }, field: ids.fee, message: 'Enter the fee as a percentage from 0 to 100' },
    { what: 'a length of 0 weeks', change: { weeks: '0' }, field: ids.weeks, message: 'Enter the length in weeks as a whole number more than 0, or leave it blank' },
    { what: 'a length of 2.5 weeks', change: { weeks: '2.5' }, field: ids.weeks, message: 'Enter the length in weeks as a whole number more than 0, or leave it blank' },
    { what: 'a negative hourly rate', change: { models: [{ name: 'Nurse', unitsPerHour: '4', hourlyRate: '-5' }] }, field: ids.model(0, 'hourlyRate'), message: 'Hourly rate for Nurse must be a number more than 0' },
    { what: 'fixed shares short of 100%', change: { basis: 'fixed', fixedShares: { C82001: '40', C82002: '50' } }, field: 'scheme-fixed-shares', message: 'The fixed shares must add up to 100%; they add up to 90%' },
    { what: 'a fixed share left blank', change: { basis: 'fixed', fixedShares: { C82001: '100' } }, field: 'scheme-fixed-shares', message: 'Give every practice taking part a share between 0 and 100' },
    { what: 'appointments at a rate per patient', change: { per: 'patient' }, field: ids.per, message: 'A rate for each registered patient is money: choose Pounds as the unit' },
    { what: 'a rate per patient shared equally', change: { per: 'patient', unit: 'gbp', basis: 'equal' }, field: ids.basis, message: 'A rate for each registered patient is shared by registered list size: choose that, or share a sum' },
  ])('names the field for $what', ({ change, field, message }) => {
    expect(formProblems(filled, members, null)).toEqual([]);
    expect(formProblems({ ...filled, ...change }, members, null)).toEqual([{ field, message }]);
  });

  it('sends a rate for each registered patient as the quantity, to be multiplied by the lists at the snapshot', () => {
    const rate: FormState = { ...filled, unit: 'gbp', per: 'patient', quantity: '0.50' };
    expect(formProblems(rate, members, null)).toEqual([]);
    expect(schemeDefinitionSchema.parse(definitionOf(rate, null, null)).shared).toEqual({ unit: 'gbp', quantity: 0.5, per: 'patient' });
  });

  it('sends money shared per head to the penny, with no delivery models or fee, whatever the hidden fields hold', () => {
    const money: FormState = { ...filled, unit: 'gbp', quantity: '32725.50', feePercent: '5', models: [{ name: 'Nurse', unitsPerHour: '4', hourlyRate: '-1' }] };
    expect(formProblems(money, members, null)).toEqual([]);
    const sent = schemeDefinitionSchema.parse(definitionOf(money, null, null));
    expect(sent).toMatchObject({ shared: { unit: 'gbp', quantity: 32_725.5 }, deliveryModels: [], rounding: { quantity: 'largest_remainder_2dp' } });
    expect(sent.fee).toBeUndefined();
  });

  it('asks a new scheme for its list-size snapshot date', () => {
    const problems = formProblems({ ...filled, snapshot: { day: '', month: '', year: '' } }, members, null);
    expect(problems.map((p) => p.field)).toEqual([expect.stringContaining('scheme-snapshot')]);
  });
});

describe('the snapshot date’s problem in the preview', () => {
  const practices = [
    { odsCode: 'M85048', displayName: 'Church Road Surgery', locality: null, listSize: 9000 },
    { odsCode: 'M81062', displayName: 'Closing Surgery', locality: null, listSize: null },
  ];
  const problem = '1 practice has no list size on 1 April 2025';
  it.each([
    ['a practice without a list size still takes part', [], problem],
    ['every practice without a list size is left out', ['M81062'], null],
    ['the date holds list sizes for every practice', [], null, null],
  ])('%s', (_case, excluded, shown, given: string | null = problem) => {
    expect(snapshotProblem({ problem: given, practices }, excluded)).toBe(shown);
  });
});
