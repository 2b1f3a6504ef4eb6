import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { percentSchema, percentToBasisPoints } from '../../domain/percent.js';
import { financeYears, ieIncomeLines, incomeStreams, incomeStreamYears, schemes } from '../../db/schema/index.js';
import { financialYearSchema, financialYearStart } from '../../domain/finance/financial-year.js';
import { poundsSchema } from '../../domain/finance/money.js';
import { frequencyLabels, paymentFrequencies, streamStatuses, streamStatusLabels } from '../../domain/finance/types.js';
import { formatLongDate, isoDateSchema } from '../../domain/iso-date.js';
import { invalid } from '../../domain/errors.js';
import { formatList } from '../../domain/words.js';
import type { Db } from '../../db/client.js';
import type { RecordType } from '../records/record-type.js';
import { equals, financeTable, requireStream, requireUnique, withPence } from './record-helpers.js';
import { requireSchemeLink } from './scheme-links.js';
import { guardYearField, refuseChangeInClosedYears } from './closed-years.js';
import { recordIdSchema } from '../../domain/record-id.js';

const required = (what: string) => z.string({ message: `Enter the ${what}` }).trim().min(1, `Enter the ${what}`).max(200);
const optionalText = z.string().trim().max(2000).nullable().optional();

const yearInput = z.object({
  financialYear: financialYearSchema,
  openingBalance: poundsSchema({ allowNegative: true }).optional(),
  cashThreshold: poundsSchema({ allowNegative: true }).optional(),
  notes: optionalText,
});

/** A year of the finance plan, with the cash it opens with and the balance to warn below. */
export const financeYearRecord: RecordType<z.infer<typeof yearInput>> = {
  ...financeTable(financeYears),
  name: 'finance_year',
  label: 'finance year',
  fields: {
    financialYear: { header: 'Financial year', column: financeYears.financialYear, kind: 'text', filter: 'exact', sortable: true },
    openingBalancePence: { header: 'Opening balance (pence)', column: financeYears.openingBalancePence, kind: 'integer', pence: true, sortable: true },
    cashThresholdPence: { header: 'Cash threshold (pence)', column: financeYears.cashThresholdPence, kind: 'integer', pence: true },
    notes: { header: 'Notes', column: financeYears.notes, kind: 'text', filter: 'search' },
  },
  defaultSort: 'financialYear',
  createSchema: yearInput,
  updateSchema: yearInput.partial(),
  async prepare(db, input, existing) {
    if (input.financialYear) await requireUnique(db, financeYears, [equals(financeYears.financialYear, input.financialYear)], existing?.id, `${input.financialYear} is already in the plan`);
    return withPence(withPence(input, 'openingBalance', 'openingBalancePence'), 'cashThreshold', 'cashThresholdPence');
  },
  guardClosedYears: guardYearField('This change to a year of the plan', 'update'),
};

const streamInput = z.object({
  funder: required('funder (commissioner, council, NHS England or provider company)'),
  name: required('service or scheme'),
  status: z.enum(streamStatuses, { message: 'Choose secured, potential or ended' }),
  frequency: z.enum(paymentFrequencies, { message: 'Choose monthly, quarterly, annually or on_claim' }).optional(),
  arrearsMonths: z.coerce.number().int().min(0, 'must be 0 or more').max(24, 'must be 24 months or fewer').optional(),
  practicesSharePercent: percentSchema.optional(),
  contractReference: optionalText,
  endDate: isoDateSchema.nullable().optional(),
  comment: optionalText,
  /** The scheme this stream pays for. */
  schemeId: recordIdSchema.nullable().optional(),
});

/** What a stream holds that the year's figures are worked out from (its name, funder and comment are words only). */
const streamMoneyFields = ['status', 'frequency', 'arrearsMonths', 'practicesShareBasisPoints', 'schemeId'] as const;

