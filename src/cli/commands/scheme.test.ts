import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, describeProblem } from '../../domain/errors.js';
import { parseCsv } from '../../domain/schemes/tabular-input.js';
import { registerSchemeCommands } from './scheme.js';

/**
 * End to end: the real CLI, spawned as a user runs it, on the example scheme files. Each spawn
 * costs a few seconds of start-up, so the spawned runs cover CSV, JSON and the error path (exit
 * code and message), and the rest runs the same scheme commands in this process.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const elr = fileURLToPath(new URL('../../../../shared/data/elr/', import.meta.url));
const winter = 'examples/schemes/winter-access-2017-18.yaml';
const pharmacists = 'examples/schemes/clinical-pharmacists-2018.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'atscale-scheme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function atscale(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function records(text: string, file: string): Record<string, string>[] {
  const table = parseCsv(text, file);
  return table.rows.map((row) => Object.fromEntries(table.header.map((h, i) => [h, row.cells[i] ?? ''])));
}

const expected = records(readFileSync(`${elr}winter-access-2017-18-expected.csv`, 'utf8'), 'expected');
const expectedSummary = Object.fromEntries(records(readFileSync(`${elr}winter-access-2017-18-expected-summary.csv`, 'utf8'), 'summary').map((r) => [r.metric, Number(r.value)]));

describe.concurrent('atscale scheme run', () => {
  it('--format csv prints every practice and the TOTAL as the seed does', async () => {
    const result = await atscale('scheme', 'run', winter, '--format', 'csv');
    expect(result.code).toBe(0);
    // The CSV holds one table, so the note about warnings says how to see them.
    expect(result.stderr).toMatch(/^atscale: \d+ warnings \(list them with --table warnings\)\n$/);
    const ours = records(result.stdout, 'stdout');
    expect(ours.map((r) => r.practice)).toEqual(expected.map((r) => r.practice));
    ours.forEach((row, i) => {
      for (const [key, value] of Object.entries(expected[i]!)) {
        if (value !== '') expect(row[key], `${row.practice} ${key}`).toBe(value);
      }
    });
  });

  it('--format json carries the totals of the expected summary', async () => {
    const result = await atscale('scheme', 'run', winter, '--format', 'json');
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout);
    const delivered = (id: string) => run.payments.totals.delivered.find((d: { modelId: string }) => d.modelId === id).total;
    expect({
      list_size_total: run.allocation.listSizeTotal,
      appointments_target: run.allocation.totals.quantity.total,
      appointments_sum_of_rounded_rows: run.allocation.totals.quantity.sumOfRoundedRows,
      nurse_appointments_delivered: delivered('nurse'),
      gp_appointments_delivered: delivered('gp'),
      appointments_delivered_total: run.payments.totals.deliveredTotal,
      delivered_cost: run.payments.totals.amount.total / 100,
      delivered_cost_sum_of_rounded_rows: run.payments.totals.amount.sumOfRoundedRows / 100,
      federation_fee_5pct: run.payments.totals.fee.total / 100,
      grand_total: run.payments.totals.grandTotal.total / 100,
    }).toEqual(expectedSummary);
    const croft = run.payments.rows.find((r: { practiceName: string }) => r.practiceName === 'The Croft Medical Centre');
    expect([croft.amountExact, croft.amountPence]).toEqual(['1282.5', 128300]);
  });

  it('refuses a delivered CSV with an unknown practice, naming the file, line and column', async () => {
    const bad = join(scratch, 'delivered-bad.csv');
    writeFileSync(bad, readFileSync(join(root, 'examples/schemes/winter-access-2017-18-delivered.csv'), 'utf8').replace('Bushloe Surgery,', 'Bushlow Surgery,'));
    const result = await atscale('scheme', 'run', winter, '--delivered', bad);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`delivered-bad.csv, line 6, column 1: practice "Bushlow Surgery" is not one of this scheme’s practices`);
  });

});

describe('atscale scheme, in process', () => {
  let stdout = '';
  beforeEach(() => {
    stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function run(...args: string[]): Promise<string> {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const program = new Command('atscale').exitOverride();
      registerSchemeCommands(program);
      await program.parseAsync(['node', 'atscale', ...args]);
    } finally {
      process.chdir(cwd);
    }
    return stdout;
  }

  it('--format table prints the rows as the scheme page shows them (money in £, counts grouped), the TOTAL and the footing notes', async () => {
    const text = await run('scheme', 'run', winter);
    expect(text).toMatch(/^Kibworth Medical Centre\s+C82001\s+Harborough\s+9,301\s+2\.84\s+145\s+18\s+5\s+£226\s+3\s+£287\s+208\s+0\s+£2,600$/m);
    expect(text).toMatch(/^TOTAL\s+327,255\s+100\.00\s+5,100\s.*955\s+3,458\s+£66,689$/m);
    // The summary's figures by name, in words rather than their keys.
    expect(text).toMatch(/^List size total\s+327,255\s+sum of practice list sizes$/m);
    expect(text).toContain('the total is the unrounded rows added up, then rounded once by the same rule');
    expect(text).toContain('appointments (rows half-up to a whole number): total 5,100; the rounded rows add up to 5,099 (1 less)');
    expect(text).toContain('delivered cost (rows half-up to a whole pound): total £66,689; the rounded rows add up to £66,692 (£3 more)');
    expect(text).toMatch(/delivered 514 appointments against an allocation of 223/);
  });

  it('runs the pharmacist scheme: yearly costs, the hand schedule shortfall by year and in total', async () => {
    const text = await run('scheme', 'run', pharmacists);
    expect(text).toMatch(/^2019\/20\s+1\.02\s+£179,377\s+£5,000\s+£184,377\s+£60,000\s+£0\s+£124,377\s+£1\.97/m);
    expect(text).toMatch(/^Average\s+£186,206\s+£1\.99/m);
    // A shortfall with a true minus, its cause in words, as the scheme page shows them.
    expect(text).toMatch(/^Scheme\s+All years\s+All practices\s+£543,440\s+£564,826\s+−£21,386\s+No uplift/m);
    expect(text).toContain('£21,386 short of the cost model');
    const csv = await run('scheme', 'run', pharmacists, '--format', 'csv', '--table', 'differences');
    const years = records(csv.slice(text.length), 'stdout').filter((r) => r.scope === 'year');
    expect(years.map((r) => [r.year, r.difference])).toEqual([
      ['2018/19', '0'],
      ['2019/20', '-3517'],
      ['2020/21', '-7105'],
      ['2021/22', '-10764'],
    ]);
  });

  it('says which contribution schedule it prints, and gives the other, at the year-1 cost, as its own table', async () => {
    const text = await run('scheme', 'run', pharmacists);
    expect(text).toContain('Multi-year cost sharing: uplifted cost less NHS England funding, shared by the practices');
    expect(text).toContain('(The other schedule, year-1 cost less NHS England funding, for each practice: --table contributions_year_1_cost.)');
    const csv = await run('scheme', 'run', pharmacists, '--format', 'csv', '--table', 'contributions_year_1_cost');
    const total = records(csv.slice(text.length), 'stdout').find((r) => r.practice === 'TOTAL')!;
    // The seed's own schedule was worked out that way: its hand schedule is this table's TOTAL row.
    const hand = records(readFileSync(`${root}examples/schemes/clinical-pharmacists-2018-hand-schedule.csv`, 'utf8'), 'hand');
    expect(hand.map((h) => total[`contribution_${h.year!.replace('/', '_')}`])).toEqual(hand.map((h) => h.amount));
  });

  it('--format xlsx writes a workbook with a sheet per table', async () => {
    const out = join(scratch, 'pharmacists.xlsx');
    await run('scheme', 'run', pharmacists, '--format', 'xlsx', '--out', out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Allocation', 'Statements', 'Schedule', 'Differences']));
    expect(workbook.getWorksheet('Schedule')!.getRow(2).getCell(5).value).toBe(180860);
  });

  it('refuses --out into a folder that does not exist in one sentence, not a stack trace', async () => {
    const out = join(scratch, 'no-such-folder', 'pharmacists.xlsx');
    await expect(run('scheme', 'run', pharmacists, '--format', 'xlsx', '--out', out)).rejects.toMatchObject({ kind: 'not_found', message: expect.stringMatching(/^Cannot write .*pharmacists\.xlsx: there is no folder .*no-such-folder$/) });
  });

  it('refuses a scheme file with a bad percentage, naming its line and column', async () => {
    const bad = join(scratch, 'bad-fee.yaml');
    writeFileSync(bad, readFileSync(join(root, winter), 'utf8').replace('percent: 5', 'percent: 105').replace(/file: (\S+)/g, `file: ${join(root, 'examples/schemes')}/$1`));
    const error = await run('scheme', 'run', bad).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).problems.map(describeProblem).join('\n')).toMatch(/bad-fee\.yaml, line \d+, column \d+, field fee\.percent: must be between 0 and 100/);
  });

  it('refuses a scheme file that is one value or a list, not fields, saying what a scheme file is', async () => {
    for (const [name, text] of [['one-value.yaml', 'winter access 2017/18\n'], ['a-list.yaml', '- name: Winter\n- funder: ELR CCG\n']] as const) {
      const file = join(scratch, name);
      writeFileSync(file, text);
      const error = await run('scheme', 'run', file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).problems.map(describeProblem)).toEqual([expect.stringMatching(new RegExp(`${name.replace('.', '\\.')}, line 1, column 1: a scheme file is a set of fields \\(name:, funder:, period: and so on\\)`))]);
    }
  });

  it('prints one practice’s statement', async () => {
    const text = await run('scheme', 'statement', winter, '--practice', 'C82067');
    expect(text).toMatch(/GP delivered\s+81 appointments at 6 an hour, paid £95 an hour\s+£1,282\.50/);
    expect(text).toMatch(/Amount payable to the practice\s+£1,283/);
  });
});
