import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { costSavings, ieIncomeLines, incomeStreams, runningCostLines, schemes } from '../../db/schema/index.js';
import { financialYearSchema } from '../../domain/finance/financial-year.js';
import { poundsSchema } from '../../domain/finance/money.js';
import { ieSections, paymentFrequencies, savingBeneficiaries } from '../../domain/finance/types.js';
import type { RecordType } from '../records/record-type.js';
import { equals, financeTable, requirePlanYear, requireStream, requireUnique, withPence } from './record-helpers.js';
import { requireSchemeLink } from './scheme-links.js';
import { guardYearField } from './closed-years.js';
import { recordIdSchema } from '../../domain/record-id.js';

const lineName = z.string({ message: 'Enter the line' }).trim().min(1, 'Enter the line').max(200);
const optionalText = z.string().trim().max(2000).nullable().optional();


const ieLineInput = z.object({
  financialYear: financialYearSchema,
  section: z.enum(ieSections, { message: 'Choose secured or potential' }),
  line: lineName,
  // A line may take income away: a deficit brought forward from last year, a claw-back (−£688).
  amount: poundsSchema({ allowNegative: true }),
  comment: optionalText,
  streamId: recordIdSchema.nullable().optional(),
  /** The scheme whose federation fee this line is. */
  schemeId: recordIdSchema.nullable().optional(),
  position: z.coerce.number().int().min(0).optional(),
});

/** An income line of a year's I&E. */
export const ieLineRecord: RecordType<z.infer<typeof ieLineInput>> = {
  ...financeTable(ieIncomeLines),
  name: 'ie_line',
  label: 'I&E income line',
  fields: {
    financialYear: { header: 'Financial year', column: ieIncomeLines.financialYear, kind: 'text', filter: 'exact', sortable: true },
    section: { header: 'Section', column: ieIncomeLines.section, kind: 'text', filter: 'exact', sortable: true, labels: 'words' },
    line: { header: 'Line', column: ieIncomeLines.line, kind: 'text', filter: 'search', sortable: true },
    amountPence: { header: 'Amount (pence)', column: ieIncomeLines.amountPence, kind: 'integer', pence: true, sortable: true },
    comment: { header: 'Comment', column: ieIncomeLines.comment, kind: 'text' },
    streamId: { header: 'Stream ID', column: ieIncomeLines.streamId, kind: 'integer', filter: 'exact', names: { id: incomeStreams.id, name: incomeStreams.name } },
    schemeId: { header: 'Scheme ID', column: ieIncomeLines.schemeId, kind: 'integer', filter: 'exact', names: { id: schemes.id, name: schemes.name } },
    position: { header: 'Position', column: ieIncomeLines.position, kind: 'integer', sortable: true },
  },
  defaultSort: 'position',
  createSchema: ieLineInput,
  updateSchema: ieLineInput.partial(),
  async prepare(db, input, existing) {
    const year = input.financialYear ?? (existing?.financialYear as string);
    await requirePlanYear(db, year);
    if (input.streamId) {
      await requireStream(db, input.streamId);
    }
    if (input.schemeId) await requireSchemeLink(db, { table: ieIncomeLines, noun: 'I&E line', label: ieIncomeLines.line }, input.schemeId, existing?.id);
    const section = input.section ?? existing?.section;
    const line = input.line ?? existing?.line;
    await requireUnique(db, ieIncomeLines, [equals(ieIncomeLines.financialYear, year), equals(ieIncomeLines.section, section), equals(ieIncomeLines.line, line)], existing?.id, `${year} already has a ${String(section)} line "${String(line)}"`);
    // A line added without a place goes after the year's others, as a line added to a spreadsheet would.
    if (!existing && input.position === undefined) {
      const [last] = await db.select({ position: max(ieIncomeLines.position) }).from(ieIncomeLines).where(eq(ieIncomeLines.financialYear, year));
      return { ...withPence(input, 'amount', 'amountPence'), position: (last?.position ?? -1) + 1 };
    }
    return withPence(input, 'amount', 'amountPence');
  },
  guardClosedYears: guardYearField('This change to an I&E income line'),
};

