import { describe, expect, it } from 'vitest';
import { weighPractices } from './apportion.js';
import { compareHandSchedule } from './differences.js';
import type { HandSchedule, HandScheduleEntry } from './hand-schedule.js';
import { buildMultiYearSchedule } from './multi-year.js';
import { participatingPractices } from './practices.js';
import { loadExample } from '../../../test/support/scheme-seeds.js';

const input = loadExample('clinical-pharmacists-2018');
const apportionment = weighPractices(participatingPractices(input.practices), input.definition.apportionment);
const model = buildMultiYearSchedule(input.definition, apportionment);
const years = ['2018/19', '2019/20', '2020/21', '2021/22'];
const totals = (amounts: number[]): HandScheduleEntry[] => amounts.map((amount, i) => ({ year: years[i]!, practiceKey: null, amountPence: amount * 100 }));
const compare = (entries: HandScheduleEntry[]) => compareHandSchedule(input.definition, apportionment, model, { label: 'Hand schedule', description: null, entries } satisfies HandSchedule);

describe("compareHandSchedule: the federation's 2018 spreadsheet", () => {
  const result = compare(input.handSchedule!.entries);

  it('falls £21,386 short of the cost model over four years, because it leaves out the uplift', () => {
    expect(result.totalDifferencePence).toBe(-2138600);
    expect(result.rows.find((r) => r.scope === 'scheme')).toMatchObject({ handPence: 54344000, modelPence: 56482600, cause: 'no_uplift' });
    expect(result.summary).toMatch(/£543,440 over 4 years, £21,386 short of the cost model’s £564,826: it leaves out the 2% annual uplift on Clinical pharmacists/);
  });

  it('gives each row its cause in words without the figures, and a sentence with them for where they are not shown', () => {
    const scheme = result.rows.find((r) => r.scope === 'scheme')!;
    expect(scheme.reason).toBe('It leaves out the 2% annual uplift on Clinical pharmacists (it uses the year-1 cost in every year)');
    expect(scheme.explanation).toBe("£543,440 is £21,386 short of the cost model’s £564,826: it leaves out the 2% annual uplift on Clinical pharmacists (it uses the year-1 cost in every year)");
    expect(result.rows.find((r) => r.scope === 'year' && r.year === '2018/19')).toMatchObject({ reason: 'Agrees with the cost model', explanation: 'agrees with the cost model' });
    const shared = result.rows.find((r) => r.scope === 'practice_year' && r.differencePence !== 0)!;
    expect(shared.reason).toMatch(/^It leaves out .* \(hand figure shared from the year total by list share\)$/);
    expect(shared.explanation).toMatch(/short of the cost model’s .*\(hand figure shared from the year total by list share\)$/);
  });

  it.each([
    { year: '2018/19', hand: 93860, model: 93860, difference: 0, cause: 'matches' },
    { year: '2019/20', hand: 120860, model: 124377, difference: -3517, cause: 'no_uplift' },
    { year: '2020/21', hand: 147860, model: 154965, difference: -7105, cause: 'no_uplift' },
    { year: '2021/22', hand: 180860, model: 191624, difference: -10764, cause: 'no_uplift' },
  ])('$year: hand £$hand, model £$model, difference £$difference ($cause)', ({ year, hand, model: modelPounds, difference, cause }) => {
    expect(result.rows.find((r) => r.scope === 'year' && r.year === year)).toMatchObject({ handPence: hand * 100, modelPence: modelPounds * 100, differencePence: difference * 100, cause });
  });

  it('shares the shortfall per practice: the practice rows over all years add to the whole', () => {
    const practiceRows = result.rows.filter((r) => r.scope === 'practice');
    expect(practiceRows).toHaveLength(11);
    expect(practiceRows.every((r) => r.cause === 'no_uplift' && r.differencePence < 0)).toBe(true);
    const oakham = practiceRows.find((r) => r.practiceName === 'Oakham Medical Practice')!;
    expect(oakham.differencePence).toBe(-366000);
    expect(Math.abs(practiceRows.reduce((a, r) => a + r.differencePence, 0) - result.totalDifferencePence)).toBeLessThanOrEqual(1100);
    const practiceYears = result.rows.filter((r) => r.scope === 'practice_year');
    expect(practiceYears).toHaveLength(44);
    expect(practiceYears.every((r) => r.handDerived)).toBe(true);
  });

  it.each([
    { name: 'no fixed lines (support left out)', amounts: [88860, 119377, 149965, 186624], cause: 'no_fixed_lines' },
    { name: 'no funding taken off', amounts: [180860, 184377, 187965, 191624], cause: 'no_funding' },
    { name: 'neither uplift nor fixed lines', amounts: [88860, 115860, 142860, 175860], cause: 'no_uplift_no_fixed_lines' },
    { name: 'a rounding slip', amounts: [93860, 124377, 154965, 191625], cause: 'rounding' },
    { name: 'a typing error', amounts: [93860, 124377, 154965, 119624], cause: 'unexplained' },
  ])('names the cause of $name', ({ amounts, cause }) => {
    const rows = compare(totals(amounts)).rows.filter((r) => r.scope === 'year' && r.differencePence !== 0);
    expect(rows.map((r) => r.cause)).toContain(cause);
  });

  it('agrees when the hand schedule is the model', () => {
    const same = compare(totals([93860, 124377, 154965, 191624]));
    expect(same.totalDifferencePence).toBe(0);
    expect(same.summary).toMatch(/agrees with the cost model in every year/);
  });

  it('checks a practice figure that is given, not shared', () => {
    const entries = [...totals([93860, 124377, 154965, 191624]), { year: '2018/19', practiceKey: 'C82010', amountPence: 1_000_000 }];
    const oakham = compare(entries).rows.find((r) => r.scope === 'practice_year' && r.practiceKey === 'C82010' && r.year === '2018/19')!;
    expect(oakham).toMatchObject({ handDerived: false, cause: 'unexplained', differencePence: 1_000_000 - 1_606_300 });
  });
});
