import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

/** The federation's own figures, beside the repository: the tests work the expected values out from them. */
const elrData = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '../shared/data/elr');
const readCsv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(elrData, name), 'utf8'), { header: true, skipEmptyLines: true }).data;
const csvValues = (name: string, key: string) => new Map(readCsv(name).map((row) => [row[key]!, row.value!]));

export const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);
export const pounds = (n: number) => `£${count(n)}`;

/** The winter scheme's printed TOTAL row, from the seed's expected summary. */
export function winterExpected() {
  const summary = csvValues('winter-access-2017-18-expected-summary.csv', 'metric');
  const figure = (metric: string) => {
    const value = summary.get(metric);
    if (value === undefined) throw new Error(`${metric} is missing from the expected summary`);
    return Number(value);
  };
  return { delivered: figure('appointments_delivered_total'), cost: figure('delivered_cost'), fee: figure('federation_fee_5pct'), total: figure('grand_total') };
}

/**
 * The pharmacists scheme's shortfall, from its parameters: the 2018 spreadsheet charged the year-1
 * cost every year, the model uplifts the pharmacists' pay each year from year 2, and the funding and
 * the fixed support are the same in both, so the shortfall is the uplift alone.
 */
export function pharmacistsShortfall(): number {
  const p = csvValues('pharmacists-scheme-2018-parameters.csv', 'parameter');
  const pay = Number(p.get('pharmacists_awarded')) * Number(p.get('pay_rate_per_pharmacist_year1'));
  const uplift = Number(p.get('pay_uplift_per_year')) / 100;
  const years = Number(p.get('scheme_years'));
  let shortfall = 0;
  for (let year = 0; year < years; year++) shortfall += pay * ((1 + uplift) ** year - 1);
  return Math.round(shortfall);
}

/** The other schedule, from the same parameters: the year-1 cost (pay and support) each year, less that year's NHS England funding. */
export function pharmacistsYear1Contributions(): number[] {
  const p = csvValues('pharmacists-scheme-2018-parameters.csv', 'parameter');
  const cost = Number(p.get('pharmacists_awarded')) * Number(p.get('pay_rate_per_pharmacist_year1')) + Number(p.get('federation_support_per_year'));
  return Array.from({ length: Number(p.get('scheme_years')) }, (_, year) => cost - Number(p.get(`nhse_funding_year${year + 1}`)));
}
