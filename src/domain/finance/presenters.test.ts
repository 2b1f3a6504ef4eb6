import { describe, expect, it } from 'vitest';
import { TOTAL_LABEL } from '../schemes/report-columns.js';
import { cashFlow } from './cash-flow.js';
import { cashFlowTable, receiptsTable, streamsTable } from './presenters.js';
import { makeStream, seedIe, seedStreams } from '../../../test/support/finance-seeds.js';

describe('streamsTable: a TOTAL row for secured and one for potential, never one of both', () => {
  const streams = seedStreams();
  const table = streamsTable(streams, ['2017/18', '2018/19', '2019/20']);
  it.each<[string, Record<string, number>]>([
    ['Secured', { '2017_18': 461_500, '2018_19': 445_000, '2019_20': 260_000, total: 1_166_500 }],
    ['Potential', { '2017_18': 0, '2018_19': 135_000, '2019_20': 180_000, total: 315_000 }],
  ])('%s, as the seed totals them', (status, expected) => {
    expect(table.rows.find((r) => r.funder === TOTAL_LABEL && r.status === status)).toMatchObject(expected);
  });

  it('has no potential total where no stream is potential', () => {
    expect(streamsTable([makeStream({ amounts: [{ financialYear: '2018/19', amountPence: 100 }] })], ['2018/19']).rows.filter((r) => r.funder === TOTAL_LABEL).map((r) => r.status)).toEqual(['Secured']);
  });
});

describe('receiptsTable: a row a month, a column a stream, totalled both ways', () => {
  const { costs } = seedIe();
  const cbs = makeStream({ id: 7, name: 'CBS', funder: 'LCC / RCC', frequency: 'quarterly', arrearsMonths: 2, amounts: [{ financialYear: '2018/19', amountPence: 20_000_000 }] });
  const nurses = makeStream({ id: 8, name: 'Nurses', funder: 'WL CCG', frequency: 'monthly', arrearsMonths: 0, amounts: [{ financialYear: '2018/19', amountPence: 8_000_000 }] });
  const twin = makeStream({ id: 9, name: 'Nurses', funder: '', frequency: 'annually', arrearsMonths: 0, amounts: [{ financialYear: '2018/19', amountPence: 100_000 }] });
  const flow = cashFlow({ financialYear: '2018/19', openingPence: 5_603_200, thresholdPence: 0, streams: [cbs, nurses, twin], runningCosts: costs });
  const table = receiptsTable(flow);

  it('heads each stream by name, adding the funder where two share a name', () => {
    expect(table.columns.map((c) => c.label)).toEqual(['Month', 'CBS £', 'Nurses (WL CCG) £', 'Nurses (Funder not recorded) £', 'Total £']);
  });

  it('adds the months to the cash flow’s receipts, and the streams to their year’s totals', () => {
    expect(table.rows).toHaveLength(13);
    const months = table.rows.slice(0, 12);
    expect(months.map((r) => r.total)).toEqual(flow.months.map((m) => m.receiptsPence / 100));
    expect(table.rows.at(-1)).toEqual({ month: TOTAL_LABEL, stream_7: 150_000, stream_8: 80_000, stream_9: 1_000, total: 231_000 });
  });

  it.each<[string, number]>([
    ['CBS £', 2],
    ['Nurses (WL CCG) £', 2],
    ['Total £', 2],
  ])('%s shows pence, as every money column does once some amount in the table has them (decimals %i)', (label, decimals) => {
    expect(table.columns.find((c) => c.label === label)!.decimals).toBe(decimals);
  });

  it.each<[string, typeof costs, Record<string, number>]>([
    ['running costs cut into months carry pence into the balances, and so every money column shows pence', costs, { opening: 2, receipts: 2, running_costs: 2, closing: 2 }],
    ['with whole-pound instalments only, every column is whole pounds', [], { opening: 0, receipts: 0, running_costs: 0, closing: 0 }],
  ])('cash flow: %s', (_name, runningCosts, expected) => {
    const table = cashFlowTable(cashFlow({ financialYear: '2018/19', openingPence: 5_603_200, thresholdPence: 0, streams: [cbs], runningCosts }));
    expect(Object.fromEntries(table.columns.map((c) => [c.key, c.decimals]))).toMatchObject(expected);
  });
});
