import { BudgetLineForm } from './budget-line-form.js';
import { BudgetLineList, type BudgetLineRecord } from './budget-line-list.js';

const amount = { name: 'amount', label: 'Amount for the year', hint: 'In pounds, for example £12,500 or 12500.50', missing: 'Enter the amount, for example £12,500', width: 10 } as const;
const line = { name: 'line', label: 'Line', missing: 'Enter the line' };

/**
 * Adds an income line to the year (admins): secured or potential income the plan counts, one at a
 * time, as well as by importing the I&E's CSV. The table above removes one.
 */
export function IncomeLineForm({ year }: { year: string }) {
  return (
    <BudgetLineForm
      id="income"
      path="/api/ie-lines"
      year={year}
      heading={`Add an income line for ${year}`}
      formLabel="Add an income line"
      fields={[
        { name: 'section', label: 'Income', hint: 'Secured: agreed and funded. Potential: bid for or expected, not yet agreed', options: [{ value: 'secured', text: 'Secured' }, { value: 'potential', text: 'Potential' }] },
        { ...line, hint: 'For example, Extended access (NHS E)' },
        amount,
        { name: 'comment', label: 'Comment (optional)' },
      ]}
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
        path="/api/running-costs"
        year={year}
        sort="category"
        heading={`Change the running-cost lines for ${year}`}
        caption={`Running-cost lines ${year}`}
        empty="No running-cost lines yet."
        columns={[{ key: 'category', header: 'Budget line', cell: (l) => l.category }]}
      />
      <BudgetLineForm
        id="cost"
        path="/api/running-costs"
        year={year}
        heading={`Add a running-cost line for ${year}`}
        formLabel="Add a running-cost line"
        fields={[{ name: 'category', label: 'Budget line', hint: 'For example Staff, Premises, IT, Insurance, Professional fees', missing: 'Enter the budget line, for example Staff' }, line, amount]}
      />
    </>
  );
}
