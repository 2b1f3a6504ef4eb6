import { describe, expect, it } from 'vitest';
import { backTransform, roundExpectedCount, transformUnit } from './funnel-transforms.js';

describe('roundExpectedCount (SHMI expected counts to 2 decimals, as R round(x, 2))', () => {
  it.each([
    [120.93739281228352, 120.94],
    [9.667314787729442, 9.67],
    [1.005, 1], // the double is 1.00499999999999989…
    [0.125, 0.12], // an exact tie goes to even
    [0.375, 0.38],
    [685.5857237530662, 685.59],
  ])('%s → %s', (x, rounded) => expect(roundExpectedCount(x)).toBe(rounded));
});

describe('transformUnit and backTransform', () => {
  const shmi = { dataType: 'sr', srMethod: 'shmi' } as const;
  const cqc = { dataType: 'sr', srMethod: 'cqc' } as const;
  const pr = { dataType: 'pr', srMethod: 'shmi' } as const;

  it('SHMI: y = log(O/E), s = 1/√E — FunnelPlotR source_data(fp) unit 030007 prints Y −0.3885753', () => {
    const t = transformUnit(82, 120.94, shmi);
    expect(t.y).toBeCloseTo(-0.3885753, 7);
    expect(t.standardError).toBeCloseTo(0.09093164, 8);
  });

  it('inverts each transform where it is monotone', () => {
    expect(backTransform(Math.log(1.3), shmi)).toBeCloseTo(1.3, 15);
    expect(backTransform(Math.sqrt(1.3), cqc)).toBeCloseTo(1.3, 15);
    expect(backTransform(-0.2, cqc)).toBe(0);
    expect(backTransform(Math.asin(Math.sqrt(0.3)), pr)).toBeCloseTo(0.3, 15);
    expect(backTransform(-0.1, pr)).toBe(0);
    expect(backTransform(2, pr)).toBe(1);
  });
});
