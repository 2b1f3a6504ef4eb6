import type { Command } from 'commander';
import { z } from 'zod';
import { AppError, type Problem } from '../../domain/errors.js';
import { calculateFunnel, type FunnelResult, type FunnelUnitResult } from '../../domain/quality/funnel.js';
import { calculateSpc, MINIMUM_POINTS_FOR_LIMITS, type SpcPointResult } from '../../domain/quality/spc.js';
import type { Column } from '../../app/export/tabular.js';
import { formatOption, writeRows } from '../output.js';
import { describeSkipped, readSeriesFile, readUnitsFile, rebaseIndices } from './quality-files.js';

/**
 * `atscale spc` and `atscale funnel`: the Quality dashboard's statistics from a CSV, printed as JSON
 * (or CSV). The arithmetic is all in src/domain/quality; see docs/quality.md for every formula.
 */

// Messages leave out the option's name: each problem is printed after it ("field --trim: must be …").
const number = z.string().trim().regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, 'must be a number').transform(Number);

const spcOptionsSchema = z.object({
  in: z.string().min(1),
  improvement: z.enum(['up', 'down', 'neutral'], { message: 'must be up, down or neutral' }),
  target: number.optional(),
  rebase: z.string().optional(),
  screenOutliers: z.boolean(),
  minValue: number.optional(),
  maxValue: number.optional(),
  format: z.enum(['json', 'csv'], { message: 'must be json or csv' }),
  out: z.string().optional(),
}).refine((o) => o.minValue === undefined || o.maxValue === undefined || o.minValue < o.maxValue, { path: ['maxValue'], message: 'must be more than --min-value' });

const funnelOptionsSchema = z.object({
  in: z.string().min(1),
  type: z.enum(['pr', 'sr', 'rc'], { message: 'must be pr, sr or rc' }),
  srMethod: z.enum(['shmi', 'cqc'], { message: 'must be shmi or cqc' }),
  overdispersion: z.boolean(),
  trim: number.refine((t) => t >= 0 && t < 0.5, 'must be at least 0 and less than 0.5'),
  limit: z.enum(['95', '99.8'], { message: 'must be 95 or 99.8' }).transform((l) => (l === '95' ? 95 : 99.8) as 95 | 99.8),
  multiplier: number.refine((m) => m > 0, 'must be more than 0'),
  aggregate: z.boolean(),
  format: z.enum(['json', 'csv'], { message: 'must be json or csv' }),
  out: z.string().optional(),
});

