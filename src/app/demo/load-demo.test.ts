import { eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, practiceGroups, practiceHistory, practices, riskScoreHistory, schemeVersions } from '../../db/schema/index.js';
import { nhsFile } from '../../../test/support/nhs-files.js';
import { importNhsFile } from '../registry/import-file.js';
import { actorName } from '../../domain/words.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { cliActor } from '../context.js';
import { createRecord, getRecord, updateRecord } from '../records/records.js';
import { groupRecord } from '../groups/group-record.js';
import { practiceRecord } from '../registry/practice-record.js';
import { userRecord } from '../users/user-record.js';
import { demoSignIns, loadDemo } from './load-demo.js';

describe.each(databaseKinds)('who the demo’s records say wrote them (%s)', (kind) => {
  let database: Database;
  const operator = cliActor('operator');

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo({ db: database.db, actor: operator });
  });
  afterAll(() => database?.close());

  it('names the demo as the author of what it loaded, not the operator who ran `atscale demo load`', async () => {
    const versions = await database.db.select({ createdBy: schemeVersions.createdBy, approvedBy: schemeVersions.approvedBy }).from(schemeVersions);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions.flatMap((v) => [v.createdBy, v.approvedBy].filter(Boolean)))).toEqual(new Set(['demo']));
    expect(new Set((await database.db.select({ by: riskScoreHistory.recordedBy }).from(riskScoreHistory)).map((r) => r.by))).toEqual(new Set(['demo']));
    expect(actorName('demo')).toBe('Demo data');
  });

  it('keeps the operator in the audit as the one who loaded it; every record it wrote is audited as the demo’s', async () => {
    const [load] = await database.db.select({ actorLabel: auditLog.actorLabel }).from(auditLog).where(eq(auditLog.recordType, 'demo'));
    expect(load).toEqual({ actorLabel: 'cli:operator' });
    const others = await database.db.selectDistinct({ actorLabel: auditLog.actorLabel }).from(auditLog).where(ne(auditLog.recordType, 'demo'));
    // The demo commissioner's fund decisions are made as that user, as a signed-in commissioner's are.
    expect(others.map((o) => o.actorLabel).sort()).toEqual(['Chris Morgan <commissioner@elr-ccg.example>', 'demo']);
  });

  it('keeps its later facts when an older ODS file is imported after it, writing no false history', async () => {
    const report = await importNhsFile({ db: database.db, actor: operator }, 'ods', nhsFile('epraccur-2018-06.csv'));
    expect(report.rejected).toBe(0);
    const held = await database.db.select({ code: practices.odsCode, status: practices.status, commissionerCode: practices.commissionerCode, closeDate: practices.closeDate }).from(practices).where(inArray(practices.odsCode, ['C82036', 'C82119'])).orderBy(practices.odsCode);
    expect(held).toEqual([
      { code: 'C82036', status: 'closed', commissionerCode: '03W', closeDate: '2020-06-30' },
      { code: 'C82119', status: 'active', commissionerCode: '04C', closeDate: null },
    ]);
    expect(await database.db.select().from(practiceHistory).where(inArray(practiceHistory.odsCode, ['C82036', 'C82119']))).toEqual([]);
    expect(report.notes.some((n) => n.includes('newer than this file'))).toBe(true);
  });

  it('holds the demo sign-ins, to be printed when the server starts', async () => {
    expect((await demoSignIns(database.db)).map((u) => u.email)).toEqual(['admin@elr-federation.example', 'pm.kibworth@elr-federation.example', 'commissioner@elr-ccg.example', 'clinician@elr-federation.example']);
  });

  it('still names the operator for what they change at the command line afterwards', async () => {
    const practice = await getRecord({ db: database.db, actor: operator }, practiceRecord, 'C82001');
    await updateRecord({ db: database.db, actor: operator }, practiceRecord, 'C82001', { notes: 'Changed by hand' }, practice.rowVersion as number);
    const [change] = await database.db.select({ actorLabel: auditLog.actorLabel }).from(auditLog).where(eq(auditLog.recordId, 'C82001'));
    expect(actorName(change!.actorLabel)).toBe('operator (command line)');
  });
});

describe.each(databaseKinds)('the demo and a database set up for real (%s)', (kind) => {
  let database: Database;
  afterAll(() => database?.close());

  it('is not loaded beside groups of the database’s own, and says how to try it', async () => {
    database = await openTestDatabase(kind);
    const ctx = { db: database.db, actor: cliActor('operator') };
    await createRecord(ctx, groupRecord, { name: 'Our federation', kind: 'federation' });
    const result = await loadDemo(ctx);
    expect(result).toEqual({ loaded: false, refused: true, message: expect.stringMatching(/^This database already holds groups of its own \(Our federation\), so the demo was not loaded into it: .+ ATSCALE_DATA_DIR=\.\/demo-data npm start\.$/) });
    expect((await database.db.select({ name: practiceGroups.name }).from(practiceGroups)).map((g) => g.name)).toEqual(['Our federation']);
    expect(await database.db.$count(practices)).toBe(0);
    expect(await demoSignIns(database.db)).toEqual([]);
  });

  it('is not loaded once the database has people of its own, before any group is set up', async () => {
    const fresh = await openTestDatabase(kind);
    try {
      const ctx = { db: fresh.db, actor: cliActor('operator') };
      await createRecord(ctx, userRecord, { email: 'coo@our-federation.nhs.net', name: 'Our COO', role: 'admin', password: 'a long enough password' });
      const result = await loadDemo(ctx);
      expect(result).toEqual({ loaded: false, refused: true, message: expect.stringMatching(/^This database already holds users of its own \(coo@our-federation\.nhs\.net\), so the demo was not loaded into it: /) });
      expect(await fresh.db.$count(practices)).toBe(0);
      expect(await fresh.db.$count(practiceGroups)).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
