import { describe, expect, it } from 'vitest';
import { orderSeries, parsePeriod, type Period } from './periods.js';

const periods = (...labels: string[]): Period[] => labels.map((l) => parsePeriod(l)!);

describe('parsePeriod', () => {
  it.each([
    ['2024-03', 'month'],
    ['2024-03-31', 'date'],
    ['7', 'number'],
  ])('%s is a %s', (label, kind) => expect(parsePeriod(label)?.kind).toBe(kind));

  it.each(['2024-13', '2024-02-30', 'March 2024', '2024/03', '1.5', ''])('rejects %j', (label) => expect(parsePeriod(label)).toBeNull());
});

describe('orderSeries', () => {
  it('orders by period and finds nothing wrong in a complete series', () => {
    expect(orderSeries(periods('2024-02', '2024-01', '2024-03'))).toEqual({ order: [1, 0, 2], problems: [] });
  });

  it('names the missing months', () => {
    const { problems } = orderSeries(periods('2023-11', '2023-12', '2024-03', '2024-04'));
    expect(problems).toEqual([{ index: 2, message: "2 periods are missing between '2023-12' and '2024-03' (2024-01, 2024-02)" }]);
  });

  it('treats first-of-month dates as monthly', () => {
    expect(orderSeries(periods('2024-01-01', '2024-02-01', '2024-03-01')).problems).toEqual([]);
    expect(orderSeries(periods('2024-01-01', '2024-03-01', '2024-04-01')).problems[0]!.message).toContain('(2024-02-01)');
  });

  it('finds a missing week in weekly dates and an irregular step', () => {
    expect(orderSeries(periods('2024-01-01', '2024-01-08', '2024-01-22')).problems[0]!.message).toContain('(2024-01-15)');
    expect(orderSeries(periods('2024-01-02', '2024-01-09', '2024-01-19')).problems[0]!.message).toContain('not a whole number');
  });

  it('reports duplicates and mixed kinds', () => {
    expect(orderSeries(periods('1', '2', '2', '3')).problems).toEqual([{ index: 2, duplicateOf: 1, message: "period '2' appears more than once" }]);
    expect(orderSeries(periods('2024-01', '2024-02-01')).problems[0]!.index).toBe(1);
  });
});
