import { describe, expect, it } from 'vitest';
import { figure, money, num, text } from './report-columns.js';
import { columnHeader, displayCell } from './report-cells.js';

describe('a report cell as a person reads it', () => {
  it.each([
    { column: money('cost', 'Delivered cost £'), value: 66689, shows: '£66,689' },
    { column: money('cost', 'Delivered cost £', 2), value: 1282.5, shows: '£1,282.50' },
    { column: money('net', 'Net £'), value: -21386, shows: '−£21,386', why: 'a shortfall with a true minus' },
    { column: money('net', 'Net £', 2), value: -0.001, shows: '£0.00', why: 'no minus on a figure that rounds to nothing' },
    { column: num('list_size', 'List size'), value: 327255, shows: '327,255' },
    { column: num('share_pct', 'Share %', 2), value: 2.8, shows: '2.80' },
    { column: text('scope', 'Scope'), value: 'no_uplift', shows: 'No uplift', why: 'a code as words' },
    { column: text('metric', 'Metric'), value: 'list_size_total', shows: 'List size total' },
    { column: text('metric', 'Metric'), value: 'practices_contribution_total_year_1_cost', shows: 'Practices contribution total year 1 cost', why: 'a code with digits' },
    { column: text('metric', 'Metric'), value: 'wte_days_allocated_total', shows: 'WTE days allocated total' },
    { column: text('reason', 'Released because'), value: 'declined', shows: 'Declined', why: 'why capacity was released' },
    { column: text('practice', 'Practice'), value: 'the_practice', shows: 'the_practice', why: 'only code columns are reworded' },
    { column: text('comment', 'Comment'), value: null, shows: '' },
  ])('$value in $column.label reads $shows', ({ column, value, shows }) => {
    expect(displayCell(column, value)).toBe(shows);
  });

  it.each([
    { value: 32_725.5, unit: '£', shows: '£32,725.50', why: 'pounds with both pence' },
    { value: 0.1, unit: '£', shows: '£0.10' },
    { value: 66_689, unit: '£', shows: '£66,689' },
    { value: 14_726.5, unit: null, shows: '14,726.5', why: 'a count as it is' },
  ])('$value in a column of mixed figures, marked $unit, reads $shows', ({ value, unit, shows }) => {
    expect(displayCell(figure('value', 'Value', 'unit'), value, { value, unit })).toBe(shows);
  });

  it('heads a money column without its £, since the cells carry it', () => {
    expect(columnHeader(money('amount', 'Amount £'))).toBe('Amount');
    expect(columnHeader(num('list_size', 'List size'))).toBe('List size');
  });
});
