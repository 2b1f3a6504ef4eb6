import { Heading, Select, TextInput } from 'nhsuk-react-components';
import { Link } from 'react-router';
import { practiceLabels } from '../../../domain/registry/practice-labels.js';
import type { PracticeOverview } from '../../api/types.js';
import type { Column } from '../../components/data-table.js';
import { FilterActions, FilterCheckbox, useFilterForm } from '../../components/filter-actions.js';
import { usePageTitle } from '../../components/page-states.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { StatusTag } from '../../components/summary-rows.js';
import { formatDate, formatNumber } from '../../format/format.js';

const filterNames = ['q', 'status', 'commissioner', 'pcn', 'locality', 'gpPractice'] as const;
/** GP practices only unless the box is cleared (then the address says gpPractice=any). */
const defaults = { gpPractice: 'true' };

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

type Filters = Record<(typeof filterNames)[number], string>;

function FilterForm({ initial, onApply }: { initial: Filters; onApply(values: Filters): void }) {
  const { values, setValues, set, submit } = useFilterForm(initial, onApply);
  return (
    <form className="app-filters" onSubmit={submit} role="search" aria-label="Filter practices">
      <TextInput id="q" name="q" label="Search" hint="Part of a name, locality or postcode" width={30} value={values.q} onChange={set('q')} />
      <div className="app-filters__row">
        <Select id="status" name="status" label="Status" value={values.status} onChange={set('status')}>
          <Select.Option value="">Any status</Select.Option>
          <Select.Option value="active">Active</Select.Option>
          <Select.Option value="closed">Closed</Select.Option>
          <Select.Option value="dormant">Dormant</Select.Option>
          <Select.Option value="proposed">Proposed</Select.Option>
        </Select>
        <TextInput id="commissioner" name="commissioner" label="Sub-ICB code" width={5} code value={values.commissioner} onChange={set('commissioner')} />
        <TextInput id="pcn" name="pcn" label="PCN code" width={10} code value={values.pcn} onChange={set('pcn')} />
        <TextInput id="locality" name="locality" label="Locality" width={20} value={values.locality} onChange={set('locality')} />
      </div>
      <FilterCheckbox id="gp-only" label="GP practices only" checked={values.gpPractice === 'true'} onChange={(checked) => setValues((v) => ({ ...v, gpPractice: checked ? 'true' : 'any' }))} />
      <FilterActions />
    </form>
  );
}

/** The registry: every practice imported from ODS, searchable, filterable, sortable and paged on the server. */
export function PracticesListPage() {
  usePageTitle('Practices');
  const list = useListParams(filterNames, defaults);
  const initial = Object.fromEntries(filterNames.map((n) => [n, list.filters[n] ?? ''])) as Filters;
  // Field filters as the API names them; "any" means no GP-practice filter.
  const { gpPractice, ...rest } = list.filters;
  const apiFilters = gpPractice && gpPractice !== 'any' ? { ...rest, gpPractice } : rest;
  const applyFilters = (values: Filters) => list.setFilters({ ...values, gpPractice: values.gpPractice === 'true' ? '' : 'any' });
  return (
    <>
      <Heading headingLevel="h1">Practices</Heading>
      <p className="nhsuk-body">Practices from the NHS registry files (ODS), with their latest list size.</p>
      <FilterForm key={list.params.toString()} initial={initial} onApply={applyFilters} />
      <RecordTable
        resource="practices"
        caption="Practices"
        captionHidden
        columns={columns}
        rowKey={(p) => p.odsCode}
        filters={apiFilters}
        sort={list.sort}
        page={list.page}
        pageSize={list.pageSize}
        onSort={list.toggleSort}
        hrefForPage={(page) => list.hrefWith({ page: page === 1 ? undefined : page })}
        noun="practices"
      />
    </>
  );
}
