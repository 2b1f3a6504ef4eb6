import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { IeIncomeLine, IncomeStream, RunningCostLine } from '../../src/domain/finance/types.js';

/** The seeds' ELR tables, read where the project keeps them (tests only). */
export const elrSeedFolder = fileURLToPath(new URL('../../../shared/data/elr/', import.meta.url));
export const readSeed = (name: string) => Papa.parse<Record<string, string>>(readFileSync(`${elrSeedFolder}${name}`, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** The seed's income table as streams: one stream per funder, name and status, with its yearly amounts. */
export function seedStreams(): IncomeStream[] {
  const streams = new Map<string, IncomeStream>();
  for (const row of readSeed('income-streams.csv')) {
    const key = `${row.commissioner}|${row.stream}|${row.status}`;
    let stream = streams.get(key);
    if (!stream) {
      stream = makeStream({ id: streams.size + 1, funder: row.commissioner!, name: row.stream!, status: row.status as IncomeStream['status'] });
      streams.set(key, stream);
    }
    stream.amounts.push({ financialYear: row.financial_year!, amountPence: Number(row.amount) * 100 });
  }
  return [...streams.values()];
}

export const makeStream = (over: Partial<IncomeStream> = {}): IncomeStream => ({
  id: 1,
  funder: 'ELR CCG',
  name: 'A stream',
  status: 'secured',
  frequency: 'monthly',
  arrearsMonths: 0,
  practicesShareBasisPoints: 0,
  contractReference: null,
  endDate: null,
  schemeId: null,
  amounts: [],
  ...over,
});

/** The seed's 2018/19 I&E item lines as stored lines: income by section, and running costs. */
export function seedIe(): { income: IeIncomeLine[]; costs: RunningCostLine[] } {
  const items = readSeed('ie-forecast-2018-19.csv').filter((r) => r.row_type === 'item');
  const income = items
    .filter((r) => r.section!.endsWith('income'))
    .map((r, i): IeIncomeLine => ({ id: i + 1, financialYear: '2018/19', section: r.section!.startsWith('secured') ? 'secured' : 'potential', line: r.line!, amountPence: Number(r.amount) * 100, comment: r.comment || null, streamId: null, schemeId: null }));
  const costs = readSeed('running-costs-2018-19.csv').map((r, i): RunningCostLine => ({ id: i + 1, financialYear: '2018/19', category: 'Unallocated', line: r.line!, amountPence: Number(r.amount) * 100, comment: r.comment || null, frequency: 'monthly', arrearsMonths: 0 }));
  return { income, costs };
}

/** The demo's income streams file (this repository's demo/finance), which adds each stream's terms, share and linked scheme to the seed's amounts. */
const demoStreamsFile = fileURLToPath(new URL('../../demo/finance/income-streams.csv', import.meta.url));

/** One stream of the demo's file, with its terms and amounts as the import reads them. */
export function demoStream(name: string, status: IncomeStream['status'], id = 1): IncomeStream {
  const rows = Papa.parse<Record<string, string>>(readFileSync(demoStreamsFile, 'utf8'), { header: true, skipEmptyLines: true }).data.filter((r) => r.stream === name && r.status === status);
  const first = rows[0]!;
  return makeStream({
    id,
    funder: first.commissioner!,
    name,
    status,
    frequency: first.payment_terms as IncomeStream['frequency'],
    arrearsMonths: Number(first.arrears_months),
    practicesShareBasisPoints: Number(first.practices_share_percent) * 100,
    amounts: rows.map((r) => ({ financialYear: r.financial_year!, amountPence: Number(r.amount) * 100 })),
  });
}
