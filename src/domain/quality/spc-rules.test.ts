import { describe, expect, it } from 'vitest';
import { classifySpecialCauses, membersOfRuns, membersOfTwoOfThree, pointTypeFor, runEnds, trendEnds, twoOfThreeWindows } from './spc-rules.js';

// Tables ported from nhs-r-community/NHSRplotthedots tests/testthat/test-ptd_calculate_point_type.R
// @ 050b07d7eacc011767532732f69b8fd7d6a28fd3 (their R results, written 0/1; ours are booleans or ±1).
const bools = (xs: number[]) => xs.map((x) => x === 1);
const rep = (x: number, n: number) => Array<number>(n).fill(x);

describe('runEnds (ptd_seven_point_one_side_mean)', () => {
  it.each([
    [[], []],
    [rep(1, 6), rep(0, 6)],
    [[...rep(1, 6), -1], rep(0, 7)],
    [[...rep(1, 8), -1], [0, 0, 0, 0, 0, 0, 1, 1, 0]],
    [[...rep(-1, 8), 1], [0, 0, 0, 0, 0, 0, 1, 1, 0]],
  ])('%j → %j', (sides, expected) => expect(runEnds(sides)).toEqual(expected));

  it('a point on the mean breaks a run', () => expect(runEnds([1, 1, 1, 0, 1, 1, 1, 1])).toEqual(rep(0, 8)));
});

describe('membersOfRuns (ptd_part_of_seven_trend)', () => {
  it.each([
    [[], []],
    [rep(0, 6), rep(0, 6)],
    [[...rep(0, 6), 1, 0], [...rep(1, 7), 0]],
    [[...rep(0, 7), 1, 0], [0, ...rep(1, 7), 0]],
    [[...rep(0, 6), -1, 0], [...rep(1, 7), 0]],
    [[...rep(0, 7), -1, 0], [0, ...rep(1, 7), 0]],
  ])('%j → %j', (ends, expected) => expect(membersOfRuns(ends)).toEqual(bools(expected)));
});

describe('trendEnds (ptd_seven_point_trend)', () => {
  it.each([
    [[], []],
    [[1, 2, 3, 4, 5, 6], rep(0, 6)],
    [[1, 2, 3, 3, 4, 5, 6], rep(0, 7)],
    [[1, 2, 3, 4, 5, 6, 7], [0, 0, 0, 0, 0, 0, 1]],
    [[2, 1, 2, 3, 4, 5, 6, 7, 3], [0, 0, 0, 0, 0, 0, 0, 1, 0]],
    [[7, 6, 5, 4, 3, 2, 1], [0, 0, 0, 0, 0, 0, -1]],
    [[2, 7, 6, 5, 4, 3, 2, 1, 3], [0, 0, 0, 0, 0, 0, 0, -1, 0]],
  ])('%j → %j', (values, expected) => expect(trendEnds(values)).toEqual(expected));
});

describe('twoOfThreeWindows (ptd_two_in_three)', () => {
  const same = (n: number) => rep(1, n);
  it.each([
    [[1, 0, 1], same(3), [1, 1, 1]],
    [[0, 1, 1], same(3), [1, 1, 1]],
    [[1, 1, 0], same(3), [1, 1, 1]],
    [[0, 0, 1, 0, 1, 0, 0], same(7), [0, 0, 1, 1, 1, 0, 0]],
    [[0, 0, 1, 1, 0, 0, 0], same(7), [0, 1, 1, 1, 1, 0, 0]],
    // points on opposite sides of the mean never qualify (their fix for issue #143)
    [[1, 0, 1], [1, -1, 1], [0, 0, 0]],
    [[0, 1, 1], [1, -1, 1], [0, 0, 0]],
    [[1, 1, 0], [1, -1, 1], [0, 0, 0]],
    [[0, 0, 1, 0, 1, 0, 0], [1, -1, 1, -1, 1, -1, 1], rep(0, 7)],
    [[0, 0, 1, 1, 0, 0, 0], [-1, 1, -1, 1, -1, 1, -1], rep(0, 7)],
  ])('close %j, sides %j → %j', (close, sides, expected) => expect(twoOfThreeWindows(bools(close), sides)).toEqual(bools(expected)));
});

describe('membersOfTwoOfThree (ptd_part_of_two_in_three)', () => {
  it.each([
    [[1, 0, 1], [1, 0, 1]],
    [[0, 1, 1], [0, 1, 1]],
    [[1, 1, 0], [1, 1, 0]],
    [[0, 0, 1, 0, 1, 0, 0], [0, 0, 1, 0, 1, 0, 0]],
    [[0, 0, 1, 1, 0, 0, 0], [0, 0, 1, 1, 0, 0, 0]],
    [[1, 0, 0, 1], [0, 0, 0, 0]],
    [[1, 0, 0, 1, 1], [0, 0, 0, 1, 1]],
  ])('close %j → marked %j (only the close points)', (close, expected) =>
    expect(membersOfTwoOfThree(bools(close), rep(1, close.length))).toEqual(bools(expected)),
  );
});

describe('classifySpecialCauses (ptd_special_cause_type)', () => {
  it('ranks limit breaches over trends over two-of-three over runs', () => {
    // 9 points rising past the limit, all above the mean and two near the limit: the breach wins at
    // the last point and the trend covers the rest (the case_when order of ptd_special_cause_type).
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 20];
    const rules = classifySpecialCauses({
      values,
      sides: rep(1, 9),
      outsideLimits: bools([0, 0, 0, 0, 0, 0, 0, 0, 1]),
      closeToLimits: bools([0, 0, 0, 0, 0, 0, 1, 1, 0]),
    });
    expect(rules).toEqual([...rep(0, 8).map(() => 'trend_increasing'), 'beyond_upper_limit']);
  });

  it('labels two-of-three and run points by side, and leaves the rest common cause', () => {
    const rules = classifySpecialCauses({
      values: [0, 5, 0, 5, -1, -1, -1, -1, -1, -1, -1, 0],
      sides: [1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1, 0],
      outsideLimits: rep(0, 12).map(() => false),
      closeToLimits: bools([0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]),
    });
    expect(rules).toEqual(['common_cause', 'two_of_three_high', 'common_cause', 'two_of_three_high', ...rep(0, 7).map(() => 'run_below_mean'), 'common_cause']);
  });

  it('takes a trend point’s direction from its right-hand step when the next point is in a trend too', () => {
    // ptd_special_cause_type's sdy: the first point of a falling trend is "Decreasing" too.
    const values = [10, 9, 8, 7, 6, 5, 4];
    const rules = classifySpecialCauses({ values, sides: rep(0, 7), outsideLimits: rep(0, 7).map(() => false), closeToLimits: rep(0, 7).map(() => false) });
    expect(rules).toEqual(rep(0, 7).map(() => 'trend_decreasing'));
  });
});

describe('pointTypeFor (ptd_point_type)', () => {
  it.each([
    ['beyond_upper_limit', 'increase', 'special_cause_improvement'],
    ['beyond_upper_limit', 'decrease', 'special_cause_concern'],
    ['trend_decreasing', 'increase', 'special_cause_concern'],
    ['two_of_three_low', 'decrease', 'special_cause_improvement'],
    ['run_above_mean', 'neutral', 'special_cause_neutral_high'],
    ['run_below_mean', 'neutral', 'special_cause_neutral_low'],
    ['common_cause', 'neutral', 'common_cause'],
    ['common_cause', 'increase', 'common_cause'],
  ] as const)('%s with improvement %s → %s', (rule, improvement, expected) => expect(pointTypeFor(rule, improvement)).toBe(expected));
});
