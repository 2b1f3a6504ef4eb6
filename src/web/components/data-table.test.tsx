import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type Column, DataTable } from './data-table.js';

interface Row {
  name: string;
  firstPence: number;
  secondPence: number;
}
const columns: Column<Row>[] = [
  { key: 'name', header: 'Locality', cell: (r) => r.name },
  { key: 'first', header: '2017/18', numeric: true, pence: (r) => r.firstPence },
  { key: 'second', header: '2018/19', numeric: true, pence: (r) => r.secondPence },
];
const rows: Row[] = [
  { name: 'Harborough', firstPence: 3_010_250, secondPence: 12_041_000 },
  { name: 'Rutland', firstPence: 1_000_000, secondPence: 4_000_000 },
];
const cellsOf = (html: string) => [...html.matchAll(/£[\d,.]+/g)].map((m) => m[0]);

describe('money columns in a table', () => {
  it('writes each column by itself: pence only where some amount in it has them', () => {
    expect(cellsOf(renderToString(<DataTable caption="Shares" columns={columns} rows={rows} rowKey={(r) => r.name} />))).toEqual(['£30,102.50', '£120,410', '£10,000.00', '£40,000']);
  });

  it('writes columns read across one another alike, when asked', () => {
    expect(cellsOf(renderToString(<DataTable caption="Shares" columns={columns} rows={rows} rowKey={(r) => r.name} moneyAcross />))).toEqual(['£30,102.50', '£120,410.00', '£10,000.00', '£40,000.00']);
  });
});
