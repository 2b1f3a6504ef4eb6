import { z } from 'zod';
import { AppError, type Problem } from '../errors.js';
import { moneyRoundingRules, quantityRoundingRules, ratio, sum, totalsRules } from './rounding.js';
import { GP_PRACTICE_CODE } from '../registry/ods-codes.js';
import { financialYearSchema } from '../finance/financial-year.js';
import { isoDateSchema } from '../iso-date.js';

/**
 * The one definition of a scheme: the YAML scheme files, the API's request bodies and the web
 * forms all parse with `schemeDefinitionSchema`, so they cannot disagree about what is valid.
 * Amounts are in pounds as people write them; the engine turns them into exact decimals.
 */

const percent = z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100');
const pounds = z.number().finite().nonnegative('must not be negative');
/** A real calendar date in the sensible years, saying which is wrong: 2027-02-29 "is not a real date", 2919 is no year for a scheme. */
const isoDate = isoDateSchema;
const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower case letters, digits and underscores, starting with a letter');

export const participationValues = ['yes', 'no', 'unknown'] as const;
export type Participation = (typeof participationValues)[number];

/** A practice as a scheme file or request carries it. A DB-backed scheme leaves these out and names a list snapshot. */
export const schemePracticeSchema = z.object({
  name: z.string().trim().min(1, 'a practice needs a name'),
  odsCode: z.string().regex(GP_PRACTICE_CODE, 'an ODS practice code is one letter and five digits, e.g. C82001').optional(),
  /** Registered list at the scheme's list snapshot. Optional here so that a missing one is reported by practice. */
  listSize: z.number().int('must be a whole number').nonnegative('must not be negative').optional(),
  weightedListSize: z.number().nonnegative('must not be negative').optional(),
  locality: z.string().optional(),
  cluster: z.string().optional(),
  participation: z.enum(participationValues).default('yes'),
});

const fileReference = z.object({ file: z.string().min(1) });

const costLineSchema = z
  .object({
    label: z.string().min(1),
    quantity: z.number().positive().optional(),
    unitCost: pounds.optional(),
    amount: pounds.optional(),
  })
  .refine((line) => (line.amount !== undefined) !== (line.unitCost !== undefined), 'give either amount, or unitCost (with an optional quantity)');

const deliveryModelSchema = z
  .object({
    id: identifier,
    name: z.string().min(1),
    /** e.g. 4 nurse appointments an hour; leave out when the shared unit is hours. */
    unitsPerHour: z.number().positive().optional(),
    hourlyRate: pounds.optional(),
    /** A price per unit (appointment, session, day) instead of an hourly rate. */
    unitRate: pounds.optional(),
    /** The delivered-activity column for this model; by default `<id>_<unit>_delivered` or `<id>_delivered`. */
    deliveredColumn: z.string().min(1).optional(),
  })
  .refine((model) => (model.hourlyRate !== undefined) !== (model.unitRate !== undefined), 'give either hourlyRate or unitRate');

/**
 * How a scheme's shares are rounded when it does not say: activity in whole units (appointments,
 * hours, sessions), and money to the penny by largest remainder, so the practices' shares add up to
 * the pot exactly, wherever the scheme was written (the web form, a scheme file or the API).
 */
export function defaultQuantityRounding(unit: string): (typeof quantityRoundingRules)[number] {
  return unit === 'gbp' ? 'largest_remainder_2dp' : 'half_up_whole';
}

export const schemeRoundingSchema = z
  .object({
    sharePercent: z.enum(quantityRoundingRules).default('half_up_2dp'),
    /** Left out: whole units, or for money (gbp) pence shared so the practices' shares add up to the pot (see defaultQuantityRounding). */
    quantity: z.enum(quantityRoundingRules).optional(),
    perWeek: z.enum(quantityRoundingRules).default('half_up_whole'),
    hours: z.enum(quantityRoundingRules).default('half_up_whole'),
    cost: z.enum(moneyRoundingRules).default('half_up_pound'),
    payment: z.enum(moneyRoundingRules).default('half_up_pound'),
    fee: z.enum(moneyRoundingRules).default('half_up_pound'),
    contribution: z.enum(moneyRoundingRules).default('half_up_pound'),
    perPatient: z.enum(moneyRoundingRules).default('half_up_pence'),
    totals: z.enum(totalsRules).default('round_unrounded_sum'),
  })
  .prefault({});

