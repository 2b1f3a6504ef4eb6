import { z } from 'zod';
import { deliveredEntrySchema } from '../../domain/schemes/delivered.js';
import { schemeDefinitionSchema } from '../../domain/schemes/scheme-definition.js';
import { isoDateSchema } from '../../domain/iso-date.js';
import { recordIdSchema, rowVersionSchema } from '../../domain/record-id.js';
import { GP_PRACTICE_CODE } from '../../domain/registry/ods-codes.js';

/**
 * What the scheme use cases accept, as zod schemas the API uses for its request bodies (and so its
 * OpenAPI document). The definition is the SAME schema as the YAML scheme files and the web form.
 */
export { rowVersionSchema };

export const createSchemeSchema = z.object({
  definition: schemeDefinitionSchema,
  /** The group (e.g. the federation) whose member practices take part when the definition names a list snapshot but no practices. */
  groupId: z.number().int().positive().nullable().optional(),
});
export type CreateSchemeRequest = z.input<typeof createSchemeSchema>;

export const updateSchemeSchema = z.object({ rowVersion: rowVersionSchema, definition: schemeDefinitionSchema });
export type UpdateSchemeRequest = z.input<typeof updateSchemeSchema>;

export const approveSchemeSchema = z.object({ rowVersion: rowVersionSchema });

/** The practice a statement is for, by its ODS code (the API's path, `atscale scheme statement --practice`). */
export const statementPracticeCodeSchema = z.string().trim().toUpperCase().regex(GP_PRACTICE_CODE, 'an ODS practice code, e.g. C82001');

/** A version to read or record against; the latest version when left out. */
export const versionQuerySchema = z.object({ version: recordIdSchema.optional() });

export const runQuerySchema = versionQuerySchema.extend({
  /** Share out the allocation of practices whose activity return says they did not take part. */
  reallocateDeclined: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

/** Activity returns as JSON: for the whole scheme, or for one week when `week` is given. */
export const deliveredEntriesSchema = z.object({
  entries: z.array(deliveredEntrySchema.extend({ week: z.number().int().positive().optional() })).min(1, 'send at least one activity return'),
  /** Replace every return of the version (true), or only the practice-and-week returns sent (false, the default). */
  replace: z.boolean().default(false),
  /**
   * The `practiceRevisions` GET /delivered gave, for the practices sent: a practice's returns changed
   * since then are not replaced. Required for a practice manager's return (checked by the use case,
   * which knows who is sending); the federation's tools may leave it out to replace knowingly.
   */
  basedOn: z.record(z.string(), z.string()).optional(),
});
export type DeliveredEntriesRequest = z.input<typeof deliveredEntriesSchema>;
export type DeliveredEntries = z.output<typeof deliveredEntriesSchema>;

/** A hand schedule as JSON, written like the one a scheme definition can hold inline. */
export const handScheduleSchema = z.object({
  label: z.string().trim().min(1),
  description: z.string().optional(),
  entries: z.array(z.object({ year: z.string().min(1), practice: z.string().min(1).optional(), amount: z.number().finite() })).min(1, 'send at least one figure'),
  /** The `revision` GET /hand-schedule gave: a hand schedule changed since then is not replaced. */
  basedOn: z.string().optional(),
});
export type HandScheduleRequest = z.input<typeof handScheduleSchema>;

/**
 * The day practices' activity returns are due, or null to clear it; not a term of the scheme, so no
 * new version and no new row version. `basedOn` is the date the page showed (null for none): a date
 * someone changed meanwhile is not overwritten.
 */
export const returnsDueSchema = z.object({ returnsDueOn: isoDateSchema.nullable(), basedOn: isoDateSchema.nullable() });
export type ReturnsDueRequest = z.input<typeof returnsDueSchema>;

/**
 * A step of settling a version's payments: its day, and a reference (an invoice number, a remittance
 * note), blank for none. Never an amount: the use case keeps the version's run's figures (any sent,
 * as a version read back carries them, are left out).
 */
const settlementStepSchema = z.object({
  on: isoDateSchema,
  reference: z.string().trim().max(200).nullish().transform((reference) => reference || null),
});
const settlementStateSchema = z.object({
  invoiced: settlementStepSchema.nullable().describe('the day the commissioner was invoiced and the invoice number, which names one invoice: not one another recorded invoice holds, on any scheme (free again once that invoice is undone)'),
  paid: settlementStepSchema.nullable().describe('the day the practices were paid, and a reference or remittance note'),
});

/**
 * Whether a version's payments were invoiced to the commissioner and paid to practices, as it should
 * now be: null undoes a step. Not a term of the scheme, so no new version and no new row version;
 * `basedOn` is the `invoiced` and `paid` the page read, so a change someone made meanwhile is refused.
 */
export const settlementSchema = settlementStateSchema.extend({ version: recordIdSchema, basedOn: settlementStateSchema });
export type SettlementRequest = z.input<typeof settlementSchema>;
