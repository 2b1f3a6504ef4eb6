import { describe, expect, it } from 'vitest';
import { calculateFunnel } from './funnel.js';
import { funnelReferenceReason, MINIMUM_PRACTICES_FOR_OWN_FUNNEL, needsFunnelReference } from './funnel-reference.js';
import type { Indicator } from './indicators.js';
import { indicatorFunnel } from './indicator-funnel.js';

const sameDay: Indicator = { code: 'SAME_DAY_ACCESS', name: 'Appointments booked for the same day', numeratorDefinition: null, denominatorDefinition: 'All appointments booked', unit: 'proportion', polarity: 'higher', source: 's', cadence: 'month' };
const figure = (practiceCode: string, numerator: number, denominator: number) => ({ practiceCode, label: `Practice ${practiceCode}`, numerator, denominator, value: (numerator / denominator) * 100 });

// A federation of 24 practices near 30%, two of them (A at 30%, B at 20%) a locality of their own.
const locality = [figure('A', 300, 1000), figure('B', 200, 1000)];
const others = Array.from({ length: 22 }, (_, i) => {
  const denominator = 1000 + 37 * i;
  return figure(`F${String(i).padStart(2, '0')}`, Math.round(denominator * (0.3 + 0.015 * Math.sin(i))), denominator);
});
const federation = [...others, ...locality];
const pooled = (figures: typeof federation) => (figures.reduce((s, f) => s + f.numerator, 0) / figures.reduce((s, f) => s + f.denominator, 0)) * 100;
const reason = funnelReferenceReason('Harborough', locality.length, { name: 'East Leicestershire & Rutland GP Federation', practices: federation.length });

describe('a small group’s funnel', () => {
  it('on its own, 2 practices set the centre line between them and φ absorbs their real difference', () => {
    const own = indicatorFunnel(sameDay, locality, { title: 't', groupName: 'Harborough' });
    if (!('chart' in own)) throw new Error(own.reason);
    expect(own.chart.target).toBeCloseTo(pooled(locality), 12);
    expect([...own.rows.values()].map((r) => r.outlier)).toEqual([null, null]);
    expect(own.chart.centre).toEqual({ kind: 'own', name: 'Harborough', practices: 2, reason: null });
  });

  it('against its federation, plots only its practices, with the federation’s centre line, φ and τ², so B’s real difference shows', () => {
    const result = indicatorFunnel(sameDay, locality, { title: 't', groupName: 'Harborough', reference: { kind: 'federation', name: 'East Leicestershire & Rutland GP Federation', figures: federation, reason } });
    if (!('chart' in result)) throw new Error(result.reason);
    const whole = calculateFunnel(federation.map((f) => ({ unit: f.practiceCode, numerator: f.numerator, denominator: f.denominator })), { dataType: 'pr', multiplier: 100 });
    expect(result.chart.target).toBeCloseTo(pooled(federation), 12);
    expect(result.chart.points.map((p) => p.practiceCode)).toEqual(['A', 'B']);
    for (const code of ['A', 'B']) {
      const u = whole.units.find((w) => w.unit === code)!;
      expect(result.rows.get(code)).toMatchObject({ z: u.z, lower998: u.limits.lower998, upper998: u.limits.upper998 });
    }
    expect(result.rows.get('B')!.outlier).toBe('low');
    expect(result.rows.get('A')!.outlier).toBeNull();
    expect(result.chart.centre).toEqual({ kind: 'federation', name: 'East Leicestershire & Rutland GP Federation', practices: 24, reason });
    // The curve runs to just past the group's largest practice, not the federation's.
    expect(Math.max(...result.chart.curve.map((c) => c.denominator))).toBeCloseTo(1000 * 1.05, 6);
  });

  it('plots even a single practice against a reference, but on its own needs two', () => {
    const one = [locality[1]!];
    expect(indicatorFunnel(sameDay, one, { title: 't', groupName: 'Harborough' })).toEqual({ reason: 'A funnel plot needs figures for at least 2 practices' });
    const result = indicatorFunnel(sameDay, one, { title: 't', groupName: 'Harborough', reference: { kind: 'all', name: 'all practices held', figures: federation, reason } });
    expect('chart' in result && result.chart.points.map((p) => [p.practiceCode, p.outlier])).toEqual([['B', true]]);
  });
});

describe('when a group is too small to set its own funnel', () => {
  it.each([
    [1, true],
    [4, true],
    [MINIMUM_PRACTICES_FOR_OWN_FUNNEL - 1, true],
    [MINIMUM_PRACTICES_FOR_OWN_FUNNEL, false],
    [300, false],
  ])('%s practices with figures: reference needed %s', (practices, needed) => expect(needsFunnelReference(practices)).toBe(needed));

  it('says why, and what it is plotted against', () => {
    expect(reason).toBe(`Harborough has 2 practices with figures: too few to set its own centre line and overdispersion (at least ${MINIMUM_PRACTICES_FOR_OWN_FUNNEL} are needed), so its practices are plotted against East Leicestershire & Rutland GP Federation (24 practices).`);
    expect(funnelReferenceReason('Harborough', 1, { name: 'all practices held', practices: 6 })).toBe(
      `Harborough has 1 practice with figures: too few to set its own centre line and overdispersion (at least ${MINIMUM_PRACTICES_FOR_OWN_FUNNEL} are needed), so its practices are plotted against all practices held (6 practices, the most atscale holds, though that is also fewer than ${MINIMUM_PRACTICES_FOR_OWN_FUNNEL}).`,
    );
  });
});
