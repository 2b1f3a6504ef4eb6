import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { databaseKinds, openTestDatabase } from '../../test/support/databases.js';
import { damagedCopies, expectLocatedProblems, harmlessCopies, problemsOf } from '../../test/support/damaged-files.js';
import { adminActor, contextFor } from '../../test/support/factories.js';
import { readNhsData } from '../../test/support/nhs-files.js';
import type { AppContext } from './context.js';
import { loadDemo } from './demo/load-demo.js';
import { importFinanceCsv } from './finance/import-finance.js';
import { boardActionRecord } from './governance/board-action-record.js';
import { riskRecord } from './governance/risk-record.js';
import { personRecord } from './people/person-record.js';
import { importStpFiles } from './programme/import-stp.js';
import { importWorkPlan } from './programme/import-work-plan.js';
import { importRecordsCsv } from './records/import-csv.js';
import { importNhsFile } from './registry/import-file.js';
import { importDeliveredCsv } from './schemes/delivered-activity.js';
import { importHandScheduleCsv } from './schemes/hand-schedule.js';

const project = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url));
/** The rows of an NHS file that name the demo's practices (ELR's, C82…), under its header if it has one. */
const elrRows = (name: string, header: boolean) => {
  const lines = readNhsData(name).toString('utf8').split(/\r?\n/);
  return Buffer.from(`${[...(header ? [lines[0]] : []), ...lines.filter((l) => /(^|,)"?C820\d\d"?,/.test(l)).slice(0, 12)].join('\r\n')}\r\n`);
};

interface Importer {
  name: string;
  file: string;
  content: () => Buffer;
  run: (ctx: AppContext, file: { name: string; content: Uint8Array }, ids: { winter: number; pharmacists: number }) => Promise<unknown>;
  /** A list whose import adds its rows each time (not keyed by a reference), so a second import is refused as a repeat. */
  addsRows?: true;
}

/** Every importer, with a real file it reads: NHS Digital's, the seeds' and the project's examples. */
const importers: Importer[] = [
  { name: 'ODS epraccur', file: 'epraccur.csv', content: () => elrRows('epraccur-2026-06.csv', false), run: (ctx, f) => importNhsFile(ctx, 'ods', f, { asOf: '2026-06-01' }) },
  { name: 'patients registered (list sizes)', file: 'gp-reg-pat-prac-all.csv', content: () => elrRows('gp-reg-pat-prac-all-2025-04.csv', true), run: (ctx, f) => importNhsFile(ctx, 'list-sizes', f) },
  { name: 'PCN mapping', file: 'gp-reg-pat-prac-map.csv', content: () => elrRows('gp-reg-pat-prac-map-2026-08.csv', true), run: (ctx, f) => importNhsFile(ctx, 'pcns', f) },
  { name: 'QOF prevalence', file: 'PREVALENCE_2223.csv', content: () => project('demo/quality/PREVALENCE_ELR_2223.csv'), run: (ctx, f) => importNhsFile(ctx, 'qof', f) },
  { name: 'QOF indicator names', file: 'MAPPING_INDICATORS_2021_v2.csv', content: () => readNhsData('MAPPING_INDICATORS_2021_v2.csv'), run: (ctx, f) => importNhsFile(ctx, 'qof', f) },
  { name: 'local indicators', file: 'local-indicators.csv', content: () => project('demo/quality/elr-local-indicators-illustrative.csv'), run: (ctx, f) => importNhsFile(ctx, 'indicators', f) },
  { name: 'income streams', file: 'income-streams.csv', content: () => project('demo/finance/income-streams.csv'), run: (ctx, f) => importFinanceCsv(ctx, 'streams', f) },
  { name: 'cost savings', file: 'cost-savings.csv', content: () => project('demo/finance/cost-savings.csv'), run: (ctx, f) => importFinanceCsv(ctx, 'savings', f) },
  { name: 'running costs', file: 'running-costs.csv', content: () => project('demo/finance/running-costs-2018-19.csv'), run: (ctx, f) => importFinanceCsv(ctx, 'running-costs', f, { year: '2018/19' }) },
  { name: 'I&E forecast', file: 'ie-forecast.csv', content: () => project('demo/finance/ie-forecast-2018-19.csv'), run: (ctx, f) => importFinanceCsv(ctx, 'ie', f, { year: '2018/19' }) },
  { name: 'work plan', file: 'workplan.csv', content: () => project('demo/programme/elr-workplan.csv'), run: (ctx, f) => importWorkPlan(ctx, f, { planName: 'Fuzzed work plan', asOf: '2018-04-01' }) },
  { name: 'STP deliverables', file: 'deliverables.csv', content: () => project('demo/programme/llr-stp-deliverables.csv'), run: (ctx, f) => importStpFiles(ctx, [f], { asOf: '2018-04-01' }) },
  { name: 'STP milestone grid', file: 'milestones.csv', content: () => project('demo/programme/llr-stp-milestones.csv'), run: (ctx, f) => importStpFiles(ctx, [f], { asOf: '2018-04-01' }) },
  { name: 'STP outcomes', file: 'outcomes.csv', content: () => project('demo/programme/llr-stp-outcomes.csv'), run: (ctx, f) => importStpFiles(ctx, [f], { asOf: '2018-04-01' }) },
  { name: 'risk register', file: 'risks.csv', content: () => project('demo/governance/risks.csv'), run: (ctx, f) => importRecordsCsv(ctx, riskRecord, f) },
  { name: 'board action log', file: 'board-actions.csv', content: () => project('demo/governance/board-actions.csv'), run: (ctx, f) => importRecordsCsv(ctx, boardActionRecord, f) },
  { name: 'a record list (people)', file: 'people.csv', content: () => Buffer.from('name,initials,job title,email\nJo Walker,JQW,Chief operating officer,jo@example.org\n"Sam Smith, GP",SSM,,\n'), run: (ctx, f) => importRecordsCsv(ctx, personRecord, f), addsRows: true },
  { name: 'scheme activity returns', file: 'delivered.csv', content: () => project('examples/schemes/winter-access-2017-18-delivered.csv'), run: (ctx, f, ids) => importDeliveredCsv(ctx, ids.winter, f) },
  { name: 'scheme hand schedule', file: 'hand-schedule.csv', content: () => project('examples/schemes/clinical-pharmacists-2018-hand-schedule.csv'), run: (ctx, f, ids) => importHandScheduleCsv(ctx, ids.pharmacists, f, {}) },
];

