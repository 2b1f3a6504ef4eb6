import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../api/types.js';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { ApiErrorPanel } from '../../components/page-states.js';
import type { FormField } from '../../components/record-form.js';
import { RecordForm } from '../../components/record-form.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import type { Scheme } from '../schemes/types.js';
import { useRemoveQuestion } from './remove-question.js';
import { financeReports } from './finance-fields.js';

/** The schemes of the schemes engine, to link a stream or an I&E line to. */
export function useSchemes() {
  return useApiQuery<Page<Scheme>>('/api/schemes?pageSize=1000&sort=name').data?.items ?? [];
}

/** A select of the schemes, with "none" first (saving "none" removes the link). */
export const schemeLinkField = (schemes: readonly Scheme[], label: string, hint: string): FormField => ({
  name: 'schemeId',
  label,
  hint,
  kind: 'select',
  options: [{ value: '', label: 'None' }, ...schemes.map((s) => ({ value: String(s.id), label: s.name }))],
});

/** "Pays for Winter access scheme 2017/18" as a link to the scheme, or nothing. */
export function LinkedScheme({ schemeId, schemes, lead }: { schemeId: number | null; schemes: readonly Scheme[]; lead?: string }) {
  const scheme = schemes.find((s) => s.id === schemeId);
  if (!scheme) return null;
  const link = <Link to={`/schemes/${scheme.id}`}>{scheme.name}</Link>;
  return lead ? (
    <>
      {lead} {link}
    </>
  ) : (
    link
  );
}

interface IeLineRecord {
  id: number;
  section: string;
  line: string;
  amountPence: number;
  schemeId: number | null;
  rowVersion: number;
}

/**
 * The year's income lines (admins), each with the scheme whose fee it is: linking a line puts the
 * fee the schemes engine works out beside the planned figure (a scheme is the fee of one line only).
 * A line can be removed; one someone else changed since the page loaded is not, and the page says so.
 */
export function IncomeLineTable({ year }: { year: string }) {
  const lines = useApiQuery<Page<IeLineRecord>>(`/api/ie-lines?financialYear=${encodeURIComponent(year)}&pageSize=200&sort=position`);
  const remove = useApiMutation<IeLineRecord>((line) => ({ method: 'DELETE', path: `/api/ie-lines/${line.id}?rowVersion=${line.rowVersion}` }), [...financeReports, '/api/ie-lines']);
  const schemes = useSchemes();
  const [editing, setEditing] = useState<number | null>(null);
  const removal = useRemoveQuestion<IeLineRecord>({
    id: 'remove-income-line',
    remove,
    name: (l) => l.line,
    consequence: (l) => `Its ${formatPence(l.amountPence)} of ${l.section} income comes out of ${year} at once: the I&E and the cash flow change with it. The audit log keeps a record.`,
    onDone: () => setEditing(null),
  });
  const rows = lines.data?.items ?? [];
  const chosen = rows.find((r) => r.id === editing);
  const columns: Column<IeLineRecord>[] = [
    { key: 'line', header: 'Income line', cell: (l) => l.line },
    { key: 'section', header: 'Section', cell: (l) => (l.section === 'secured' ? 'Secured' : 'Potential') },
    { key: 'amount', header: 'Planned', numeric: true, cell: (l) => formatPence(l.amountPence) },
    { key: 'scheme', header: 'Fee of the scheme', cell: (l) => <LinkedScheme schemeId={l.schemeId} schemes={schemes} /> },
    {
      key: 'action',
      header: 'Action',
      cell: (l) => (
        <div className="app-finance-actions">
          <Button type="button" secondary className="nhsuk-u-margin-bottom-0" onClick={() => setEditing(l.id)}>
            Change scheme<span className="nhsuk-u-visually-hidden"> of {l.line}</span>
          </Button>
          <Button type="button" secondary className="nhsuk-u-margin-bottom-0" disabled={remove.isPending} onClick={() => removal.ask(l)}>
            Remove<span className="nhsuk-u-visually-hidden"> {l.line}</span>
          </Button>
        </div>
      ),
    },
  ];
  return (
    <section aria-labelledby="scheme-links-heading">
      <h3 id="scheme-links-heading">Change the income lines for {year}</h3>
      {remove.error ? <ApiErrorPanel error={remove.error} /> : null}
      {removal.question}
      <DataTable caption={`Income lines ${year} and the scheme whose fee each is`} captionHidden columns={columns} rows={rows} rowKey={(r) => r.id} empty="No income lines this year." />
      {chosen ? (
        <RecordForm<IeLineRecord>
          key={chosen.id}
          resource="ie-lines"
          id="link-scheme"
          headingLevel="h3"
          heading={`The scheme whose fee is “${chosen.line}”`}
          fields={[schemeLinkField(schemes, 'Scheme', 'The I&E then shows the fee the schemes engine works out from delivered activity beside the planned figure')]}
          record={chosen}
          submitLabel="Save the link"
          saved={(r) => `Saved the scheme of ${r.line}.`}
          invalidates={[...financeReports, '/api/ie-lines']}
        />
      ) : null}
    </section>
  );
}
