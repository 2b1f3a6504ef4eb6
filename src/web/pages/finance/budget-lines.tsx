import { formatPence } from '../../../domain/schemes/format-money.js';
import { RecordForm } from '../../components/record-form.js';
import type { FormField } from '../../components/record-form.js';
import { BudgetLineList, type BudgetLineRecord } from './budget-line-list.js';
import { financeReports, runningCostFields } from './finance-fields.js';

/**
 * Adds a line to a year's budget (admins): a running cost or an I&E income line, one at a time, as
 * well as by importing the CSV. The year goes with it; the table above changes and removes lines.
 */
export function AddBudgetLine({ resource, id, year, noun, fields }: { resource: string; id: string; year: string; noun: string; fields: FormField[] }) {
  return (
    <RecordForm<BudgetLineRecord>
      resource={resource}
      id={id}
      headingLevel="h3"
      heading={`Add ${noun} for ${year}`}
      fields={fields}
      fixed={{ financialYear: year }}
      submitLabel={`Add the ${noun.replace(/^an? /, '')}`}
      saved={(r) => `Added ${r.line}. The I&E above includes it.`}
      invalidates={financeReports}
    />
  );
}

/**
 * The year's running-cost lines (admins), e.g. to break a single total into staff, premises, IT…
 * (removing the total line, so the costs are not counted twice).
 */
export function RunningCostLines({ year }: { year: string }) {
  return (
    <>
      <BudgetLineList<BudgetLineRecord & { category: string }>
        id="edit-costs-heading"
        resource="running-costs"
        year={year}
        sort="category"
        heading={`Change the running-cost lines for ${year}`}
        caption={`Running-cost lines ${year}`}
        empty="No running-cost lines yet."
        columns={[{ key: 'category', header: 'Budget line', cell: (l) => l.category }]}
        fields={runningCostFields}
        consequence={(l) => `Its ${formatPence(l.amountPence)} comes out of ${year} at once: the I&E and the cash flow change with it.`}
      />
      <AddBudgetLine resource="running-costs" id="add-cost" year={year} noun="a running-cost line" fields={runningCostFields} />
    </>
  );
}
