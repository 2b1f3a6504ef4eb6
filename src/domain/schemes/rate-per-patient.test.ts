import { describe, expect, it } from 'vitest';
import { runScheme } from './run-scheme.js';
import { schemeReportTables } from './report-tables.js';
import { schemeTerms } from './scheme-terms.js';
import { ELR_DATA, makeDefinition, makePractice, problemsOf, readRecords } from '../../../test/support/scheme-seeds.js';

/**
 * DOMAIN §3.1 and §4.3: a commissioner may offer a rate for each registered patient rather than a
 * sum. The pot is the rate × the participating practices' combined list, and each practice's
 * money the rate × its own list. The rates are ELR's (per-head-rates.csv), the lists its practices'.
 */
const elrPractices = readRecords(`${ELR_DATA}practices.csv`).map((row, i) => makePractice({ odsCode: `C9${String(i).padStart(4, '0')}`, name: row.practice!, listSize: Number(row.list_size) }));
const listTotal = elrPractices.reduce((total, p) => total + p.listSize!, 0);
const rates = readRecords(`${ELR_DATA}per-head-rates.csv`)
  .filter((row) => row.financial_year)
  .map((row) => ({ scheme: `${row.scheme!} ${row.financial_year!}`, rate: Number(row.rate_gbp_per_patient) }));

const perPatient = (rate: number, overrides: Parameters<typeof makeDefinition>[0] = {}) =>
  makeDefinition({ shared: { unit: 'gbp', quantity: rate, per: 'patient' }, deliveryModels: [], rounding: { quantity: 'largest_remainder_2dp' }, ...overrides });

describe('money at a rate for each registered patient', () => {
  it('has ELR’s rates to work from', () => {
    expect(rates.length).toBeGreaterThanOrEqual(4);
    expect(elrPractices).toHaveLength(31);
  });

  it.each(rates)('$scheme: £$rate a patient gives each practice the rate × its list, adding up to the rate × the combined list', ({ rate }) => {
    const definition = perPatient(rate);
    const run = runScheme({ definition, practices: elrPractices });
    // Rates in whole pence make every practice's amount exact, so no penny moves between them.
    const ratePence = Math.round(rate * 100);
    expect(run.allocation.rows.map((r) => r.quantityPence)).toEqual(elrPractices.map((p) => ratePence * p.listSize!));
    expect(run.allocation.totals.quantity.total).toBe((ratePence * listTotal) / 100);
    const summary = schemeReportTables(run, definition).find((t) => t.name === 'summary')!;
    expect(summary.rows.find((r) => r.metric === 'rate_per_patient')).toMatchObject({ value: rate, unit: '£' });
    expect(summary.rows.find((r) => r.metric === 'list_size_total')?.value).toBe(listTotal);
  });

  it('keeps the pot unrounded until each figure is shown: £3.34 a patient over lists with pennies to share', () => {
    // Norfolk's improved-access rate (DOMAIN §4.3) over three practices: £3.34 × 46,733 = £156,088.22.
    const practices = [makePractice({ odsCode: 'D99001', listSize: 26_437 }), makePractice({ odsCode: 'D99002', listSize: 7_301 }), makePractice({ odsCode: 'D99003', listSize: 12_995 })];
    const run = runScheme({ definition: perPatient(3.34), practices });
    expect(run.allocation.rows.map((r) => r.quantityPence)).toEqual(practices.map((p) => 334 * p.listSize!));
    expect(run.allocation.totals.quantity.total).toBe((334 * 46_733) / 100);
  });

  it('tells each practice its rate and its list on its statement, and states the rate in the terms', () => {
    const definition = perPatient(0.1);
    const run = runScheme({ definition, practices: elrPractices });
    const kibworth = run.statements.find((s) => s.practiceName === 'Kibworth Medical Centre')!;
    const list = elrPractices.find((p) => p.name === 'Kibworth Medical Centre')!.listSize!;
    expect(kibworth.lines).toContainEqual({ label: 'Allocation', detail: `£0.10 for each of its ${list.toLocaleString('en-GB')} registered patients`, amountPence: 10 * list });
    expect(schemeTerms(definition).find((t) => t.key === 'Shared')?.value).toBe('£0.10 for each registered patient of the practices taking part, at the list-size snapshot');
  });

  it('counts only the practices taking part in the combined list', () => {
    const practices = elrPractices.map((p, i) => (i === 0 ? { ...p, participation: 'no' as const } : p));
    const run = runScheme({ definition: perPatient(2), practices });
    expect(run.allocation.totals.quantity.total).toBe(2 * (listTotal - elrPractices[0]!.listSize!));
  });

  it.each([
    { name: 'appointments at a rate per patient', overrides: { shared: { unit: 'appointments' as const, quantity: 2, per: 'patient' as const } }, field: 'shared.unit', message: /is money/ },
    { name: 'a rate per patient shared equally', overrides: { apportionment: { basis: 'equal' as const } }, field: 'apportionment.basis', message: /shared by registered list size/ },
  ])('refuses $name', ({ overrides, field, message }) => {
    const problems = problemsOf(() => perPatient(1, overrides));
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
  });
});
