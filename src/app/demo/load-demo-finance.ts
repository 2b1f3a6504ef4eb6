import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { financeYears } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { importFinanceCsv } from '../finance/import-finance.js';
import { financeYearRecord } from '../finance/stream-records.js';
import { insertPrepared } from '../records/records.js';

/** The demo's finance files, in the order they depend on each other: years, streams, running costs, then the I&E that checks against both. */
const files = [
  { kind: 'streams', name: 'income-streams.csv' },
  { kind: 'savings', name: 'cost-savings.csv' },
  { kind: 'running-costs', name: 'running-costs-2018-19.csv', year: '2018/19' },
  { kind: 'ie', name: 'ie-forecast-2018-19.csv', year: '2018/19' },
] as const;

/**
 * Loads the ELR finance plan (income streams, savings, 2018/19 running costs and I&E) through the
 * same import as the API. Skipped when the plan already has years, so loading twice changes nothing.
 */
export async function loadDemoFinance(ctx: AppContext, demoFolder: string): Promise<string[]> {
  const [any] = await ctx.db.select({ id: financeYears.id }).from(financeYears).limit(1);
  if (any) return [];
  const folder = join(demoFolder, 'finance');
  const years = Papa.parse<Record<string, string>>(readFileSync(join(folder, 'finance-years.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  await insertPrepared(ctx, financeYearRecord, years.map((y) => ({ financialYear: y.financial_year, openingBalance: y.opening_balance, cashThreshold: y.cash_threshold, notes: y.notes || null })).map((y) => financeYearRecord.createSchema.parse(y)));
  for (const file of files) await importFinanceCsv(ctx, file.kind, { name: file.name, content: readFileSync(join(folder, file.name)) }, 'year' in file ? { year: file.year } : {});
  return [`the finance plan ${years.map((y) => y.financial_year).join(', ')}`];
}
