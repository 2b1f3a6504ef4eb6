import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../test/support/databases.js';
import { useDemoDatabase } from '../../test/support/demo-database.js';
import { adminActor, contextFor } from '../../test/support/factories.js';
import { listAudit } from './audit-log.js';
import { auditRecordNames, namedAuditTypes } from './audit-record-names.js';
import { getRecord, listRecords, updateRecord } from './records/records.js';
import { recordTypes } from './records/registry.js';

it('knows how to name every record type the framework keeps', () => {
  expect(Object.values(recordTypes).map((t) => t.name).filter((name) => !namedAuditTypes.includes(name))).toEqual([]);
});

describe.each(databaseKinds)('what the audit log calls each record (%s)', (kind) => {
  const demo = useDemoDatabase(kind);

  it('names every record of the demo federation’s audit rows, beside its ID', async () => {
    const admin = contextFor(demo(), adminActor);
    const kibworth = await getRecord(admin, recordTypes.practices!, 'C82001');
    await updateRecord(admin, recordTypes.practices!, 'C82001', { notes: 'Branch closed on Fridays' }, kibworth.rowVersion as number);
    // A threshold's import keeps it under its indicator's code, a change on its page under its ID: both are named.
    const [threshold] = (await listRecords(admin, recordTypes.thresholds!, { page: 1, pageSize: 1 })).items;
    await updateRecord(admin, recordTypes.thresholds!, String(threshold!.id), { note: 'Agreed at the board' }, threshold!.rowVersion as number);
    const { items } = await listAudit(admin, { limit: 1000 });
    const thresholdNames = items.filter((row) => row.recordType === 'indicator_threshold' && [String(threshold!.id), threshold!.indicatorCode].includes(row.recordId)).map((row) => row.recordName);
    expect(thresholdNames).toHaveLength(2);
    expect(new Set(thresholdNames)).toEqual(new Set([expect.stringMatching(/^Thresholds for \S/)]));
    // (A finance file's import row is kept under the kind of file, "streams", and names the file in its summary.)
    const unnamed = items.filter((row) => namedAuditTypes.includes(row.recordType) && row.recordName === null && row.action !== 'import');
    expect(unnamed.map((row) => `${row.recordType} ${row.recordId}`)).toEqual([]);
    const nameOf = (type: string) => items.find((row) => row.recordType === type)!;
    expect(nameOf('practice')).toMatchObject({ recordId: 'C82001', recordName: expect.stringMatching(/^Kibworth .* \(C82001\)$/) });
    expect(nameOf('risk').recordName).toMatch(/^R\d+: \S/);
    expect(nameOf('board_action').recordName).toMatch(/^Action \d+: \S/);
    expect(nameOf('membership').recordName).toMatch(/^C\d{5} in \S/);
    expect(nameOf('sub_contract').recordName).toMatch(/^C\d{5} under \S/);
    // Long text is cut at a word, so the log stays readable.
    expect(items.every((row) => (row.recordName ?? '').length <= 81)).toBe(true);
  });

  it('looks up every kind of record it can name, and names none that is not there', async () => {
    const missing = namedAuditTypes.map((recordType) => ({ recordType, recordId: '999999', before: null, after: null }));
    const names = await auditRecordNames(demo().db, missing);
    expect(missing.map(names.nameOf).filter((name) => name !== null)).toEqual([]);
    expect(missing.filter(names.stillThere)).toEqual([]);
  });
});
