import { describe, expect, it } from 'vitest';
import { type FunnelChartData, funnelChartOption, maxNamedOutliers, practiceSpcChartOption } from './chart-options.js';

const point = (period: string) => ({ period, value: 1, mean: 1, lower: 0, upper: 2, type: 'common_cause' });

describe('practiceSpcChartOption', () => {
  it.each([
    ['month', ['2024-04', '2024-05'], ['Apr 2024', 'May 2024']],
    ['year', ['2022', '2023'], ['2021/22', '2022/23']],
  ] as const)('names %s periods on the axis as people read them', (cadence, periods, labels) => {
    const option = practiceSpcChartOption({ indicator: { name: 'Same-day access', unit: 'proportion', cadence }, practiceName: 'Kibworth', points: periods.map(point), threshold: null });
    expect((option.xAxis as { data: string[] }).data).toEqual(labels);
  });

  it('says under the rule for its limits how many moving ranges screening left out of them', () => {
    const option = practiceSpcChartOption({ indicator: { name: 'Same-day access', unit: 'proportion', cadence: 'month' }, practiceName: 'Kibworth', points: ['2024-04', '2024-05'].map(point), threshold: null, screening: { leftOut: 2, of: 23 } });
    expect((option.title as { subtext: string }).subtext.split('\n')).toEqual([
      'XmR chart: mean and process limits (mean ± 2.66 × average moving range), Making Data Count rules',
      'Screened: 2 of 23 moving ranges, each 3.267 × the average or more, left out of the average moving range.',
    ]);
  });

  it('draws too few points as the figures alone: no mean or limit lines, no special-cause keys, and the subtitle says why', () => {
    const points = ['2018-01', '2025-04'].map((period, i) => ({ period, value: [9301, 17021][i]!, mean: null, lower: null, upper: null, type: null }));
    const option = practiceSpcChartOption({ indicator: { name: 'Patients registered', unit: 'count', cadence: 'month' }, practiceName: 'Kibworth', points, threshold: null });
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual(['Value']);
    expect((option.title as { subtext: string }).subtext).toBe('The figures only: 2 points are too few for process limits (at least 13 are needed)');
    const limited = practiceSpcChartOption({ indicator: { name: 'Same-day access', unit: 'proportion', cadence: 'month' }, practiceName: 'Kibworth', points: ['2024-04', '2024-05'].map(point), threshold: null });
    expect((limited.series as { name: string }[]).map((s) => s.name)).toEqual(['Value', 'Mean', 'Lower process limit', 'Upper process limit']);
  });
});