function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Named as typed: the option srMethod is --sr-method.
  const problems: Problem[] = parsed.error.issues.map((issue) => ({ field: `--${issue.path.join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, message: issue.message }));
  throw new AppError('invalid', 'Some options are not valid', { problems });
}

const note = (message: string) => process.stderr.write(`atscale: ${message}\n`);

const spcColumns: Column<SpcPointResult>[] = [
  { header: 'period', value: (p) => p.period },
  { header: 'value', value: (p) => p.value, numeric: true },
  { header: 'mean', value: (p) => p.mean, numeric: true },
  { header: 'lower', value: (p) => p.lower, numeric: true },
  { header: 'upper', value: (p) => p.upper, numeric: true },
  { header: 'special', value: (p) => p.special },
  { header: 'type', value: (p) => p.type },
  { header: 'rule', value: (p) => p.rule },
];

const funnelColumns: Column<FunnelUnitResult>[] = [
  { header: 'unit', value: (u) => u.unit },
  { header: 'numerator', value: (u) => u.numerator, numeric: true },
  { header: 'denominator', value: (u) => u.denominator, numeric: true },
  { header: 'value', value: (u) => u.value, numeric: true },
  { header: 'z', value: (u) => u.z, numeric: true },
  { header: 'lower95', value: (u) => u.limits.lower95, numeric: true },
  { header: 'upper95', value: (u) => u.limits.upper95, numeric: true },
  { header: 'lower998', value: (u) => u.limits.lower998, numeric: true },
  { header: 'upper998', value: (u) => u.limits.upper998, numeric: true },
  { header: 'outlier', value: (u) => u.outlier },
];

function funnelJson(result: FunnelResult) {
  return {
    target: result.target,
    phi: result.phi,
    tau2: result.tau2,
    adjusted: result.adjusted,
    units: result.units.map((u) => Object.fromEntries(funnelColumns.map((c) => [c.header, c.value(u)]))),
  };
}

export function registerQualityCommands(program: Command): void {
  program
    .command('spc')
    .description('XmR (statistical process control) chart of a series, the NHS "Making Data Count" way')
    .requiredOption('--in <file>', 'CSV with columns period,value; periods are months (2024-03), dates (2024-03-01) or whole numbers, with no gaps')
    .option('--improvement <direction>', 'which way is better: up, down or neutral', 'up')
    .option('--target <number>', 'a target, for the assurance icon')
    .option('--rebase <periods>', 'comma-separated periods that each start a new baseline (new mean and limits)')
    .option('--no-screen-outliers', 'keep moving ranges ≥ 3.267 × the average in the limits (as the Making Data Count Excel tool)')
    .option('--min-value <number>', 'the least the measure can be (0 for a count): a limit below it is drawn at it')
    .option('--max-value <number>', 'the most the measure can be (100 for a percentage): a limit above it is drawn at it')
    .addOption(formatOption(['json', 'csv'], 'json'))
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (raw) => {
      const options = parseOptions(spcOptionsSchema, raw);
      const series = readSeriesFile(options.in);
      const rebase = options.rebase ? options.rebase.split(',').map((t) => t.trim()).filter(Boolean) : [];
      const result = calculateSpc(series.points, {
        improvement: ({ up: 'increase', down: 'decrease', neutral: 'neutral' } as const)[options.improvement],
        target: options.target,
        rebaseAt: rebaseIndices(series, rebase),
        screenOutliers: options.screenOutliers,
        range: { min: options.minValue, max: options.maxValue },
      });
      const skipped = describeSkipped(series.table);
      if (skipped) note(`${options.in}: ${skipped}`);
      for (const group of result.groups.filter((g) => !g.limits)) {
        note(`the ${result.groups.length > 1 ? `group from ${series.points[group.firstIndex]!.period}` : 'series'} has ${group.size} ${group.size === 1 ? 'point' : 'points'}: too few for process limits (at least ${MINIMUM_POINTS_FOR_LIMITS}), so it has no mean, limits or special-cause rules`);
      }
      const json = {
        points: result.points.map((p) => Object.fromEntries(spcColumns.map((c) => [c.header, c.value(p)]))),
        variation: result.variation,
        assurance: result.assurance,
        noLimitsReason: result.noLimitsReason,
      };
      await writeRows(result.points, spcColumns, options.format, { out: options.out, json });
    });

  program
    .command('funnel')
    .description('Funnel plot of units against the group, with overdispersion-adjusted 95% and 99.8% limits (Spiegelhalter)')
    .requiredOption('--in <file>', 'CSV with columns unit,numerator,denominator (for sr: the observed count as numerator, the expected as denominator)')
    .requiredOption('--type <type>', 'pr (proportion), sr (standardised ratio) or rc (rate: a count over a population, e.g. admissions per 1,000 patients)')
    .option('--sr-method <method>', 'for sr: shmi (log, truncation) or cqc (square root, winsorisation)', 'shmi')
    .option('--overdispersion', 'adjust the limits for overdispersion when φ > 1', true)
    .option('--no-overdispersion', 'draw unadjusted limits')
    .option('--trim <fraction>', 'fraction winsorised (SHMI: truncated) at each end before φ is estimated', '0.1')
    .option('--limit <level>', 'which limits mark outliers: 95 or 99.8', '99.8')
    .option('--multiplier <number>', 'report ratios per this many, e.g. 100 for per cent', '1')
    .option('--aggregate', 'sum rows that share a unit (record-level data) instead of rejecting them')
    .addOption(formatOption(['json', 'csv'], 'json'))
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (raw) => {
      const options = parseOptions(funnelOptionsSchema, { ...raw, aggregate: raw.aggregate === true });
      const file = readUnitsFile(options.in, { dataType: options.type, srMethod: options.srMethod }, options.aggregate);
      const result = calculateFunnel(file.units, {
        dataType: options.type,
        srMethod: options.srMethod,
        overdispersion: options.overdispersion,
        trim: options.trim,
        limit: options.limit,
        multiplier: options.multiplier,
      });
      const skipped = describeSkipped(file.table);
      if (skipped) note(`${options.in}: ${skipped}`);
      if (options.aggregate) note(`${options.in}: summed ${file.aggregatedRows} rows into ${file.units.length} units`);
      if (options.overdispersion && !result.adjusted) note(`no overdispersion (φ = ${result.phi.toFixed(3)} ≤ 1): the limits are unadjusted`);
      await writeRows(result.units, funnelColumns, options.format, { out: options.out, json: funnelJson(result) });
    });
}
