import { Heading } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import type { GroupSummary } from '../../api/types.js';
import { FormerMembersTable, LocalitySections, MembersTable } from './members-table.js';
import { KeyFigures, MembershipDateForm, useCommissionerLabel, useMembershipDate } from './group-summary.js';
import { groupKindLabel } from './group-kinds.js';
import { ExportLinks } from '../../components/export-links.js';
import { currentMembership, formerMembership, useMembershipActions } from './membership-actions.js';

interface FederationViewProps {
  summary: GroupSummary;
  /** Above the heading: a breadcrumb or a federation chooser. */
  before?: ReactNode;
  /** After the summary, before the tables (e.g. links to set it up). */
  actions?: ReactNode;
  /** For admins, end or remove a membership from the tables (the group's own page, not the overview). */
  membershipActions?: boolean;
}

/**
 * A federation (or PCN, ICB footprint, peer group): its name and commissioner, the key figures, the
 * date memberships are shown on, one table per locality and the former members.
 */
export function FederationView({ summary, before, actions, membershipActions = false }: FederationViewProps) {
  const { on, choose } = useMembershipDate();
  const membership = useMembershipActions(summary);
  const current = membershipActions ? membership.actionColumn(currentMembership, true) : [];
  const former = membershipActions ? membership.actionColumn(formerMembership, false) : [];
  const commissioner = useCommissionerLabel(summary.group.commissionerCode);
  const { group } = summary;
  return (
    <>
      {before}
      <span className="nhsuk-caption-l">{groupKindLabel(group.kind)}</span>
      <Heading headingLevel="h1">{group.name}</Heading>
      {commissioner ? <p className="nhsuk-body-l">Commissioner: {commissioner}</p> : null}
      {group.description ? <p className="nhsuk-body">{group.description}</p> : null}
      <KeyFigures summary={summary} />
      <MembershipDateForm key={summary.group.id} on={on} onChoose={choose} />
      {actions}
      {membership.banner}
      <ExportLinks base="/api/memberships/export" query={`?groupId=${group.id}`} noun={`the memberships of ${group.name}, past and present`} />
      {summary.children.length ? (
        <LocalitySections summary={summary} extraColumns={current} />
      ) : (
        <section aria-labelledby="members">
          <h2 id="members">Member practices</h2>
          <MembersTable caption={`Practices in ${group.name}`} captionHidden practices={summary.practices} totalLabel="Total" extraColumns={current} />
        </section>
      )}
      {membership.panel}
      <FormerMembersTable summary={summary} extraColumns={former} />
    </>
  );
}
