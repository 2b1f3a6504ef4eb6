import { todayInEngland } from '../../domain/iso-date.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, managerOf } from '../../../test/support/factories.js';
import type { Database } from '../../db/client.js';
import { subContracts } from '../../db/schema/index.js';
import { loadDemo } from '../demo/load-demo.js';
import { importRecordsCsv } from '../records/import-csv.js';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from '../records/records.js';
import { contractRecord } from './contract-record.js';
import { downloadContractDocument, removeContractDocument, uploadContractDocument } from './contract-documents.js';
import { contractDetail, contractRegister } from './contract-register.js';
import { contractItems } from './my-items-source.js';
import { subContractRecord } from './sub-contract-record.js';
import { addSubContracts } from './add-sub-contracts.js';

describe.each(databaseKinds)('contracts register (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const cbsId = async () => (await contractRegister(admin())).items.find((c) => c.reference === 'LCC-CBS-2017')!.id as number;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('holds the demo contracts with 13 CBS practices, two of them unsigned, and warns of notice dates', async () => {
    const register = await contractRegister(admin(), { today: '2019-06-01', expiringWithinDays: 365 });
    const cbs = register.items.find((c) => c.reference === 'LCC-CBS-2017')!;
    expect(cbs).toMatchObject({ subContractCount: 13, signedCount: 11, valuePence: 20_000_000, federationFeeBp: 500, noticeDate: '2020-01-01' });
    expect(cbs.unsignedPractices.map((p) => p.practiceCode)).toEqual(['C82078', 'C82098']);
    expect(cbs.reminders.map((r) => r.kind)).toEqual(['renewal', 'notice', 'end']);
    expect(cbs.ended).toBe(false);
    // Past its end date a contract is marked ended, whatever is left unsigned.
    const later = (await contractRegister(admin(), { today: '2026-11-24' })).items.find((c) => c.reference === 'LCC-CBS-2017')!;
    expect([later.endDate! < '2026-11-24', later.ended, later.reminders]).toEqual([true, true, []]);
    const soon = await contractRegister(admin(), { today: '2019-12-15', expiringWithinDays: 30 });
    expect(soon.items.map((c) => c.reference)).toEqual(['LCC-CBS-2017']);
    expect(soon.items[0]!.reminders[0]).toMatchObject({ kind: 'notice', daysLeft: 17 });
  });

  it('shows a practice manager only their own sub-contracts, and the commissioner reads but cannot edit', async () => {
    const kibworth = contextFor(database, managerOf('C82001'));
    const register = await contractRegister(kibworth);
    expect(register.items.map((c) => c.reference).sort()).toEqual(['LCC-CBS-2017', 'LLRPCL-HP-2018']);
    const detail = await contractDetail(kibworth, await cbsId());
    expect(detail.subContracts.map((s) => s.practiceCode)).toEqual(['C82001']);
    expect(detail.documents).toEqual([]);
    const rutland = (await contractRegister(admin())).items.find((c) => c.reference === 'RCC-VITRU-2018')!;
    await expect(contractDetail(kibworth, rutland.id as number)).rejects.toThrow(/not found/);
    // The generic record routes (list, get, export) narrow the same way as the register.
    const listed = await listRecords(kibworth, contractRecord, { page: 1, pageSize: 100 });
    expect(listed.items.map((c) => c.reference).sort()).toEqual(register.items.map((c) => c.reference).sort());
    await expect(getRecord(kibworth, contractRecord, String(rutland.id))).rejects.toThrow(/not found/);
    expect((await listRecords(contextFor(database, managerOf()), contractRecord, { page: 1, pageSize: 100 })).items).toEqual([]);
    await expect(createRecord(contextFor(database, commissionerActor), subContractRecord, { contractId: await cbsId(), practiceCode: 'C82056', sharePercent: 95 })).rejects.toThrow(/permission/);
  });

  it('refuses a practice outside the footprint and a share that does not make 100% with the fee', async () => {
    const rutland = (await contractRegister(admin())).items.find((c) => c.reference === 'RCC-VITRU-2018')!;
    await expect(createRecord(admin(), subContractRecord, { contractId: rutland.id, practiceCode: 'C82001', sharePercent: 100 })).rejects.toThrow(/C82001 is not a member of Rutland/);
    await expect(createRecord(admin(), subContractRecord, { contractId: await cbsId(), practiceCode: 'C82056', sharePercent: 90 })).rejects.toThrow(/must add up to 100%/);
    // A share of a hundredth of a per cent is the finest there is; a finer one is refused, not rounded.
    await expect(createRecord(admin(), subContractRecord, { contractId: await cbsId(), practiceCode: 'C82056', sharePercent: 94.995 })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'sharePercent', message: 'must be a percentage from 0 to 100, with at most 2 decimal places' }] });
  });

  it('corrects a sub-contract’s signing date, share and notes, refusing a stale edit and a share the fee does not allow, and removes it', async () => {
    // No share given: the practice gets what the contract's 5% fee leaves.
    const added = await createRecord(admin(), subContractRecord, { contractId: await cbsId(), practiceCode: 'C82056' });
    expect(added.shareBp).toBe(9500);
    const id = String(added.id);
    const signed = await updateRecord(admin(), subContractRecord, id, { signedDate: '2018-04-02', notes: 'Signed copy held by the practice' }, added.rowVersion as number);
    expect(signed).toMatchObject({ signedDate: '2018-04-02', notes: 'Signed copy held by the practice', shareBp: 9500 });
    // A signature has happened: a date to come is refused.
    await expect(updateRecord(admin(), subContractRecord, id, { signedDate: `${Number(todayInEngland().slice(0, 4)) + 1}-01-01` }, signed.rowVersion as number)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'signedDate', message: 'must be today or in the past' }] });
    await expect(updateRecord(admin(), subContractRecord, id, { notes: 'stale' }, added.rowVersion as number)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(updateRecord(admin(), subContractRecord, id, { sharePercent: 90 }, signed.rowVersion as number)).rejects.toThrow(/must add up to 100%/);
    await expect(updateRecord(contextFor(database, managerOf('C82056')), subContractRecord, id, { notes: 'mine' }, signed.rowVersion as number)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(deleteRecord(admin(), subContractRecord, id, added.rowVersion as number)).rejects.toMatchObject({ kind: 'conflict' });
    await deleteRecord(admin(), subContractRecord, id, signed.rowVersion as number);
    await expect(getRecord(admin(), subContractRecord, id)).rejects.toThrow(/not found/);
  });

  it('imports sub-contracts all or nothing, naming line and column', async () => {
    const before = (await database.db.select().from(subContracts)).length;
    const id = await cbsId();
    const file = { name: 'subs.csv', content: Buffer.from(`contractId,practiceCode,signedDate,sharePercent\n${id},C82056,2018-01-05,95\n${id},C82055,2018-13-01,95\n${id},Y00001,,95\n`) };
    const error = await importRecordsCsv(admin(), subContractRecord, file).catch((e: unknown) => e);
    // The date that cannot be read and the practice outside the footprint, together.
    expect(error).toMatchObject({ kind: 'invalid', problems: [expect.objectContaining({ file: 'subs.csv', line: 3, column: '3 (signedDate)' }), expect.objectContaining({ line: 4, column: '2 (practiceCode)', message: expect.stringMatching(/Y00001 is not a member/) })] });
    expect((await database.db.select().from(subContracts)).length).toBe(before);
    const outside = { name: 'subs.csv', content: Buffer.from(`contractId,practiceCode,sharePercent\n${id},C82056,95\n${id},Y00001,95\n`) };
    await expect(importRecordsCsv(admin(), subContractRecord, outside)).rejects.toMatchObject({ problems: [expect.objectContaining({ line: 3, message: expect.stringMatching(/Y00001 is not a member/) })] });
    expect((await database.db.select().from(subContracts)).length).toBe(before);
  });

  it('keeps PDF and Word documents and refuses anything else', async () => {
    const id = await cbsId();
    const pdf = { name: 'signed.pdf', content: Buffer.from('%PDF-1.4\n%test\n') };
    const stored = await uploadContractDocument(admin(), id, pdf);
    expect((await downloadContractDocument(contextFor(database, commissionerActor), id, stored.id)).content.toString()).toBe('%PDF-1.4\n%test\n');
    await expect(uploadContractDocument(admin(), id, { name: 'fake.pdf', content: Buffer.from('hello') })).rejects.toMatchObject({ kind: 'unsupported' });
    await expect(uploadContractDocument(contextFor(database, managerOf('C82001')), id, pdf)).rejects.toThrow(/permission/);
  });

  it('removes a document added by mistake, keeping its name and size in the audit log but not its contents', async () => {
    const id = await cbsId();
    const content = Buffer.from('%PDF-1.4\nNHS numbers\n');
    const wrong = await uploadContractDocument(admin(), id, { name: 'patient-list.pdf', content });
    await expect(removeContractDocument(contextFor(database, commissionerActor), id, wrong.id)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await removeContractDocument(admin(), id, wrong.id)).toEqual({ removed: wrong.id });
    await expect(downloadContractDocument(admin(), id, wrong.id)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(removeContractDocument(admin(), id, wrong.id)).rejects.toMatchObject({ kind: 'not_found' });
    const [audit] = await database.query<{ action: string; before: Record<string, unknown>; summary: string }>(`SELECT action, before, summary FROM audit_log WHERE record_type = 'contract_document' AND record_id = '${wrong.id}' AND action = 'delete'`);
    expect(audit).toMatchObject({ summary: expect.stringMatching(/^Removed patient-list\.pdf from Public health/), before: { fileName: 'patient-list.pdf', sizeBytes: content.length } });
    expect(JSON.stringify(audit!.before)).not.toContain('NHS numbers');
  });

  it('puts key dates in the admin’s items and unsigned sub-contracts in their practice manager’s', async () => {
    const query = { personId: 0, userId: null, today: '2019-12-15', until: '2019-12-29' };
    const adminItems = await contractItems(database.db, { ...query, role: 'admin', practiceCodes: [] });
    const cbs = (await contractRegister(admin(), { today: query.today, expiringWithinDays: 90 })).items.find((c) => c.reference === 'LCC-CBS-2017')!;
    expect(adminItems.filter((i) => i.ref === 'LCC-CBS-2017').map((i) => [i.kind, i.dueDate])).toEqual(cbs.reminders.map((r) => ['contract_date', r.date]));
    expect(adminItems[0]).toMatchObject({ title: expect.stringMatching(/^Last day to give notice: /), href: `/contracts/${cbs.id}` });

    const unsigned = await contractItems(database.db, { ...query, role: 'practice_manager', practiceCodes: ['C82078'] });
    expect(unsigned.map((i) => [i.kind, i.ref, i.dueDate])).toEqual([['sub_contract_signature', 'LCC-CBS-2017', cbs.startDate]]);
    expect(unsigned[0]!.title).toMatch(/^Sign the sub-contract for .+: /);
    expect(await contractItems(database.db, { ...query, role: 'practice_manager', practiceCodes: ['C82001'] })).toEqual([]);
    expect(await contractItems(database.db, { ...query, role: 'commissioner', practiceCodes: [] })).toEqual([]);
    // Once the contract has ended there is nothing left to sign or give notice of.
    expect(await contractItems(database.db, { ...query, today: '2031-01-01', until: '2031-01-15', role: 'practice_manager', practiceCodes: ['C82078'] })).toEqual([]);
  });

  it('puts several practices under a contract at once, all or none, each at the share the fee leaves and audited', async () => {
    const id = await cbsId();
    const codesToAdd = async () => (await contractDetail(admin(), id)).practicesToAdd.map((p) => p.practiceCode);
    const before = await codesToAdd();
    const [first, second] = before.filter((c) => !['C82055', 'C82056'].includes(c));
    await expect(addSubContracts(admin(), id, { practiceCodes: [first, second, 'C82001'] })).rejects.toThrow(`C82001 already has a sub-contract under`);
    expect(await codesToAdd()).toEqual(before);
    await expect(addSubContracts(admin(), id, { practiceCodes: [] })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'practiceCodes', message: 'Choose at least one practice' }] });
    await expect(addSubContracts(contextFor(database, commissionerActor), id, { practiceCodes: [first] })).rejects.toThrow(/permission/);
    const added = await addSubContracts(admin(), id, { practiceCodes: [first, second], signedDate: '2018-04-01' });
    expect(added.subContracts.map((s) => [s.practiceCode, s.shareBp, s.signedDate])).toEqual([
      [first, 9500, '2018-04-01'],
      [second, 9500, '2018-04-01'],
    ]);
    const audited = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE record_type = 'sub_contract' AND action = 'create' AND record_id = ANY($1::text[])", [added.subContracts.map((s) => String(s.id))]);
    expect(audited[0]!.n).toBe(2);
    expect(await codesToAdd()).toEqual(before.filter((c) => c !== first && c !== second));
  });
});