const runningCostInput = z.object({
  financialYear: financialYearSchema,
  category: z.string().trim().min(1, 'Enter the budget line, e.g. Staff').max(100),
  line: lineName,
  amount: poundsSchema(),
  comment: optionalText,
  frequency: z.enum(paymentFrequencies, { message: 'Choose monthly, quarterly, annually or on_claim' }).optional(),
  arrearsMonths: z.coerce.number().int().min(0).max(24).optional(),
});

/** A running-cost budget line of a year. */
export const runningCostRecord: RecordType<z.infer<typeof runningCostInput>> = {
  ...financeTable(runningCostLines),
  name: 'running_cost',
  label: 'running cost line',
  fields: {
    financialYear: { header: 'Financial year', column: runningCostLines.financialYear, kind: 'text', filter: 'exact', sortable: true },
    category: { header: 'Budget line', column: runningCostLines.category, kind: 'text', filter: 'exact', sortable: true },
    line: { header: 'Line', column: runningCostLines.line, kind: 'text', filter: 'search', sortable: true },
    amountPence: { header: 'Amount (pence)', column: runningCostLines.amountPence, kind: 'integer', pence: true, sortable: true },
    frequency: { header: 'Paid', column: runningCostLines.frequency, kind: 'text', labels: 'words' },
    comment: { header: 'Comment', column: runningCostLines.comment, kind: 'text' },
  },
  defaultSort: 'category',
  createSchema: runningCostInput,
  updateSchema: runningCostInput.partial(),
  async prepare(db, input, existing) {
    const year = input.financialYear ?? (existing?.financialYear as string);
    await requirePlanYear(db, year);
    const line = input.line ?? existing?.line;
    await requireUnique(db, runningCostLines, [equals(runningCostLines.financialYear, year), equals(runningCostLines.line, line)], existing?.id, `${year} already has a running-cost line "${String(line)}"`);
    return withPence(input, 'amount', 'amountPence');
  },
  guardClosedYears: guardYearField('This change to a running-cost line'),
};

const savingInput = z.object({
  initiative: z.string({ message: 'Enter the initiative' }).trim().min(1, 'Enter the initiative').max(200),
  financialYear: financialYearSchema,
  expected: poundsSchema(),
  realised: poundsSchema().nullable().optional(),
  beneficiary: z.enum(savingBeneficiaries, { message: 'Choose practices or federation' }).optional(),
  comment: optionalText,
});

/** A cost-saving initiative's expected and realised saving in a year. */
export const costSavingRecord: RecordType<z.infer<typeof savingInput>> = {
  ...financeTable(costSavings),
  name: 'cost_saving',
  label: 'cost saving',
  fields: {
    initiative: { header: 'Initiative', column: costSavings.initiative, kind: 'text', filter: 'search', sortable: true },
    financialYear: { header: 'Financial year', column: costSavings.financialYear, kind: 'text', filter: 'exact', sortable: true },
    expectedPence: { header: 'Expected (pence)', column: costSavings.expectedPence, kind: 'integer', pence: true, sortable: true },
    realisedPence: { header: 'Realised (pence)', column: costSavings.realisedPence, kind: 'integer', pence: true, sortable: true },
    beneficiary: { header: 'Who benefits', column: costSavings.beneficiary, kind: 'text', filter: 'exact', labels: 'words' },
  },
  defaultSort: 'financialYear',
  createSchema: savingInput,
  updateSchema: savingInput.partial(),
  async prepare(db, input, existing) {
    const initiative = input.initiative ?? existing?.initiative;
    const year = input.financialYear ?? existing?.financialYear;
    await requireUnique(db, costSavings, [equals(costSavings.initiative, initiative), equals(costSavings.financialYear, year)], existing?.id, `${String(initiative)} already has a saving for ${String(year)}`);
    return withPence(withPence(input, 'expected', 'expectedPence'), 'realised', 'realisedPence');
  },
  guardClosedYears: guardYearField('This change to a cost saving'),
};