export const schemeDefinitionSchema = z
  .object({
    /** The version of this scheme's terms; the database keeps every version. */
    version: z.number().int().positive(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower case letters, digits and hyphens').optional(),
    name: z.string().trim().min(1),
    funder: z.string().trim().min(1),
    description: z.string().optional(),
    period: z.object({
      start: isoDate.optional(),
      end: isoDate.optional(),
      weeks: z.number().int().positive().optional(),
      financialYears: z.array(financialYearSchema).min(1).optional(),
    })
      // Every part of it is optional, so the whole may be left out.
      .prefault({}),
    /** Inline practices, or a CSV file beside the scheme file. Leave out to take them from a registry list snapshot. */
    practices: z.union([z.array(schemePracticeSchema).min(1, 'a scheme needs at least one participating practice'), fileReference]).optional(),
    listSnapshot: z.object({ date: isoDate, name: z.string().optional() }).optional(),
    apportionment: z.object({
      basis: z.enum(['list_size', 'weighted_list_size', 'equal', 'fixed']),
      fixedShares: z.array(z.object({ practice: z.string().min(1), percent })).optional(),
    }),
    shared: z.object({
      unit: z.enum(['appointments', 'hours', 'sessions', 'wte_days', 'gbp']),
      quantity: z.number().positive('must be more than 0'),
      /**
       * Whether `quantity` is for the whole scheme, for each week, or (money only) a rate for each
       * registered patient: the pot is then the rate × the participating practices' combined list.
       */
      per: z.enum(['scheme', 'week', 'patient']).default('scheme'),
      label: z.string().optional(),
    }),
    deliveryModels: z.array(deliveryModelSchema).default([]),
    fee: z
      .object({ label: z.string().optional(), percent: percent.optional(), fixed: pounds.optional() })
      .refine((fee) => (fee.percent !== undefined) !== (fee.fixed !== undefined), 'give either percent or fixed')
      .optional(),
    costModel: z
      .object({
        /** Lines that rise by the annual uplift from year 2 (pay). */
        base: z.array(costLineSchema).min(1),
        annualUpliftPercent: percent.default(0),
        /** Lines that stay the same every year. */
        fixedLines: z.array(costLineSchema).default([]),
      })
      .optional(),
    fundingSources: z.array(z.object({ source: z.string().min(1), amounts: z.array(pounds).min(1) })).default([]),
    rounding: schemeRoundingSchema,
    delivered: fileReference.optional(),
    handSchedule: z
      .object({
        label: z.string().min(1),
        description: z.string().optional(),
        file: z.string().min(1).optional(),
        entries: z.array(z.object({ year: financialYearSchema, practice: z.string().min(1).optional(), amount: z.number().finite() })).optional(),
      })
      .refine((hand) => (hand.file !== undefined) !== (hand.entries !== undefined), 'give either file or entries')
      .optional(),
    reallocation: z
      .object({
        releases: z
          .array(z.object({ practice: z.string().min(1), quantity: z.union([z.literal('all'), z.number().positive()]), reason: z.enum(['declined', 'unused']) }))
          .default([]),
        /** Also release all of the allocation of each practice whose activity return says it did not take part. */
        declinedFromReturns: z.boolean().default(false),
        rounding: z.enum(quantityRoundingRules).optional(),
      })
      .optional(),
  })
  .superRefine((scheme, ctx) => {
    if (!scheme.practices && !scheme.listSnapshot) {
      ctx.addIssue({ code: 'custom', path: ['practices'], message: 'give the practices (inline or { file }) or name a listSnapshot for the registry to supply them' });
    }
    const { start, end, financialYears } = scheme.period;
    if (start && end && end < start) ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'the period ends before it starts' });
    const { basis, fixedShares } = scheme.apportionment;
    if (basis === 'fixed') {
      if (!fixedShares?.length) ctx.addIssue({ code: 'custom', path: ['apportionment', 'fixedShares'], message: 'a fixed apportionment needs a table of shares' });
      else if (!sum(fixedShares.map((s) => ratio(s.percent))).equals(100)) {
        ctx.addIssue({ code: 'custom', path: ['apportionment', 'fixedShares'], message: 'the fixed shares must add up to 100 percent' });
      }
    } else if (fixedShares) {
      ctx.addIssue({ code: 'custom', path: ['apportionment', 'fixedShares'], message: `fixedShares only apply when the basis is fixed (it is ${basis})` });
    }
    if (scheme.shared.per === 'patient') {
      if (scheme.shared.unit !== 'gbp') ctx.addIssue({ code: 'custom', path: ['shared', 'unit'], message: 'a rate for each registered patient is money: the unit must be pounds (gbp)' });
      if (basis !== 'list_size') ctx.addIssue({ code: 'custom', path: ['apportionment', 'basis'], message: 'a rate for each registered patient is shared by registered list size' });
    }
    const ids = new Set<string>();
    scheme.deliveryModels.forEach((model, i) => {
      if (ids.has(model.id)) ctx.addIssue({ code: 'custom', path: ['deliveryModels', i, 'id'], message: `delivery model id ${model.id} is used twice` });
      ids.add(model.id);
      if (model.hourlyRate !== undefined && model.unitsPerHour === undefined && scheme.shared.unit !== 'hours') {
        ctx.addIssue({ code: 'custom', path: ['deliveryModels', i, 'unitsPerHour'], message: `an hourly rate needs unitsPerHour (how many ${scheme.shared.unit} an hour)` });
      }
    });
    const yearly = scheme.costModel || scheme.fundingSources.length > 0 || scheme.handSchedule;
    if (yearly && !financialYears) {
      ctx.addIssue({ code: 'custom', path: ['period', 'financialYears'], message: 'a cost model, funding sources or hand schedule needs the financial years' });
    }
    scheme.fundingSources.forEach((source, i) => {
      if (financialYears && source.amounts.length !== financialYears.length) {
        ctx.addIssue({ code: 'custom', path: ['fundingSources', i, 'amounts'], message: `needs one amount for each of the ${financialYears.length} financial years` });
      }
    });
    if (scheme.fundingSources.length > 0 && !scheme.costModel) ctx.addIssue({ code: 'custom', path: ['costModel'], message: 'funding sources need a cost model to set them against' });
    if (scheme.handSchedule && !scheme.costModel) ctx.addIssue({ code: 'custom', path: ['costModel'], message: 'a hand schedule is compared with the cost model, so the scheme needs one' });
  })
  .transform((scheme) => ({ ...scheme, rounding: { ...scheme.rounding, quantity: scheme.rounding.quantity ?? defaultQuantityRounding(scheme.shared.unit) } }));

