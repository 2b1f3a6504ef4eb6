import { Button, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { queryString } from '../../api/client.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { Loaded } from '../../components/page-states.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { GovernancePage } from './governance-nav.js';
import { policyFields, policyKindLabels } from './policy-fields.js';
import { GovernanceRecordForm } from './governance-record-form.js';
import { useMemberPractices } from './member-practices.js';
import { reviewText } from './risks-page.js';
import type { Policy } from './types.js';

type PolicyRow = Pick<Policy, 'id' | 'title' | 'kind' | 'version' | 'reviewDate'> & Partial<Policy>;

const columns: Column<PolicyRow>[] = [
  { key: 'title', header: 'Title', sortable: true, cell: (p) => <Link to={`/governance/policies/${p.id}`}>{p.title}</Link> },
  { key: 'kind', header: 'Kind', sortable: true, cell: (p) => policyKindLabels[p.kind] },
  { key: 'version', header: 'Version', sortable: true, cell: (p) => p.version },
  { key: 'ownerText', header: 'Owner', sortable: true, cell: (p) => p.ownerText },
  { key: 'reviewDate', header: 'Review date', sortable: true, nowrap: true, cell: (p) => reviewText(p.reviewDate) },
];

/** Full-text search results, best match first. */
function SearchResults({ q }: { q: string }) {
  const results = useApiQuery<{ items: PolicyRow[] }>(`/api/policies/search${queryString({ q })}`);
  return (
    <Loaded query={results} what="search results">
      {(data) => <DataTable caption={`Documents matching “${q}”`} columns={columns.filter((c) => c.key !== 'ownerText').map((c) => ({ ...c, sortable: false }))} rows={data.items} rowKey={(p) => p.id} empty={`No documents match “${q}”.`} compact />}
    </Loaded>
  );
}

/** The library of policies, protocols and templates: search, review dates (overdue ones marked), and adding one. */
export function PoliciesPage() {
  const user = useUser();
  const list = useListParams(['kind']);
  const search = list.params.get('search') ?? '';
  const [text, setText] = useState(search);
  function submit(event: FormEvent) {
    event.preventDefault();
    list.setFilters({ ...list.filters, search: text.trim() });
  }
  return (
    <GovernancePage title="Policies and documents">
      <form onSubmit={submit} role="search" className="nhsuk-u-margin-bottom-4">
        <TextInput id="policy-search" name="policy-search" label="Search titles and descriptions" hint="Words are matched in any form: “acknowledging” finds “acknowledge”" width={30} value={text} onChange={(e) => setText(e.target.value)} />
        <Button type="submit" secondary>
          Search
        </Button>
      </form>
      {search ? <SearchResults q={search} /> : <RecordTable resource="policies" caption="Documents" captionHidden columns={columns} rowKey={(p) => p.id} filters={list.filters} sort={list.sort} page={list.page} onSort={list.toggleSort} hrefForPage={(page) => list.hrefWith({ page })} noun="documents" />}
      {isAdmin(user) ? <AddPolicyForm /> : null}
    </GovernancePage>
  );
}

/** A new document, with the member practices to tick that must acknowledge it. */
function AddPolicyForm() {
  const practices = useMemberPractices();
  if (!practices.loaded) return null;
  return <GovernanceRecordForm<Policy> resource="policies" id="add-policy" heading="Add a document" fields={policyFields(practices.choices)} submitLabel="Add document" saved={(p) => `Added ${p.title}. Open it to upload its file.`} />;
}
