import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, risks, riskScoreHistory, users } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor } from '../../../test/support/factories.js';
import { loadDemo } from '../demo/load-demo.js';
import { personRecord } from '../people/person-record.js';
import { createRecord, updateRecord } from '../records/records.js';
import { riskRecord } from './risk-record.js';
import { riskScoreHistoryOf } from './risk-views.js';

describe.each(databaseKinds)('a risk’s owner records its review (%s)', (kind) => {
  let database: Database;
  let owner: { userId: number; label: string; role: 'practice_manager'; practiceCodes: string[] };
  let riskId: number;
  const current = async () => (await database.db.select().from(risks).where(eq(risks.id, riskId)))[0]!;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
    const [manager] = await database.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, 'pm.kibworth@elr-federation.example'));
    owner = { userId: manager!.id, label: `Priya Patel <${manager!.email}>`, role: 'practice_manager', practiceCodes: ['C82001'] };
    await createRecord(contextFor(database, adminActor), personRecord, { name: 'Priya Patel', initials: 'PPR', userId: manager!.id });
    const risk = await createRecord(contextFor(database, adminActor), riskRecord, { ref: '40', risk: 'Locum costs over budget', ownerText: 'PPR', likelihood: 3, impact: 3 });
    riskId = risk.id as number;
  });
  afterAll(() => database?.close());

  it('lets the owner change the score, mitigation and next review date, kept in the score history and audit under their name', async () => {
    const ctx = contextFor(database, owner);
    expect((await riskScoreHistoryOf(ctx, riskId)).mayReview).toBe(true);
    const before = await current();
    const reviewed = await updateRecord(ctx, riskRecord, String(riskId), { likelihood: 2, impact: 3, mitigation: 'Bank rates agreed', reviewDate: '2027-03-31' }, before.rowVersion);
    expect(reviewed).toMatchObject({ likelihood: 2, impact: 3, score: 6, mitigation: 'Bank rates agreed', reviewDate: '2027-03-31', rowVersion: before.rowVersion + 1 });
    expect((await database.db.select().from(riskScoreHistory).where(eq(riskScoreHistory.riskId, riskId))).at(-1)).toMatchObject({ score: 6, recordedBy: owner.label });
    const [audit] = (await database.db.select().from(auditLog).where(eq(auditLog.recordId, String(riskId)))).filter((a) => a.recordType === 'risk' && a.action === 'update');
    expect(audit).toMatchObject({ actorLabel: owner.label });
  });

  it('refuses the owner anything else, saying what they may change, before reading it', async () => {
    const ctx = contextFor(database, owner);
    const { rowVersion } = await current();
    await expect(updateRecord(ctx, riskRecord, String(riskId), { status: 'closed', likelihood: 1 }, rowVersion)).rejects.toMatchObject({
      kind: 'forbidden',
      message: 'As its owner you may change the risk’s likelihood, impact, mitigation and review date; the federation changes its status',
    });
    expect(await current()).toMatchObject({ status: 'open', likelihood: 2 });
  });

  it('refuses someone who does not own it, and a commissioner, who reads only', async () => {
    const [other] = await database.db.select({ id: risks.id, rowVersion: risks.rowVersion }).from(risks).where(eq(risks.ref, '1'));
    await expect(updateRecord(contextFor(database, owner), riskRecord, String(other!.id), { likelihood: 1 }, other!.rowVersion)).rejects.toMatchObject({ kind: 'forbidden', message: 'Only the federation and the risk’s owners can change it' });
    expect((await riskScoreHistoryOf(contextFor(database, owner), other!.id)).mayReview).toBe(false);
    await expect(updateRecord(contextFor(database, commissionerActor), riskRecord, String(riskId), { likelihood: 1 }, (await current()).rowVersion)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
