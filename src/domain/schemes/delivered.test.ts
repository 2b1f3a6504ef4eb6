import { describe, expect, it } from 'vitest';
import { asksSameReturns, otherCollectingVersion, readDeliveredTable, resolveDeliveredEntries, type DeliveredEntry } from './delivered.js';
import { csv, makeDefinition, makePractice, problemsOf } from '../../../test/support/scheme-seeds.js';

const practices = [
  makePractice({ key: 'C82067', name: 'The Croft Medical Centre', odsCode: 'C82067' }),
  makePractice({ key: 'C82013', name: 'Bushloe Surgery', odsCode: 'C82013' }),
];
const definition = makeDefinition();
const header = 'practice,takes_part,nurse_appointments_delivered,gp_appointments_delivered\n';

describe('readDeliveredTable', () => {
  it('reads returns by name or ODS code; blank figures are no return', () => {
    const returns = readDeliveredTable(csv('d.csv', `${header}The Croft Medical Centre,Yes,0,81\nc82013,?,,\n`), practices, definition);
    expect(returns).toEqual([
      { practiceKey: 'C82067', takesPart: 'yes', units: { nurse: 0, gp: 81 }, source: { file: 'd.csv', line: 2 } },
      { practiceKey: 'C82013', takesPart: 'unknown', units: { nurse: null, gp: null }, source: { file: 'd.csv', line: 3 } },
    ]);
  });

  it('accepts a model column named <id>_delivered or as the model says', () => {
    const custom = makeDefinition({ deliveryModels: [{ id: 'gp', name: 'GP', unitRate: 15, deliveredColumn: 'GP appts' }] });
    expect(readDeliveredTable(csv('d.csv', 'practice,GP appts\nBushloe Surgery,3\n'), practices, custom)[0]!.units).toEqual({ gp: 3 });
  });

  it.each([
    { name: 'an unknown practice', row: 'Bushlow Surgery,Yes,1,1', column: 1, message: 'practice "Bushlow Surgery" is not one of this scheme’s practices (column "practice")' },
    { name: 'negative activity', row: 'Bushloe Surgery,Yes,-4,1', column: 3, message: 'Nurse activity "-4" must not be negative (column "nurse_appointments_delivered")' },
    { name: 'non-numeric activity', row: 'Bushloe Surgery,Yes,1,lots', column: 4, message: 'GP activity "lots" is not a number (column "gp_appointments_delivered")' },
    { name: 'part of an appointment', row: 'Bushloe Surgery,Yes,1.5,1', column: 3, message: 'Nurse activity "1.5" must be a whole number of appointments (column "nurse_appointments_delivered")' },
    { name: 'a bad take-part flag', row: 'Bushloe Surgery,Maybe,1,1', column: 2, message: '"Maybe" should be Yes, No or ? (column "takes_part")' },
    { name: 'a blank practice', row: ',Yes,1,1', column: 1, message: 'the practice is blank (column "practice")' },
    { name: 'a figure no practice delivers', row: 'Bushloe Surgery,Yes,1000001,1', column: 3, message: 'Nurse activity "1000001" must be at most 1,000,000 (column "nurse_appointments_delivered")' },
    { name: 'activity from a practice that says it did not take part', row: 'Bushloe Surgery,No,0,12', column: 2, message: 'the return says the practice did not take part, but has GP activity: choose Yes, or leave the figures blank (column "takes_part")' },
  ])('refuses $name, naming file, line and column', ({ row, column, message }) => {
    expect(problemsOf(() => readDeliveredTable(csv('d.csv', `${header}The Croft Medical Centre,Yes,0,81\n${row}\n`), practices, definition))).toEqual([{ file: 'd.csv', line: 3, column, message }]);
  });

  it('refuses a practice returned twice', () => {
    const [problem] = problemsOf(() => readDeliveredTable(csv('d.csv', `${header}Bushloe Surgery,Yes,1,1\nC82013,Yes,1,1\n`), practices, definition));
    expect(problem).toMatchObject({ line: 3, message: expect.stringMatching(/already has a return on line 2/) });
  });

  it('refuses a table with no column for a delivery model', () => {
    const [problem] = problemsOf(() => readDeliveredTable(csv('d.csv', 'practice,nurse_appointments_delivered\nBushloe Surgery,1\n'), practices, definition));
    expect(problem).toMatchObject({ file: 'd.csv', line: 1, message: expect.stringMatching(/no column for GP/) });
  });

  it('collects every problem, not just the first', () => {
    expect(problemsOf(() => readDeliveredTable(csv('d.csv', `${header}Nowhere,Yes,1,1\nBushloe Surgery,Yes,-1,x\n`), practices, definition))).toHaveLength(3);
  });
});

