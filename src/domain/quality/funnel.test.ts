import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { Z_95, Z_998 } from './funnel-limits.js';
import { aggregateUnits, calculateFunnel, findFunnelInputProblems, type FunnelUnit, isOutlier } from './funnel.js';
import { roundExpectedCount } from './funnel-transforms.js';
import { medparProviders } from '../../../test/support/medpar-funnel-fixture.js';
import { averageRanks } from './overdispersion.js';
import { expectPrinted } from './printed-precision.js';

/**
 * FunnelPlotR's published worked example: the rendered reference page for funnel_plot()
 * (nhs-r-community/FunnelPlotR, branch gh-pages @ facd577ca52b1c939388016e5a23be3a5952367b,
 * reference/funnel_plot.html, built from v0.6.0 @ 9020d4972873d863e10b8a16555975f0e322adfc):
 *   fp <- funnel_plot(medpar, denominator = prds, numerator = los, group = provnum, limit = 95)
 *   → "54 points of which 16 are outliers", φ = 8.532851, τ² = 0.02841023,
 * then outliers(fp) and head(source_data(fp)) print 21 units to 7 significant digits. Defaults in force:
 * data_type "SR", sr_method "SHMI" (log transform, 10% truncation), SHMI_rounding TRUE.
 */
// unit, denominator (E rounded), numerator, rr, Uzscore, rk, sp, truncated, s, OD95LCL, OD95UCL, OD99LCL, OD99UCL, LCL95, UCL95, LCL99, UCL99, outlier (limit 95)
const published: string[][] = [
  ['030007', '120.94', '82', '0.6780368', '-4.273269', '13', '2', '0', '0.09093164', '0.6870374', '1.455525', '0.5533126', '1.807297', '0.8297333', '1.194925', '0.7423709', '1.314130', '1'],
  ['030017', '245.61', '131', '0.5333603', '-9.850566', '2', '0', '1', '0.06380827', '0.7024099', '1.423670', '0.5729580', '1.745329', '0.8788379', '1.133198', '0.8143570', '1.213308', '1'],
  ['030025', '28.80', '14', '0.4861594', '-3.870999', '16', '2', '0', '0.18633900', '0.6111188', '1.636343', '0.4600330', '2.173757', '0.6686912', '1.437947', '0.5211690', '1.720387', '1'],
  ['030035', '73.21', '37', '0.5054258', '-5.838929', '4', '0', '1', '0.11687316', '0.6689770', '1.494820', '0.5305541', '1.884822', '0.7841313', '1.256939', '0.6773325', '1.416488', '1'],
  ['030037', '273.34', '145', '0.5304793', '-10.481634', '1', '0', '1', '0.06048510', '0.7039943', '1.420466', '0.5749970', '1.739139', '0.8849536', '1.125850', '0.8234590', '1.201382', '1'],
  ['030043', '172.38', '104', '0.6033232', '-6.634401', '3', '0', '1', '0.07616520', '0.6959196', '1.436948', '0.5646331', '1.771061', '0.8562871', '1.160931', '0.7810534', '1.258467', '1'],
  ['030044', '19.20', '6', '0.3125609', '-5.096671', '8', '1', '0', '0.22821773', '0.5734589', '1.743804', '0.4161366', '2.403057', '0.6038663', '1.558062', '0.4393444', '1.925512', '1'],
  ['030060', '19.96', '7', '0.3506260', '-4.681306', '12', '2', '0', '0.22383074', '0.5774252', '1.731826', '0.4206837', '2.377083', '0.6104869', '1.545079', '0.4474921', '1.903227', '1'],
  ['030062', '198.94', '134', '0.6735680', '-5.573626', '7', '1', '0', '0.07089881', '0.6987976', '1.431030', '0.5683191', '1.759575', '0.8658614', '1.149033', '0.7951428', '1.239064', '1'],
  ['030067', '45.87', '22', '0.4796652', '-4.976398', '9', '1', '0', '0.14765074', '0.6445616', '1.551442', '0.5003471', '1.998612', '0.7317770', '1.334400', '0.6049421', '1.545676', '1'],
  ['030068', '9.67', '2', '0.2068827', '-4.900458', '10', '1', '0', '0.32157832', '0.4908522', '2.037273', '0.3256333', '3.070939', '0.4725050', '1.857410', '0.2885378', '2.445625', '1'],
  ['030073', '38.92', '87', '2.2352298', '5.018321', '50', '9', '1', '0.16029264', '0.6338819', '1.577581', '0.4873387', '2.051961', '0.7108273', '1.367468', '0.5766906', '1.601235', '1'],
  ['030078', '31.74', '55', '1.7329455', '3.097227', '48', '8', '0', '0.17749926', '0.6189345', '1.615680', '0.4693434', '2.130636', '0.6828360', '1.413670', '0.5396094', '1.679236', '1'],
  ['032000', '685.59', '1012', '1.4761101', '10.196068', '54', '9', '1', '0.03819159', '0.7126729', '1.403168', '0.5862128', '1.705865', '0.9265368', '1.077739', '0.8861228', '1.123734', '1'],
  ['032002', '181.11', '283', '1.5626043', '6.006746', '51', '9', '1', '0.07430684', '0.6969535', '1.434816', '0.5659563', '1.766921', '0.8596594', '1.156719', '0.7860075', '1.251593', '1'],
  ['032003', '24.81', '95', '3.8296445', '6.687592', '53', '9', '1', '0.20076436', '0.5982289', '1.671601', '0.4448276', '2.248062', '0.6459532', '1.478364', '0.4919575', '1.789136', '1'],
  ['030001', '523.70', '406', '0.7752585', '-5.82561011', '5', '0', '1', '0.04369771', '0.7108599', '1.406747', '0.5838633', '1.712730', '0.9161767', '1.089431', '0.8703859', '1.142533', '0'],
  ['030002', '612.98', '642', '1.0473450', '1.14522594', '37', '6', '0', '0.04039028', '0.7119760', '1.404542', '0.5853093', '1.708499', '0.9223928', '1.082393', '0.8798183', '1.131211', '0'],
  ['030003', '53.79', '46', '0.8551559', '-1.14740235', '25', '4', '0', '0.13634814', '0.6538255', '1.529460', '0.5117322', '1.954147', '0.7507815', '1.305456', '0.6309291', '1.497241', '0'],
  ['030006', '763.72', '764', '1.0003694', '0.01013004', '31', '5', '0', '0.03618536', '0.7132769', '1.401980', '0.5869963', '1.703588', '0.9303262', '1.073510', '0.8918993', '1.116945', '0'],
  ['030008', '250.19', '201', '0.8034022', '-3.46267654', '18', '3', '0', '0.06322153', '0.7026948', '1.423093', '0.5733244', '1.744213', '0.8799161', '1.131898', '0.8159596', '1.211196', '0'],
];

