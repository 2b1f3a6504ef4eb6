import { readFileSync } from 'node:fs';
import { count, eq, inArray } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { auditLog, boardActions, boardActionUpdates, meetings, people, policies, policyAcknowledgements, policyFiles, practices, risks, riskScoreHistory, users } from '../../db/schema/index.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, commissionerActor, contextFor, managerOf } from '../../../test/support/factories.js';
import { personRecord } from '../people/person-record.js';
import { startSmtpSink } from '../../../test/support/smtp-sink.js';
import { todayInEngland, addDays } from '../../domain/iso-date.js';
import type { AppError } from '../../domain/errors.js';
import { loadDemo } from '../demo/load-demo.js';
import { importRecordsCsv } from '../records/import-csv.js';
import { createRecord, listRecords, updateRecord } from '../records/records.js';
import { gatherMyItems, myItems } from '../reminders/my-items.js';
import { sendDigest } from '../reminders/send-digest.js';
import { acknowledgePolicy, filesCoverVersion, listAcknowledgements } from './acknowledgements.js';
import { addActionUpdate, listActionUpdates } from './action-updates.js';
import { boardActionRecord } from './board-action-record.js';
import { meetingRecord } from './meeting-record.js';
import { downloadPolicyFile, policyFileList, searchPolicies, uploadPolicyFile } from './policy-files.js';
import { policyRecord } from './policy-record.js';
import { riskRecord } from './risk-record.js';
import { riskScoreHistoryOf } from './risk-views.js';

const seedFile = (name: string) => ({ name, content: readFileSync(new URL(`../../../../shared/data/elr/${name}`, import.meta.url)) });
const seedRows = (name: string) => Papa.parse<Record<string, string>>(seedFile(name).content.toString('utf8'), { header: true, skipEmptyLines: true }).data;
const file = (name: string, lines: string[]) => ({ name, content: Buffer.from(`${lines.join('\n')}\n`) });
const failure = async (promise: Promise<unknown>) => (await promise.then(() => null, (error: unknown) => error)) as AppError;
// The app's today: the day in England (at 23:30 UTC in summer it is already tomorrow), not the day in UTC.
const today = todayInEngland();