export type SchemeDefinition = z.output<typeof schemeDefinitionSchema>;
export type SchemeDefinitionInput = z.input<typeof schemeDefinitionSchema>;
/** A practice as written in a scheme definition (after defaults). */
export type SchemePracticeEntry = z.output<typeof schemePracticeSchema>;
export type DeliveryModel = SchemeDefinition['deliveryModels'][number];
export type SchemeRounding = SchemeDefinition['rounding'];
export type SharedUnit = SchemeDefinition['shared']['unit'];
export type CostLine = NonNullable<SchemeDefinition['costModel']>['base'][number];

/** Turns zod's issues into problems that name the field, e.g. `deliveryModels.1.hourlyRate`. */
export function problemsFromZod(error: z.ZodError, file?: string): Problem[] {
  return flattenIssues(error.issues, []).map((issue) => ({ ...(file ? { file } : {}), field: issue.path.map(String).join('.') || '(scheme)', message: issue.message }));
}

/**
 * A union (inline practices or { file }) fails as a whole; report the problems of the branch the
 * input was meant for (the one whose type matched), so a bad list size is named as such.
 */
function flattenIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const meant = issue.errors.find((branch) => !branch.some((b) => b.code === 'invalid_type' && b.path.length === 0));
      if (meant) return flattenIssues(meant, path);
    }
    return [{ path, message: issue.message }];
  });
}

/** Validates a scheme definition (a parsed YAML file or a request body). */
export function parseSchemeDefinition(input: unknown, file?: string): SchemeDefinition {
  const parsed = schemeDefinitionSchema.safeParse(input);
  if (!parsed.success) throw new AppError('invalid', `The scheme definition${file ? ` in ${file}` : ''} is not valid`, { problems: problemsFromZod(parsed.error, file) });
  return parsed.data;
}

/** The number of hours one unit takes under a delivery model (1 when the shared unit is hours). */
export function unitsPerHourOf(model: DeliveryModel, unit: SharedUnit): number | undefined {
  return model.unitsPerHour ?? (unit === 'hours' ? 1 : undefined);
}
