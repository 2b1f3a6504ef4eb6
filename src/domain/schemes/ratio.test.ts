import { describe, expect, it } from 'vitest';
import { Ratio, ratio, sumRatios } from './ratio.js';
import { exact } from './rounding.js';

describe('Ratio', () => {
  it.each([
    [12.5, '12.5'],
    ['1e-3', '0.001'],
    ['-0.25', '-0.25'],
    [0.1, '0.1'],
    [327255, '327255'],
    [exact('144.948434706879955997'), '144.948434706879955997'],
    [12345678901234567890n, '12345678901234567890'],
  ] as const)('reads %s exactly', (value, text) => {
    expect(ratio(value).toString()).toBe(text);
  });

  it('refuses what is not a finite number', () => {
    expect(() => ratio('twelve')).toThrow(/not a finite number/);
    expect(() => ratio(Number.NaN)).toThrow(/not a finite number/);
  });

  it('works exactly where floating point cannot: 95/6 three times is £47.50, 0.1 + 0.2 is 0.3', () => {
    const third = ratio(95).div(6);
    expect(third.plus(third).plus(third).toString()).toBe('47.5');
    expect(ratio(0.1).plus(0.2).equals(0.3)).toBe(true);
    expect(ratio(81).times(95).div(6).roundHalfUp(0).toString()).toBe('1283');
  });

  it('writes a repeating figure to 60 significant digits, as decimal.js does for one division', () => {
    expect(ratio(5100).times(9301).div(327255).toString()).toBe(exact(5100).times(9301).div(327255).toString());
    expect(ratio(1).div(3).toString()).toBe(exact(1).div(3).toString());
    expect(ratio(1).div(300_000_000).toString()).toBe(exact(1).div(300_000_000).toString());
  });

  it.each([
    ['1282.5', 0, '1283'],
    ['-2.5', 0, '-3'],
    ['2.675', 2, '2.68'],
    ['1.005', 2, '1.01'],
    ['-1.004', 2, '-1'],
    ['12.47', 0, '12'],
  ])('rounds %s half-up to %i places: %s', (value, places, expected) => {
    expect(ratio(value).roundHalfUp(places).toString()).toBe(expected);
  });

  it.each([
    ['2.679', 2, '2.67'],
    ['-2.671', 2, '-2.68'],
    ['7', 0, '7'],
  ])('floors %s to %i places: %s', (value, places, expected) => {
    expect(ratio(value).roundHalfUp(places, 'floor').toString()).toBe(expected);
  });

  it('moves to BigInt when the figures outgrow safe integers, and back when they fit', () => {
    const big = ratio(Number.MAX_SAFE_INTEGER).times(1000);
    expect(typeof big.n).toBe('bigint');
    expect(big.toString()).toBe('9007199254740991000');
    const back = big.div(1000);
    expect([typeof back.n, back.toString()]).toEqual(['number', String(Number.MAX_SAFE_INTEGER)]);
    expect(ratio(Number.MAX_SAFE_INTEGER).plus(Number.MAX_SAFE_INTEGER).toString()).toBe('18014398509481982');
    expect(ratio('0.000000000000000001').times(3).roundHalfUp(17, 'floor').toString()).toBe('0');
  });

  it('compares, negates and raises to whole powers', () => {
    expect([ratio(1).div(3).comparedTo(0.33), ratio(-1).comparedTo(0), ratio(2).comparedTo(ratio(4).div(2))]).toEqual([1, -1, 0]);
    expect(ratio('1.02').pow(3).toString()).toBe('1.061208');
    expect(ratio(2).pow(-2).toString()).toBe('0.25');
    expect(ratio(-3).abs().toString()).toBe('3');
    expect(() => ratio(1).div(0)).toThrow(RangeError);
  });

  it('adds a column of shares of one total without growing the denominator', () => {
    const shares = [9301, 10451, 24536].map((list) => ratio(600).times(list).div(44288));
    const total = sumRatios(shares);
    expect(total.toString()).toBe('600');
    expect(sumRatios([])).toBe(Ratio.ZERO);
  });

  it('writes fixed places half-up and serialises as its decimal', () => {
    expect(ratio(5100).times(9301).div(327255).toFixed(6)).toBe('144.948435');
    expect(JSON.stringify({ value: ratio(12.5) })).toBe('{"value":"12.5"}');
  });

  // 10^17 is past the largest safe integer (about 9.007 × 10^15): these go through the bigint arithmetic.
  const big = 10n ** 17n;

  it.each([
    // value, places, half-up, floor
    ['2.5', 0, '3', '2'],
    ['2.4999', 0, '2', '2'],
    ['-2.5', 0, '-3', '-3'],
    ['-2.4', 0, '-2', '-3'],
    ['-2', 0, '-2', '-2'],
    ['1.005', 2, '1.01', '1'],
    // More places than a float can scale safely: the bigint path.
    ['0.12345678901234565', 16, '0.1234567890123457', '0.1234567890123456'],
    [`${big + 3n}.5`, 0, `${big + 4n}`, `${big + 3n}`],
    [`${big + 3n}.49`, 0, `${big + 3n}`, `${big + 3n}`],
    [`-${big + 3n}.5`, 0, `-${big + 4n}`, `-${big + 4n}`],
    [`-${big + 3n}.4`, 0, `-${big + 3n}`, `-${big + 4n}`],
    [`-${big + 3n}`, 0, `-${big + 3n}`, `-${big + 3n}`],
  ] as const)('rounds %s to %i places: %s half-up, %s down', (value, places, halfUp, floor) => {
    expect(ratio(value).roundHalfUp(places).toString()).toBe(halfUp);
    expect(ratio(value).roundHalfUp(places, 'floor').toString()).toBe(floor);
  });

  it.each([
    ['a product past the safe integers', () => ratio(2 ** 40).times(2 ** 20), `${2n ** 60n}`],
    ['a bigint times a ratio', () => ratio(big + 1n).times(ratio(3)), `${3n * (big + 1n)}`],
    ['a bigint over a negative, and back', () => ratio(big + 1n).div(ratio(-3)).times(-3), `${big + 1n}`],
    ['a bigint over a fraction', () => ratio(big).div(ratio(1).div(4)), `${4n * big}`],
    ['a bigint plus a third, thrice', () => ratio(big).plus(ratio(1).div(3)).times(3), `${3n * big + 1n}`],
    ['a bigint less a bigint', () => ratio(big + 7n).minus(ratio(big)), '7'],
    ['thirds plus sixths over the least common denominator', () => ratio(1).div(3).plus(ratio(1).div(6)), '0.5'],
    ['a third plus a whole number', () => ratio(1).div(3).plus(2).times(3), '7'],
    ['a whole number less a half, and less a larger one', () => ratio(5).minus(ratio(1).div(2)).minus(7), '-2.5'],
    ['a column summed past the safe integers', () => sumRatios([ratio(Number.MAX_SAFE_INTEGER), ratio(2)]), `${BigInt(Number.MAX_SAFE_INTEGER) + 2n}`],
    ['a column of mixed denominators', () => sumRatios([ratio(1).div(3), ratio(1).div(6), ratio(1)]), '1.5'],
    ['a half of a bigint as a number', () => ratio(big).div(2).toNumber(), `${5e16}`],
  ] as const)('is exact for %s', (_case, value, text) => {
    expect(String(value())).toBe(text);
  });

  it.each([
    [ratio(1).div(3), ratio(1).div(3), 0],
    [ratio(1).div(3), ratio(1).div(2), -1],
    [ratio(2).div(3), 0.5, 1],
    [ratio(big), big + 1n, -1],
    [ratio(big + 1n), ratio(big), 1],
    [ratio(-1).div(3), ratio(-1).div(3), 0],
  ] as const)('compares %s with %s: %i', (a, b, order) => {
    expect(a.comparedTo(b)).toBe(order);
    expect(a.equals(b)).toBe(order === 0);
  });

  it('holds zero as zero, neither negative nor signed', () => {
    expect(ratio(0).isNegative()).toBe(false);
    expect(ratio(0).negated().isZero()).toBe(true);
    expect(ratio(5).minus(5).isZero()).toBe(true);
    expect(ratio(2).pow(0).toString()).toBe('1');
    expect(() => ratio(2).pow(0.5)).toThrow(RangeError);
  });
});
