import { Heading } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';
import type { Group, GroupMember, GroupSummary } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import type { Column } from '../../components/data-table.js';
import { PageBreadcrumb } from '../../components/page-breadcrumb.js';
import { Loaded, NotFoundPage, usePageTitle } from '../../components/page-states.js';
import { formatDate } from '../../format/format.js';
import { FederationSetup } from './federation-setup.js';
import { FederationView } from './federation-view.js';
import { GroupDetailsForm } from './group-details-form.js';
import { KeyFigures, MembershipDateForm, useGroupSummary, useMembershipDate } from './group-summary.js';
import { groupKindLabel } from './group-kinds.js';
import { AddPracticeForm } from './locality-admin.js';
import { currentMembership, formerMembership, useMembershipActions } from './membership-actions.js';
import { FormerMembersTable, MembersTable } from './members-table.js';
import { ExportLinks } from '../../components/export-links.js';

function GroupBreadcrumb({ parent }: { parent?: Group }) {
  const items = [
    { to: '/', text: 'Home' },
    { to: '/groups', text: 'Groups' },
  ];
  return <PageBreadcrumb items={parent ? [...items, { to: `/groups/${parent.id}`, text: parent.name }] : items} />;
}

/** A locality (hub): its member practices and total, its federation, and for admins adding, ending and removing memberships. */
function LocalityView({ summary }: { summary: GroupSummary }) {
  const admin = isAdmin(useUser());
  const { on, choose } = useMembershipDate();
  const parent = useApiQuery<Group>(summary.group.parentId ? `/api/groups/${summary.group.parentId}` : null);
  const membership = useMembershipActions(summary);
  const membershipColumns: Column<GroupMember>[] = [{ key: 'from', header: 'Member from', nowrap: true, cell: (p) => formatDate(p.startDate) }, ...membership.actionColumn(currentMembership, true)];
  return (
    <>
      <GroupBreadcrumb parent={parent.data} />
      <span className="nhsuk-caption-l">{groupKindLabel(summary.group.kind)}</span>
      <Heading headingLevel="h1">{summary.group.name}</Heading>
      {parent.data ? (
        <p className="nhsuk-body-l">
          Part of <Link to={`/groups/${parent.data.id}`}>{parent.data.name}</Link>
        </p>
      ) : null}
      {summary.group.description ? <p className="nhsuk-body">{summary.group.description}</p> : null}
      <KeyFigures summary={summary} />
      <MembershipDateForm key={summary.group.id} on={on} onChoose={choose} />
      {membership.banner}
      <section aria-labelledby="members">
        <h2 id="members">Member practices</h2>
        <ExportLinks base="/api/memberships/export" query={`?groupId=${summary.group.id}`} noun={`the memberships of ${summary.group.name}, past and present`} />
        <MembersTable caption={`Practices in ${summary.group.name}`} captionHidden practices={summary.practices} totalLabel={`${summary.group.name} total`} extraColumns={membershipColumns} />
      </section>
      {membership.panel}
      <FormerMembersTable summary={summary} extraColumns={membership.actionColumn(formerMembership, false)} />
      {admin ? (
        <>
          <AddPracticeForm summary={summary} />
          <GroupDetailsForm group={summary.group} />
        </>
      ) : null}
    </>
  );
}

/** /groups/:id — a locality page, or a federation-like group with its set-up forms for admins. */
export function GroupPage() {
  const id = Number(useParams().id);
  const user = useUser();
  const { on } = useMembershipDate();
  const summary = useGroupSummary(Number.isInteger(id) && id > 0 ? id : null, on);
  usePageTitle(summary.data?.group.name ?? 'Group');
  if (!(Number.isInteger(id) && id > 0)) return <NotFoundPage />;
  return (
    <Loaded query={summary} what="group">
      {(data) =>
        data.group.kind === 'locality' ? (
          <LocalityView summary={data} />
        ) : (
          <FederationView summary={data} before={<GroupBreadcrumb />} actions={isAdmin(user) ? <FederationSetup summary={data} /> : null} membershipActions />
        )
      }
    </Loaded>
  );
}
