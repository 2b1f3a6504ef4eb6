import { paysPractices } from '../../../domain/schemes/settlement.js';
import { InsetText } from 'nhsuk-react-components';
import { asksSameReturns, otherCollectingVersion } from '../../../domain/schemes/delivered.js';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../components/data-table.js';
import { actorName, formatDate, formatDateTime } from '../../format/format.js';
import { SchemeStatusTag } from './scheme-status.js';
import { SettlementStatus } from './settlement-status.js';
import type { SchemeVersion } from './types.js';

export const versionParam = 'version';

/** Every version of a scheme, newest first, each linking to its own figures; the one shown is marked. */
export function VersionsTable({ schemeId, versions, shown }: { schemeId: number; versions: readonly SchemeVersion[]; shown: number }) {
  const columns: Column<SchemeVersion>[] = [
    {
      key: 'version',
      header: 'Version',
      nowrap: true,
      cell: (v) => (v.version === shown ? <strong aria-current="true">Version {v.version} (shown)</strong> : <Link to={`/schemes/${schemeId}?${versionParam}=${v.version}`}>Version {v.version}</Link>),
    },
    { key: 'status', header: 'Status', cell: (v) => <SchemeStatusTag status={v.status} /> },
    { key: 'snapshot', header: 'List sizes from', nowrap: true, cell: (v) => (v.listSnapshotDate ? formatDate(v.listSnapshotDate) : 'Given in the terms') },
    { key: 'created', header: 'Created', cell: (v) => `${formatDateTime(v.createdAt)}${v.createdBy ? ` by ${actorName(v.createdBy)}` : ''}` },
    { key: 'approved', header: 'Approved', cell: (v) => (v.approvedAt ? `${formatDateTime(v.approvedAt)}${v.approvedBy ? ` by ${actorName(v.approvedBy)}` : ''}` : 'Not approved') },
    // An approved version's payments are invoiced, then paid; a draft's are not yet anything.
    { key: 'payments', header: 'Invoice and payment', cell: (v) => (v.status === 'draft' || !paysPractices(v.definition) ? null : <SettlementStatus settlement={v} />) },
  ];
  return <DataTable caption="Versions of this scheme" captionHidden columns={columns} rows={[...versions].reverse()} rowKey={(v) => v.version} />;
}

/** Said at the top when the page shows a version other than the latest. */
export function OlderVersionNotice({ schemeId, shown, latest }: { schemeId: number; shown: SchemeVersion; latest: number }) {
  if (shown.version === latest) return null;
  return (
    <InsetText>
      <p>
        You are looking at version {shown.version}, which is {shown.status === 'superseded' ? 'superseded' : shown.status}. Its figures use its own terms and list sizes.{' '}
        <Link to={`/schemes/${schemeId}`}>See the latest version ({latest})</Link>
      </p>
    </InsetText>
  );
}

/**
 * Where returns recorded on the version shown are recorded too, by the server's rule: the approved
 * version in force and the draft after it take each other's, when both ask for the same return.
 */
export function ReturnsAlsoOn({ versions, shown }: { versions: readonly SchemeVersion[]; shown: SchemeVersion }) {
  const other = otherCollectingVersion(versions, shown.version);
  if (!other) return null;
  if (other.invoiced) {
    return (
      <p className="nhsuk-body">
        Version {other.version} was invoiced on {formatDate(other.invoiced.on)}, so it keeps the returns it was invoiced on: returns recorded here stay on version {shown.version}.
      </p>
    );
  }
  if (!asksSameReturns(shown.definition, other.definition)) {
    return (
      <p className="nhsuk-body">
        Version {other.version} asks for a different return (other delivery models, unit or period), so returns recorded here stay on version {shown.version}. Record them on version {other.version} as well.
      </p>
    );
  }
  const where = other.status === 'draft' ? `draft version ${other.version}, for the practices it has, so approving it keeps them` : `version ${other.version}, the approved version in force that practice managers and statements read until this draft is approved, for the practices it has`;
  return <p className="nhsuk-body">Returns recorded here are also recorded on {where}.</p>;
}
