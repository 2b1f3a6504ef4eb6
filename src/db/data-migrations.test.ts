import { afterAll, describe, expect, it } from 'vitest';
import { databaseKinds, openEmptyTestDatabase } from '../../test/support/databases.js';
import type { Database } from './client.js';
import { migrateBefore } from '../../test/support/migrations.js';
import { adminActor, contextFor } from '../../test/support/factories.js';
import { importWorkPlan } from '../app/programme/import-work-plan.js';

describe.each(databaseKinds)('data migrations (%s)', (kind) => {
  // Each test migrates a database of its own up to the migration it is about.
  const opened: Database[] = [];
  const emptyDatabase = async () => {
    const database = await openEmptyTestDatabase(kind);
    opened.push(database);
    return database;
  };
  afterAll(() => Promise.all(opened.map((database) => database.close())));

  it('0018 gives each scheme the name and funder of its latest approved version, and leaves a scheme never approved alone', async () => {
    const database = await emptyDatabase();
    await migrateBefore(database, '0018_scheme-name-from-approved-version');
    const scheme = async (slug: string, row: [string, string, string, number], versions: [string, string, string][]) => {
      const [{ id }] = (await database.query<{ id: number }>('INSERT INTO schemes (slug, name, funder, status, current_version) VALUES ($1, $2, $3, $4, $5) RETURNING id', [slug, ...row])) as [{ id: number }];
      for (const [i, [status, name, funder]] of versions.entries()) {
        await database.query("INSERT INTO scheme_versions (scheme_id, version, status, definition, created_by) VALUES ($1, $2, $3, $4, 'test')", [id, i + 1, status, JSON.stringify({ name, funder })]);
      }
    };
    // As saving a draft left them: the draft's name and funder on the row, read by everyone.
    await scheme('renamed', ['Draft name', 'Draft funder', 'draft', 3], [
      ['superseded', 'First name', 'First funder'],
      ['approved', 'Approved name', 'Approved funder'],
      ['draft', 'Draft name', 'Draft funder'],
    ]);
    await scheme('in-force', ['Approved name', 'Approved funder', 'approved', 1], [['approved', 'Approved name', 'Approved funder']]);
    await scheme('never-approved', ['Draft only', 'Draft funder', 'draft', 1], [['draft', 'Draft only', 'Draft funder']]);

    await database.migrate();

    const rows = await database.query<{ slug: string; name: string; funder: string; row_version: number }>('SELECT slug, name, funder, row_version FROM schemes ORDER BY id');
    expect(rows).toEqual([
      { slug: 'renamed', name: 'Approved name', funder: 'Approved funder', row_version: 1 },
      { slug: 'in-force', name: 'Approved name', funder: 'Approved funder', row_version: 1 },
      { slug: 'never-approved', name: 'Draft only', funder: 'Draft funder', row_version: 1 },
    ]);
  });

  it('0028 gives each task imported before it the id it was imported with, so the next import of that file keeps the edits made since, and dates closed risks', async () => {
    const database = await emptyDatabase();
    await migrateBefore(database, '0025_plan-import-base');
    // As an import before 0025 left "1.1,Extended hours,JW,Nov 16" and "1.5,Hub rota,GC,Dec 16", after which
    // people changed 1.1's lead to RB and renamed 1.5 to 1.5a; and a risk closed then.
    await database.query("INSERT INTO work_plans (id, name, source_file, as_of) VALUES (1, 'Old plan', 'old.csv', '2017-01-10')");
    await database.query("INSERT INTO plan_sections (id, plan_id, ref, title) VALUES (1, 1, '1', 'Section 1')");
    const task = (ref: string, description: string, lead: string, time: [string, string, string], line: number, raw: Record<string, string>) =>
      database.query(
        `INSERT INTO plan_tasks (plan_id, section_id, ref, ref_occurrence, description, lead, time_text, target_start, target_date, status, source_line, source_raw)
         VALUES (1, 1, $1, 1, $2, $3, $4, $5, $6, 'not_started', $7, $8)`,
        [ref, description, lead, ...time, line, JSON.stringify(raw)],
      );
    await task('1.1', 'Extended hours', 'RB', ['Nov 16', '2016-11-01', '2016-11-30'], 2, { id: '1.1', tasks: 'Extended hours', lead: 'JW', time: 'Nov 16' });
    await task('1.5a', 'Hub rota', 'GC', ['Dec 16', '2016-12-01', '2016-12-31'], 3, { id: '1.5', tasks: 'Hub rota', lead: 'GC', time: 'Dec 16' });
    await database.query("INSERT INTO risks (ref, risk, status, updated_at) VALUES ('9', 'Old risk', 'closed', '2018-04-12T10:00:00Z')");

    await database.migrate();

    const rows = await database.query<{ ref: string; imported_ref: string; imported_occurrence: number; imported_values: unknown }>('SELECT ref, imported_ref, imported_occurrence, imported_values FROM plan_tasks ORDER BY id');
    expect(rows).toEqual([
      { ref: '1.1', imported_ref: '1.1', imported_occurrence: 1, imported_values: null },
      { ref: '1.5a', imported_ref: '1.5', imported_occurrence: 1, imported_values: null },
    ]);
    expect(await database.query('SELECT closed_on::text AS closed_on FROM risks')).toEqual([{ closed_on: '2018-04-12' }]);
    const file = { name: 'old.csv', content: Buffer.from('id,tasks,lead,time\n1.1,Extended hours,JW,Nov 16\n1.5,Hub rota,GC,Dec 16\n') };
    const report = await importWorkPlan(contextFor(database, adminActor), file, { planName: 'Old plan', asOf: '2017-01-10' });
    expect(report).toMatchObject({ inserted: 0, updated: 0 });
    expect(await database.query('SELECT ref, lead FROM plan_tasks ORDER BY id')).toEqual([
      { ref: '1.1', lead: 'RB' },
      { ref: '1.5a', lead: 'GC' },
    ]);
  });

  it('0030 names the invoice references two recorded invoices share rather than fail on its index without a word, and upgrades a database with none', async () => {
    const database = await emptyDatabase();
    await migrateBefore(database, '0030_invoice-reference-held-once');
    const [{ id }] = (await database.query<{ id: number }>("INSERT INTO schemes (slug, name, funder, status, current_version) VALUES ('winter', 'Winter', 'CCG', 'approved', 2) RETURNING id")) as [{ id: number }];
    const version = (n: number, reference: string | null, invoicedOn: string | null) =>
      database.query("INSERT INTO scheme_versions (scheme_id, version, status, definition, created_by, invoice_reference, invoiced_on) VALUES ($1, $2, 'approved', '{}', 'test', $3, $4)", [id, n, reference, invoicedOn]);
    // Nothing stopped it before 0029: two invoices under INV-7, whatever the case; an undone one under it is no clash.
    await version(1, 'INV-7', '2018-05-15');
    await version(2, 'inv-7', '2018-06-15');
    await version(3, 'INV-7', null);
    await expect(database.migrate()).rejects.toMatchObject({
      cause: { message: `Invoice references recorded on more than one invoice: INV-7 (scheme ${id} version 1), inv-7 (scheme ${id} version 2). A reference names one invoice: with the previous atscale, correct the reference of all but one of each (on its scheme page, or atscale scheme invoiced --reference), then upgrade again` },
    });
    await database.query("UPDATE scheme_versions SET invoice_reference = 'INV-8' WHERE version = 2");
    await database.migrate();
    await expect(database.query("UPDATE scheme_versions SET invoice_reference = 'Inv-7' WHERE version = 2")).rejects.toMatchObject({ code: '23505' });
  });
});
