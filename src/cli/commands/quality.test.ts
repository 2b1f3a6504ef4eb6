import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../../test/support/cli.js';
import { medparProviders } from '../../../test/support/medpar-funnel-fixture.js';
import { reportError } from '../output.js';
import { registerQualityCommands } from './quality.js';

/**
 * The quality commands end to end. Two runs spawn the real CLI (node --import tsx src/cli/main.ts),
 * concurrently, because each start loads every command module (~3 s on this machine); the rest run
 * the same commands in process through a fresh commander program and the CLI's own reportError.
 */
const execFileAsync = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'atscale-quality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function spawnAtscale(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function atscale(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  const program = new Command().exitOverride();
  registerQualityCommands(program);
  try {
    await program.parseAsync(['node', 'atscale', ...args]);
  } catch (error) {
    reportError(error);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

// NHSRplotthedots vignettes/deviations.Rmd @ 050b07d7eacc011767532732f69b8fd7d6a28fd3: 18 daily points from 2021-03-22.
const deviations = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
const dailyCsv = (values: number[]) =>
  `period,value\n${values.map((v, i) => `${new Date(Date.UTC(2021, 2, 22 + i)).toISOString().slice(0, 10)},${v}`).join('\n')}\n`;

describe('atscale spc (spawned)', () => {
  let chart: Run;
  let rejected: Run;
  const badFile = csv('bad.csv', 'period,value\n2024-01,5\n2024-02,abc\n\n2024-02,6\n2024-05,4\n');
  beforeAll(async () => {
    [chart, rejected] = await Promise.all([
      spawnAtscale('spc', '--in', csv('deviations.csv', dailyCsv(deviations)), '--target', '5'),
      spawnAtscale('spc', '--in', badFile),
    ]);
  });

  it('prints the chart as JSON with the documented keys', () => {
    expect(chart.code).toBe(0);
    const json = JSON.parse(chart.stdout);
    expect(Object.keys(json)).toEqual(['points', 'variation', 'assurance', 'noLimitsReason']);
    expect(Object.keys(json.points[0])).toEqual(['period', 'value', 'mean', 'lower', 'upper', 'special', 'type', 'rule']);
    expect(json.points[4]).toMatchObject({ period: '2021-03-26', value: 10, special: true, type: 'special_cause_improvement', rule: 'beyond_upper_limit' });
    expect(json.points[0].mean).toBeCloseTo(35 / 18, 12);
    expect(json.points[0].upper).toBeCloseTo(35 / 18 + 2.66, 12);
    expect(json.variation).toBe('common_cause');
    expect(json.assurance).toBe('consistent_fail'); // target 5 is above the upper limit 4.60, and higher is better
    expect(json.noLimitsReason).toBeNull();
    expect(chart.stderr).toBe('');
  });

  it('rejects gaps, duplicates and non-numbers with file, line and column, exits 2 and charts nothing', () => {
    expect(rejected.code).toBe(2);
    expect(rejected.stdout).toBe('');
    expect(rejected.stderr).toContain(`${badFile}, line 3, column 2: value 'abc' is not a number`);
    expect(rejected.stderr).toContain(`${badFile}, line 5, column 1: period '2024-02' appears more than once (also on line 3)`);
    expect(rejected.stderr).toContain(`${badFile}, line 6, column 1: 2 periods are missing between '2024-02' and '2024-05' (2024-03, 2024-04)`);
  });
});

describe('atscale spc', () => {
  it('rebases, orders by period, and writes CSV', async () => {
    // 26 months, written newest first; a new baseline from 2025-02 (13 points on each side).
    const months = Array.from({ length: 26 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const values = months.map((_, i) => (i < 13 ? 5 + (i % 2) : 9 + (i % 3)));
    const newestFirst = `period,value\n${months.map((m, i) => `${m},${values[i]}`).reverse().join('\n')}\n`;
    const { code, stdout, stderr } = await atscale('spc', '--in', csv('monthly.csv', newestFirst), '--rebase', '2025-02', '--improvement', 'down', '--format', 'csv');
    expect(code).toBe(0);
    const lines = stdout.trim().split(/\r\n/);
    expect(lines[0]).toBe('period,value,mean,lower,upper,special,type,rule');
    const mean = (part: number[]) => part.reduce((a, b) => a + b, 0) / part.length;
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(months.map((m, i) => `${m},${values[i]},${mean(i < 13 ? values.slice(0, 13) : values.slice(13))}`));
    expect(stderr).toBe('');
  });

  it('says plainly when there are too few points for limits: no mean, limits, rules or icons', async () => {
    // Kibworth's two list sizes (January 2018 and April 2025), numbered 1 and 2.
    const file = csv('two.csv', 'period,value\n1,9301\n2,17021\n');
    const json = await atscale('spc', '--in', file, '--target', '10000');
    expect(json.code).toBe(0);
    const chart = JSON.parse(json.stdout);
    expect(chart.points.map((p: Record<string, unknown>) => [p.mean, p.lower, p.upper, p.special, p.type, p.rule])).toEqual([
      [null, null, null, false, null, null],
      [null, null, null, false, null, null],
    ]);
    expect([chart.variation, chart.assurance]).toEqual([null, null]);
    expect(chart.noLimitsReason).toBe('There are 2 points: too few for process limits, which need at least 13. No limits are drawn and there is no variation or assurance icon.');
    expect(json.stderr).toBe('atscale: the series has 2 points: too few for process limits (at least 13), so it has no mean, limits or special-cause rules\n');
    const table = await atscale('spc', '--in', file, '--format', 'csv');
    expect(table.stdout.trim().split(/\r\n/).slice(1)).toEqual(['1,9301,,,,false,,', '2,17021,,,,false,,']);
  });

  it('draws a limit beyond what the measure can be at its edge, given --min-value or --max-value', async () => {
    const complaints = [0, 5, 1, 8, 0, 2, 9, 1, 0, 6, 3, 0, 7, 1];
    const file = csv('complaints.csv', `period,value\n${complaints.map((v, i) => `${i + 1},${v}`).join('\n')}\n`);
    const free = JSON.parse((await atscale('spc', '--in', file)).stdout);
    expect(free.points[0].lower).toBeLessThan(0);
    const bounded = JSON.parse((await atscale('spc', '--in', file, '--min-value', '0')).stdout);
    expect(bounded.points.map((p: { lower: number }) => p.lower)).toEqual(complaints.map(() => 0));
    expect(bounded.points.map((p: { upper: number }) => p.upper)).toEqual(free.points.map((p: { upper: number }) => p.upper));
    const refused = await atscale('spc', '--in', file, '--min-value', '1', '--max-value', '1');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('  field --max-value: must be more than --min-value');
    const outside = await atscale('spc', '--in', file, '--min-value', '1');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('The value for 1 is 0, outside what the measure can be (1 to ∞)');
  });

  it('reports skipped blank lines, and refuses a rebase that is not in the series', async () => {
    const file = csv('blank.csv', 'period,value\n1,5\n\n2,6\n3,5\n');
    const ok = await atscale('spc', '--in', file);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(`${file}: skipped 1 blank line (3)`);
    const bad = await atscale('spc', '--in', file, '--rebase', '7');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("rebase period '7' is not one of the periods");
  });

  it('names the missing column of a file with another layout', async () => {
    const file = csv('layout.csv', 'month,value\n2024-01,5\n');
    const { code, stderr } = await atscale('spc', '--in', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}, line 1, column period: missing column 'period' (the header has: month, value)`);
  });
});

describe('atscale funnel', () => {
  const medpar = `unit,numerator,denominator\n${medparProviders.map((u) => `${u.unit},${u.numerator},${u.denominator}`).join('\n')}\n`;

  it('reproduces FunnelPlotR’s medpar example: φ 8.532851, τ² 0.02841023, 16 outliers at 95%', async () => {
    const { code, stdout } = await atscale('funnel', '--in', csv('medpar.csv', medpar), '--type', 'sr', '--limit', '95');
    expect(code).toBe(0);
    const funnel = JSON.parse(stdout);
    expect(Object.keys(funnel)).toEqual(['target', 'phi', 'tau2', 'adjusted', 'units']);
    expect(Object.keys(funnel.units[0])).toEqual(['unit', 'numerator', 'denominator', 'value', 'z', 'lower95', 'upper95', 'lower998', 'upper998', 'outlier']);
    expect(funnel.phi).toBeCloseTo(8.532851, 6);
    expect(funnel.tau2).toBeCloseTo(0.02841023, 8);
    expect(funnel.adjusted).toBe(true);
    expect(funnel.units.filter((u: { outlier: boolean }) => u.outlier)).toHaveLength(16);
  });

  it('draws unadjusted limits on request, scaled by the multiplier', async () => {
    const file = csv('pr.csv', 'unit,numerator,denominator\nA,12,82\nB,30,98\nC,26,100\nD,50,125\nE,42,162\n');
    const { code, stdout } = await atscale('funnel', '--in', file, '--type', 'pr', '--no-overdispersion', '--multiplier', '100');
    expect(code).toBe(0);
    const funnel = JSON.parse(stdout);
    expect(funnel.adjusted).toBe(false);
    expect(funnel.target).toBeCloseTo((160 / 567) * 100, 12);
    expect(funnel.units[2].value).toBeCloseTo(26, 12);
    expect(funnel.units[2].upper95).toBeCloseTo(100 * Math.sin(Math.asin(Math.sqrt(160 / 567)) + 1.959964 * 0.05) ** 2, 10);
  });

  it('names each option that is wrong once, as it is typed', async () => {
    const file = csv('options.csv', 'unit,numerator,denominator\nA,1,10\n');
    const funnel = await atscale('funnel', '--in', file, '--type', 'ratio', '--sr-method', 'x', '--trim', '0.5', '--limit', '90', '--multiplier', 'ten');
    expect(funnel.code).toBe(2);
    expect(funnel.stderr.split('\n').slice(1, -1)).toEqual([
      '  field --type: must be pr, sr or rc',
      '  field --sr-method: must be shmi or cqc',
      '  field --trim: must be at least 0 and less than 0.5',
      '  field --limit: must be 95 or 99.8',
      '  field --multiplier: must be a number',
    ]);
    const spc = await atscale('spc', '--in', file, '--improvement', 'sideways', '--target', 'high');
    expect(spc.stderr).toContain('  field --improvement: must be up, down or neutral\n  field --target: must be a number\n');
  });

  it('rejects impossible proportions and zero denominators with their lines', async () => {
    const file = csv('badpr.csv', 'unit,numerator,denominator\nA,12,10\nB,3,0\nC,4,20\n');
    const { code, stderr } = await atscale('funnel', '--in', file, '--type', 'pr');
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}, line 2, column 2: numerator 12 is more than denominator 10`);
    expect(stderr).toContain(`${file}, line 3, column 3: denominator 0 must be more than 0`);
  });
});
