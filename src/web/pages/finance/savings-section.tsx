import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { Loaded } from '../../components/page-states.js';
import { RecordForm } from '../../components/record-form.js';
import { ReportTableView } from '../schemes/report-table.js';
import { changeColumn } from './change-column.js';
import { financeReports, savingFields } from './finance-fields.js';
import { DownloadLinks } from './finance-frame.js';
import type { StreamsReport } from './types.js';

interface SavingRecord {
  id: number;
  initiative: string;
  financialYear: string;
  rowVersion: number;
}

/** The saving chosen with ?saving=, to change (admins). */
function ChangeSaving({ id }: { id: string }) {
  const saving = useApiQuery<SavingRecord>(`/api/cost-savings/${id}`);
  return (
    <Loaded query={saving} what="cost saving">
      {(s) => (
        <>
          <RecordForm<SavingRecord> key={s.id} resource="cost-savings" id="edit-saving" focusOnOpen heading={`Change ${s.initiative} ${s.financialYear}`} fields={savingFields} record={s} submitLabel="Save the saving" saved={(r) => `Saved ${r.initiative} ${r.financialYear}.`} invalidates={financeReports} />
          <p className="nhsuk-body">
            <Link to="/finance">Close without saving</Link>
          </p>
        </>
      )}
    </Loaded>
  );
}

/** What the federation's initiatives save each year; admins add a saving and change one. */
export function SavingsSection({ admin }: { admin: boolean }) {
  const savings = useApiQuery<{ tables: StreamsReport['tables'] }>('/api/finance/savings');
  const [params] = useSearchParams();
  const chosen = params.get('saving');
  return (
    <>
      <section aria-labelledby="savings">
        <h2 id="savings">Cost savings</h2>
        <DownloadLinks report="savings" noun="cost savings" />
        <Loaded query={savings} what="cost savings">
          {(report) => <ReportTableView table={report.tables[0]!} extra={admin ? [changeColumn((row) => `/finance?saving=${String(row.id)}`, (row) => `${String(row.initiative)} ${String(row.financial_year)}`)] : []} />}
        </Loaded>
      </section>
      {admin && chosen ? <ChangeSaving id={chosen} /> : null}
      {admin ? <RecordForm<SavingRecord> resource="cost-savings" id="add-saving" heading="Add a cost saving" fields={savingFields} submitLabel="Add the saving" saved={(r) => `Added ${r.initiative} ${r.financialYear}.`} invalidates={financeReports} /> : null}
    </>
  );
}
