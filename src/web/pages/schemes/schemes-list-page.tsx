import { Heading, Tag } from 'nhsuk-react-components';
import { returnsStateWords } from '../../../domain/schemes/returns-due.js';
import { Link } from 'react-router';
import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { ExportLinks } from '../../components/export-links.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { formatDate } from '../../format/format.js';
import { SchemeStatusTag } from './scheme-status.js';
import { SettlementStatus } from './settlement-status.js';
import type { Scheme, SchemeOverviews } from './types.js';

type Overview = SchemeOverviews['items'][number];

/**
 * The status of the version the reader reads: an admin the latest, with the approved version still
 * in force beside a draft; anyone else the approved version, or "Being prepared" before there is one.
 */
function StatusCell({ scheme, overview, admin }: { scheme: Scheme; overview: Overview | undefined; admin: boolean }) {
  if (!overview) return null;
  if (!admin) return overview.version ? <SchemeStatusTag status={overview.version.status} /> : <Tag modifier="grey">Being prepared</Tag>;
  const inForce = scheme.status === 'draft' ? overview.inForce : null;
  return (
    <>
      <SchemeStatusTag status={scheme.status} />
      {inForce ? <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-16"> version {inForce} approved</span> : null}
    </>
  );
}

/** Where the activity returns stand, in words a practice manager reads at a glance; overdue returns carry a red tag. */
function ReturnsCell({ overview }: { overview: Overview | undefined }) {
  if (!overview) return null;
  const { returns } = overview;
  if (returns.kind !== 'overdue') return <>{returnsStateWords(returns)}</>;
  return (
    <>
      <Tag modifier="red">Overdue</Tag> {returnsStateWords(returns)}
      <br />
      <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-16">Were due {formatDate(returns.dueOn)}</span>
    </>
  );
}

/** Whether the version in force was invoiced and paid; named by number when the reader reads another (an admin's draft). */
function PaymentsCell({ overview }: { overview: Overview | undefined }) {
  const payments = overview?.payments;
  // A scheme in force that pays for no activity (cost sharing) has no invoice of payments; one being prepared has nothing yet.
  if (!payments) return overview?.inForce ? <span className="nhsuk-u-secondary-text-colour">No activity paid for</span> : null;
  return <SettlementStatus settlement={payments} version={overview.version?.version === payments.version ? undefined : payments.version} />;
}

function columnsFor(overviews: ReadonlyMap<number, Overview>, admin: boolean, groupNames: ReadonlyMap<number, string>): Column<Scheme>[] {
  // Named as the version the reader reads: an admin's draft by its own name, anyone else's the approved version's (the scheme's).
  const shown = (s: Scheme) => overviews.get(s.id)?.version ?? s;
  // Which federation (PCN, ICB footprint) it is for, under its name, as a fund says who gives it: one atscale may keep several.
  const forGroup = (s: Scheme) => (s.groupId !== null && groupNames.has(s.groupId) ? <span className="nhsuk-u-display-block nhsuk-u-secondary-text-colour">For {groupNames.get(s.groupId)}</span> : null);
  return [
    {
      key: 'name',
      header: 'Scheme',
      cell: (s) => (
        <>
          <Link to={`/schemes/${s.id}`}>{shown(s).name}</Link>
          {forGroup(s)}
        </>
      ),
    },
    { key: 'funder', header: 'Funder', cell: (s) => shown(s).funder },
    { key: 'status', header: 'Status', cell: (s) => <StatusCell scheme={s} overview={overviews.get(s.id)} admin={admin} /> },
    { key: 'version', header: 'Version', numeric: true, cell: (s) => overviews.get(s.id)?.version?.version ?? null },
    {
      key: 'snapshot',
      header: 'List sizes at',
      nowrap: true,
      cell: (s) => {
        const version = overviews.get(s.id)?.version;
        return version ? (version.listSnapshotDate ? formatDate(version.listSnapshotDate) : 'List sizes given in the scheme') : null;
      },
    },
    { key: 'returns', header: 'Activity returns', cell: (s) => <ReturnsCell overview={overviews.get(s.id)} /> },
    { key: 'payments', header: 'Payments', cell: (s) => <PaymentsCell overview={overviews.get(s.id)} /> },
  ];
}

/** Every scheme the federation keeps: who funds it, its status and the version in force. */
export function SchemesListPage() {
  usePageTitle('Schemes');
  const user = useUser();
  const schemes = useApiQuery<Page<Scheme>>('/api/schemes?pageSize=1000&sort=name');
  const overview = useApiQuery<SchemeOverviews>('/api/schemes/overview');
  const overviews = new Map((overview.data?.items ?? []).map((o) => [o.id, o]));
  const groups = useApiQuery<Page<{ id: number; name: string }>>('/api/groups?pageSize=1000&sort=name');
  const groupNames = new Map((groups.data?.items ?? []).map((g) => [g.id, g.name]));
  return (
    <>
      <Heading headingLevel="h1">Schemes</Heading>
      <p className="nhsuk-body">Money or capacity a funder gives the federation’s practices, shared out by list size and paid on what each practice delivers.</p>
      {isAdmin(user) ? (
        <p className="nhsuk-body">
          <Link to="/schemes/new">Set up a new scheme</Link>
        </p>
      ) : null}
      <Loaded query={schemes} what="schemes">
        {(data) => (
          <>
            {data.items.length ? <ExportLinks base="/api/schemes/export" noun="the schemes" /> : null}
            <DataTable caption="Schemes" captionHidden columns={columnsFor(overviews, isAdmin(user), groupNames)} rows={data.items} rowKey={(s) => s.id} empty="No schemes have been set up yet." />
          </>
        )}
      </Loaded>
    </>
  );
}
