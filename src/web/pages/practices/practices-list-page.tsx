import { Heading, Select, TextInput } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { practiceLabels } from '../../../domain/registry/practice-labels.js';
import type { Group, Page, PracticeOverview } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import type { Column } from '../../components/data-table.js';
import { FilterActions, useFilterForm } from '../../components/filter-actions.js';
import { ApiErrorPanel, LoadingPanel, usePageTitle } from '../../components/page-states.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { StatusTag } from '../../components/summary-rows.js';
import { formatDate, formatNumber } from '../../format/format.js';
import { useHomeFederation } from '../groups/home-federation.js';
import { addressFilterNames, type AddressFilters, addressOf, apiFiltersOf, localityOptions, type Scope, scopeOf, scopeOptions } from './practice-list-scope.js';

const columns: Column<PracticeOverview>[] = [
  { key: 'odsCode', header: 'ODS code', sortable: true, nowrap: true, cell: (p) => p.odsCode },
  { key: 'name', header: 'Name', sortable: true, cell: (p) => <Link to={`/practices/${encodeURIComponent(p.odsCode)}`}>{p.displayName}</Link> },
  { key: 'status', header: 'Status', sortable: true, cell: (p) => <StatusTag status={p.status} /> },
  { key: 'commissioner', header: practiceLabels.commissionerCode, sortable: true, nowrap: true, cell: (p) => p.commissionerCode ?? '' },
  { key: 'pcn', header: 'PCN', sortable: true, cell: (p) => p.pcnName ?? p.pcnCode ?? '' },
  { key: 'locality', header: 'Locality', sortable: true, cell: (p) => p.locality ?? '' },
  { key: 'listSize', header: 'List size', sortable: true, numeric: true, cell: (p) => formatNumber(p.listSize) },
  { key: 'listSizeDate', header: 'List size date', sortable: true, nowrap: true, cell: (p) => formatDate(p.listSizeDate) },
];

type FormValues = Required<AddressFilters> & { scope: Scope };

const statusOptions = [
  ['active', 'Active'],
  ['closed', 'Closed'],
  ['dormant', 'Dormant'],
  ['proposed', 'Proposed'],
  ['any', 'Any status'],
] as const;

function FilterForm({ initial, groups, onApply }: { initial: FormValues; groups: Group[]; onApply(values: FormValues): void }) {
  const { values, setValues, set, submit } = useFilterForm(initial, onApply);
  const localities = localityOptions(groups, values.scope);
  // A locality of the group chosen before is no choice once another group is chosen.
  const chooseScope = (scope: Scope) => setValues((v) => ({ ...v, scope, inLocality: localityOptions(groups, scope).some((l) => l.value === v.inLocality) ? v.inLocality : '' }));
  return (
    <form className="app-filters" onSubmit={submit} role="search" aria-label="Filter practices">
      <TextInput id="q" name="q" label="Search" hint="Part of a name, locality or postcode" width={30} value={values.q} onChange={set('q')} />
      <div className="app-filters__row">
        <Select id="scope" name="scope" label="Show" value={values.scope} onChange={(e) => chooseScope(e.target.value as Scope)}>
          {scopeOptions(groups, values.scope).map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.text}
            </Select.Option>
          ))}
        </Select>
        <Select id="status" name="status" label="Status" value={values.status} onChange={set('status')}>
          {statusOptions.map(([value, text]) => (
            <Select.Option key={value} value={value}>
              {text}
            </Select.Option>
          ))}
        </Select>
        {localities.length ? (
          <Select id="inLocality" name="inLocality" label="Locality" value={values.inLocality} onChange={set('inLocality')}>
            <Select.Option value="">Any locality</Select.Option>
            {localities.map((o) => (
              <Select.Option key={o.value} value={o.value}>
                {o.text}
              </Select.Option>
            ))}
          </Select>
        ) : null}
        <TextInput id="commissioner" name="commissioner" label="Sub-ICB code" width={5} code value={values.commissioner} onChange={set('commissioner')} />
        <TextInput id="pcn" name="pcn" label="PCN" hint="Its code, or part of its name" width={10} value={values.pcn} onChange={set('pcn')} />
      </div>
      <FilterActions />
    </form>
  );
}

/**
 * The registry, opening on what a federation works with: its member practices that are open (every
 * open GP practice where there is no federation). A national ODS file brings every prescribing cost
 * centre in England, so everything else is a choice away. Searchable, sortable and paged on the server.
 */
export function PracticesListPage() {
  usePageTitle('Practices');
  const list = useListParams(addressFilterNames);
  const groupsQuery = useApiQuery<Page<Group>>('/api/groups?pageSize=1000&sort=name');
  const groups = groupsQuery.data?.items;
  const home = useHomeFederation((groups ?? []).filter((g) => g.kind === 'federation'));
  const filters = list.filters as AddressFilters;
  return (
    <>
      <Heading headingLevel="h1">Practices</Heading>
      <p className="nhsuk-body">Practices from the NHS registry files (ODS), with their latest list size. Where there is a federation, the list opens on its member practices that are open; Show also offers all GP practices, and everything in the registry (every prescribing cost centre the ODS file lists).</p>
      {groupsQuery.error ? <ApiErrorPanel error={groupsQuery.error} /> : null}
      {groups && home.loaded ? (
        <>
          <FilterForm
            key={list.params.toString()}
            groups={groups}
            initial={{ ...Object.fromEntries(addressFilterNames.map((n) => [n, filters[n] ?? ''])), status: filters.status ?? 'active', scope: scopeOf(filters, groups, home.federation) } as FormValues}
            onApply={(values) => list.setFilters(addressOf(values) as Record<string, string>)}
          />
          <RecordTable
            resource="practices"
            caption="Practices"
            captionHidden
            columns={columns}
            rowKey={(p) => p.odsCode}
            filters={apiFiltersOf(filters, groups, home.federation)}
            sort={list.sort}
            page={list.page}
            pageSize={list.pageSize}
            onSort={list.toggleSort}
            hrefForPage={(page) => list.hrefWith({ page: page === 1 ? undefined : page })}
            noun="practices"
          />
        </>
      ) : groupsQuery.isPending || !home.loaded ? (
        <LoadingPanel what="practices" />
      ) : null}
    </>
  );
}
