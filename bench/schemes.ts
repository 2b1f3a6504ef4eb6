import { parsePatientsRegistered } from '../src/domain/registry/index.js';
import type { DeliveredActivity } from '../src/domain/schemes/delivered.js';
import type { SchemePractice } from '../src/domain/schemes/practices.js';
import { runScheme, type SchemeRun } from '../src/domain/schemes/run-scheme.js';
import { parseSchemeDefinition } from '../src/domain/schemes/scheme-definition.js';
import { nhsFile } from '../test/support/nhs-files.js';
import { fmt, medianMs } from './timing.js';

/**
 * Issue "Schemes & payments engine", performance: one scheme over every GP practice in England
 * (list sizes from the April 2025 patients-registered file) — allocation by list share, payments
 * on synthetic but deterministic delivered activity, and a 4-year cost-sharing schedule; target
 * at most 50 ms for the run, printed beside the time to read the inputs.
 */
export const definition = parseSchemeDefinition({
  version: 1,
  id: 'england-bench',
  name: 'Every practice in England (benchmark)',
  funder: 'NHS England',
  period: { weeks: 8, financialYears: ['2025/26', '2026/27', '2027/28', '2028/29'] },
  listSnapshot: { date: '2025-04-01' },
  apportionment: { basis: 'list_size' },
  shared: { unit: 'appointments', quantity: 1_000_000 },
  deliveryModels: [
    { id: 'nurse', name: 'Nurse', unitsPerHour: 4, hourlyRate: 50 },
    { id: 'gp', name: 'GP', unitsPerHour: 6, hourlyRate: 95 },
  ],
  fee: { percent: 5 },
  costModel: { base: [{ label: 'Clinical pharmacists', quantity: 1500, unitCost: 58620 }], annualUpliftPercent: 2, fixedLines: [{ label: 'Federation support', amount: 250_000 }] },
  fundingSources: [{ source: 'NHS England', amounts: [60_000_000, 40_000_000, 20_000_000, 0] }],
});

/** Activity that looks like returns (some blank, some over the allocation) and is the same every run. */
export function synthesiseDelivered(practices: readonly SchemePractice[]): DeliveredActivity[] {
  return practices.map((p, i) => {
    const list = p.listSize ?? 0;
    const blank = i % 17 === 0;
    return { practiceKey: p.key, takesPart: 'yes', units: { nurse: blank ? null : (list * 7) % 101, gp: blank ? null : (list * 13) % 157 } };
  });
}

export async function benchSchemes(): Promise<string[]> {
  const file = nhsFile('gp-reg-pat-prac-all-2025-04.csv');
  let practices: SchemePractice[] = [];
  const read = await medianMs(5, () => {
    const parsed = parsePatientsRegistered(file.content, file.name);
    practices = parsed.rows.filter((r) => r.patients > 0).map((r) => ({ key: r.odsCode, name: r.odsCode, odsCode: r.odsCode, listSize: r.patients, participation: 'yes' }));
  });
  const delivered = synthesiseDelivered(practices);
  let result: SchemeRun | undefined;
  // Five warm-up runs first: a server runs a scheme many times, with its code compiled.
  const run = await medianMs(
    15,
    () => {
      result = runScheme({ definition, practices, delivered });
    },
    undefined,
    undefined,
    5,
  );
  // Statements are built when first read (one practice's, or all of them for an export).
  const statements = await medianMs(5, () => runScheme({ definition, practices, delivered }).statements.length);
  const invoice = result!.payments!.totals.grandTotal.total / 100;
  const practicesPay = result!.multiYear!.totals.contribution.total / 100;
  return [
    `Schemes over every GP practice in England (median of 15 runs after 5 warm-ups): allocation by list share, payments on delivered activity, 4-year schedule`,
    `read ${file.name} (${practices.length} practices)   ${fmt(read)}`,
    `run the scheme: invoice £${invoice.toLocaleString('en-GB')}, practices pay £${practicesPay.toLocaleString('en-GB')} over 4 years  ${fmt(run)} (target ≤ 50 ms)`,
    `run and write all ${practices.length} statements        ${fmt(statements)}`,
  ];
}