describe('calculateFunnel — FunnelPlotR medpar example (SR, SHMI)', () => {
  const result = calculateFunnel(medparProviders, { dataType: 'sr', srMethod: 'shmi', limit: 95 });
  const byUnit = new Map(result.units.map((u) => [u.unit, u]));

  it('φ and τ² as summary(fp), phi(fp) and tau2(fp) print them', () => {
    expectPrinted(result.phi, '8.532851');
    expectPrinted(result.tau2, '0.02841023');
    expect(result.adjusted).toBe(true);
    expect(result.target).toBe(1);
  });

  it('"54 points of which 16 are outliers" at 95%', () => {
    expect(result.units).toHaveLength(54);
    expect(result.units.filter((u) => u.outlier)).toHaveLength(16);
  });

  it('"54 points of which 9 are outliers" at 99.8%, adjusted (README and vignettes/funnel_plots.Rmd)', () => {
    expect(calculateFunnel(medparProviders, { dataType: 'sr' }).units.filter((u) => u.outlier)).toHaveLength(9);
  });

  it('"54 points of which 25 are outliers" with unadjusted (exact Poisson) 99.8% limits (README)', () => {
    const unadjusted = calculateFunnel(medparProviders, { dataType: 'sr', overdispersion: false });
    expect(unadjusted.adjusted).toBe(false);
    expect(unadjusted.units.filter((u) => u.outlier)).toHaveLength(25);
  });

  const ranks = averageRanks(medparProviders.map((u) => byUnit.get(u.unit)!.unadjustedZ));
  it.each(published)('unit %s', (unit, denominator, numerator, rr, z, rank, _sp, truncated, s, od95l, od95u, od99l, od99u, l95, u95, l99, u99, outlier) => {
    const u = byUnit.get(unit!)!;
    const index = medparProviders.findIndex((p) => p.unit === unit);
    expect(roundExpectedCount(u.denominator)).toBe(Number(denominator));
    expect(u.numerator).toBe(Number(numerator));
    expectPrinted(u.value, rr!);
    expectPrinted(u.unadjustedZ, z!);
    expect(ranks[index]).toBe(Number(rank));
    expect(u.inDispersionEstimate).toBe(truncated === '0');
    expectPrinted(1 / Math.sqrt(Number(denominator)), s!);
    expectPrinted(u.limits.lower95, od95l!);
    expectPrinted(u.limits.upper95, od95u!);
    expectPrinted(u.limits.lower998, od99l!);
    expectPrinted(u.limits.upper998, od99u!);
    expectPrinted(u.unadjustedLimits.lower95, l95!);
    expectPrinted(u.unadjustedLimits.upper95, u95!);
    expectPrinted(u.unadjustedLimits.lower998, l99!);
    expectPrinted(u.unadjustedLimits.upper998, u99!);
    expect(u.outlier).toBe(outlier === '1');
  });
});

