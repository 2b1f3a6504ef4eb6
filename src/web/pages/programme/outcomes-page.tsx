import { Heading } from 'nhsuk-react-components';
import type { Page } from '../../api/types.js';
import { useApiQuery } from '../../api/use-api.js';
import type { Column } from '../../components/data-table.js';
import { usePageTitle } from '../../components/page-states.js';
import { RecordTable, useListParams } from '../../components/record-table.js';
import { formatDate } from '../../format/format.js';
import { ProgrammeNav } from './programme-tags.js';
import type { StpDeliverable, StpOutcome } from './types.js';

/** The STP outcomes: what each deliverable should change, from its baseline to its target, and where it stands. */
export function OutcomesPage() {
  usePageTitle('STP outcomes');
  const list = useListParams([]);
  const deliverables = useApiQuery<Page<StpDeliverable>>('/api/stp-deliverables?pageSize=1000');
  const refOf = new Map((deliverables.data?.items ?? []).map((d) => [d.id, d.ref]));
  const columns: Column<StpOutcome>[] = [
    { key: 'deliverableId', header: 'Deliverable', sortable: true, nowrap: true, cell: (o) => refOf.get(o.deliverableId) ?? '' },
    { key: 'workArea', header: 'Work area', sortable: true, cell: (o) => o.workArea },
    { key: 'descriptor', header: 'Outcome', long: true, cell: (o) => o.descriptor },
    { key: 'baseline', header: 'Baseline', cell: (o) => o.baseline ?? '' },
    { key: 'target', header: 'Target', cell: (o) => o.target ?? '' },
    { key: 'currentPosition', header: 'Current position', long: true, cell: (o) => o.currentPosition ?? '' },
    { key: 'positionDate', header: 'Position at', sortable: true, nowrap: true, cell: (o) => (o.positionDate ? formatDate(o.positionDate) : 'Not dated') },
  ];
  return (
    <>
      <Heading headingLevel="h1">STP outcomes</Heading>
      <ProgrammeNav />
      <RecordTable<StpOutcome>
        resource="stp-outcomes"
        caption="STP outcomes"
        captionHidden
        columns={columns}
        rowKey={(o) => o.id}
        filters={{}}
        sort={list.sort}
        page={list.page}
        onSort={list.toggleSort}
        hrefForPage={(page) => list.hrefWith({ page })}
        noun="outcomes"
      />
    </>
  );
}
