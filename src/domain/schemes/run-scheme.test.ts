import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { weighPractices } from './apportion.js';
import { buildMultiYearSchedule, yearKey } from './multi-year.js';
import { footingNote, runScheme } from './run-scheme.js';
import { loadExample, makeDefinition, makePractice } from '../../../test/support/scheme-seeds.js';

describe('runScheme', () => {
  it('runs the winter scheme: allocation, payments, footing notes, warnings; no schedule', () => {
    const run = runScheme(loadExample('winter-access-2017-18'));
    expect(run.scheme).toMatchObject({ id: 'winter-access-2017-18', version: 1, basis: 'list_size' });
    expect([run.allocation.rows.length, run.payments?.rows.length, run.multiYear, run.year1Schedule, run.differences, run.reallocation]).toEqual([31, 31, null, null, null, null]);
    expect(run.footing.map((f) => [f.column, f.footingDifference])).toEqual(
      expect.arrayContaining([
        ['appointments', -1],
        ['delivered_cost', 300],
        ['grand_total', -100],
      ]),
    );
    expect(run.statements).toHaveLength(31);
  });

  it('runs the pharmacist scheme: schedule and differences, no payments', () => {
    const run = runScheme(loadExample('clinical-pharmacists-2018'));
    expect([run.payments, run.multiYear?.years.length, run.differences?.totalDifferencePence]).toEqual([null, 4, -2138600]);
  });

  it('offers the pharmacist scheme’s other schedule, at the year-1 cost, with footing notes that say which schedule they are', () => {
    const input = loadExample('clinical-pharmacists-2018');
    const run = runScheme(input);
    const withoutUplift = buildMultiYearSchedule(input.definition, weighPractices(input.practices, input.definition.apportionment), { withoutUplift: true });
    expect([run.multiYear?.basis.kind, run.year1Schedule?.basis.kind]).toEqual(['uplifted_cost', 'year_1_cost']);
    expect(run.year1Schedule?.practices.map((p) => p.totalPence)).toEqual(withoutUplift.practices.map((p) => p.totalPence));
    const notes = run.footing.filter((f) => f.table === 'year_1_schedule');
    expect(notes.map((f) => f.column)).toEqual([...input.definition.period.financialYears!.map((y) => `contribution_${yearKey(y)}`), 'contribution_total']);
    expect(notes.every((f) => f.note.startsWith('schedule at year-1 cost, '))).toBe(true);
  });

  it('offers no other schedule where no uplift makes one', () => {
    const { definition, practices } = loadExample('clinical-pharmacists-2018');
    const run = runScheme({ definition: { ...definition, costModel: { ...definition.costModel!, annualUpliftPercent: 0 } }, practices });
    expect([run.multiYear?.basis, run.year1Schedule]).toEqual([{ kind: 'uplifted_cost', label: 'cost less NHS England funding' }, null]);
  });

  it('reallocates the allocation of practices whose return says they did not take part, when asked', () => {
    const run = runScheme({ ...loadExample('winter-access-2017-18'), reallocateDeclined: true });
    expect(run.reallocation?.rows.filter((r) => r.reason === 'declined').map((r) => r.practiceName)).toEqual(['Severn Surgery', 'Narborough Health Centre', 'Enderby Medical Centre']);
  });

  it('uses a hand schedule written inside the definition', () => {
    const { definition, practices } = loadExample('clinical-pharmacists-2018');
    const entries = ['2018/19', '2019/20', '2020/21', '2021/22'].map((year, i) => ({ year, amount: [93860, 120860, 147860, 180860][i]! }));
    const run = runScheme({ definition: { ...definition, handSchedule: { label: 'Inline', entries } }, practices });
    expect(run.differences?.totalDifferencePence).toBe(-2138600);
  });

  it.each([
    { name: 'no practice takes part', practices: [makePractice({ participation: 'no' })], message: /no participating practices/ },
    { name: 'a practice has no list size', practices: [makePractice({ name: 'Blank Surgery', listSize: undefined })], message: /share the scheme out/ },
  ])('refuses a run where $name', ({ practices, message }) => {
    expect(() => runScheme({ definition: makeDefinition(), practices })).toThrow(AppError);
    expect(() => runScheme({ definition: makeDefinition(), practices })).toThrow(message);
  });

  it('notes practices that have not confirmed they take part', () => {
    const run = runScheme({ definition: makeDefinition(), practices: [makePractice({ name: 'Maybe Surgery', participation: 'unknown' })] });
    expect(run.warnings).toEqual([expect.objectContaining({ code: 'participation_unknown', message: 'Maybe Surgery has not confirmed it is taking part; it is included in the allocation' })]);
  });

  it.each([
    { column: 'appointments', total: 5100, rows: 5099, difference: -1, money: false, note: 'appointments (rows half-up to a whole number): total 5,100; the rounded rows add up to 5,099 (1 less)' },
    { column: 'delivered_cost', total: 6668900, rows: 6669200, difference: 300, money: true, note: 'delivered cost (rows half-up to a whole pound): total £66,689; the rounded rows add up to £66,692 (£3 more)' },
    { column: 'grand_total', total: 7002400, rows: 7002300, difference: -100, money: true, note: 'total to invoice (rows half-up to a whole pound): total £70,024; the delivered cost and fee as shown add up to £70,023 (£1 less)' },
  ])('footing note for $column', ({ column, total, rows, difference, money, note }) => {
    const rule = money ? 'half_up_pound' : 'half_up_whole';
    expect(footingNote('payments', { column, total, sumOfRoundedRows: rows, footingDifference: difference, money, exact: '0', rowRule: rule, totalsRule: 'round_unrounded_sum' }).note).toBe(note);
  });
});