describe('calculateFunnel — FunnelPlotR tests/testthat @ 9020d49', () => {
  // test-classes_methods.R and test-funnel_plot.R
  const dt: FunnelUnit[] = [100, 150, 180, 80, 120, 225].map((numerator, i) => ({
    unit: 'abcdef'[i]!,
    numerator,
    denominator: [108, 112, 165, 95, 100, 220][i]!,
  }));

  it('phi.funnelplot(a) rounds to 2.948033 (test-classes_methods.R)', () => {
    expect(Math.round(calculateFunnel(dt, { dataType: 'sr' }).phi * 1e6) / 1e6).toBe(2.948033);
  });

  it('b$LCL95[5] > a$OD95LCL[5] (test-funnel_plot.R), and unadjusted limits are narrower at the same scale', () => {
    const a = calculateFunnel(dt, { dataType: 'sr' });
    const b = calculateFunnel(dt, { dataType: 'sr', overdispersion: false, multiplier: 100, limit: 95 });
    expect(b.units[4]!.limits.lower95).toBeGreaterThan(a.units[4]!.limits.lower95);
    expect(b.units[4]!.limits.lower95).toBeGreaterThan(a.units[4]!.limits.lower95 * 100);
  });

  it('marks outliers with the limits inclusive (test-outliers_func.R)', () => {
    const rr = [1, 0.95, 1.05, 0.8, 1.2, 0.6, 1.4, 0.4, 1.6, 0];
    const unadjusted = { lower95: 0.9, upper95: 1.1, lower998: 0.59, upper998: 1.41 };
    const adjusted = { lower95: 0.79, upper95: 1.21, lower998: 0.38, upper998: 1.62 };
    const flags = (limits: typeof adjusted, level: 95 | 99.8, multiplier = 1) =>
      rr.map((r) => Number(isOutlier(r * multiplier, limits, level)));
    expect(flags(unadjusted, 95)).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(flags(adjusted, 95)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(flags(unadjusted, 99.8)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(flags(adjusted, 99.8)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    // their multiplier case: limits stay at ratio scale while values are × 100, so every unit is out
    expect(flags(unadjusted, 95, 100)).toEqual(Array(10).fill(1));
  });

  it('aggregates record-level rows by unit (test-aggregate_fun.R: round(rr, 6) = 1.069652, 1.071795, 1.022727)', () => {
    const rows: FunnelUnit[] = [
      { unit: 'a', numerator: 100, denominator: 102 },
      { unit: 'a', numerator: 150, denominator: 135 },
      { unit: 'a', numerator: 180, denominator: 165 },
      { unit: 'b', numerator: 89, denominator: 95 },
      { unit: 'b', numerator: 120, denominator: 100 },
      { unit: 'c', numerator: 225, denominator: 220 },
    ];
    const aggregated = aggregateUnits(rows);
    expect(aggregated.map((u) => Math.round((u.numerator / u.denominator) * 1e6) / 1e6)).toEqual([1.069652, 1.071795, 1.022727]);
  });
});

describe('calculateFunnel — other data types', () => {
  const practices: FunnelUnit[] = [
    { unit: 'A', numerator: 12, denominator: 82 },
    { unit: 'B', numerator: 30, denominator: 98 },
    { unit: 'C', numerator: 26, denominator: 100 },
    { unit: 'D', numerator: 50, denominator: 125 },
    { unit: 'E', numerator: 42, denominator: 162 },
    { unit: 'F', numerator: 71, denominator: 151 },
    { unit: 'G', numerator: 4, denominator: 12 },
    { unit: 'H', numerator: 29, denominator: 100 },
    { unit: 'I', numerator: 48, denominator: 82 },
    { unit: 'J', numerator: 36, denominator: 99 },
  ]; // FunnelPlotR dev/workingout_binom.R @ 9020d49, its proportion scratch data

  it('proportions: target p̄ = ΣO/Σn, arcsine limits in closed form', () => {
    const result = calculateFunnel(practices, { dataType: 'pr', overdispersion: false });
    const pbar = 348 / 1011;
    expect(result.target).toBeCloseTo(pbar, 15);
    // at n = 100 the 95% limits are sin²(asin √p̄ ± Z_95 × 0.05)
    const c = practices[2]!;
    const unit = result.units.find((u) => u.unit === c.unit)!;
    const centre = Math.asin(Math.sqrt(pbar));
    expect(unit.limits.upper95).toBeCloseTo(Math.sin(centre + Z_95 * 0.05) ** 2, 15);
    expect(unit.limits.lower998).toBeCloseTo(Math.sin(centre - Z_998 * 0.05) ** 2, 15);
    expect(unit.z).toBeCloseTo((Math.asin(Math.sqrt(0.26)) - centre) / 0.05, 12);
  });

  it('proportions: overdispersion widens the limits by τ² on the arcsine scale', () => {
    const result = calculateFunnel(practices, { dataType: 'pr' });
    expect(result.phi).toBeGreaterThan(1);
    expect(result.adjusted).toBe(true);
    const h = result.units.find((u) => u.unit === 'H')!;
    const centre = Math.asin(Math.sqrt(348 / 1011));
    expect(h.limits.upper95).toBeCloseTo(Math.sin(centre + Z_95 * Math.sqrt(0.0025 + result.tau2)) ** 2, 15);
  });

  it.each([true, false])('proportions (overdispersion %s): a unit is outside the limits exactly when |z| is beyond the level’s quantile', (overdispersion) => {
    const withEdges = [...practices, { unit: 'none', numerator: 0, denominator: 40 }, { unit: 'all', numerator: 30, denominator: 30 }];
    for (const limit of [95, 99.8] as const) {
      const result = calculateFunnel(withEdges, { dataType: 'pr', overdispersion, limit, multiplier: 100 });
      for (const u of result.units) expect({ unit: u.unit, limit, outlier: u.outlier }).toEqual({ unit: u.unit, limit, outlier: Math.abs(u.z) > (limit === 95 ? Z_95 : Z_998) });
    }
  });

  it('proportions: a limit whose angle passes 0 is 0, not a reflected value', () => {
    const rare: FunnelUnit[] = [
      { unit: 'tiny', numerator: 0, denominator: 3 },
      { unit: 'big', numerator: 2, denominator: 1000 },
    ];
    const result = calculateFunnel(rare, { dataType: 'pr', overdispersion: false });
    expect(result.units[0]!.limits.lower998).toBe(0);
  });

  it('CQC standardised ratios: square-root z, limits squared back (unlike FunnelPlotR, issue #33)', () => {
    const dt: FunnelUnit[] = [
      { unit: 'a', numerator: 100, denominator: 108 },
      { unit: 'b', numerator: 150, denominator: 112 },
      { unit: 'c', numerator: 180, denominator: 165 },
      { unit: 'd', numerator: 80, denominator: 95 },
    ];
    const result = calculateFunnel(dt, { dataType: 'sr', srMethod: 'cqc', trim: 0.05 });
    const b = result.units[1]!;
    expect(b.unadjustedZ).toBeCloseTo((Math.sqrt(150 / 112) - 1) * 2 * Math.sqrt(112), 12);
    const sd = Math.sqrt(1 / (4 * 112) + result.tau2);
    expect(b.limits.upper95).toBeCloseTo((1 + Z_95 * sd) ** 2, 14);
    expect(b.limits.lower95).toBeCloseTo((1 - Z_95 * sd) ** 2, 14);
  });

  it('falls back to unadjusted limits when φ ≤ 1', () => {
    const even: FunnelUnit[] = [
      { unit: 'a', numerator: 50, denominator: 50 },
      { unit: 'b', numerator: 51, denominator: 50 },
      { unit: 'c', numerator: 49, denominator: 50 },
    ];
    const result = calculateFunnel(even, { dataType: 'sr' });
    expect(result.phi).toBeLessThanOrEqual(1);
    expect(result.adjusted).toBe(false);
    expect(result.units[0]!.limits).toEqual(result.units[0]!.unadjustedLimits);
  });
});

describe('findFunnelInputProblems', () => {
  it('names each bad unit and field', () => {
    const problems = findFunnelInputProblems(
      [
        { unit: 'a', numerator: 11, denominator: 10 },
        { unit: 'b', numerator: 1, denominator: 0 },
        { unit: 'a', numerator: 1, denominator: 5 },
        { unit: 'c', numerator: -1, denominator: 5 },
      ],
      { dataType: 'pr', srMethod: 'shmi' },
    );
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'numerator'],
      [1, 'denominator'],
      [2, 'unit'],
      [3, 'numerator'],
    ]);
  });

  it('rejects a zero observed count for the SHMI log method, and calculateFunnel throws AppError invalid', () => {
    const units = [
      { unit: 'a', numerator: 0, denominator: 10 },
      { unit: 'b', numerator: 10, denominator: 10 },
    ];
    expect(findFunnelInputProblems(units, { dataType: 'sr', srMethod: 'shmi' })).toHaveLength(1);
    expect(findFunnelInputProblems(units, { dataType: 'sr', srMethod: 'cqc' })).toHaveLength(0);
    expect(() => calculateFunnel(units, { dataType: 'sr' })).toThrow(AppError);
  });
});
