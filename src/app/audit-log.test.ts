import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, managerOf } from '../../test/support/factories.js';
import type { Database } from '../db/client.js';
import { listAudit } from './audit-log.js';
import { loadDemo } from './demo/load-demo.js';
import { fundsOverview } from './funds/fund-report.js';
import { decideApplication, recordDrawdown, submitApplication } from './funds/fund-applications.js';
import { listDelivered, recordDeliveredEntries } from './schemes/delivered-activity.js';
import { recordSettlement } from './schemes/settlement.js';
import { schemesOverview } from './schemes/schemes-overview.js';

/**
 * An auditor follows one practice's money in one place: given its ODS code, the audit log finds
 * its scheme returns and the invoice and payment that counted them (kept under the scheme), its fund
 * applications and the drawdowns against them (kept under the drawdown), not only the records that
 * name the practice themselves.
 */
describe.each(databaseKinds)('the audit log about one practice (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const about = async (code: string) => (await listAudit(admin(), { recordId: code, limit: 1000 })).items.map((a) => `${a.recordType} ${a.recordId}: ${a.summary}`);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('finds a practice’s scheme return, the invoice and payment that counted it, and the drawdowns against its fund application', async () => {
    const winter = (await schemesOverview(admin())).items.find((s) => s.version?.name === 'Winter access scheme 2017/18')!;
    const kibworth = managerOf('C82001');
    const basedOn = (await listDelivered(contextFor(database, kibworth), winter.id)).practiceRevisions;
    await recordDeliveredEntries(contextFor(database, kibworth), winter.id, { entries: [{ practice: 'C82001', takesPart: 'yes', units: { nurse: 210, gp: 0 } }], basedOn });
    const paid = { invoiced: { on: '2018-05-15', reference: 'INV-0042' }, paid: { on: '2018-05-30', reference: 'BACS 77' } };
    await recordSettlement(admin(), winter.id, { version: 1, ...paid, basedOn: { invoiced: null, paid: null } });

    const fundId = (await fundsOverview(admin())).items.find((f) => f.name.startsWith('ELR transformation fund'))!.id;
    const application = await submitApplication(contextFor(database, kibworth), fundId, { practiceCode: 'C82001', title: 'Care navigator training', purpose: 'Signposting', lines: [{ description: 'Course', amount: 100_000 }], submittedOn: '2018-06-01' });
    await decideApplication(contextFor(database, commissionerActor), application.id, { outcome: 'approve', decidedOn: '2018-07-01', rowVersion: 1 });
    const drawdown = await recordDrawdown(admin(), application.id, { amount: 50_000, drawnOn: '2018-09-01', evidence: 'Invoice CN-1' });

    const kibworthsLog = await about('c82001');
    expect(kibworthsLog).toEqual(
      expect.arrayContaining([
        `scheme ${winter.id}: Recorded delivered activity for version 1 from a practice’s own return: 1 return`,
        expect.stringMatching(new RegExp(`^scheme ${winter.id}: Version 1: Invoiced: not recorded → 15 May 2018 \\(ref INV-0042\\) for £`)),
        `fund_application ${application.id}: Applied to ${(await fundsOverview(admin())).items.find((f) => f.id === fundId)!.name} for Care navigator training`,
        `fund_application ${application.id}: Approved: Care navigator training`,
        `drawdown ${drawdown.id}: Drew down against Care navigator training`,
      ]),
    );
    // Countesthorpe (C82002) was paid under the same invoice, and its return came with the demo's file; Kibworth's return and application are not about it.
    const countesthorpesLog = await about('C82002');
    expect(countesthorpesLog.filter((line) => line.startsWith(`scheme ${winter.id}: Version 1: Invoiced`))).toHaveLength(1);
    expect(countesthorpesLog.filter((line) => /delivered activity/.test(line))).toEqual([`scheme ${winter.id}: Recorded delivered activity for version 1 from winter-access-2017-18-delivered.csv: 31 returns`]);
    expect(countesthorpesLog.filter((line) => /Care navigator/.test(line))).toEqual([]);
  });
});
