import { Heading } from 'nhsuk-react-components';
import { Link } from 'react-router';
import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { ExportLinks } from '../../components/export-links.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { formatDate } from '../../format/format.js';
import { SchemeStatusTag } from './scheme-status.js';
import { type Scheme, type SchemeVersions, schemePath } from './types.js';

/** A scheme's latest version, once its versions have loaded (the list endpoint does not carry them). */
function useLatestVersion(scheme: Scheme) {
  const versions = useApiQuery<SchemeVersions>(`${schemePath(scheme.id)}/versions`);
  return { loaded: Boolean(versions.data), latest: versions.data?.items.find((v) => v.version === scheme.currentVersion) };
}

/** The list-size snapshot of a scheme's latest version. */
function SnapshotDate({ scheme }: { scheme: Scheme }) {
  const { loaded, latest } = useLatestVersion(scheme);
  if (!loaded) return null;
  return <>{latest?.listSnapshotDate ? formatDate(latest.listSnapshotDate) : 'List sizes given in the scheme'}</>;
}

/** When the latest version's activity returns are due; a scheme that pays for no activity has none to return. */
function ReturnsDueCell({ scheme }: { scheme: Scheme }) {
  const { latest } = useLatestVersion(scheme);
  if (!latest) return null;
  if (latest.definition.deliveryModels.length === 0) return <>No activity to return</>;
  return <>{scheme.returnsDueOn ? formatDate(scheme.returnsDueOn) : 'No date set'}</>;
}

/** The status, and while a new version is a draft, the approved version still in force beside it. */
function StatusCell({ scheme }: { scheme: Scheme }) {
  const versions = useApiQuery<SchemeVersions>(`${schemePath(scheme.id)}/versions`);
  const inForce = scheme.status === 'draft' ? versions.data?.items.filter((v) => v.status === 'approved').sort((a, b) => b.version - a.version)[0] : undefined;
  return (
    <>
      <SchemeStatusTag status={scheme.status} />
      {inForce ? <span className="nhsuk-u-secondary-text-colour nhsuk-u-font-size-16"> version {inForce.version} approved</span> : null}
    </>
  );
}

const columns: Column<Scheme>[] = [
  { key: 'name', header: 'Scheme', cell: (s) => <Link to={`/schemes/${s.id}`}>{s.name}</Link> },
  { key: 'funder', header: 'Funder', cell: (s) => s.funder },
  { key: 'status', header: 'Status', cell: (s) => <StatusCell scheme={s} /> },
  { key: 'version', header: 'Version', numeric: true, cell: (s) => s.currentVersion },
  { key: 'snapshot', header: 'List sizes at', nowrap: true, cell: (s) => <SnapshotDate scheme={s} /> },
  { key: 'returnsDue', header: 'Activity returns due', nowrap: true, cell: (s) => <ReturnsDueCell scheme={s} /> },
];

/** Every scheme the federation keeps: who funds it, its status and the version in force. */
export function SchemesListPage() {
  usePageTitle('Schemes');
  const user = useUser();
  const schemes = useApiQuery<Page<Scheme>>('/api/schemes?pageSize=1000&sort=name');
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
            <DataTable caption="Schemes" captionHidden columns={columns} rows={data.items} rowKey={(s) => s.id} empty="No schemes have been set up yet." />
          </>
        )}
      </Loaded>
    </>
  );
}
