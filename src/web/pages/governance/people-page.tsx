import { Link } from 'react-router';
import { useScrollToHash } from '../../components/scroll-to-hash.js';
import { isAdmin, useUser } from '../../auth/session.js';
import type { Column } from '../../components/data-table.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { GovernancePage } from './governance-nav.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { personFields } from './person-fields.js';
import { RecordHistory } from './record-history.js';
import { RouteRecord } from './route-record.js';
import type { Person } from './types.js';

const columns: Column<Person>[] = [
  { key: 'name', header: 'Name', sortable: true, cell: (p) => <Link to={`/governance/people/${p.id}`}>{p.name}</Link> },
  { key: 'initials', header: 'Initials', sortable: true, cell: (p) => p.initials },
  { key: 'jobTitle', header: 'Job title', sortable: true, cell: (p) => p.jobTitle },
  { key: 'organisation', header: 'Organisation', sortable: true, cell: (p) => p.organisation },
  { key: 'email', header: 'Email', sortable: true, cell: (p) => p.email },
];

/** The people registers and plans name as owners, by name or initials. */
export function PeoplePage() {
  const user = useUser();
  const list = useListParams(['q']);
  // Arrived from "Add RB on the People page": the form starts with what the owner text gave.
  const asked = { name: list.params.get('name') ?? '', initials: list.params.get('initials') ?? '' };
  const fields = personFields.map((f) => (asked[f.name as keyof typeof asked] ? { ...f, initial: asked[f.name as keyof typeof asked] } : f));
  useScrollToHash(true);
  return (
    <GovernancePage title="People">
      <p className="nhsuk-body">Owners of risks, actions and policies are written as initials or names (“JW”, “GC/RB”) and linked to the people here.</p>
      <RecordTable resource="people" caption="People" captionHidden columns={columns} rowKey={(p) => p.id} filters={list.filters} sort={list.sort} page={list.page} onSort={list.toggleSort} hrefForPage={(page) => list.hrefWith({ page })} noun="people" />
      {isAdmin(user) ? <GovernanceRecordForm<Person> resource="people" id="add-person" heading={asked.initials && !asked.name ? `Add ${asked.initials}` : 'Add a person'} fields={fields} submitLabel="Add person" saved={(p) => `Added ${p.name}.`} /> : null}
    </GovernancePage>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const user = useUser();
  return (
    <GovernancePage title={person.name} crumbs={[{ to: '/governance/people', text: 'People' }]}>
      {isAdmin(user) ? <GovernanceRecordForm<Person> resource="people" id="edit-person" heading="Change details" fields={personFields} record={person} submitLabel="Save changes" saved={(p) => `Saved ${p.name}.`} /> : <p className="nhsuk-body">{[person.initials, person.jobTitle, person.organisation, person.email].filter(Boolean).join(' · ')}</p>}
      <RecordHistory resource="people" id={person.id} />
    </GovernancePage>
  );
}

export const PersonPage = () => <RouteRecord<Person> resource="people" what="person">{(data) => <PersonDetails person={data} />}</RouteRecord>;
