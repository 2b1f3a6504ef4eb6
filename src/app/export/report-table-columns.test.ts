import { describe, expect, it } from 'vitest';
import { cashFlow } from '../../domain/finance/cash-flow.js';
import { cashFlowTable, receiptsTable } from '../../domain/finance/presenters.js';
import { TOTAL_LABEL } from '../../domain/schemes/report-columns.js';
import { makeStream, seedIe } from '../../../test/support/finance-seeds.js';
import { reportTableColumns } from './report-table-columns.js';

describe('a report table’s months in each format', () => {
  const cbs = makeStream({ id: 7, name: 'CBS', funder: 'LCC / RCC', frequency: 'quarterly', arrearsMonths: 2, amounts: [{ financialYear: '2018/19', amountPence: 20_000_000 }] });
  const flow = cashFlow({ financialYear: '2018/19', openingPence: 5_603_200, thresholdPence: 0, streams: [cbs], runningCosts: seedIe().costs });

  it.each([
    ['csv', '2018-04'],
    ['xlsx', '2018-04'],
    ['table', 'April 2018'],
  ] as const)('keeps each month as YYYY-MM in %s, and reads it as %s on the page and in the terminal', (format, first) => {
    for (const made of [receiptsTable(flow), cashFlowTable(flow)]) {
      const month = reportTableColumns(made, format, 'labels')[0]!;
      expect([month.header, month.numeric, month.value(made.rows[0]!), month.value(made.rows.at(-1)!)]).toEqual(['Month', false, first, TOTAL_LABEL]);
    }
  });

});
