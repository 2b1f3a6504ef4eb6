import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { adminActor, contextFor } from '../../../test/support/factories.js';
import type { AppError } from '../../domain/errors.js';
import { loadDemo } from '../demo/load-demo.js';
import { personRecord } from '../people/person-record.js';
import { importRecordsCsv } from '../records/import-csv.js';
import { boardActionRecord } from './board-action-record.js';
import { riskRecord } from './risk-record.js';

const seed = (name: string) => readFileSync(new URL(`../../../../shared/data/elr/${name}`, import.meta.url), 'utf8');
const csv = (name: string, text: string) => ({ name, content: Buffer.from(text) });
const failure = async (promise: Promise<unknown>) => (await promise.then(() => null, (error: unknown) => error)) as AppError;

/**
 * A register or list file damaged on its way in (a copy cut short, a comma left unquoted, a
 * column pasted twice) is refused at the row and column where it goes wrong, and what is stored
 * stays as it was: the registers update kept records from their files, so half a row would
 * otherwise overwrite a risk's mitigation with half of itself.
 */
describe.each(databaseKinds)('a damaged register file (%s)', (kind) => {
  let database: Database;
  const admin = () => contextFor(database, adminActor);
  const stored = async () => ({
    risks: await database.query('SELECT * FROM risks ORDER BY id'),
    actions: await database.query('SELECT * FROM board_actions ORDER BY id'),
    people: await database.query('SELECT * FROM people ORDER BY id'),
    audit: await database.query('SELECT count(*)::int AS n FROM audit_log'),
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadDemo(contextFor(database));
  });
  afterAll(() => database?.close());

  it('refuses the seed risk register cut short part-way through its last row, keeping the risk it would have half-overwritten', async () => {
    const text = seed('risks.csv').trimEnd();
    const before = await stored();
    // Cut inside the last row's mitigation: the row still has its id and likelihood, so each cell would read.
    const lastLine = text.split('\n').length;
    const cut = text.slice(0, text.lastIndexOf(' | Transformation Funding application'));
    const refusal = await failure(importRecordsCsv(admin(), riskRecord, csv('risks.csv', cut)));
    expect(refusal.problems).toEqual([{ file: 'risks.csv', line: lastLine, column: 5, message: expect.stringMatching(/^the file ends part-way through this row \(4 of the header's 5 fields\)/) }]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a quote left open to the end of the file, and a row with more fields than the header, naming the line', async () => {
    const before = await stored();
    const open = await failure(importRecordsCsv(admin(), boardActionRecord, csv('actions.csv', 'ref,action,owner,due,update,source_meeting\n1,CQC registration,JW,,"JW to progress\n')));
    expect(open.problems).toEqual([{ file: 'actions.csv', line: 2, message: 'a quoted field is never closed' }]);
    const unquoted = await failure(importRecordsCsv(admin(), riskRecord, csv('risks.csv', 'id,risk,likelihood,mitigation,context\n1,Lack of openness, transparency and trust,L,Shared vision,locality hub working\n')));
    expect(unquoted.problems).toEqual([{ file: 'risks.csv', line: 2, column: 6, message: 'this row has 6 fields but the header has 5: a value holding a comma must be in double quotes' }]);
    expect(await stored()).toEqual(before);
  });

  it('names the line a bad row is on below a value over several lines and a blank line', async () => {
    const before = await stored();
    const risks = 'id,risk,likelihood,mitigation,context\n"70","Two-line risk",L,"First step\nSecond step",\n\n71,Bad likelihood,Q,,\n';
    expect((await failure(importRecordsCsv(admin(), riskRecord, csv('risks.csv', risks)))).problems).toEqual([
      { file: 'risks.csv', line: 5, column: '3 (likelihood)', message: '"Q" is not a likelihood; write L, M, H or 1 to 5' },
    ]);
    const people = 'name,initials,email\n"Jo\nWalker",JQ,jo@example.org\n\nSam Smith,SS,not an address\n';
    expect((await failure(importRecordsCsv(admin(), personRecord, csv('people.csv', people)))).problems).toEqual([
      expect.objectContaining({ file: 'people.csv', line: 5, column: expect.stringMatching(/email/i) }),
    ]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a register with a column twice, rather than guess which to read', async () => {
    const before = await stored();
    const twice = await failure(importRecordsCsv(admin(), riskRecord, csv('risks.csv', 'id,risk,likelihood,mitigation,likelihood\n1,Lack of openness,L,Shared vision,H\n')));
    expect(twice.problems).toEqual([{ file: 'risks.csv', line: 1, column: 5, message: 'the column "likelihood" appears twice (columns 3 and 5): keep one' }]);
    expect(await stored()).toEqual(before);
  });

  it('reads a spreadsheet’s blank rows and a byte-order mark as nothing, so the seed imports unchanged', async () => {
    const before = await stored();
    const text = `\uFEFF${seed('risks.csv').replace('\n', '\n,,,,\n')}`;
    expect(await importRecordsCsv(admin(), riskRecord, csv('risks.csv', text))).toMatchObject({ inserted: 0, updated: 0 });
    expect(await stored()).toEqual(before);
  });
});
