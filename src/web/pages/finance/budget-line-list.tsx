import { Button } from 'nhsuk-react-components';
import type { Page } from '../../api/types.js';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { ApiErrorPanel } from '../../components/page-states.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { useRemoveQuestion } from './remove-question.js';

/** What every budget line has: a running cost or an I&E income line. */
export interface BudgetLineRecord {
  id: number;
  line: string;
  amountPence: number;
  rowVersion: number;
}

interface BudgetLineListProps<T extends BudgetLineRecord> {
  /** The id of the heading, which names the section. */
  id: string;
  /** The record route, e.g. /api/running-costs. */
  path: string;
  year: string;
  sort: string;
  heading: string;
  caption: string;
  empty: string;
  /** The columns before the line, its amount and the button. */
  columns: Column<T>[];
}

/**
 * A year's budget lines as records, each with a button to remove it (admins): with the form below,
 * a single total can be broken into lines. A line someone else changed since the page loaded is not
 * removed; the page says so.
 */
export function BudgetLineList<T extends BudgetLineRecord>({ id, path, year, sort, heading, caption, empty, columns }: BudgetLineListProps<T>) {
  const lines = useApiQuery<Page<T>>(`${path}?financialYear=${encodeURIComponent(year)}&pageSize=200&sort=${sort}`);
  const remove = useApiMutation<T>((line) => ({ method: 'DELETE', path: `${path}/${line.id}?rowVersion=${line.rowVersion}` }), ['/api/finance', path]);
  const removal = useRemoveQuestion<T>({
    id: `remove-${path.split('/').pop()}`,
    remove,
    name: (l) => l.line,
    consequence: (l) => `Its ${formatPence(l.amountPence)} comes out of ${year} at once: the I&E and the cash flow change with it. The audit log keeps a record.`,
  });
  const all: Column<T>[] = [
    ...columns,
    { key: 'line', header: 'Line', cell: (l) => l.line },
    { key: 'amount', header: 'Amount', numeric: true, cell: (l) => formatPence(l.amountPence) },
    {
      key: 'remove',
      header: 'Action',
      cell: (l) => (
        <Button type="button" secondary className="nhsuk-u-margin-bottom-0" disabled={remove.isPending} onClick={() => removal.ask(l)}>
          Remove<span className="nhsuk-u-visually-hidden"> {l.line}</span>
        </Button>
      ),
    },
  ];
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {remove.error ? <ApiErrorPanel error={remove.error} /> : null}
      {removal.question}
      {lines.data ? <DataTable caption={caption} captionHidden columns={all} rows={lines.data.items} rowKey={(l) => l.id} empty={empty} /> : null}
    </section>
  );
}
