import { Button, Select } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import type { StpGridData } from './types.js';

/** Sets the RAG rating of one milestone of the grid (admins), with the version read so a stale rating is refused. */
export function RateMilestoneForm({ grid }: { grid: StpGridData }) {
  const cells = grid.rows.flatMap((r) => grid.periods.flatMap((p) => (r.cells[p.label] ? [{ label: `${r.actionRefs} – ${p.label}`, cell: r.cells[p.label]! }] : [])));
  const [id, setId] = useState(String(cells[0]?.cell.id ?? ''));
  const [rag, setRag] = useState('green');
  const form = useApiForm<{ id: string; rag: string | null; rowVersion: number }>(({ id: milestoneId, ...body }) => ({ method: 'PATCH', path: `/api/stp-milestones/${milestoneId}`, body }), {
    invalidates: ['/api/programme/stp-grid'],
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = cells.find((c) => String(c.cell.id) === id);
    if (chosen) form.submit({ id, rag: rag || null, rowVersion: chosen.cell.rowVersion ?? 1 });
  }
  if (!cells.length) return null;
  return (
    <form className="app-panel" onSubmit={submit} noValidate aria-label="Rate a milestone">
      <h2 className="nhsuk-heading-s">Rate a milestone</h2>
      <SuccessBanner id="milestone-rated" count={form.successes}>
        Rating saved for {cells.find((c) => String(c.cell.id) === id)?.label}.
      </SuccessBanner>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} title={form.conflict ? 'Someone else rated this milestone first: reload the page and try again' : 'The rating was not saved'} />
      <div className="app-inline-form">
        <Select id="milestone" name="milestone" label="Milestone" value={id} onChange={(e) => setId(e.target.value)}>
          {cells.map((c) => (
            <Select.Option key={c.cell.id} value={String(c.cell.id)}>
              {c.label}
            </Select.Option>
          ))}
        </Select>
        <Select id="milestone-rag" name="rag" label="RAG" value={rag} onChange={(e) => setRag(e.target.value)}>
          <Select.Option value="red">Red</Select.Option>
          <Select.Option value="amber">Amber</Select.Option>
          <Select.Option value="green">Green</Select.Option>
          <Select.Option value="">Not rated</Select.Option>
        </Select>
        <Button type="submit" secondary disabled={form.pending}>
          Save rating
        </Button>
      </div>
    </form>
  );
}
