import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, contracts, groupMemberships, planTasks, policies, practiceGroups, risks, riskScoreHistory, subContracts, taskPositionUpdates, userPractices, users } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, managerOf } from '../../../test/support/factories.js';
import { importNhsFile } from '../registry/import-file.js';
import { contractRecord } from '../contracts/contract-record.js';
import { loadDemo } from '../demo/load-demo.js';
import { groupRecord } from '../groups/group-record.js';
import { riskRecord } from '../governance/risk-record.js';
import { planTaskRecord } from '../programme/plan-task-record.js';
import { userRecord } from '../users/user-record.js';
import { personRecord } from '../people/person-record.js';
import { acknowledgePolicy } from '../governance/acknowledgements.js';
import { createRecord, deleteRecord, updateRecord } from './records.js';
import type { AnyRecordType } from './record-type.js';

describe.each(databaseKinds)('writes that keep the data whole: permissions asked in use cases, deletes of records others depend on (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const tally = async (table: typeof groupMemberships | typeof subContracts | typeof riskScoreHistory, where: ReturnType<typeof eq>) => Number((await database.db.select({ n: count() }).from(table).where(where))[0]!.n);
  const lastDeleteAudit = async (type: AnyRecordType, id: number) =>
    (await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, type.name), eq(auditLog.recordId, String(id)), eq(auditLog.action, 'delete'))))[0];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('lets only an admin load the demo or import an NHS file, asked in the use case itself', async () => {
    const manager = contextFor(database, managerOf('C82001'));
    await expect(loadDemo(manager)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(importNhsFile(contextFor(database, commissionerActor), 'ods', { name: 'epraccur.csv', content: Buffer.from('') })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await loadDemo(admin())).toMatchObject({ loaded: false });
  });

  it('refuses to delete a locality that still has practice memberships, and deletes an empty one', async () => {
    const [locality] = await database.db.select().from(practiceGroups).where(eq(practiceGroups.name, 'Harborough'));
    const members = await tally(groupMemberships, eq(groupMemberships.groupId, locality!.id));
    expect(members).toBeGreaterThan(1);
    await expect(deleteRecord(admin(), groupRecord, String(locality!.id), locality!.rowVersion)).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(new RegExp(`^Group ${locality!.id} still has ${members} practice memberships( and 1 fund application)?, so it cannot be deleted\\. Remove (them|those) first, or keep it\\.$`)),
    });
    expect(await tally(groupMemberships, eq(groupMemberships.groupId, locality!.id))).toBe(members);
    const empty = (await createRecord(admin(), groupRecord, { name: 'Empty locality', kind: 'locality', parentId: locality!.parentId })) as { id: number; rowVersion: number };
    await deleteRecord(admin(), groupRecord, String(empty.id), empty.rowVersion);
    expect(await database.db.select().from(practiceGroups).where(eq(practiceGroups.id, empty.id))).toEqual([]);
  });

  it('refuses to delete a federation that still has localities, naming each kind of dependant', async () => {
    const [federation] = await database.db.select().from(practiceGroups).where(and(eq(practiceGroups.kind, 'federation'), isNull(practiceGroups.parentId)));
    const refusal = deleteRecord(admin(), groupRecord, String(federation!.id), federation!.rowVersion);
    await expect(refusal).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/still has \d+ localities, \d+ practice memberships/) });
  });

  it('refuses to delete a contract with sub-contracted practices', async () => {
    const [contract] = await database.db.select().from(contracts).limit(1);
    const subs = await tally(subContracts, eq(subContracts.contractId, contract!.id));
    expect(subs).toBeGreaterThan(0);
    await expect(deleteRecord(admin(), contractRecord, String(contract!.id), contract!.rowVersion)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining(`still has ${subs} sub-contracted practice`) });
    expect(await tally(subContracts, eq(subContracts.contractId, contract!.id))).toBe(subs);
  });

  it('keeps a deleted risk’s score history in the audit, as the cascade takes it', async () => {
    const [risk] = await database.db.select().from(risks).limit(1);
    await updateRecord(admin(), riskRecord, String(risk!.id), { likelihood: 4, impact: 5 }, risk!.rowVersion);
    const history = await database.db.select().from(riskScoreHistory).where(eq(riskScoreHistory.riskId, risk!.id));
    expect(history.length).toBeGreaterThan(0);
    await deleteRecord(admin(), riskRecord, String(risk!.id), risk!.rowVersion + 1);
    expect(await tally(riskScoreHistory, eq(riskScoreHistory.riskId, risk!.id))).toBe(0);
    const audit = await lastDeleteAudit(riskRecord, risk!.id);
    expect((audit!.before as { scoreHistory: { score: number }[] }).scoreHistory.map((h) => h.score)).toEqual(history.map((h) => h.score));
  });

  it('keeps a task with a position log, and clears the “id used twice” flag of the line left alone by a delete', async () => {
    const withLog = await database.db.selectDistinct({ taskId: taskPositionUpdates.taskId }).from(taskPositionUpdates).limit(1);
    const [logged] = await database.db.select().from(planTasks).where(eq(planTasks.id, withLog[0]!.taskId));
    await expect(deleteRecord(admin(), planTaskRecord, String(logged!.id), logged!.rowVersion)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringContaining('position update') });

    const twins = await database.db.select().from(planTasks).where(eq(planTasks.duplicateRef, true));
    const ref = twins.find((t) => twins.filter((o) => o.ref === t.ref && o.planId === t.planId).length === 2)!.ref;
    const [gone, kept] = twins.filter((t) => t.ref === ref);
    await database.db.delete(taskPositionUpdates).where(eq(taskPositionUpdates.taskId, gone!.id));
    await deleteRecord(admin(), planTaskRecord, String(gone!.id), gone!.rowVersion);
    const [after] = await database.db.select().from(planTasks).where(eq(planTasks.id, kept!.id));
    expect(after!.duplicateRef).toBe(false);
    // The flag is worked out, not typed, but its change is still in the audit, by whoever made it happen.
    const [flagAudit] = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'plan_task'), eq(auditLog.recordId, String(kept!.id)), eq(auditLog.action, 'update'))).orderBy(desc(auditLog.id)).limit(1);
    expect(flagAudit).toMatchObject({ actorLabel: adminActor.label, before: { duplicateRef: true }, after: { duplicateRef: false }, summary: `No other task in the plan has id ${ref} now` });
  });

  it('will not leave a practice manager without a practice, and a deleted user takes their practices with them, into the audit', async () => {
    const created = (await createRecord(admin(), userRecord, { email: 'pm.test@example.org', name: 'Pat Test', role: 'clinician', password: 'a long enough password' })) as { id: number; rowVersion: number };
    await expect(updateRecord(admin(), userRecord, String(created.id), { role: 'practice_manager' }, created.rowVersion)).rejects.toMatchObject({ kind: 'invalid', message: 'A practice manager must work for at least one practice' });
    // A practice that has closed (Two Shires, in the demo) has no one to manage it now.
    await expect(updateRecord(admin(), userRecord, String(created.id), { role: 'practice_manager', practiceCodes: ['C82036'] }, created.rowVersion)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'practiceCodes', message: 'C82036 closed on 30 June 2020: choose practices that are open' }] });
    const [practice] = await database.db.select({ code: groupMemberships.practiceCode }).from(groupMemberships).where(isNull(groupMemberships.endDate)).limit(1);
    await updateRecord(admin(), userRecord, String(created.id), { role: 'practice_manager', practiceCodes: [practice!.code] }, created.rowVersion);
    await deleteRecord(admin(), userRecord, String(created.id), created.rowVersion + 1);
    expect(await database.db.select().from(users).where(eq(users.id, created.id))).toEqual([]);
    expect(await database.db.select().from(userPractices).where(eq(userPractices.userId, created.id))).toEqual([]);
    const audit = await lastDeleteAudit(userRecord, created.id);
    expect((audit!.before as { practices: { practiceCode: string }[] }).practices.map((p) => p.practiceCode)).toEqual([practice!.code]);
  });

  it('keeps a person still named as an owner, and a user whose acknowledgements name them, saying what to do instead', async () => {
    const owner = (await createRecord(admin(), personRecord, { name: 'Olive Owner', initials: 'OO' })) as { id: number; rowVersion: number };
    await createRecord(admin(), riskRecord, { ref: 'R-OO', risk: 'A risk Olive owns', ownerText: 'OO' });
    await expect(deleteRecord(admin(), personRecord, String(owner.id), owner.rowVersion)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/still has \d+ risks? they own/) });
    const [policy] = await database.db.select().from(policies).where(sql`cardinality(${policies.practiceCodes}) > 0`).limit(1);
    const practiceCode = policy!.practiceCodes[0]!;
    const user = (await createRecord(admin(), userRecord, { email: 'ack.test@example.org', name: 'Ada Ack', role: 'practice_manager', practiceCodes: [practiceCode], password: 'a long enough password' })) as { id: number; rowVersion: number };
    await acknowledgePolicy({ db: database.db, actor: { userId: user.id, label: 'Ada Ack', role: 'practice_manager', practiceCodes: [practiceCode] } }, policy!.id, practiceCode);
    await expect(deleteRecord(admin(), userRecord, String(user.id), user.rowVersion)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/policy acknowledgements?.*Disable the user instead/) });
  });

  it('says in the audit that a password was changed, though the hash is never shown', async () => {
    const created = (await createRecord(admin(), userRecord, { email: 'reset.test@example.org', name: 'Rita Reset', role: 'clinician', password: 'a long enough password' })) as { id: number; rowVersion: number };
    await updateRecord(admin(), userRecord, String(created.id), { password: 'another long password' }, created.rowVersion);
    await updateRecord(admin(), userRecord, String(created.id), { name: 'Rita Reset-Jones' }, created.rowVersion + 1);
    const edits = await database.db.select().from(auditLog).where(and(eq(auditLog.recordType, 'user'), eq(auditLog.recordId, String(created.id)), eq(auditLog.action, 'update'))).orderBy(auditLog.id);
    expect(edits.map((e) => e.summary)).toEqual(['Password changed', null]);
    expect(JSON.stringify(edits)).not.toContain('argon2');
  });
});