describe('the charts say what their marks and lines are', () => {
  const curve = [0, 5000, 10000].map((denominator) => ({ denominator, lower95: 4, upper95: 8, lower998: 3, upper998: 9 }));
  const points = [
    { practiceCode: 'C82001', label: 'Kibworth Medical Centre', denominator: 9000, value: 6, outlier: false },
    { practiceCode: 'C82044', label: 'Empingham Medical Centre', denominator: 9000, value: 9.5, outlier: true },
    { practiceCode: 'C82002', label: 'Countesthorpe Health Centre', denominator: 8000, value: 6.5, outlier: false, highlighted: true },
  ];
  type Series = { name: string; data: { name?: string; label?: { show: boolean; formatter: string } }[] };
  const data = (overrides: Partial<FunnelChartData> = {}): FunnelChartData => ({
    title: 'Asthma',
    unit: 'proportion',
    unitLabel: '%',
    denominatorLabel: 'Registered patients aged 6 and over',
    groupName: 'East Leicestershire & Rutland GP Federation',
    target: 6,
    adjusted: false,
    exactLimits: false,
    centre: { kind: 'own', name: 'East Leicestershire & Rutland GP Federation', practices: 29, reason: null },
    points,
    curve,
    ...overrides,
  });

  it.each([
    {
      name: 'its own pooled value, adjusted',
      overrides: { adjusted: true },
      lines: [
        'Centre line 6.00%: the pooled value of East Leicestershire & Rutland GP Federation (29 practices).',
        'Limits 95% (dashed) and 99.8% (solid), widened for overdispersion, and the z-scores adjusted to match.',
        'A practice differing only by chance and the usual spread between practices is outside 99.8% about 1 time in 500.',
      ],
    },
    {
      name: 'a small locality against its federation, exact Poisson limits for a rate',
      overrides: {
        unit: 'rate_per_1000',
        groupName: 'Harborough',
        exactLimits: true,
        target: 1.0644,
        centre: { kind: 'federation', name: 'East Leicestershire & Rutland GP Federation', practices: 29, reason: 'Harborough has 3 practices with figures: …' },
      },
      lines: [
        'Centre line 1.06 per 1,000: the pooled value of East Leicestershire & Rutland GP Federation (29 practices).',
        'Harborough’s 3 practices are too few to set a centre line and overdispersion of their own.',
        'Limits 95% (dashed) and 99.8% (solid), exact Poisson; no overdispersion, so the z-scores are not adjusted.',
        'A practice differing from the centre line only by chance is outside the 99.8% limits at most 1 time in 500.',
      ],
    },
  ] satisfies { name: string; overrides: Partial<FunnelChartData>; lines: string[] }[])('the subtitle says whose pooled value the centre line is, what the limits and z-scores are, and what “Within” means: $name', ({ overrides, lines }) => {
    const option = funnelChartOption(data(overrides));
    const subtitle = (option.title as { subtext: string }).subtext.split('\n');
    expect(subtitle).toEqual([...lines, '“Within” means inside the 99.8% limits, including between the 95% and 99.8% lines.']);
    // Each line fits a chart 600px wide (about 115 characters of 11px type), and the plot starts below the last.
    for (const line of subtitle) expect(line.length).toBeLessThanOrEqual(115);
    expect((option.grid as { top: number }).top).toBeGreaterThanOrEqual(52 + 14 * subtitle.length);
  });

  it('names the outliers and the selected practice beside their marks, and no other practice', () => {
    const option = funnelChartOption(data());
    const series = option.series as Series[];
    const labels = series.flatMap((s) => s.data.filter((d) => d.label?.show).map((d) => d.label!.formatter));
    expect(labels.sort()).toEqual(['Countesthorpe Health Centre', 'Empingham Medical Centre']);
    expect(series.map((s) => s.name)).toContain('Selected practice');
    expect((option.yAxis as { nameLocation: string }).nameLocation).toBe('middle');
  });

  it('past a few outliers, marks them without names (the chart says the table names them), still naming the selected practice', () => {
    const many = Array.from({ length: maxNamedOutliers + 1 }, (_, i) => ({ practiceCode: `Y${String(i).padStart(5, '0')}`, label: `Practice ${i}`, denominator: 9000, value: 9.5, outlier: true }));
    const option = funnelChartOption(data({ points: [...points, ...many] }));
    const series = option.series as Series[];
    expect(series.flatMap((s) => s.data.filter((d) => d.label?.show).map((d) => d.label!.formatter))).toEqual(['Countesthorpe Health Centre']);
    expect(series.find((s) => s.name === 'Outside 99.8% limits')!.data).toHaveLength(maxNamedOutliers + 2);
    expect((option.title as { subtext: string }).subtext).toMatch(/\n27 practices outside the 99\.8% limits: too many to name here, so the table under the chart names them$/);
  });

  it.each([
    { layout: 'wide' as const, names: ['Countesthorpe Health Centre', 'Empingham Medical Centre'], axisEnds: undefined },
    { layout: 'narrow' as const, names: ['Countesthorpe', 'Empingham'], axisEnds: { x: { showMaxLabel: false }, y: { showMinLabel: false, showMaxLabel: false } } },
  ])('$layout: names beside marks ($names), with the full name in the tooltip', ({ layout, names, axisEnds }) => {
    const option = funnelChartOption(data(), layout);
    const named = (option.series as Series[]).flatMap((s) => s.data.filter((d) => d.label?.show));
    expect(named.map((d) => d.label!.formatter).sort()).toEqual(names);
    expect(named.map((d) => d.name).sort()).toEqual(['Countesthorpe Health Centre (C82002)', 'Empingham Medical Centre (C82044)']);
    expect([(option.xAxis as { axisLabel?: object }).axisLabel, (option.yAxis as { axisLabel?: object }).axisLabel]).toEqual(axisEnds ? [axisEnds.x, axisEnds.y] : [undefined, undefined]);
  });

  it('moves names that would meet apart: each placed where ECharts put it, then shifted, with a line to its mark', () => {
    const option = funnelChartOption(data(), 'narrow');
    const named = (option.series as (Series & { labelLayout?: unknown; labelLine?: { show: boolean } })[]).filter((s) => s.data.some((d) => d.label?.show));
    expect(named).toHaveLength(2);
    for (const series of named) {
      expect(typeof series.labelLayout).toBe('function');
      expect((series.labelLayout as (p: object) => object)({ labelRect: { x: 10, y: 20, width: 50, height: 12 } })).toEqual({ x: 10, y: 20, align: 'left', verticalAlign: 'top', moveOverlap: 'shiftY' });
      expect(series.labelLine?.show).toBe(true);
      // ECharts measures a name's height to see names meet; it is given, not measured.
      for (const d of series.data) expect(d.label).toMatchObject({ lineHeight: 12 });
    }
  });

  it('calls the threshold line a maximum where lower is better and there is no target', () => {
    const spcPoints = ['2024-04', '2024-05'].map((period, i) => ({ ...point(period), type: i ? 'special_cause_concern' : 'common_cause' }));
    const option = practiceSpcChartOption({ indicator: { name: 'Missed appointments', unit: 'proportion', cadence: 'month', polarity: 'lower' }, practiceName: 'Kibworth', points: spcPoints, threshold: { target: null, minimum: 5 } });
    const names = (option.series as Series[]).map((s) => s.name);
    expect(names).toContain('Maximum');
    expect(names).not.toContain('Target');
    expect(names).toContain('Special cause: concern');
    expect(names).not.toContain('Special cause: improvement');
  });

  it('draws both lines where a threshold sets a target and a minimum, each at its value', () => {
    const option = practiceSpcChartOption({ indicator: { name: 'Same-day access', unit: 'proportion', cadence: 'month' }, practiceName: 'Kibworth', points: ['2024-04', '2024-05'].map(point), threshold: { target: 60, minimum: 45 } });
    const lines = (option.series as (Series & { data: unknown[] })[]).filter((s) => s.name === 'Target' || s.name === 'Minimum');
    expect(lines.map((s) => [s.name, s.data])).toEqual([
      ['Target', [60, 60]],
      ['Minimum', [45, 45]],
    ]);
  });
});
