import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { practiceGroups } from '../../db/schema/index.js';
import type { AppContext } from '../context.js';
import { groupRecord } from '../groups/group-record.js';
import { membershipRecord } from '../groups/membership-record.js';
import { importLocalIndicatorsFile } from '../quality/import-local-indicators.js';
import { importQofFile } from '../quality/import-qof.js';
import { insertPrepared } from '../records/records.js';

/** Files in demo/quality/ (see demo/README.md): real QOF 2022-23 rows for the demo practices and illustrative local figures. */
const qofFiles = ['PREVALENCE_ELR_2223.csv', 'qof-register-names.csv'];
const localFile = 'elr-local-indicators-illustrative.csv';
export const demoSchemeGroupName = 'Admission avoidance LIS (illustrative)';

/**
 * The demo's quality data: QOF prevalence, the federation's own (illustrative) monthly indicators
 * and a peer group of practices signed up to an admission avoidance scheme from April 2025, for the
 * scheme evaluation page. Imports change nothing when run again, so this is safe to repeat.
 */
export async function loadDemoQuality(ctx: AppContext, demoFolder: string): Promise<string[]> {
  const file = (name: string) => ({ name, content: readFileSync(join(demoFolder, 'quality', name)) });
  const loaded: string[] = [];
  for (const name of qofFiles) {
    const report = await importIfChanged(ctx, (c) => importQofFile(c, file(name)));
    if (report.rejected) throw new Error(`demo data: ${name} was rejected: ${report.errors[0]?.message}`);
    if (report.inserted) loaded.push(`${report.inserted} QOF figures`);
  }
  const local = await importIfChanged(ctx, (c) => importLocalIndicatorsFile(c, file(localFile)));
  if (local.rejected) throw new Error(`demo data: ${localFile} was rejected: ${local.errors[0]?.message}`);
  if (local.inserted) loaded.push(`${local.inserted} local indicator figures (illustrative)`);

  const [existing] = await ctx.db.select({ id: practiceGroups.id }).from(practiceGroups).where(and(eq(practiceGroups.kind, 'peer_group'), eq(practiceGroups.name, demoSchemeGroupName)));
  if (!existing) {
    const [group] = await insertPrepared(ctx, groupRecord, [{ name: demoSchemeGroupName, kind: 'peer_group', description: 'Illustrative: practices taking part in a local admission avoidance scheme from 1 April 2025.' }]);
    const codes = readFileSync(join(demoFolder, 'quality', 'admission-avoidance-practices-illustrative.csv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
    await insertPrepared(ctx, membershipRecord, codes.map((practiceCode) => ({ groupId: group!.id as number, practiceCode, startDate: '2025-04-01', endDate: null })));
    loaded.push(`the peer group "${demoSchemeGroupName}"`);
  }
  return loaded;
}

const unchanged = Symbol('unchanged');

/**
 * Runs a demo import in a savepoint, kept only if it changed something: an import audits itself even
 * when the file changes nothing (someone chose to import it), but the demo loads on every
 * `npm start`, and each start would add the same "0 inserted" rows to the audit log.
 */
async function importIfChanged<R extends { inserted: number; updated: number }>(ctx: AppContext, run: (ctx: AppContext) => Promise<R>): Promise<R> {
  let report: R | undefined;
  try {
    await ctx.db.transaction(async (tx) => {
      report = await run({ ...ctx, db: tx as never });
      if (!report.inserted && !report.updated) throw unchanged;
    });
  } catch (error) {
    if (error !== unchanged) throw error;
  }
  return report!;
}
