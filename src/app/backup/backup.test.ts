import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { groupMemberships, practiceGroups } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor, managerOf } from '../../../test/support/factories.js';
import { uploadContractDocument } from '../contracts/contract-documents.js';
import { loadDemo } from '../demo/load-demo.js';
import { createBackup, readBackup, restoreBackup } from './backup.js';

describe.each(databaseKinds)('backup and restore (%s)', (kind) => {
  let source: Database;
  let target: Database;
  beforeAll(async () => {
    [source, target] = await Promise.all([openTestDatabase(kind), openTestDatabase(kind)]);
    await loadDemo(contextFor(source));
    await uploadContractDocument(contextFor(source), 1, { name: 'signed.pdf', content: Buffer.from('%PDF-1.4\n\u00ff\u0000 bytes') });
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('restores everything a backup holds into another database, and new rows still get fresh ids', async () => {
    const backup = await createBackup(source, adminActor);
    const counts = await restoreBackup(target, backup);
    // The demo's quality data adds a peer group of 12 practices (an illustrative admission avoidance scheme).
    expect(counts).toMatchObject({ practices: 31, practice_groups: 8, group_memberships: 74, users: 4, schemes: 2, scheme_versions: 2, scheme_delivered: 62, scheme_hand_schedules: 4 });
    expect(counts).toMatchObject({ contracts: 3, sub_contracts: 23, contract_documents: 1, funds: 5, fund_applications: 6, application_lines: 27, drawdowns: 1 });
    const document = async (db: Database) => (await db.query<{ hex: string }>("SELECT encode(content, 'hex') AS hex FROM contract_documents"))[0]!.hex;
    expect(await document(target)).toBe(await document(source));
    const total = async (db: Database) => (await db.query<{ n: number }>('SELECT sum(patients)::int AS n FROM list_sizes'))[0]!.n;
    expect(await total(target)).toBe(await total(source));
    const figures = async (db: Database) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator_values'))[0]!.n;
    expect(await figures(target)).toBe(await figures(source));
    expect(counts.indicator_values).toBeGreaterThan(0);
    // Rows that point at others (an action's updates, a stream's yearly amounts) restore after what they point at.
    const rowsIn = async (db: Database, table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
    for (const table of ['board_action_updates', 'risk_score_history', 'income_stream_years', 'task_position_updates']) {
      expect(await rowsIn(source, table), table).toBeGreaterThan(0);
      expect(await rowsIn(target, table), table).toBe(await rowsIn(source, table));
    }
    const [inserted] = await target.query<{ id: number }>("INSERT INTO practice_groups (name, kind) VALUES ('After restore', 'peer_group') RETURNING id");
    expect(inserted!.id).toBe(9);
    // The restore itself is the last thing in the restored audit log.
    const [last] = await target.query<{ record_type: string; action: string; summary: string }>('SELECT record_type, action, summary FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(last).toEqual({ record_type: 'backup', action: 'restore', summary: expect.stringMatching(/^Restored the backup made on \d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}[ap]m/) });
  });

  it('is taken and restored by an admin only', async () => {
    await expect(createBackup(source, managerOf('C82001'))).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(restoreBackup(target, await createBackup(source, adminActor), managerOf('C82001'))).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('holds one moment’s data while people work: every membership it holds has its group', async () => {
    let writing = true;
    const writes = (async () => {
      for (let i = 0; writing && i < 500; i++) {
        await source.db.transaction(async (tx) => {
          const [group] = await tx.insert(practiceGroups).values({ name: `During backup ${i}`, kind: 'peer_group' }).returning();
          await tx.insert(groupMemberships).values({ groupId: group!.id, practiceCode: 'C82001', startDate: '2020-04-01' });
        });
      }
    })();
    const file = JSON.parse(gunzipSync(await createBackup(source, adminActor)).toString('utf8')) as { tables: Record<string, { id: number; group_id?: number }[]> };
    writing = false;
    await writes;
    const groups = new Set(file.tables.practice_groups!.map((g) => g.id));
    expect(file.tables.group_memberships!.length).toBeGreaterThan(0);
    expect(file.tables.group_memberships!.filter((m) => !groups.has(m.group_id!))).toEqual([]);
  });

  it('keeps the audit of what was done after the backup, and the undoing of it, when it restores', async () => {
    const before = await createBackup(source, adminActor);
    await source.query("UPDATE practices SET notes = 'changed after the backup' WHERE ods_code = 'C82001'");
    await source.query("INSERT INTO audit_log (actor_label, record_type, record_id, action, summary) VALUES ('a manager', 'practice', 'C82001', 'update', 'notes changed after the backup')");
    const [madeSince] = await source.query<{ id: number }>("INSERT INTO practice_groups (name, kind) VALUES ('Made after the backup', 'peer_group') RETURNING id");
    const auditRows = async () => (await source.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;
    const held = await auditRows();
    await restoreBackup(source, before, { userId: null, label: 'cli:operator', role: 'admin', practiceCodes: [] });
    // The group made since is undone, and its id is not handed out again: audit rows kept from then point at it.
    expect(await source.query("SELECT id FROM practice_groups WHERE name = 'Made after the backup'")).toEqual([]);
    const [next] = await source.query<{ id: number }>("INSERT INTO practice_groups (name, kind) VALUES ('Made after the restore', 'peer_group') RETURNING id");
    expect(next!.id).toBeGreaterThan(madeSince!.id);
    await source.query('DELETE FROM practice_groups WHERE id = $1', [next!.id]);
    expect((await source.query<{ notes: string | null }>("SELECT notes FROM practices WHERE ods_code = 'C82001'"))[0]!.notes).not.toBe('changed after the backup');
    // Every row the log held is still there, and one more says the restore happened and who did it.
    expect(await auditRows()).toBe(held + 1);
    // Kept too: that the backup was taken (written once it was made, so not in it), and the change since.
    const lastThree = await source.query<{ actor_label: string; summary: string }>('SELECT actor_label, summary FROM audit_log ORDER BY id DESC LIMIT 3');
    expect(lastThree).toEqual([
      { actor_label: 'cli:operator', summary: expect.stringMatching(/; the 2 audit rows written since it are kept before this one$/) },
      { actor_label: 'a manager', summary: 'notes changed after the backup' },
      { actor_label: adminActor.label, summary: expect.stringMatching(/^Took a backup of every record \([\d,]+ rows, password hashes included\)$/) },
    ]);
  });

  it('keeps the log’s own audit rows when a backup file was edited to say something else under their ids, and says so', async () => {
    await source.query("INSERT INTO audit_log (actor_label, record_type, record_id, action, summary) VALUES ('Jo Walker <admin@elr-federation.example>', 'scheme', '1', 'update', 'Version 1: Invoiced: not recorded → 15 May 2018 (ref INV-0042) for £70,024')");
    const file = JSON.parse(gunzipSync(await createBackup(source, adminActor)).toString('utf8')) as { tables: Record<string, Record<string, unknown>[]> };
    // Someone with the file rewrites who invoiced, and for how much, keeping the row's id and time.
    const edited = file.tables.audit_log!.find((r) => String(r.summary).includes('INV-0042'))!;
    Object.assign(edited, { actor_label: 'Someone else', summary: 'Version 1: Invoiced: not recorded → 15 May 2018 (ref INV-0042) for £90,024' });
    await restoreBackup(source, gzipSync(JSON.stringify(file)), { userId: null, label: 'cli:operator', role: 'admin', practiceCodes: [] });
    const invoices = await source.query<{ actor_label: string; summary: string }>("SELECT actor_label, summary FROM audit_log WHERE summary LIKE '%INV-0042%' ORDER BY id");
    expect(invoices).toEqual([
      { actor_label: 'Someone else', summary: expect.stringMatching(/£90,024$/) },
      { actor_label: 'Jo Walker <admin@elr-federation.example>', summary: expect.stringMatching(/£70,024$/) },
    ]);
    const [restore] = await source.query<{ summary: string }>('SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(restore!.summary).toMatch(/; the audit row written since it is kept before this one; 1 audit row in the backup differs from the log it replaced \(the file was changed\): the log’s row is kept before this one too$/);
  });

  it('gives a scheme in a backup made before migration 0018 its approved version’s name again, as upgrading did, not a draft’s', async () => {
    const file = JSON.parse(gunzipSync(await createBackup(source, adminActor)).toString('utf8')) as { migrations: number; tables: Record<string, Record<string, unknown>[]> };
    const [scheme] = file.tables.schemes!;
    const approved = file.tables.scheme_versions!.find((v) => v.scheme_id === scheme!.id && v.status === 'approved')!.definition as { name: string; funder: string };
    // As a database before 0018 held it: saving a draft had written the draft's name and funder on the scheme.
    Object.assign(scheme!, { name: 'A draft’s new name', funder: 'A draft’s new funder' });
    // Nor the table 0029 added.
    delete file.tables.scheme_invoice_references;
    const older = { ...file, migrations: 18 };
    await restoreBackup(target, gzipSync(JSON.stringify(older)));
    expect(await target.query('SELECT name, funder FROM schemes WHERE id = $1', [scheme!.id])).toEqual([{ name: approved.name, funder: approved.funder }]);
  });

  it('brings a backup made before migrations 0025–0028 up to date as upgrading did: tasks know their imported ids, closed risks their day', async () => {
    const file = JSON.parse(gunzipSync(await createBackup(source, adminActor)).toString('utf8')) as { migrations: number; tables: Record<string, Record<string, unknown>[]> };
    // As a database before 0025 held them: none of the columns those migrations added.
    const strip = (table: string, keys: string[]) => file.tables[table]!.forEach((row) => keys.forEach((key) => delete row[key]));
    strip('plan_tasks', ['imported_ref', 'imported_occurrence', 'imported_values']);
    strip('fund_applications', ['submitted_on']);
    strip('risks', ['closed_on']);
    strip('scheme_versions', ['invoiced_pence', 'invoiced_delivered_pence', 'invoiced_fee_pence', 'paid_pence']);
    delete file.tables.scheme_invoice_references;
    const risk = file.tables.risks![0]!;
    Object.assign(risk, { status: 'closed', updated_at: '2018-04-12T10:00:00.000Z' });
    await restoreBackup(target, gzipSync(JSON.stringify({ ...file, migrations: 25 })));
    const tasks = await target.query<{ ref: string; imported_ref: string | null }>('SELECT ref, imported_ref FROM plan_tasks WHERE source_line IS NOT NULL');
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.imported_ref === t.ref)).toBe(true);
    expect(await target.query('SELECT closed_on::text AS closed_on FROM risks WHERE id = $1', [risk.id])).toEqual([{ closed_on: '2018-04-12' }]);
    expect(await target.query('SELECT count(*)::int AS n FROM fund_applications WHERE submitted_on IS NULL')).toEqual([{ n: file.tables.fund_applications!.length }]);
  });

  it('refuses, in a sentence and restoring nothing, a backup whose rows this version cannot hold', async () => {
    const file = JSON.parse(gunzipSync(await createBackup(source, adminActor)).toString('utf8')) as { tables: Record<string, Record<string, unknown>[]> };
    delete file.tables.practices![0]!.name;
    const refused = await restoreBackup(target, gzipSync(JSON.stringify(file))).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^The backup's practices cannot be restored into this version of atscale \(.*"name".*\)\. Nothing was restored\.$/) });
    expect((refused as Error).message).not.toContain('C82001');
  });

  it('refuses, saying why and restoring nothing, a backup cut short, one missing a table, and one holding a table its atscale did not have', async () => {
    const backup = await createBackup(source, adminActor);
    const file = JSON.parse(gunzipSync(backup).toString('utf8')) as { tables: Record<string, unknown[]> };
    const { users: _users, ...withoutUsers } = file.tables;
    const refusals = [
      [backup.subarray(0, backup.length - 1000), /^That backup is cut short: the file ends before the backup does/],
      [gzipSync(JSON.stringify({ ...file, tables: withoutUsers })), /^The backup is incomplete: it has no users, which every backup made by its version of atscale holds\./],
      [gzipSync(JSON.stringify({ ...file, tables: { ...file.tables, patient_notes: [{ id: 1 }] } })), /^The backup holds what its version of atscale did not have \(patient notes\)/],
    ] as const;
    const users = async () => (await target.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0]!.n;
    const before = await users();
    expect(before).toBeGreaterThan(0);
    for (const [content, message] of refusals) {
      await expect(restoreBackup(target, Buffer.from(content))).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(message) });
      expect(await users()).toBe(before);
    }
  });

  it('refuses a file that is not a backup and leaves the data as it was', async () => {
    await expect(restoreBackup(target, Buffer.from('not a backup'))).rejects.toMatchObject({ kind: 'invalid' });
    expect((await target.query<{ n: number }>('SELECT count(*)::int AS n FROM practices'))[0]!.n).toBe(31);
  });
});

describe('reading a backup file', () => {
  it('stops unpacking a file that unpacks to more than it can hold (a zip bomb), refusing it in a sentence', () => {
    // 8 MB of one byte packs to a few kilobytes; the limit here stands for the ~512 MB one string holds.
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => readBackup(bomb, 1024 * 1024)).toThrow(/^That file unpacks to more than 1 MB, the most atscale can restore from one backup; it is not a backup atscale could have made\. Nothing was restored\.$/);
  });
});
