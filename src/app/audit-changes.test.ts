import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.js';
import { useDemoDatabase } from '../../test/support/demo-database.js';
import { adminActor, contextFor } from '../../test/support/factories.js';
import { listAudit } from './audit-log.js';
import { deleteRecord, listRecords, updateRecord } from './records/records.js';
import { recordTypes } from './records/registry.js';
import { auditLog } from '../db/schema/index.js';

describe.each(databaseKinds)('the audit log’s before and after, in words (%s)', (kind) => {
  const demo = useDemoDatabase(kind);
  const admin = () => contextFor(demo(), adminActor);
  const first = async (plural: string, filters: Record<string, string>) => (await listRecords(admin(), recordTypes[plural]!, { page: 1, pageSize: 1, filters })).items[0]!;
  const latest = async (recordType: string, recordId: unknown) => (await listAudit(admin(), { recordType, recordId: String(recordId), limit: 1 })).items[0]!;

  it('labels each field as the record’s pages do and names the people and meetings its ids point at', async () => {
    const action = await first('board-actions', { ref: '4' });
    await updateRecord(admin(), recordTypes['board-actions']!, String(action.id), { ownerText: 'JW', status: 'carried_forward' }, action.rowVersion as number);
    const row = await latest('board_action', action.id);
    expect(row.summary).toBe('Changed status, owner and owners on the People page');
    expect(row.changes).toEqual([
      { field: 'Owner', before: null, after: 'JW' },
      { field: 'Status', before: 'Open', after: 'Carried forward' },
      { field: 'Owners on the People page', before: null, after: 'Jo Walker' },
    ]);
    expect(row).toMatchObject({ recordName: expect.stringMatching(/^Action 4: Review the Locality/), recordStillThere: true });
  });

  it('names a rated STP milestone by its row and period, not its mark', async () => {
    const milestone = await first('stp-milestones', {});
    await updateRecord(admin(), recordTypes['stp-milestones']!, String(milestone.id), { rag: 'green' }, milestone.rowVersion as number);
    const row = await latest('stp_milestone', milestone.id);
    expect(row.recordName).toBe(`Milestone of ${milestone.actionRefs as string} in ${milestone.period as string}`);
    expect(row.changes).toEqual([{ field: 'RAG', before: null, after: 'Green' }]);
  });

  it('shows what a deleted record held, and no longer links it', async () => {
    const risk = await first('risks', { ref: '4' });
    await deleteRecord(admin(), recordTypes.risks!, String(risk.id), risk.rowVersion as number);
    const row = await latest('risk', risk.id);
    expect(row).toMatchObject({ action: 'delete', recordStillThere: false });
    expect(row.changes.slice(0, 3)).toEqual([
      { field: 'Ref', before: 'R4', after: null },
      { field: 'Risk', before: 'Poor project management', after: null },
      { field: 'Context', before: 'locality hub working', after: null },
    ]);
  });

  it('finds a change by the day in England it was made, as the log shows its times', async () => {
    // 00:30 on 2 June 2026, British Summer Time: 23:30 on 1 June in UTC.
    await demo().db.insert(auditLog).values({ at: new Date('2026-06-01T23:30:00Z'), actorLabel: 'Test', recordType: 'audit_day_test', recordId: '1', action: 'update' });
    const on = async (from: string, to: string) => (await listAudit(admin(), { recordType: 'audit_day_test', from, to })).items.length;
    expect(await on('2026-06-02', '2026-06-02')).toBe(1);
    expect(await on('2026-06-01', '2026-06-01')).toBe(0);
    // In winter, England's day is UTC's.
    await demo().db.insert(auditLog).values({ at: new Date('2026-12-01T23:30:00Z'), actorLabel: 'Test', recordType: 'audit_day_test', recordId: '2', action: 'update' });
    expect(await on('2026-12-01', '2026-12-01')).toBe(1);
  });
});
