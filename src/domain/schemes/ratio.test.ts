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
});
