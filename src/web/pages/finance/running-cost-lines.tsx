import { Button } from 'nhsuk-react-components';
import type { Page } from '../../api/types.js';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { ApiErrorPanel } from '../../components/page-states.js';
import { formatPence } from '../../../domain/schemes/format-money.js';

interface RunningCostRecord {
  id: number;
  category: string;
  line: string;
  amountPence: number;
  rowVersion: number;
}

/**
 * The year's running-cost lines as records, each with a button to remove it (admins): with the
 * form below, a single total can be broken into budget lines. A line someone else changed since
 * the page loaded is not removed; the page says so.
 */
export function RunningCostLines({ year }: { year: string }) {
  const lines = useApiQuery<Page<RunningCostRecord>>(`/api/running-costs?financialYear=${encodeURIComponent(year)}&pageSize=200&sort=category`);
  const remove = useApiMutation<RunningCostRecord>((line) => ({ method: 'DELETE', path: `/api/running-costs/${line.id}?rowVersion=${line.rowVersion}` }), ['/api/finance', '/api/running-costs']);
  const columns: Column<RunningCostRecord>[] = [
    { key: 'category', header: 'Budget line', cell: (l) => l.category },
    { key: 'line', header: 'Line', cell: (l) => l.line },
    { key: 'amount', header: 'Amount', numeric: true, cell: (l) => formatPence(l.amountPence) },
    {
      key: 'remove',
      header: 'Action',
      cell: (l) => (
        <Button type="button" secondary className="nhsuk-u-margin-bottom-0" disabled={remove.isPending} onClick={() => remove.mutate(l)}>
          Remove<span className="nhsuk-u-visually-hidden"> {l.line}</span>
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby="edit-costs-heading">
      <h3 id="edit-costs-heading">Change the running-cost lines for {year}</h3>
      {remove.error ? <ApiErrorPanel error={remove.error} /> : null}
      {lines.data ? <DataTable caption={`Running-cost lines ${year}`} captionHidden columns={columns} rows={lines.data.items} rowKey={(l) => l.id} empty="No running-cost lines yet." /> : null}
    </section>
  );
}
