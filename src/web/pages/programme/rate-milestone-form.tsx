import { Button, Select, Textarea } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatList } from '../../format/format.js';
import type { StpGridData } from './types.js';

type Cell = NonNullable<StpGridData['rows'][number]['cells'][string]>;

/** What the form shows for a milestone: its stored rating, reason and evidence; an unrated one starts "Not rated", so a rating is chosen, never saved by a click on a default. */
const valuesOf = (cell: Cell | undefined) => ({ rag: cell?.rag ?? '', reason: cell?.reason ?? '', evidence: cell?.evidence ?? '' });

/**
 * Rates one milestone of the grid (admins) and says why it stands so (e.g. why it slipped) and
 * what shows it, with the version read so a stale rating is refused.
 */
export function RateMilestoneForm({ grid }: { grid: StpGridData }) {
  // A row of the plan can hold two actions ("N1.1;N1.2" as stored): named as people read them, "N1.1 and N1.2".
  const cells = grid.rows.flatMap((r) => grid.periods.flatMap((p) => (r.cells[p.label] ? [{ label: `${formatList(r.actions.map((a) => a.ref))} – ${p.label}`, cell: r.cells[p.label]! }] : [])));
  const [id, setId] = useState(String(cells[0]?.cell.id ?? ''));
  const chosen = cells.find((c) => String(c.cell.id) === id);
  const [values, setValues] = useState(() => valuesOf(chosen?.cell));
  const form = useApiForm<{ id: string; rag: string | null; reason: string | null; evidence: string | null; rowVersion: number }>(({ id: milestoneId, ...body }) => ({ method: 'PATCH', path: `/api/stp-milestones/${milestoneId}`, body }), {
    invalidates: ['/api/programme/stp-grid', '/api/stp-milestones'],
    fields: { reason: { id: 'milestone-reason', label: 'Reason' }, evidence: { id: 'milestone-evidence', label: 'Evidence' } },
  });
  function choose(milestoneId: string) {
    setId(milestoneId);
    setValues(valuesOf(cells.find((c) => String(c.cell.id) === milestoneId)?.cell));
  }
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) form.submit({ id, rag: values.rag || null, reason: values.reason.trim() || null, evidence: values.evidence.trim() || null, rowVersion: chosen.cell.rowVersion ?? 1 });
  }
  if (!cells.length) return null;
  return (
    <form className="app-panel" onSubmit={submit} noValidate aria-label="Rate a milestone">
      <h2 className="nhsuk-heading-s">Rate a milestone</h2>
      <SuccessBanner id="milestone-rated" count={form.successes}>
        Rating saved for {chosen?.label}.
      </SuccessBanner>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} title={form.conflict ? 'Someone else rated this milestone first: reload the page and try again' : 'The rating was not saved'} />
      <div className="app-inline-form">
        <Select id="milestone" name="milestone" label="Milestone" value={id} onChange={(e) => choose(e.target.value)}>
          {cells.map((c) => (
            <Select.Option key={c.cell.id} value={String(c.cell.id)}>
              {c.label}
            </Select.Option>
          ))}
        </Select>
        <Select id="milestone-rag" name="rag" label="Rating (red, amber or green)" value={values.rag} onChange={set('rag')}>
          <Select.Option value="">Not rated</Select.Option>
          <Select.Option value="red">Red</Select.Option>
          <Select.Option value="amber">Amber</Select.Option>
          <Select.Option value="green">Green</Select.Option>
        </Select>
      </div>
      <Textarea id="milestone-reason" name="reason" label="Reason (optional)" hint="Why it stands as rated, for example why it slipped" rows={2} value={values.reason} onChange={set('reason')} error={form.fieldError('milestone-reason')} />
      <Textarea id="milestone-evidence" name="evidence" label="Evidence (optional)" hint="What shows it, for example a report or the board minutes that record it" rows={2} value={values.evidence} onChange={set('evidence')} error={form.fieldError('milestone-evidence')} />
      <Button type="submit" secondary disabled={form.pending}>
        Save rating
      </Button>
    </form>
  );
}
