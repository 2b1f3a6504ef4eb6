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
    const report = await importQofFile(ctx, file(name));
    if (report.rejected) throw new Error(`demo data: ${name} was rejected: ${report.errors[0]?.message}`);
    if (report.inserted) loaded.push(`${report.inserted} QOF figures`);
  }
  const local = await importLocalIndicatorsFile(ctx, file(localFile));
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
