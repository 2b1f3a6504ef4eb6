import { RecordForm } from '../../components/record-form.js';
import { financeReports, financeYearFields } from './finance-fields.js';
import type { FinanceYearRow } from './types.js';

/**
 * Admins change the chosen year's opening balance and threshold, and add the next year to the plan.
 * Where the year before closes at another figure in the cash flow, the opening balance says so.
 */
export function FinanceYearForms({ year, openingNote }: { year: FinanceYearRow | undefined; openingNote: string | null }) {
  const fields = financeYearFields.map((f) => (f.name === 'openingBalance' && openingNote ? { ...f, hint: `${f.hint ?? ''}. ${openingNote}` } : f));
  return (
    <>
      {year ? (
        <RecordForm<FinanceYearRow> key={year.id} resource="finance-years" id="edit-year" heading={`Change ${year.financialYear}’s opening balance and threshold`} fields={fields} record={year} submitLabel="Save the year" saved={(y) => `Saved ${y.financialYear}.`} invalidates={financeReports} />
      ) : null}
      <RecordForm<FinanceYearRow>
        resource="finance-years"
        id="add-year"
        heading="Add a year to the plan"
        fields={[{ name: 'financialYear', label: 'Financial year', hint: 'For example, 2020/21', width: 5, required: true }, ...financeYearFields]}
        submitLabel="Add the year"
        saved={(y) => `Added ${y.financialYear}.`}
        invalidates={financeReports}
      />
    </>
  );
}
