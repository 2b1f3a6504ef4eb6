import { Button, Heading } from 'nhsuk-react-components';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Page } from '../../api/types.js';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { ApiErrorPanel, Loaded, usePageTitle } from '../../components/page-states.js';
import { RecordForm } from '../../components/record-form.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { streamFeeds } from '../../../domain/finance/explanations.js';
import type { IeIncomeLine } from '../../../domain/finance/types.js';
import { financeReports, streamFields, streamYearFields } from './finance-fields.js';
import { changeAndRemoveColumn } from './change-column.js';
import { useRemoveQuestion } from './remove-question.js';
import { LinkedScheme, schemeLinkField, useSchemes } from './scheme-links.js';
import type { FinanceYearRow } from './types.js';
import './finance.css';

interface StreamRecord {
  id: number;
  funder: string;
  name: string;
  status: 'secured' | 'potential' | 'ended';
  practicesShareBasisPoints: number;
  schemeId: number | null;
  rowVersion: number;
}

interface StreamYearRecord {
  id: number;
  streamId: number;
  financialYear: string;
  amountPence: number;
  rowVersion: number;
}

/** Which reports the stream's amounts feed (the income totals, the cash flow while secured), and that the I&E's lines are typed apart, naming those linked to it. */
function StreamFeeds({ stream }: { stream: StreamRecord }) {
  const lines = useApiQuery<Page<IeIncomeLine>>(`/api/ie-lines?streamId=${stream.id}&pageSize=100&sort=financialYear`);
  if (!lines.data) return null;
  return (
    <>
      {streamFeeds(stream, lines.data.items).map((sentence) => (
        <p key={sentence} className="nhsuk-body">
          {sentence}
        </p>
      ))}
    </>
  );
}

/** The stream's amount in each financial year: change one, remove one (sending the version read), or add a year. */
function StreamAmounts({ stream }: { stream: StreamRecord }) {
  const amounts = useApiQuery<Page<StreamYearRecord>>(`/api/income-stream-years?streamId=${stream.id}&pageSize=100&sort=financialYear`);
  const planYears = useApiQuery<Page<FinanceYearRow>>('/api/finance-years?pageSize=100&sort=financialYear');
  const [editing, setEditing] = useState<number | null>(null);
  const remove = useApiMutation<StreamYearRecord>((row) => ({ method: 'DELETE', path: `/api/income-stream-years/${row.id}?rowVersion=${row.rowVersion}` }), financeReports);
  const removal = useRemoveQuestion<StreamYearRecord>({
    id: 'remove-amount',
    remove,
    name: (r) => `the amount for ${r.financialYear}`,
    consequence: (r) => `${stream.name} then brings nothing in ${r.financialYear} in place of ${formatPence(r.amountPence)}: the income totals and the cash flow change at once. The audit log keeps a record.`,
    onDone: () => setEditing(null),
  });
  const rows = amounts.data?.items ?? [];
  const fields = streamYearFields((planYears.data?.items ?? []).map((y) => y.financialYear));
  const chosen = rows.find((r) => r.id === editing);
  const columns: Column<StreamYearRecord>[] = [
    { key: 'year', header: 'Financial year', cell: (r) => r.financialYear },
    { key: 'amount', header: 'Amount', numeric: true, cell: (r) => formatPence(r.amountPence) },
    changeAndRemoveColumn<StreamYearRecord>({ name: (r) => r.financialYear, change: (r) => setEditing(r.id), remove: removal.ask, removing: remove.isPending }),
  ];
  return (
    <section aria-labelledby="amounts-heading">
      <h2 id="amounts-heading">Amount by financial year</h2>
      <StreamFeeds stream={stream} />
      {remove.error ? <ApiErrorPanel error={remove.error} /> : null}
      {removal.question}
      <Loaded query={amounts} what="amounts">
        {() => <DataTable caption={`${stream.name} by financial year`} captionHidden columns={columns} rows={rows} rowKey={(r) => r.id} total={{ label: 'Total', cells: { amount: formatPence(rows.reduce((sum, r) => sum + r.amountPence, 0)) } }} empty="No amounts yet: add one below." narrow />}
      </Loaded>
      {chosen ? (
        <RecordForm<StreamYearRecord> key={chosen.id} resource="income-stream-years" id="edit-amount" headingLevel="h3" focusOnOpen heading={`Change the amount for ${chosen.financialYear}`} fields={fields} record={chosen} submitLabel="Save the amount" saved={(r) => `Saved the amount for ${r.financialYear}.`} invalidates={financeReports} />
      ) : null}
      <RecordForm<StreamYearRecord> resource="income-stream-years" id="add-amount" headingLevel="h3" heading="Add an amount for a year" fields={fields} fixed={{ streamId: stream.id }} submitLabel="Add the amount" saved={(r) => `Added the amount for ${r.financialYear}.`} invalidates={financeReports} />
    </section>
  );
}

/**
 * Deleting a stream takes its yearly amounts with it (the audit keeps both), so the page asks
 * first, and points to the usual alternative: a stream that has stopped is marked ended.
 */
function DeleteStream({ stream }: { stream: StreamRecord }) {
  const navigate = useNavigate();
  const remove = useApiMutation<StreamRecord>((s) => ({ method: 'DELETE', path: `/api/income-streams/${s.id}?rowVersion=${s.rowVersion}` }), financeReports);
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Delete this income stream</span>
      </summary>
      <div className="nhsuk-details__text">
        {remove.error ? <ApiErrorPanel error={remove.error} /> : null}
        <p>
          This removes {stream.name} and its amount in every year for good (the audit log keeps a record). If the money has stopped,
          change its status to ended instead: the stream stays on record but leaves the totals.
        </p>
        <Button type="button" warning disabled={remove.isPending} onClick={() => remove.mutate(stream, { onSuccess: () => navigate('/finance', { replace: true }) })}>
          Delete {stream.name}
        </Button>
      </div>
    </details>
  );
}

/** An income stream's details and its amount in each year (admins change them here). */
export function StreamPage() {
  const { id } = useParams();
  const stream = useApiQuery<StreamRecord>(`/api/income-streams/${id}`);
  usePageTitle(stream.data?.name ?? 'Income stream');
  const schemes = useSchemes();
  const fields = [...streamFields, schemeLinkField(schemes, 'Scheme it pays for (optional)', 'The cash flow then takes the scheme’s invoice and its payments to practices, once its delivered activity is recorded')];
  return (
    <Loaded query={stream} what="income stream">
      {(s) => (
        <>
          <PageBreadcrumb items={[{ to: '/finance', text: 'Finance' }]} />
          <Heading headingLevel="h1">
            <span className="nhsuk-caption-l">{s.funder}</span>
            {s.name}
          </Heading>
          {s.schemeId !== null ? (
            <p className="nhsuk-body">
              <LinkedScheme schemeId={s.schemeId} schemes={schemes} lead="Pays for the scheme" />. Once the scheme’s delivered activity is recorded, the cash flow takes the scheme’s invoice and its payments to practices for its year, in place of the amount and share typed here.
            </p>
          ) : null}
          <StreamAmounts stream={s} />
          <RecordForm<StreamRecord> resource="income-streams" id="edit-stream" heading="Change the stream" fields={fields} record={s} submitLabel="Save changes" saved={(r) => `Saved ${r.name}.`} invalidates={financeReports} />
          <DeleteStream stream={s} />
        </>
      )}
    </Loaded>
  );
}
