import { describe, expect, it } from 'vitest';
import { practiceSpcChartOption } from './chart-options.js';

const point = (period: string) => ({ period, value: 1, mean: 1, lower: 0, upper: 2, type: 'common_cause' });

describe('practiceSpcChartOption', () => {
  it.each([
    ['month', ['2024-04', '2024-05'], ['Apr 2024', 'May 2024']],
    ['year', ['2022', '2023'], ['2021/22', '2022/23']],
  ] as const)('names %s periods on the axis as people read them', (cadence, periods, labels) => {
    const option = practiceSpcChartOption({ indicator: { name: 'Same-day access', unit: 'proportion', cadence }, practiceName: 'Kibworth', points: periods.map(point), threshold: null });
    expect((option.xAxis as { data: string[] }).data).toEqual(labels);
  });
});
