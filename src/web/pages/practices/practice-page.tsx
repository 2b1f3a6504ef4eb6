import { Heading } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import type { AuditEntry, PracticeDetails, SessionUser } from '../../api/types.js';
import { queryString } from '../../api/client.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { codeAndName, StatusTag, SummaryRows } from '../../components/summary-rows.js';
import { formatDate, formatNumber } from '../../format/format.js';
import { AuditTable } from '../audit/audit-table.js';
import { groupKindLabel } from '../groups/group-kinds.js';
import { PracticeEditForm } from './practice-edit-form.js';
import { describeHistoryValues, historyFieldName } from './practice-history-values.js';

type ListSize = PracticeDetails['listSizes'][number];
type GroupRow = PracticeDetails['groups'][number];
type PcnRow = PracticeDetails['pcnMemberships'][number];
type HistoryRow = PracticeDetails['history'][number];

const until = (date: string | null) => (date ? formatDate(date) : 'No end date');

const listSizeColumns: Column<ListSize>[] = [
  { key: 'date', header: 'Date', nowrap: true, cell: (s) => formatDate(s.snapshotDate) },
  { key: 'patients', header: 'Patients', numeric: true, cell: (s) => formatNumber(s.patients) },
];

const groupColumns: Column<GroupRow>[] = [
  { key: 'group', header: 'Group', cell: (g) => <Link to={`/groups/${g.groupId}`}>{g.groupName}</Link> },
  { key: 'kind', header: 'Kind', cell: (g) => groupKindLabel(g.groupKind) },
  { key: 'from', header: 'From', nowrap: true, cell: (g) => formatDate(g.startDate) },
  { key: 'until', header: 'Until', nowrap: true, cell: (g) => until(g.endDate) },
];

const pcnColumns: Column<PcnRow>[] = [
  { key: 'pcn', header: 'PCN', cell: (p) => codeAndName(p.pcnCode, p.pcnName) },
  { key: 'from', header: 'From', nowrap: true, cell: (p) => formatDate(p.startDate) },
  { key: 'until', header: 'Until', nowrap: true, cell: (p) => until(p.endDate) },
  { key: 'source', header: 'Source', cell: (p) => p.source ?? '' },
];

/** A change from the NHS files names its fields and values; a joining or leaving says so, linked to the group. */
const historyColumns: Column<HistoryRow>[] = [
  { key: 'date', header: 'Date', nowrap: true, cell: (h) => formatDate(h.date) },
  { key: 'changed', header: 'What changed', cell: (h) => (h.kind === 'membership' ? <Link to={`/groups/${h.groupId}`}>{h.what}</Link> : (h.changedFields ?? []).map(historyFieldName).join(', ')) },
  { key: 'values', header: 'Values', cell: (h) => (h.kind === 'membership' ? '' : describeHistoryValues(h.snapshot)) },
];

const historyKey = (h: HistoryRow) => (h.kind === 'membership' ? `${h.date}-${h.change}-${h.groupId}` : `${h.date}-${(h.changedFields ?? []).join()}`);

/** How many of the latest changes the practice page lists; the audit page, filtered by its code, has the rest. */
const PRACTICE_AUDIT_ROWS = 20;

