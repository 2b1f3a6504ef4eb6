import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ChartLayout, funnelChartOption, spcChartOption } from '../../../domain/quality/chart-options.js';
// Only the parts the page loads: importing the whole of ECharts here would register every part and hide one left out.
import { init } from './echarts-parts.js';

const curve = [0, 5000, 10000].map((denominator) => ({ denominator, lower95: 4, upper95: 8, lower998: 3, upper998: 9 }));
const funnel = (layout: ChartLayout) =>
  funnelChartOption(
    {
      title: 'Asthma register',
      unit: 'proportion',
      unitLabel: '%',
      denominatorLabel: 'Registered patients',
      groupName: 'East Leicestershire & Rutland GP Federation',
      target: 6,
      adjusted: true,
      exactLimits: false,
      centre: { kind: 'own', name: 'East Leicestershire & Rutland GP Federation', practices: 29, reason: null },
      points: [
        { practiceCode: 'C82001', label: 'Kibworth Medical Centre', denominator: 9000, value: 6, outlier: false },
        { practiceCode: 'C82044', label: 'Empingham Medical Centre', denominator: 9000, value: 9.5, outlier: true },
        { practiceCode: 'C82002', label: 'Countesthorpe Health Centre', denominator: 8000, value: 6.5, outlier: false, highlighted: true },
      ],
      curve,
    },
    layout,
  );
const spc = spcChartOption({
  title: 'Same-day access: Kibworth',
  unitLabel: '%',
  points: ['2024-04', '2024-05', '2024-06'].map((period, i) => ({ period, value: [50, 52, 80][i]!, mean: 55, lower: 40, upper: 70, type: i === 2 ? 'special_cause_improvement' : 'common_cause' })),
  thresholds: [{ value: 60, name: 'Target' }],
});

describe('the parts of ECharts the quality pages load', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    { chart: 'funnel plot, wide', option: funnel('wide'), words: ['Asthma register', 'Outside 99.8% limits', 'Selected practice', '95% limits', 'Empingham Medical Centre'] },
    { chart: 'funnel plot, narrow', option: funnel('narrow'), words: ['Asthma register', 'Outside 99.8% limits', 'Empingham'] },
    { chart: 'SPC chart', option: spc, words: ['Same-day access: Kibworth', 'Upper process limit', 'Target', 'Special cause: improvement'] },
  ])('draw the $chart with its title, legend and names, and ECharts misses nothing', ({ option, words }) => {
    // ECharts says on the console when an option uses a series type or component that was not loaded.
    const said = [vi.spyOn(console, 'error').mockImplementation(() => {}), vi.spyOn(console, 'warn').mockImplementation(() => {})];
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 420 });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(said.flatMap((spy) => spy.mock.calls.map((call) => call.join(' ')))).toEqual([]);
    for (const word of words) expect(svg).toContain(word);
  });
});