describe('resolveDeliveredEntries (the API route)', () => {
  it.each<{ name: string; entries: DeliveredEntry[]; field: string }>([
    { name: 'an unknown practice', entries: [{ practice: 'Nowhere', units: { gp: 1 } }], field: 'delivered.0.practice' },
    { name: 'an unknown model', entries: [{ practice: 'C82013', units: { physio: 1 } }], field: 'delivered.0.units.physio' },
    { name: 'part of an appointment', entries: [{ practice: 'C82013', units: { gp: 1.5 } }], field: 'delivered.0.units.gp' },
    { name: 'a practice twice', entries: [{ practice: 'C82013', units: {} }, { practice: 'Bushloe Surgery', units: {} }], field: 'delivered.1.practice' },
    { name: 'a figure too large to be real', entries: [{ practice: 'C82013', units: { gp: 99999999999999999999 } }], field: 'delivered.0.units.gp' },
    { name: 'activity claimed with a no', entries: [{ practice: 'C82013', takesPart: 'no', units: { gp: 50 } }], field: 'delivered.0.takesPart' },
  ])('refuses $name at $field', ({ entries, field }) => {
    expect(problemsOf(() => resolveDeliveredEntries(entries, practices, definition)).map((p) => p.field)).toEqual([field]);
  });

  it('takes a no with no figures, or with noughts', () => {
    expect(resolveDeliveredEntries([{ practice: 'C82013', takesPart: 'no', units: { nurse: 0, gp: null } }], practices, definition)[0]).toMatchObject({ takesPart: 'no', units: { nurse: 0, gp: null } });
  });

  it('accepts good entries', () => {
    expect(resolveDeliveredEntries([{ practice: 'C82013', takesPart: 'yes', units: { gp: 2 } }], practices, definition)[0]).toMatchObject({ practiceKey: 'C82013', units: { nurse: null, gp: 2 } });
  });
});

describe('asksSameReturns', () => {
  const models = definition.deliveryModels;
  it.each([
    { name: 'other rates and a fee', other: { deliveryModels: models.map((m) => ({ ...m, hourlyRate: 60 })), fee: { percent: 4 } }, same: true },
    { name: 'the same models in another order', other: { deliveryModels: [...models].reverse() }, same: true },
    { name: 'a delivery model added', other: { deliveryModels: [...models, { id: 'hca', name: 'HCA', unitsPerHour: 6, hourlyRate: 20 }] }, same: false },
    { name: 'a delivery model dropped', other: { deliveryModels: models.slice(1) }, same: false },
    { name: 'hours instead of appointments', other: { shared: { unit: 'hours' as const, quantity: 600 } }, same: false },
    { name: 'a longer period', other: { period: { weeks: 12 } }, same: false },
    { name: 'dates given to the period', other: { period: { weeks: 8, start: '2018-01-01' } }, same: false },
  ])('$name: same returns $same', ({ other, same }) => {
    expect(asksSameReturns(definition, makeDefinition(other))).toBe(same);
  });
});

describe('otherCollectingVersion', () => {
  const versions = (...statuses: string[]) => statuses.map((status, i) => ({ version: i + 1, status }));
  it.each([
    { name: 'the version in force, with a draft after it', versions: versions('superseded', 'approved', 'draft'), recordedOn: 2, other: 3 },
    { name: 'the draft', versions: versions('superseded', 'approved', 'draft'), recordedOn: 3, other: 2 },
    { name: 'a superseded version', versions: versions('superseded', 'approved', 'draft'), recordedOn: 1, other: undefined },
    { name: 'the version in force, with no draft', versions: versions('superseded', 'approved'), recordedOn: 2, other: undefined },
    { name: 'a draft never approved', versions: versions('draft'), recordedOn: 1, other: undefined },
  ])('$name: the other is $other', ({ versions: all, recordedOn, other }) => {
    expect(otherCollectingVersion(all, recordedOn)?.version).toBe(other);
  });
});