/** Changes to the practice and to the records that name it (its memberships of groups), newest first. */
function PracticeAudit({ code }: { code: string }) {
  const audit = useApiQuery<{ items: AuditEntry[]; total: number }>(`/api/audit${queryString({ recordId: code, signIns: 'exclude', limit: PRACTICE_AUDIT_ROWS })}`);
  return (
    <section aria-labelledby="audit-history">
      <h2 id="audit-history">Audit history</h2>
      <Loaded query={audit} what="audit history">
        {(data) => (
          <>
            <AuditTable entries={data.items} caption={`Changes to ${code} and to the records that name it`} />
            {data.total > data.items.length ? (
              <p className="nhsuk-body">
                The latest {data.items.length} of {formatNumber(data.total)} changes. <Link to={`/audit${queryString({ recordId: code })}`}>See them all in the audit log</Link>
              </p>
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** Who may see a practice's money (as the API decides): admins, commissioners and its own practice manager. */
const mayReadMoney = (user: SessionUser, code: string) => user.role === 'admin' || user.role === 'commissioner' || (user.role === 'practice_manager' && user.practiceCodes.includes(code));

function PracticeDetailsView({ details }: { details: PracticeDetails }) {
  const user = useUser();
  const { practice: p } = details;
  const latest = details.listSizes[0];
  return (
    <>
      <PageBreadcrumb
        items={[
          { to: '/', text: 'Home' },
          { to: '/practices', text: 'Practices' },
        ]}
      />
      <span className="nhsuk-caption-l">Practice {p.odsCode}</span>
      <Heading headingLevel="h1">{p.displayName}</Heading>
      <SummaryRows
        rows={[
          { key: 'ODS code', value: p.odsCode },
          { key: 'ODS name', value: p.name },
          { key: 'Local name', value: p.localName },
          { key: 'Status', value: <StatusTag status={p.status} /> },
          { key: 'List size', value: latest ? `${formatNumber(latest.patients)} on ${formatDate(latest.snapshotDate)}` : null },
          { key: 'Commissioner', value: codeAndName(p.commissionerCode, p.commissionerName) },
          { key: 'PCN', value: codeAndName(p.pcnCode, p.pcnName) },
          { key: 'ICB', value: codeAndName(p.icbCode, p.icbName) },
          { key: 'Locality', value: p.locality },
          { key: 'Address', value: p.address },
          { key: 'Postcode', value: p.postcode },
          { key: 'Telephone', value: p.phone },
          { key: 'Open date', value: formatDate(p.openDate) },
          // An open practice has no close date to record: it says so rather than "Not recorded".
          { key: 'Close date', value: p.closeDate ? formatDate(p.closeDate) : p.status === 'active' ? 'None: the practice is open' : null },
          { key: 'ODS file date', value: formatDate(p.sourceDate) },
          { key: 'Notes', value: p.notes },
        ]}
      />
      <ul className="nhsuk-list">
        <li>
          <Link to={`/quality/practices/${p.odsCode}`}>Quality indicators for this practice</Link>
        </li>
        {mayReadMoney(user, p.odsCode) ? (
          <li>
            <Link to={`/finance/practices/${p.odsCode}`}>What this practice receives and pays</Link>
          </li>
        ) : null}
      </ul>
      {details.canEdit ? <PracticeEditForm key={p.odsCode} practice={p} /> : null}
      <h2 id="list-sizes">List size history</h2>
      <DataTable caption={`Registered patients at ${p.displayName}, latest first`} captionHidden columns={listSizeColumns} rows={details.listSizes} rowKey={(s) => s.snapshotDate} empty="No list sizes have been imported for this practice." narrow />
      <h2 id="groups">Groups and localities</h2>
      <DataTable caption={`Groups ${p.displayName} belongs or belonged to`} captionHidden columns={groupColumns} rows={details.groups} rowKey={(g) => g.id} empty="This practice is not in any group." />
      <h2 id="pcn-history">PCN membership history</h2>
      <DataTable caption={`Primary care networks of ${p.displayName}`} captionHidden columns={pcnColumns} rows={details.pcnMemberships} rowKey={(m) => `${m.pcnCode}-${m.startDate}`} empty={p.pcnCode ? `The registry gives ${p.pcnCode} as this practice’s PCN, but holds no dates for its membership.` : 'The registry holds no PCN membership for this practice.'} />
      <h2 id="changes">Changes and group memberships</h2>
      <p className="nhsuk-body">
        Changes the NHS files made to it, as each file was imported (its full record of PCNs, with their dates, is under <a href="#pcn-history">PCN membership history</a>), and the groups and localities it joined and left, latest first.
      </p>
      <DataTable caption={`History of ${p.displayName}: changes from the NHS files and group memberships, latest first`} captionHidden columns={historyColumns} rows={details.history} rowKey={historyKey} empty="No changes or group memberships have been recorded." />
      {isAdmin(user) ? <PracticeAudit code={p.odsCode} /> : null}
    </>
  );
}

/** /practices/:code — ODS facts, list sizes, groups, PCN history and changes; local name and notes for those allowed. */
export function PracticePage() {
  const code = (useParams().code ?? '').toUpperCase();
  const details = useApiQuery<PracticeDetails>(`/api/practices/${encodeURIComponent(code)}/details`);
  usePageTitle(details.data?.practice.displayName ?? `Practice ${code}`);
  return (
    <Loaded query={details} what="practice">
      {(data) => <PracticeDetailsView details={data} />}
    </Loaded>
  );
}
