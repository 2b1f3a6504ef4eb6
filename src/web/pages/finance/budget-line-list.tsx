import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import type { Page } from '../../api/types.js';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { ApiErrorPanel } from '../../components/page-states.js';
import { type FormField, RecordForm } from '../../components/record-form.js';
import { financeReports } from './finance-fields.js';
import { changeAndRemoveColumn } from './change-column.js';
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
  /** The record resource, e.g. "running-costs" (/api/running-costs). */
  resource: string;
  year: string;
  sort: string;
  heading: string;
  caption: string;
  empty: string;
  /** The columns before the line and its amount… */
  columns: Column<T>[];
  /** …and after them, before the buttons. */
  after?: Column<T>[];
  /** The change form's inputs (the amount's hint says which reports it feeds). */
  fields: FormField[];
  /** What removing the line takes out of the year, in a sentence. */
  consequence(line: T): string;
}

/**
 * A year's budget lines as records, each with a button to change it and one to remove it (admins):
 * with the form below, a single total can be broken into lines. A line someone else changed since
 * the page loaded is neither changed nor removed; the page says so.
 */
export function BudgetLineList<T extends BudgetLineRecord>({ id, resource, year, sort, heading, caption, empty, columns, after = [], fields, consequence }: BudgetLineListProps<T>) {
  const path = `/api/${resource}`;
  const lines = useApiQuery<Page<T>>(`${path}?financialYear=${encodeURIComponent(year)}&pageSize=200&sort=${sort}`);
  const remove = useApiMutation<T>((line) => ({ method: 'DELETE', path: `${path}/${line.id}?rowVersion=${line.rowVersion}` }), [...financeReports, path]);
  const [editing, setEditing] = useState<number | null>(null);
  const removal = useRemoveQuestion<T>({ id: `remove-${resource}`, remove, name: (l) => l.line, consequence: (l) => `${consequence(l)} The audit log keeps a record.`, onDone: () => setEditing(null) });
  const rows = lines.data?.items ?? [];
  const chosen = rows.find((r) => r.id === editing);
  const all: Column<T>[] = [
    ...columns,
    { key: 'line', header: 'Line', cell: (l) => l.line },
    { key: 'amount', header: 'Amount', numeric: true, pence: (l) => l.amountPence },
    ...after,
    changeAndRemoveColumn<T>({ name: (l) => l.line, change: (l) => setEditing(l.id), remove: removal.ask, removing: remove.isPending }),
  ];
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {remove.error ? <ApiErrorPanel error={remove.error} /> : null}
      {removal.question}
      {lines.data ? <DataTable caption={caption} captionHidden columns={all} rows={rows} rowKey={(l) => l.id} empty={empty} /> : null}
      {chosen ? (
        <>
          <RecordForm<T>
            key={chosen.id}
            resource={resource}
            id={`change-${resource}`}
            headingLevel="h3"
            heading={`Change “${chosen.line}”`}
            focusOnOpen
            fields={fields}
            record={chosen}
            submitLabel="Save the line"
            saved={(r) => `Saved ${r.line}. The I&E above includes the change.`}
            invalidates={financeReports}
          />
          <p className="nhsuk-body">
            <Button type="button" secondary onClick={() => setEditing(null)}>
              Close without saving
            </Button>
          </p>
        </>
      ) : null}
    </section>
  );
}
