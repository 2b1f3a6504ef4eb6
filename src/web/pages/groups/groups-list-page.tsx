import { Button, Heading } from 'nhsuk-react-components';
import { Link } from 'react-router';
import type { Group, GroupKind, Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { ExportLinks } from '../../components/export-links.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import { MembershipProblems } from './membership-problems.js';

const kindOrder: GroupKind[] = ['federation', 'locality', 'pcn', 'icb_footprint', 'peer_group'];
const plural: Record<GroupKind, string> = { federation: 'Federations', locality: 'Localities (hubs)', pcn: 'Primary care networks', icb_footprint: 'ICB footprints', peer_group: 'Peer groups' };

/** Every group, one table per kind: federations, their localities, PCNs, ICB footprints and peer groups. */
export function GroupsListPage() {
  const user = useUser();
  usePageTitle('Groups');
  const groups = useApiQuery<Page<Group>>('/api/groups?pageSize=1000&sort=name');
  return (
    <>
      <Heading headingLevel="h1">Groups</Heading>
      <p className="nhsuk-body">Federations, their localities, and other groups of practices.</p>
      {isAdmin(user) ? <MembershipProblems /> : null}
      {isAdmin(user) ? (
        <Button asElement={Link} to="/groups/new" href="/groups/new">
          Set up a group
        </Button>
      ) : null}
      <Loaded query={groups} what="groups">
        {(data) => {
          const byId = new Map(data.items.map((g) => [g.id, g]));
          const columns: Column<Group>[] = [
            { key: 'name', header: 'Name', cell: (g) => <Link to={`/groups/${g.id}`}>{g.name}</Link> },
            { key: 'parent', header: 'Part of', cell: (g) => (g.parentId && byId.get(g.parentId) ? <Link to={`/groups/${g.parentId}`}>{byId.get(g.parentId)!.name}</Link> : '') },
            { key: 'commissioner', header: 'Commissioner', cell: (g) => g.commissionerCode ?? '' },
          ];
          const kinds = kindOrder.filter((kind) => data.items.some((g) => g.kind === kind));
          if (!kinds.length) return <p className="nhsuk-body">No groups have been set up yet.</p>;
          return [<ExportLinks key="export" base="/api/groups/export" noun="the groups" />, ...kinds.map((kind) => (
            <section key={kind} aria-labelledby={`kind-${kind}`}>
              <h2 id={`kind-${kind}`}>{plural[kind]}</h2>
              <DataTable caption={plural[kind]} captionHidden columns={columns} rows={data.items.filter((g) => g.kind === kind)} rowKey={(g) => g.id} />
            </section>
          ))];
        }}
      </Loaded>
    </>
  );
}