/** Damaged copies of each file, the same every run. */
const seed = 20261126;
const copies = 4;

/**
 * Every importer, given damaged copies of a real file, either takes the file or refuses it naming
 * the file, the line (within the file) and what is wrong, with the database exactly as it was; a
 * copy in another encoding or line break imports as the file itself does. The imports each write
 * in one transaction: this holds them to it for the damage no one wrote a test for.
 */
describe.each(databaseKinds)('importers given damaged files (%s)', (kind) => {
  let database: Database;
  let ids: { winter: number; pharmacists: number };
  const ctx = () => contextFor(database, adminActor);
  /** Everything stored, but the jobs list, as one text: equal when nothing was written. */
  const everything = async () => {
    const tables = await database.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'jobs' ORDER BY 1");
    const sums = tables.map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${name}" t`);
    return database.query<{ name: string; n: number; sum: string }>(sums.join(' UNION ALL '));
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
    const schemes = await database.query<{ id: number; slug: string }>('SELECT id, slug FROM schemes ORDER BY id');
    ids = { winter: schemes.find((s) => s.slug.includes('winter'))!.id, pharmacists: schemes.find((s) => s.slug.includes('pharmacist'))!.id };
  });
  afterAll(() => database?.close());

  it.each(importers.map((importer, i) => ({ ...importer, i })))('$name: takes a damaged file whole or refuses it, saying where, and writes nothing', async ({ file, content, run, i }) => {
    for (const copy of damagedCopies(content(), seed + i, copies)) {
      const before = await everything();
      const problems = await problemsOf(run(ctx(), { name: file, content: copy.content }, ids));
      expectLocatedProblems(problems, file, copy.content, copy.damage);
      if (problems.length) expect(await everything(), `${copy.damage} was refused, yet something was written`).toEqual(before);
    }
  });

  it.each(importers.filter((importer) => !importer.addsRows))('$name: reads a copy in another encoding or line break as the file itself, and again changes nothing', async ({ file, content, run }) => {
    expect(await problemsOf(run(ctx(), { name: file, content: content() }, ids))).toEqual([]);
    const settled = await everything();
    for (const copy of harmlessCopies(content())) {
      expect(await problemsOf(run(ctx(), { name: file, content: copy.content }, ids)), copy.damage).toEqual([]);
      // The audit may note each import; what the file describes is as it was.
      const described = (tables: typeof settled) => tables.filter((t) => t.name !== 'audit_log');
      expect(described(await everything()), `${copy.damage} changed what the file had stored`).toEqual(described(settled));
    }
  });
});
