import { WarningCallout } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { Loaded } from '../../components/page-states.js';
import { RecordForm } from '../../components/record-form.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { ReportTableView } from '../schemes/report-table.js';
import { DownloadLinks, FinanceFrame } from './finance-frame.js';
import { changeColumn } from './change-column.js';
import { financeReports, streamFields } from './finance-fields.js';
import { FinanceImportForm } from './finance-import-form.js';
import { SavingsSection } from './savings-section.js';
import { type StreamsReport, tableNamed } from './types.js';
import '../schemes/schemes.css';
import './finance.css';

/** Income streams by funder and year with secured and potential totals, money counted twice, and cost savings. */
export function FinancePage() {
  const admin = isAdmin(useUser());
  const navigate = useNavigate();
  const streams = useApiQuery<StreamsReport>('/api/finance/streams');
  return (
    <FinanceFrame title="Finance" intro={<p className="nhsuk-body">Where the federation’s money comes from, year by year: secured income, potential income and what its initiatives save.</p>}>
      <Loaded query={streams} what="income streams">
        {(report) => (
          <>
            {report.doubleCounting.length ? (
              <WarningCallout>
                <WarningCallout.Heading headingLevel="h2">Money counted twice</WarningCallout.Heading>
                <ul>
                  {report.doubleCounting.map((d) => (
                    <li key={`${d.name}-${d.financialYear}`}>
                      {d.message} ({formatPence(d.securedPence)} in each.)
                    </li>
                  ))}
                </ul>
              </WarningCallout>
            ) : null}
            <section aria-labelledby="funder-totals">
              <h2 id="funder-totals">Income by funder and financial year</h2>
              <SummaryRows
                rows={[
                  { key: 'Secured income', value: `${formatPence(report.totals.securedPence)} (${report.years.map((y) => `${y}: ${formatPence(report.totals.byYear[y]!.secured)}`).join(', ')})` },
                  { key: 'Potential income', value: `${formatPence(report.totals.potentialPence)} (${report.years.map((y) => `${y}: ${formatPence(report.totals.byYear[y]!.potential)}`).join(', ')})` },
                ]}
              />
              <ReportTableView table={tableNamed(report, 'funder-totals')!} />
              {report.againstIe.map((sentence) => (
                <p key={sentence} className="nhsuk-body">
                  {sentence}
                </p>
              ))}
            </section>
            <section aria-labelledby="streams" className="app-finance-streams">
              <h2 id="streams">Income streams</h2>
              <DownloadLinks report="streams" noun="income streams" />
              <ReportTableView table={tableNamed(report, 'streams')!} hide={['contract_reference', 'end_date', 'scheme']} extra={admin ? [changeColumn((row) => `/finance/streams/${String(row.id)}`, (row) => `${String(row.stream)} (${String(row.funder || 'no funder')}, ${String(row.status).toLowerCase()})`)] : []} />
            </section>
          </>
        )}
      </Loaded>
      {admin ? (
        <RecordForm<{ id: number; name: string }>
          resource="income-streams"
          id="add-stream"
          heading="Add an income stream"
          fields={streamFields}
          submitLabel="Add the stream"
          saved={(s) => `Added ${s.name}.`}
          onSaved={(s) => navigate(`/finance/streams/${s.id}`)}
          invalidates={financeReports}
        />
      ) : null}
      <SavingsSection admin={admin} />
      {admin ? <FinanceImportForm /> : null}
    </FinanceFrame>
  );
}
