import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { databaseKinds, openTestDatabase } from '../../../test/support/databases.js';
import { contextFor, epraccurRow } from '../../../test/support/factories.js';
import { importNhsFile } from './import-file.js';

const epraccur = (...rows: string[]) => ({ name: 'epraccur.csv', content: Buffer.from(`${rows.join('\r\n')}\r\n`) });
/** C97999 open, and, in a later file, closed on 30 June 2020: a change the practice's history records. */
const open = epraccurRow({ 1: 'C97999' });
const closed = epraccurRow({ 1: 'C97999', 12: '20200630', 13: 'C' });

/**
 * An import that fails after it has started writing leaves the database as it was: every write of
 * one file is in one transaction, the new rows bulk-copied in (binary COPY on PostgreSQL) as much as
 * the changes.
 */
describe.each(databaseKinds)('an NHS import the database refuses part-way (%s)', (kind) => {
  let database: Database;
  const ctx = () => contextFor(database);
  /** Every row an ODS import writes to. */
  const stored = async () => ({
    practices: await database.query('SELECT * FROM practices ORDER BY ods_code'),
    history: await database.query('SELECT * FROM practice_history ORDER BY id'),
    audit: await database.query('SELECT * FROM audit_log ORDER BY id'),
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importNhsFile(ctx(), 'ods', epraccur(open));
  });
  afterAll(() => database?.close());

  it('leaves the practices it had written and changed as they were when the database refuses a later row', async () => {
    // The history row of C97999's closing is written after the new practice and the change itself:
    // the database refuses it, saying how many of the new practices it could see written by then.
    await database.query(`CREATE FUNCTION refuse_closing() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused once % new practice and % closing were written', (SELECT count(*) FROM practices WHERE ods_code = 'C97998'), (SELECT count(*) FROM practices WHERE ods_code = 'C97999' AND status = 'closed'); END $$`);
    await database.query("CREATE TRIGGER refuse_closing BEFORE INSERT ON practice_history FOR EACH ROW WHEN (NEW.ods_code = 'C97999') EXECUTE FUNCTION refuse_closing()");
    const before = await stored();
    const file = epraccur(epraccurRow({ 1: 'C97998' }), closed);
    // Drizzle wraps the database's error; its own words are the cause.
    const refusal = await importNhsFile(ctx(), 'ods', file).then(
      () => 'imported',
      (error: Error) => (error.cause as Error | undefined)?.message ?? error.message,
    );
    expect(refusal).toBe('refused once 1 new practice and 1 closing were written');
    expect(await stored()).toEqual(before);

    // The same file, once the database takes it, is imported whole: the refusal was all that stopped it.
    await database.query('DROP TRIGGER refuse_closing ON practice_history');
    expect(await importNhsFile(ctx(), 'ods', file)).toMatchObject({ inserted: 1, updated: 1, rejected: 0 });
    expect((await stored()).practices.map((p) => [p.ods_code, p.status])).toEqual([
      ['C97998', 'active'],
      ['C97999', 'closed'],
    ]);
  });
});
