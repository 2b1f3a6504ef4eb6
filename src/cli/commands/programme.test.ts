import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';

const shared = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const rows = (text: string) => Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;

/** The real `atscale` command on the embedded database: import, re-import, list with filters, the STP grid, and a refused file. */
describe('atscale plan and stp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atscale-plan-'));
  const env = { ATSCALE_DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined };
  // A command other than migrate, serve, demo load or restore uses a database that is there already.
  beforeAll(async () => expect((await runCli(['migrate'], env)).code).toBe(0), 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the seed work plan, re-imports it with 0 changes and lists tasks by lead as CSV', async () => {
    const seed = rows(readFileSync(join(shared, 'elr/workplan.csv'), 'utf8'));
    const first = await runCli(['plan', 'import', join(shared, 'elr/workplan.csv'), '--name', 'ELR', '--as-of', '2018-02-01', '--format', 'json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'work-plan', updated: 0, unchanged: 0, notes: expect.arrayContaining(['IDs the plan skips: 2.4']) });
    const again = await runCli(['plan', 'import', join(shared, 'elr/workplan.csv'), '--name', 'ELR'], env);
    expect(again.stdout).toMatch(/\n {2}Inserted +0\n {2}Updated +0\n/);
    const listed = await runCli(['plan', 'list', '--plan', 'ELR', '--lead', 'RB', '--format', 'csv'], env);
    expect(rows(listed.stdout).map((r) => r.Task)).toEqual(seed.filter((r) => r.lead!.includes('RB')).map((r) => r.id));
    // The table reads as the work plan page does: target dates in words, the status as words, not its code.
    const table = (await runCli(['plan', 'list', '--plan', 'ELR', '--lead', 'RB'], env)).stdout;
    expect(table).toMatch(/^1\.2 .* 31 December 2018 +In progress +Yes$/m);
    expect(table).not.toMatch(/in_progress|not_started/);
    // A plan that is not there is said to be missing, by ID as by name, not listed as a plan without tasks.
    expect(await runCli(['plan', 'list', '--plan', '99'], env)).toMatchObject({ code: 4, stderr: 'atscale: There is no work plan with ID 99\n' });
    // A second plan: the list of every plan's tasks says which plan each task is in.
    expect((await runCli(['plan', 'import', join(shared, 'elr/workplan.csv'), '--name', 'ELR copy'], env)).code).toBe(0);
    const both = rows((await runCli(['plan', 'list', '--lead', 'RB', '--format', 'csv'], env)).stdout);
    expect(new Set(both.map((r) => r.Plan))).toEqual(new Set(['ELR', 'ELR copy']));
  }, 180_000);

  it('imports the STP files and prints the grid with the row that holds two actions', async () => {
    const files = ['outcomes', 'milestones', 'deliverables'].map((name) => join(shared, `llr-stp/${name}.csv`));
    const imported = await runCli(['stp', 'import', ...files], env);
    expect(imported.code).toBe(0);
    const grid = await runCli(['stp', 'grid', '--format', 'csv'], env);
    const gridRows = rows(grid.stdout);
    const shared2 = gridRows.find((r) => r.Actions === 'N1.1;N1.2')!;
    const milestones = rows(readFileSync(join(shared, 'llr-stp/milestones.csv'), 'utf8'));
    expect(Object.entries(shared2).filter(([, v]) => v === 'X').map(([k]) => k)).toEqual(milestones.filter((m) => m.action_id === 'N1.1;N1.2').map((m) => m.period));
    expect(gridRows.flatMap((r) => Object.values(r).filter((v) => v === 'X'))).toHaveLength(milestones.length);
  }, 180_000);

  it('refuses a file with an impossible date: exit code 2, file, line and column, nothing imported', async () => {
    const bad = join(dir, 'bad-plan.csv');
    writeFileSync(bad, 'id,tasks,time\n7.1,Fine,Nov 16\n7.2,Impossible,31/02/2018\n');
    const refused = await runCli(['plan', 'import', bad, '--name', 'ELR'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bad-plan.csv, line 3, column 3: "31/02/2018" is not a real date');
    // An impossible --as-of is named as the option it was typed in.
    expect(await runCli(['plan', 'import', bad, '--as-of', '2018-02-30'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('field --as-of: is not a real date') });
    expect(await runCli(['stp', 'import', bad, '--as-of', '2018-13-01'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('field --as-of: is not a real date') });
    const listed = await runCli(['plan', 'list', '--plan', 'ELR', '--format', 'json'], env);
    expect(JSON.parse(listed.stdout).some((t: { ref: string }) => t.ref === '7.1')).toBe(false);
  }, 180_000);
});