describe.each(databaseKinds)('governance (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const tally = async (table: typeof risks | typeof boardActionUpdates | typeof auditLog | typeof policyFiles) => Number((await database.db.select({ n: count() }).from(table))[0]!.n);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('keeps every risk of the seed as written, scoring L/M/H as 2/3/4 and leaving impact unset', async () => {
    const seed = seedRows('risks.csv');
    const stored = await database.db.select().from(risks).orderBy(risks.id);
    expect(stored).toHaveLength(seed.length);
    const words: Record<string, number> = { L: 2, M: 3, H: 4 };
    for (const row of seed) {
      const risk = stored.find((r) => r.ref === row.id)!;
      expect(risk).toMatchObject({ risk: row.risk, likelihoodRaw: row.likelihood, likelihood: words[row.likelihood!], impact: null, mitigation: row.mitigation, context: row.context, status: 'open' });
      const { items: history } = await riskScoreHistoryOf(admin(), risk.id);
      expect(history.map((h) => [h.likelihood, h.impact, h.score])).toEqual([[words[row.likelihood!], null, null]]);
    }
  });

  it('keeps every board action with its owner, meeting and the update as its first dated entry', async () => {
    const seed = seedRows('board-actions.csv');
    const [jo] = await database.db.select().from(people).where(eq(people.initials, 'JW'));
    for (const row of seed) {
      const [action] = await database.db.select().from(boardActions).where(eq(boardActions.ref, row.ref!));
      expect(action).toMatchObject({ action: row.action, ownerText: row.owner || null, dueDate: null, status: 'open', ownerPersonIds: row.owner ? [jo!.id] : [] });
      const [meeting] = await database.db.select().from(meetings).where(eq(meetings.id, action!.meetingId!));
      expect(meeting!.title).toBe(row.source_meeting);
      expect((await listActionUpdates(admin(), action!.id)).items.map((u) => [u.text, u.enteredOn])).toEqual([[row.update, today]]);
    }
  });

  it('dates an imported update by its update_on column, else the day its meeting was held, and refuses a date that is not one', async () => {
    await createRecord(admin(), meetingRecord, { title: 'Estates group', heldOn: '2018-05-10' });
    const header = 'ref,action,owner,due,update,source_meeting,update_on';
    // A cell as atscale's download guards it ('- …, not to be run as a formula) is read as it was written.
    await importRecordsCsv(admin(), boardActionRecord, file('dated.csv', [header, "90,Costed offer,JW,,'- Drafted,Finance group,28/03/2019", '91,Estates survey,JW,,Started,Estates group,']));
    const updatesOf = async (ref: string) => {
      const [action] = await database.db.select().from(boardActions).where(eq(boardActions.ref, ref));
      return (await listActionUpdates(admin(), action!.id)).items.map((u) => [u.text, u.enteredOn]);
    };
    expect([await updatesOf('90'), await updatesOf('91')]).toEqual([[['- Drafted', '2019-03-28']], [['Started', '2018-05-10']]]);
    // Written as a spreadsheet saves it (28/03/2019) it is read; a day that is not one, or one still to come, is refused.
    const bad = await failure(importRecordsCsv(admin(), boardActionRecord, file('dated.csv', [header, '92,Another,JW,,Said,,31/02/2019', '93,Later,JW,,Said,,01/01/2999'])));
    expect(bad.problems).toEqual([
      { file: 'dated.csv', line: 2, column: '7 (update_on)', message: '"31/02/2019" is not a real date' },
      { file: 'dated.csv', line: 3, column: '7 (update_on)', message: expect.stringMatching(/^("01\/01\/2999" |01\/01\/2999 is after today)/) },
    ]);
    // Closed, so that other tests' meetings do not bring them forward.
    for (const action of await database.db.select().from(boardActions).where(inArray(boardActions.ref, ['90', '91']))) await updateRecord(admin(), boardActionRecord, String(action.id), { status: 'closed', outcome: 'Test done' }, action.rowVersion);
  });

  it('imports the same files again without changing anything', async () => {
    const audits = await tally(auditLog);
    const updates = await tally(boardActionUpdates);
    expect(await importRecordsCsv(admin(), riskRecord, seedFile('risks.csv'))).toMatchObject({ inserted: 0, updated: 0, unchanged: seedRows('risks.csv').length });
    expect(await importRecordsCsv(admin(), boardActionRecord, seedFile('board-actions.csv'))).toMatchObject({ inserted: 0, updated: 0, unchanged: seedRows('board-actions.csv').length });
    expect([await tally(auditLog), await tally(boardActionUpdates)]).toEqual([audits, updates]);
  });

  it('keeps what was set in atscale since when the same files are imported again: a risk’s impact, an action’s due date, a closed action', async () => {
    // Risk 3 (likelihood M) and action 4: others are other tests'.
    const [risk] = await database.db.select().from(risks).where(eq(risks.ref, '3'));
    await updateRecord(admin(), riskRecord, String(risk!.id), { impact: 4 }, risk!.rowVersion);
    const [action] = await database.db.select().from(boardActions).where(eq(boardActions.ref, '4'));
    await updateRecord(admin(), boardActionRecord, String(action!.id), { dueDate: '2018-06-30', status: 'closed', outcome: 'Done at the June board' }, action!.rowVersion);
    expect(await importRecordsCsv(admin(), riskRecord, seedFile('risks.csv'))).toMatchObject({ updated: 0, rejected: 0 });
    expect(await importRecordsCsv(admin(), boardActionRecord, seedFile('board-actions.csv'))).toMatchObject({ updated: 0, rejected: 0 });
    const [riskNow] = await database.db.select().from(risks).where(eq(risks.id, risk!.id));
    expect(riskNow).toMatchObject({ impact: 4, likelihood: risk!.likelihood });
    const [actionNow] = await database.db.select().from(boardActions).where(eq(boardActions.id, action!.id));
    expect(actionNow).toMatchObject({ dueDate: '2018-06-30', status: 'closed', outcome: 'Done at the June board', closedOn: today });
    // A file with the cell filled in still changes it.
    const [header, ...lines] = seedFile('risks.csv').content.toString('utf8').split(/\r?\n/);
    const row = Papa.parse<string[]>(lines.find((l) => l.startsWith('3,'))!).data[0]!;
    row[header!.split(',').indexOf('likelihood')] = 'H';
    expect(await importRecordsCsv(admin(), riskRecord, file('risks.csv', [header!, Papa.unparse([row])]))).toMatchObject({ updated: 1 });
    expect((await database.db.select().from(risks).where(eq(risks.id, risk!.id)))[0]).toMatchObject({ likelihood: 4, impact: 4 });
  });

  it('refuses a file with an unknown likelihood, an impossible date or an unknown owner, naming line and column, and saves nothing', async () => {
    const before = [await tally(risks), await tally(auditLog)];
    const badRisks = await failure(importRecordsCsv(admin(), riskRecord, file('risks.csv', ['id,risk,likelihood,mitigation,context', '9,New risk,L,,', '10,Other risk,X,,'])));
    expect(badRisks.problems).toEqual([{ file: 'risks.csv', line: 3, column: '3 (likelihood)', message: '"X" is not a likelihood; write L, M, H or 1 to 5' }]);
    const badActions = await failure(
      importRecordsCsv(admin(), boardActionRecord, file('actions.csv', ['ref,action,owner,due,update,source_meeting', '20,Do it,JW,31/02/2019,,Board June 2018', '21,Do that,ZZ,01/07/2019,,Board June 2018'])),
    );
    expect(badActions.problems).toEqual([
      { file: 'actions.csv', line: 2, column: '4 (due)', message: '"31/02/2019" is not a real date' },
      { file: 'actions.csv', line: 3, column: '3 (owner)', message: 'names "ZZ", who is not on the People page yet: add them there, then save again' },
    ]);
    expect([await tally(risks), await tally(auditLog)]).toEqual(before);
    expect(await database.db.select().from(meetings).where(eq(meetings.title, 'Board June 2018'))).toEqual([]);
    // One reference twice would merge two rows into one record; a header alone is no register; a workbook is not a CSV.
    const twice = await failure(importRecordsCsv(admin(), riskRecord, file('risks.csv', ['id,risk,likelihood,mitigation,context', '60,Important risk,H,m,c', '60,Typo row,L,,'])));
    expect(twice.problems).toEqual([{ file: 'risks.csv', line: 3, column: '1 (id)', message: 'reference 60 appears again (first on line 2)' }]);
    const actionsTwice = await failure(importRecordsCsv(admin(), boardActionRecord, file('actions.csv', ['ref,action,owner,due,update,source_meeting', '50,Do it,,,,', '50,Do that,,,,'])));
    expect(actionsTwice.problems).toEqual([{ file: 'actions.csv', line: 3, column: '1 (ref)', message: 'reference 50 appears again (first on line 2)' }]);
    const headerOnly = await failure(importRecordsCsv(admin(), riskRecord, file('risks.csv', ['id,risk,likelihood,mitigation,context'])));
    expect(headerOnly.problems).toEqual([{ file: 'risks.csv', line: 2, message: 'the file has a header but no rows under it: nothing to import' }]);
    const workbook = await failure(importRecordsCsv(admin(), riskRecord, { name: 'risks.csv', content: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('[Content_Types].xml xl/workbook.xml')]) }));
    expect(workbook.problems).toEqual([{ file: 'risks.csv', line: 1, message: expect.stringMatching(/^this is an Excel workbook, not a CSV file: /) }]);
    const unknownOwner = await failure(createRecord(admin(), riskRecord, { ref: 'R9', risk: 'Test', ownerText: 'GC/JW' }));
    expect(unknownOwner.details).toEqual({ unknownOwners: ['GC'] });
  });

  it('keeps the likelihood as the register wrote it when a change leaves the likelihood alone (closing the risk, say)', async () => {
    const [risk] = await database.db.select().from(risks).where(eq(risks.ref, '1'));
    expect(risk!.likelihoodRaw).not.toBeNull();
    const closed = await updateRecord(admin(), riskRecord, String(risk!.id), { status: 'closed', likelihood: risk!.likelihood }, risk!.rowVersion);
    expect(closed).toMatchObject({ status: 'closed', likelihood: risk!.likelihood, likelihoodRaw: risk!.likelihoodRaw, closedOn: today });
    // The day it was closed can be given when recorded later; reopening clears it.
    expect(await updateRecord(admin(), riskRecord, String(risk!.id), { closedOn: '12/04/2018' }, risk!.rowVersion + 1)).toMatchObject({ closedOn: '2018-04-12' });
    expect(await updateRecord(admin(), riskRecord, String(risk!.id), { status: 'open', likelihood: risk!.likelihood }, risk!.rowVersion + 2)).toMatchObject({ closedOn: null });
  });

  it('keeps each score a risk has had, with the date and who changed it', async () => {
    const [risk] = await database.db.select().from(risks).where(eq(risks.ref, '2'));
    const changed = await updateRecord(admin(), riskRecord, String(risk!.id), { likelihood: 4, impact: 3, ownerText: 'JW', reviewDate: addDays(today, 3) }, risk!.rowVersion);
    expect(changed).toMatchObject({ score: 12, rating: 'high', likelihoodRaw: null });
    await updateRecord(admin(), riskRecord, String(risk!.id), { mitigation: 'Federation project support agreed' }, risk!.rowVersion + 1);
    const history = await database.db.select().from(riskScoreHistory).where(eq(riskScoreHistory.riskId, risk!.id)).orderBy(riskScoreHistory.id);
    expect(history.map((h) => [h.score, h.recordedOn, h.recordedBy])).toEqual([
      [null, today, 'demo'],
      [12, today, 'test admin'],
    ]);
  });

  it('stores a risk typed as "R7" as risk 7, and refuses a reference the register already has, naming the field', async () => {
    const created = await createRecord(admin(), riskRecord, { ref: 'R7', risk: 'Estates funding falls through' });
    expect(created.ref).toBe('7');
    // "R 8" too, or the register would show it as "RR 8".
    expect((await createRecord(admin(), riskRecord, { ref: 'R 8', risk: 'Hub lease not renewed' })).ref).toBe('8');
    const [risksBefore, actionsBefore] = [await database.db.$count(risks), await database.db.$count(boardActions)];
    const twice = await failure(createRecord(admin(), riskRecord, { ref: '7', risk: 'Another' }));
    expect([twice.kind, twice.message, twice.problems]).toEqual(['invalid', 'There is already a risk with reference R7', [{ field: 'ref', message: 'A risk with reference R7 already exists: give another reference' }]]);
    const [action] = await database.db.select().from(boardActions).where(eq(boardActions.ref, '2'));
    const clash = await failure(createRecord(admin(), boardActionRecord, { ref: '2', action: 'Another' }));
    expect(clash.problems).toEqual([{ field: 'ref', message: 'A board action with reference 2 already exists: give another reference' }]);
    // Saving a record with its own reference is not a clash.
    await updateRecord(admin(), boardActionRecord, String(action!.id), { ref: '2', action: action!.action }, action!.rowVersion);
    expect([await database.db.$count(risks), await database.db.$count(boardActions)]).toEqual([risksBefore, actionsBefore]);
  });

  it('brings forward to a meeting the actions still open that earlier meetings raised', async () => {
    const april = await createRecord(admin(), meetingRecord, { title: 'Board, April 2030', heldOn: '2030-04-10' });
    const may = await createRecord(admin(), meetingRecord, { title: 'Board, May 2030', heldOn: '2030-05-08' });
    const open = await createRecord(admin(), boardActionRecord, { ref: 'BF1', action: 'Agree the hub rota', meetingId: april.id });
    await createRecord(admin(), boardActionRecord, { ref: 'BF2', action: 'Sign the lease', meetingId: april.id, status: 'closed', outcome: 'Signed' });
    await createRecord(admin(), boardActionRecord, { ref: 'BF3', action: 'Report in June', meetingId: may.id });
    const broughtTo = async (meeting: Record<string, unknown>) => (await listRecords(admin(), boardActionRecord, { page: 1, pageSize: 50, filters: { broughtForwardTo: String(meeting.id) } })).items.map((a) => a.ref);
    expect(await broughtTo(may)).toEqual([open.ref]);
    expect(await broughtTo(april)).toEqual([]);
  });

  it('refuses a second meeting or document with a title already used, but not the record saved under its own title', async () => {
    const meeting = await createRecord(admin(), meetingRecord, { title: 'Board, January 2027', heldOn: '14/01/2027' });
    await expect(createRecord(admin(), meetingRecord, { title: 'Board, January 2027' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'title', message: 'A meeting with title "Board, January 2027" already exists: give another title' }] });
    await updateRecord(admin(), meetingRecord, String(meeting.id), { title: 'Board, January 2027', agenda: 'Budget' }, meeting.rowVersion as number);
    const policy = await createRecord(admin(), policyRecord, { title: 'Home visiting', kind: 'policy', version: '1' });
    const twice = await failure(createRecord(admin(), policyRecord, { title: 'Home visiting', kind: 'policy', version: '2' }));
    expect([twice.kind, twice.problems]).toEqual(['invalid', [{ field: 'title', message: 'A document with title "Home visiting" already exists: give another title' }]]);
    await updateRecord(admin(), policyRecord, String(policy.id), { title: 'Home visiting', version: '1.1' }, policy.rowVersion as number);
  });

  it('refuses a policy review date before its approval, on create and when only one of the dates changes', async () => {
    const early = await failure(createRecord(admin(), policyRecord, { title: 'Lone working', kind: 'policy', version: '1', approvedOn: '01/12/2026', reviewDate: '01/06/2026' }));
    expect(early.problems).toEqual([{ field: 'reviewDate', message: 'must be on or after the approval date, 1 December 2026' }]);
    const created = await createRecord(admin(), policyRecord, { title: 'Lone working', kind: 'policy', version: '1', approvedOn: '01/12/2026', reviewDate: '01/12/2027' });
    const moved = await failure(updateRecord(admin(), policyRecord, String(created.id), { approvedOn: '02/12/2027' }, created.rowVersion as number));
    expect(moved.problems).toEqual([{ field: 'reviewDate', message: 'must be on or after the approval date, 2 December 2027' }]);
    // A date from before any policy the federation keeps is a slip, refused against its field.
    const ancient = await failure(createRecord(admin(), policyRecord, { title: 'Sharps disposal', kind: 'policy', version: '1', reviewDate: '01/01/1900' }));
    expect([ancient.kind, ancient.problems]).toEqual(['invalid', [{ field: 'reviewDate', message: 'must be on or after 1 January 2000' }]]);
    const beforeAnyPolicy = await failure(updateRecord(admin(), policyRecord, String(created.id), { approvedOn: '1999-12-31', acknowledgeBy: '1999-06-01' }, created.rowVersion as number));
    expect(beforeAnyPolicy.problems).toEqual([
      { field: 'approvedOn', message: 'must be on or after 1 January 2000' },
      { field: 'acknowledgeBy', message: 'must be on or after 1 January 2000' },
    ]);
  });

  it('adds dated updates without touching earlier ones, and closes an action only with its outcome', async () => {
    const [action] = await database.db.select().from(boardActions).where(eq(boardActions.ref, '1'));
    await addActionUpdate(admin(), action!.id, { text: 'CQC application submitted', enteredOn: '15/05/2018' });
    expect((await listActionUpdates(admin(), action!.id)).items.map((u) => u.enteredOn)).toEqual(['2018-05-15', today]);
    // The audit names the date as NHS pages write it.
    const summaries = (await database.db.select({ summary: auditLog.summary }).from(auditLog).where(eq(auditLog.recordId, String(action!.id)))).map((a) => a.summary);
    expect(summaries).toContain('Update dated 15 May 2018 added');
    const refused = await failure(updateRecord(admin(), boardActionRecord, String(action!.id), { status: 'closed' }, action!.rowVersion));
    expect(refused.problems).toEqual([{ field: 'outcome', message: 'Enter the outcome to close the action' }]);
    const bad = await failure(addActionUpdate(admin(), action!.id, { text: 'x', enteredOn: '2018-13-01' }));
    expect(bad.problems[0]).toMatchObject({ field: 'enteredOn', message: '"2018-13-01" is not a real date' });
    // An update says what has happened: tomorrow is refused, naming both dates as NHS pages write them; today is kept.
    const tomorrow = addDays(today, 1);
    const early = await failure(addActionUpdate(admin(), action!.id, { text: 'Not yet', enteredOn: tomorrow }));
    expect(early).toMatchObject({ kind: 'invalid', problems: [{ field: 'enteredOn', message: 'must be today or in the past' }] });
    expect(early.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(early.message).toContain(new Date(`${tomorrow}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
    await addActionUpdate(admin(), action!.id, { text: 'Chased today', enteredOn: today });
    expect((await listActionUpdates(admin(), action!.id)).items.map((u) => u.text)).not.toContain('Not yet');
  });

  it('lets an action’s owner add its updates, as My items asks them to, but not someone who does not own it, nor a commissioner', async () => {
    const [manager] = await database.db.select({ id: users.id, label: users.email }).from(users).where(eq(users.email, 'pm.kibworth@elr-federation.example'));
    const owner = { userId: manager!.id, label: `Priya Patel <${manager!.label}>`, role: 'practice_manager' as const, practiceCodes: ['C82001'] };
    const person = await createRecord(admin(), personRecord, { name: 'Priya Patel', initials: 'PPX', userId: manager!.id });
    const [action] = await database.db.select().from(boardActions).where(eq(boardActions.ref, '3'));
    expect((await listActionUpdates(contextFor(database, owner), action!.id)).mayAdd).toBe(false);
    await expect(addActionUpdate(contextFor(database, owner), action!.id, { text: 'Not mine' })).rejects.toMatchObject({ kind: 'forbidden', message: 'Only the federation and the owners of action 3 can add an update to it' });
    await database.db.update(boardActions).set({ ownerPersonIds: [person.id as number] }).where(eq(boardActions.id, action!.id));
    expect((await listActionUpdates(contextFor(database, owner), action!.id)).mayAdd).toBe(true);
    const added = await addActionUpdate(contextFor(database, owner), action!.id, { text: 'Estates survey booked' });
    expect(added).toMatchObject({ text: 'Estates survey booked', enteredOn: today, enteredBy: owner.label });
    await expect(addActionUpdate(contextFor(database, commissionerActor), action!.id, { text: 'From the CCG' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await listActionUpdates(admin(), action!.id)).mayAdd).toBe(true);
  });

  it('searches policies by title and description with English stemming, and checks uploads by their bytes', async () => {
    const created = await createRecord(admin(), policyRecord, { title: 'Chaperone protocol', kind: 'protocol', version: '2', description: 'Offering chaperones during intimate examinations' });
    expect((await searchPolicies(admin(), 'examination chaperone')).map((p) => p.title)).toEqual(['Chaperone protocol']);
    expect((await searchPolicies(admin(), 'protecting data')).map((p) => p.title)).toEqual(['Data protection (GDPR) policy for member practices']);
    const id = created.id as number;
    // The demo's policy comes with its document; refused uploads add nothing to it.
    const filesBefore = await tally(policyFiles);
    expect(filesBefore).toBe(1);
    expect(await uploadPolicyFile(admin(), id, { name: 'chaperone.pdf', content: Buffer.from('%PDF-1.7\n...') })).toEqual({ fileName: 'chaperone.pdf', mediaType: 'application/pdf', size: 12 });
    const disguised = await failure(uploadPolicyFile(admin(), id, { name: 'notes.pdf', content: Buffer.from('just text') }));
    expect([disguised.kind, disguised.message]).toEqual(['unsupported', 'notes.pdf is not a PDF or Word (DOCX) document']);
    const huge = await failure(uploadPolicyFile(admin(), id, { name: 'big.pdf', content: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) }));
    expect(huge.kind).toBe('too_large');
    expect(await tally(policyFiles)).toBe(filesBefore + 1);
    // A new version's file becomes the current one; the file before it is kept, with its version.
    const [policy] = await database.db.select().from(policies).where(eq(policies.id, id));
    await updateRecord(admin(), policyRecord, String(id), { version: '3' }, policy!.rowVersion);
    await uploadPolicyFile(admin(), id, { name: 'chaperone v3.pdf', content: Buffer.from('%PDF-1.7\nv3') });
    const files = await policyFileList(admin(), id);
    expect(files.map((f) => [f.fileName, f.version])).toEqual([['chaperone v3.pdf', '3'], ['chaperone.pdf', '2']]);
    expect(Buffer.from((await downloadPolicyFile(admin(), id)).content).toString()).toBe('%PDF-1.7\nv3');
    expect(Buffer.from((await downloadPolicyFile(admin(), id, files[1]!.id)).content).toString()).toBe('%PDF-1.7\n...');
    expect((await failure(downloadPolicyFile(admin(), id, files[1]!.id + 1000))).kind).toBe('not_found');
  });

  it('gathers my items from every source, overdue first, and lists acknowledgements until they are done', async () => {
    const [adminUser] = await database.db.select().from(users).where(eq(users.name, 'Jo Walker'));
    const [action] = await database.db.select().from(boardActions).where(eq(boardActions.ref, '7'));
    await updateRecord(admin(), boardActionRecord, String(action!.id), { dueDate: addDays(today, -2) }, action!.rowVersion);
    const mine = await myItems(contextFor(database, { ...adminActor, userId: adminUser!.id }));
    expect(mine.person?.initials).toBe('JW');
    // JW also leads most of the demo work plan, whose target dates (2016–2019) are long past: those tasks come first, all overdue.
    const tasks = mine.items.filter((i) => i.kind === 'task');
    expect(tasks.length).toBeGreaterThan(10);
    expect(tasks.every((t) => t.dueDate < today)).toBe(true);
    expect(mine.items.filter((i) => i.kind !== 'task').map((i) => [i.kind, i.ref])).toEqual([
      ['action', '7'],
      ['risk_review', 'R2'],
    ]);
    const task = async () => [{ kind: 'task' as const, ref: '1.1', title: 'Work-plan task', dueDate: addDays(today, -5), href: '/plan/1' }];
    const withTasks = await gatherMyItems(database.db, { personId: mine.person!.id, userId: adminUser!.id, practiceCodes: [], role: 'admin', today: mine.today, until: mine.until }, [task, async () => mine.items.filter((i) => i.kind !== 'task')]);
    expect(withTasks.map((i) => i.ref)).toEqual(['1.1', '7', 'R2']);

    const manager = contextFor(database, managerOf('C82001'));
    expect((await myItems(manager)).items.map((i) => [i.kind, i.ref])).toEqual([['policy_acknowledgement', 'C82001']]);
    // A clinician of C82009 (which has not acknowledged either) may not acknowledge, so is not asked to.
    const clinician = contextFor(database, { userId: null, label: 'clinician of C82009', role: 'clinician', practiceCodes: ['C82009'] });
    expect((await myItems(clinician)).items.filter((i) => i.kind === 'policy_acknowledgement')).toEqual([]);
    expect((await myItems(contextFor(database, managerOf('C82009')))).items.map((i) => [i.kind, i.ref])).toEqual([['policy_acknowledgement', 'C82009']]);
    const [policyId] = (await searchPolicies(admin(), 'GDPR')).map((p) => p.id);
    expect((await failure(acknowledgePolicy(manager, policyId!, 'C82009'))).kind).toBe('forbidden');
    await acknowledgePolicy(manager, policyId!, 'C82001');
    expect((await failure(acknowledgePolicy(manager, policyId!, 'C82001'))).kind).toBe('conflict');
    expect((await myItems(manager)).items).toEqual([]);
    expect((await listAcknowledgements(admin(), policyId!)).map((a) => [a.practiceCode, a.acknowledgedBy])).toEqual([
      ['C82001', 'manager of C82001'],
      ['C82009', null],
    ]);
  });

  it('offers a version for acknowledging only once its file is uploaded, and asks again for the next version’s file', async () => {
    const policy = await createRecord(admin(), policyRecord, { title: 'Home visits protocol', kind: 'protocol', version: '1.0', acknowledgeBy: addDays(today, 3), practiceCodes: ['C82001'] });
    const id = policy.id as number;
    const manager = contextFor(database, managerOf('C82001'));
    const asked = async () => (await myItems(manager)).items.filter((i) => i.title.startsWith('Home visits protocol')).map((i) => i.title);
    const refused = await failure(acknowledgePolicy(manager, id, 'C82001'));
    expect([refused.kind, refused.message]).toEqual(['conflict', 'Version 1.0 of Home visits protocol cannot be acknowledged yet: it has no file to read. The federation uploads the document first.']);
    expect(await asked()).toEqual([]);
    expect(await database.db.select().from(policyAcknowledgements).where(eq(policyAcknowledgements.policyId, id))).toEqual([]);

    await uploadPolicyFile(admin(), id, { name: 'lone-working.pdf', content: Buffer.from('%PDF-1.4 lone working') });
    expect(await asked()).toEqual(['Home visits protocol (version 1.0)']);
    await acknowledgePolicy(manager, id, 'C82001');
    expect(await asked()).toEqual([]);

    // A new version carries the old version's file until its own is uploaded: it cannot be acknowledged on the strength of the old one.
    const [stored] = await database.db.select().from(policies).where(eq(policies.id, id));
    await updateRecord(admin(), policyRecord, String(id), { version: '1.1' }, stored!.rowVersion);
    expect((await failure(acknowledgePolicy(manager, id, 'C82001'))).kind).toBe('conflict');
    expect(await asked()).toEqual([]);
    await uploadPolicyFile(admin(), id, { name: 'lone-working-1.1.pdf', content: Buffer.from('%PDF-1.4 lone working, revised') });
    expect(await asked()).toEqual(['Home visits protocol (version 1.1)']);
    await acknowledgePolicy(manager, id, 'C82001');
    expect((await listAcknowledgements(admin(), id)).map((a) => [a.version, a.acknowledgedBy])).toEqual([['1.1', 'manager of C82001']]);
  });

  it.each([
    [[], '1.0', false],
    [[{ version: '1.0' }], '1.0', true],
    [[{ version: '1.0' }], '1.1', false],
    [[{ version: '1.1' }, { version: '1.0' }], '1.0', true],
    // Uploaded before files kept their version: the newest file is the current one.
    [[{ version: null }], '2', true],
    [[{ version: '1.0' }, { version: null }], '2', false],
  ])('filesCoverVersion(%j, %s) → %s', (files, version, expected) => {
    expect(filesCoverVersion(files, version)).toBe(expected);
  });

  it('asks only open practices to acknowledge a policy, and stops asking one that closes', async () => {
    // Two Shires (C82036) closed in June 2020.
    const closed = await failure(createRecord(admin(), policyRecord, { title: 'Infection control', kind: 'policy', version: '1', practiceCodes: ['C82001', 'C82036'] }));
    expect([closed.kind, closed.problems]).toEqual(['invalid', [{ field: 'practiceCodes', message: 'names practices that are not open: C82036 (closed). Remove them' }]]);
    const policy = await createRecord(admin(), policyRecord, { title: 'Infection control', kind: 'policy', version: '1', acknowledgeBy: addDays(today, 3), practiceCodes: ['C82001', 'C82009'] });
    await uploadPolicyFile(admin(), policy.id as number, { name: 'infection-control.pdf', content: Buffer.from('%PDF-1.4 infection control') });
    const manager = contextFor(database, managerOf('C82009'));
    expect((await myItems(manager)).items.filter((i) => i.title.startsWith('Infection control'))).toHaveLength(1);
    // As the next ODS import would record, C82009 closes: it is no longer asked, nor can it acknowledge.
    const setStatus = (status: string) => database.db.update(practices).set({ status }).where(eq(practices.odsCode, 'C82009'));
    await setStatus('closed');
    try {
      expect((await listAcknowledgements(admin(), policy.id as number)).map((a) => a.practiceCode)).toEqual(['C82001']);
      expect((await myItems(manager)).items.filter((i) => i.title.startsWith('Infection control'))).toEqual([]);
      expect((await failure(acknowledgePolicy(manager, policy.id as number, 'C82009'))).kind).toBe('invalid');
      // The policy can still be edited with C82009 on its list; a closed practice cannot be added.
      const edited = await updateRecord(admin(), policyRecord, String(policy.id), { title: 'Infection control and prevention', practiceCodes: ['C82001', 'C82009'] }, policy.rowVersion as number);
      expect(edited.title).toBe('Infection control and prevention');
      const added = await failure(updateRecord(admin(), policyRecord, String(policy.id), { practiceCodes: ['C82001', 'C82009', 'C82036'] }, edited.rowVersion as number));
      expect(added.problems).toEqual([{ field: 'practiceCodes', message: 'names practices that are not open: C82036 (closed). Remove them' }]);
    } finally {
      await setStatus('active');
    }
  });

  it('sends the daily digest by SMTP, overdue items first, to users with items due', async () => {
    const sink = await startSmtpSink();
    try {
      const result = await sendDigest(admin(), { smtpUrl: sink.url, from: 'atscale <digest@elr.example>', baseUrl: 'https://atscale.example' });
      expect(result.sent).toBe(sink.messages.length);
      const toJo = sink.messages.find((m) => m.to[0] === 'admin@elr-federation.example')!;
      expect(toJo.from).toBe('digest@elr.example');
      // Overdue: board action 7 and the work-plan tasks JW leads; due soon: risk R2's review.
      const overdue = Number(/your items \((\d+) overdue, 1 due soon\)/.exec(toJo.data)?.[1]);
      expect(overdue).toBeGreaterThan(10);
      const body = toJo.data.split('\r\n\r\n').slice(1).join('\r\n\r\n');
      expect(body.indexOf(`Overdue (${overdue}):`)).toBeLessThan(body.indexOf('Due in the next 14 days (1):'));
      expect(body).toContain('- Board action 7: Business and budget plan');
      expect(body).toContain('https://atscale.example/governance/actions/');
    } finally {
      await sink.close();
    }
  });
});