/** An income stream: who pays, for what, how sure it is and how it is paid. Its amounts per year are income-stream-year records. */
export const incomeStreamRecord: RecordType<z.infer<typeof streamInput>> = {
  ...financeTable(incomeStreams),
  name: 'income_stream',
  label: 'income stream',
  fields: {
    funder: { header: 'Funder', column: incomeStreams.funder, kind: 'text', filter: 'exact', sortable: true },
    name: { header: 'Service or scheme', column: incomeStreams.name, kind: 'text', filter: 'search', sortable: true },
    status: { header: 'Status', column: incomeStreams.status, kind: 'text', filter: 'exact', sortable: true, labels: streamStatusLabels },
    frequency: { header: 'Paid', column: incomeStreams.frequency, kind: 'text', filter: 'exact', labels: frequencyLabels },
    arrearsMonths: { header: 'Months in arrears', column: incomeStreams.arrearsMonths, kind: 'integer' },
    practicesShareBasisPoints: { header: 'Paid to practices (basis points)', column: incomeStreams.practicesShareBasisPoints, kind: 'integer', basisPoints: true },
    contractReference: { header: 'Contract', column: incomeStreams.contractReference, kind: 'text', filter: 'search' },
    endDate: { header: 'End date', column: incomeStreams.endDate, kind: 'date', sortable: true },
    schemeId: { header: 'Scheme ID', column: incomeStreams.schemeId, kind: 'integer', filter: 'exact', names: { id: schemes.id, name: schemes.name } },
  },
  defaultSort: 'funder',
  createSchema: streamInput,
  updateSchema: streamInput.partial(),
  async prepare(db, input, existing) {
    const { practicesSharePercent, ...rest } = input;
    const merged = { funder: input.funder ?? existing?.funder, name: input.name ?? existing?.name, status: input.status ?? existing?.status };
    await requireUnique(db, incomeStreams, [equals(incomeStreams.funder, merged.funder), equals(incomeStreams.name, merged.name), equals(incomeStreams.status, merged.status)], existing?.id, `There is already a ${String(merged.status)} stream "${String(merged.name)}" from ${String(merged.funder)}`);
    if (input.schemeId) await requireSchemeLink(db, { table: incomeStreams, noun: 'income stream', label: incomeStreams.name }, input.schemeId, existing?.id);
    return { ...rest, ...(practicesSharePercent !== undefined ? { practicesShareBasisPoints: percentToBasisPoints(practicesSharePercent) } : {}) };
  },
  // Its terms decide when and how much of each year's amount comes in and goes on to practices: a change to them (or removing it) alters every year it has an amount in.
  async guardClosedYears(db, before, after) {
    if (!before || (after && !streamMoneyFields.some((f) => after[f] !== undefined && after[f] !== before[f]))) return;
    const years = await db.select({ financialYear: incomeStreamYears.financialYear }).from(incomeStreamYears).where(eq(incomeStreamYears.streamId, Number(before.id)));
    await refuseChangeInClosedYears(db, years.map((y) => y.financialYear), after ? 'This change to the income stream\'s terms' : 'Deleting this income stream');
  },
  // An I&E line that names it as its source keeps the stream: the line's link would otherwise be cleared unseen.
  dependents: [{ column: ieIncomeLines.streamId, one: 'I&E income line', many: 'I&E income lines' }],
  // Its yearly amounts go with it (ON DELETE CASCADE); the audit keeps them.
  async alsoDeleted(db, id) {
    const years = await db.select({ financialYear: incomeStreamYears.financialYear, amountPence: incomeStreamYears.amountPence }).from(incomeStreamYears).where(eq(incomeStreamYears.streamId, Number(id))).orderBy(asc(incomeStreamYears.financialYear));
    return { amounts: years };
  },
};

/**
 * A stream's amount is for one of the plan's years (the finance pages show those), and not for a
 * year that began after the stream ended.
 */
async function refuseYearOutsidePlanOrStream(db: Db, streamId: number, year: string): Promise<void> {
  const planYears = (await db.select({ year: financeYears.financialYear }).from(financeYears).orderBy(asc(financeYears.financialYear))).map((y) => y.year);
  if (planYears.length && !planYears.includes(year)) throw invalid(`${year} is not a year of the finance plan`, [{ field: 'financialYear', message: `is not a year of the plan (${formatList(planYears)}): add the year to the plan first` }]);
  const [stream] = await db.select({ endDate: incomeStreams.endDate }).from(incomeStreams).where(eq(incomeStreams.id, streamId));
  const begins = `${financialYearStart(year)}-04-01`;
  if (stream?.endDate && stream.endDate < begins) throw invalid(`The stream ended before ${year} began`, [{ field: 'financialYear', message: `the stream ended on ${formatLongDate(stream.endDate)}, before ${year} began` }]);
}

const streamYearInput = z.object({
  streamId: z.coerce.number().int().positive({ message: 'Choose the income stream' }),
  financialYear: financialYearSchema,
  amount: poundsSchema(),
});

/** A stream's amount in one financial year. */
export const incomeStreamYearRecord: RecordType<z.infer<typeof streamYearInput>> = {
  ...financeTable(incomeStreamYears),
  name: 'income_stream_year',
  label: 'income stream amount',
  fields: {
    streamId: { header: 'Stream ID', column: incomeStreamYears.streamId, kind: 'integer', filter: 'exact', sortable: true, names: { id: incomeStreams.id, name: incomeStreams.name } },
    financialYear: { header: 'Financial year', column: incomeStreamYears.financialYear, kind: 'text', filter: 'exact', sortable: true },
    amountPence: { header: 'Amount (pence)', column: incomeStreamYears.amountPence, kind: 'integer', pence: true, sortable: true },
  },
  defaultSort: 'financialYear',
  createSchema: streamYearInput,
  updateSchema: streamYearInput.partial(),
  async prepare(db, input, existing) {
    const streamId = input.streamId ?? (existing?.streamId as number);
    await requireStream(db, streamId);
    const year = input.financialYear ?? existing?.financialYear;
    if (input.financialYear) await refuseYearOutsidePlanOrStream(db, streamId, input.financialYear);
    await requireUnique(db, incomeStreamYears, [equals(incomeStreamYears.streamId, streamId), equals(incomeStreamYears.financialYear, year)], existing?.id, `The stream already has an amount for ${String(year)}; change that one`);
    return withPence(input, 'amount', 'amountPence');
  },
  guardClosedYears: guardYearField('This change to an income stream amount'),
};
