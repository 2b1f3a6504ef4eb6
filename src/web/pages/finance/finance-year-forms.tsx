import { RecordForm } from '../../components/record-form.js';
import { financeReports, financeYearFields } from './finance-fields.js';
import type { FinanceYearRow } from './types.js';

/** Admins change the chosen year's opening balance and threshold, and add the next year to the plan. */
export function FinanceYearForms({ year }: { year: FinanceYearRow | undefined }) {
  return (
    <>
      {year ? (
        <RecordForm<FinanceYearRow> key={year.id} resource="finance-years" id="edit-year" heading={`Change ${year.financialYear}’s opening balance and threshold`} fields={financeYearFields} record={year} submitLabel="Save the year" saved={(y) => `Saved ${y.financialYear}.`} invalidates={financeReports} />
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
