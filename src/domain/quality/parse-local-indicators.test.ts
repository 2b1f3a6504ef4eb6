import { describe, expect, it } from 'vitest';
import { parseLocalIndicators } from './parse-local-indicators.js';

const header = 'indicator_code,indicator_name,unit,polarity,minimum,target,practice_code,period,numerator,denominator';
const same = 'SAME_DAY,Same-day appointments,proportion,higher,30,40';
const csv = (...rows: string[]) => [header, ...rows].join('\r\n');

describe('local indicators CSV', () => {
  it('reads definitions, thresholds and monthly figures as percentages', () => {
    const parsed = parseLocalIndicators(csv(`${same},C82001,2024-04,25,100`, `${same},C82001,2024-05,30,100`), 'local.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.indicators).toEqual([{ code: 'SAME_DAY', name: 'Same-day appointments', numeratorDefinition: null, denominatorDefinition: null, unit: 'proportion', polarity: 'higher', source: 'Local indicators (local.csv)', cadence: 'month' }]);
    expect(parsed.thresholds).toEqual([{ indicatorCode: 'SAME_DAY', minimum: 30, target: 40 }]);
    expect(parsed.values.map((v) => [v.period, v.value])).toEqual([
      ['2024-04-01', 25],
      ['2024-05-01', 30],
    ]);
  });

  it.each([
    ['a numerator over its denominator', `${same},C82001,2024-04,120,100`, 9, 'numerator 120 is more than denominator 100'],
    ['a zero denominator', `${same},C82001,2024-04,0,0`, 10, 'denominator is 0'],
    ['a period that is not a month', `${same},C82001,April 2024,1,100`, 8, "period 'April 2024' must be a month"],
    ['an unknown unit', 'SAME_DAY,Same-day appointments,percent,higher,30,40,C82001,2024-04,1,100', 3, "unit 'percent'"],
    ['a minimum over 100%', 'SAME_DAY,Same-day appointments,proportion,higher,150,90,C82001,2024-04,1,100', 5, "SAME_DAY’s minimum must be a percentage from 0 to 100 (it is 150)"],
    ['a target on the worse side of the minimum', 'SAME_DAY,Same-day appointments,proportion,higher,40,30,C82001,2024-04,1,100', 6, "SAME_DAY’s target must be at least the minimum (40), since a higher figure is better"],
    ['a number that is not one', `${same},C82001,2024-04,ten,100`, 9, "numerator 'ten' is not a number"],
  ])('rejects %s, naming line and column', (_what, row, column, message) => {
    const parsed = parseLocalIndicators(csv(row), 'local.csv');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'local.csv', line: 2, column });
    expect(parsed.problems[0]!.message).toContain(message);
  });

  it('rejects a practice’s second figure for a month, and definitions that disagree', () => {
    const parsed = parseLocalIndicators(csv(`${same},C82001,2024-04,25,100`, `${same},C82001,2024-04,26,100`, 'SAME_DAY,Another name,proportion,higher,30,40,C82002,2024-04,1,100'), 'local.csv');
    expect(parsed.problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'C82001 has a second SAME_DAY figure for 2024-04 (first on line 2)'],
      [4, "SAME_DAY’s name, unit, polarity, definitions or thresholds differ from line 2; they must be the same on every row of an indicator"],
    ]);
  });

  it('lists every problem of a file at once: a duplicate month beside a bad figure, a code atscale keeps for itself once', () => {
    const qof = 'QOF_PREV_HYP,Hypertension,proportion,higher,,';
    const parsed = parseLocalIndicators(
      csv(`${same},C82001,2024-04,25,100`, `${same},C82001,2024-04,120,100`, `${same},C82001,2024-13,1,100`, `${qof},C82001,2024-04,1,100`, `${qof},C82001,2024-05,1,100`),
      'local.csv',
    );
    expect(parsed.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, 9, 'C82001 SAME_DAY 2024-04: numerator 120 is more than denominator 100, which a proportion cannot be'],
      [3, 8, 'C82001 has a second SAME_DAY figure for 2024-04 (first on line 2)'],
      [4, 8, "period '2024-13' must be a month written as 2024-03"],
      [5, 1, 'indicator code QOF_PREV_HYP is kept for figures atscale imports itself; choose another code'],
    ]);
  });

  it('takes counts and minutes as a value without a denominator', () => {
    const parsed = parseLocalIndicators('indicator_code,indicator_name,unit,polarity,practice_code,period,numerator,denominator,value\nWAIT,Wait for a routine appointment,minutes,lower,C82001,2024-04,,,12.5\n', 'local.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.values[0]).toMatchObject({ value: 12.5, numerator: null, denominator: null });
  });
});
