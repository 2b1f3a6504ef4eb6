import { Button } from 'nhsuk-react-components';
import { useState } from 'react';
import type { Page } from '../../api/types.js';
import { useApiMutation, useApiQuery } from '../../api/use-api.js';
import { ApiErrorPanel } from '../../components/page-states.js';
import { type FormField, RecordForm } from '../../components/record-form.js';
import { useRemoveQuestion } from '../finance/remove-question.js';
import type { Indicator } from './types.js';

interface ThresholdRow {
  id: number;
  indicatorCode: string;
  minimum: number | null;
  target: number | null;
  note: string | null;
  rowVersion: number;
}

/** Admins: set, change or remove an indicator's minimum and target, in the indicator's own unit. */
export function ThresholdForm({ indicator }: { indicator: Indicator }) {
  const stored = useApiQuery<Page<ThresholdRow>>(`/api/thresholds?indicatorCode=${encodeURIComponent(indicator.code)}&pageSize=1`);
  const remove = useApiMutation<ThresholdRow>((row) => ({ method: 'DELETE', path: `/api/thresholds/${row.id}?rowVersion=${row.rowVersion}` }), ['/api/thresholds', '/api/quality']);
  // Emptied once the thresholds are removed; otherwise one form, which takes a newer version of the record itself, so its "Saved" banner stays.
  const [removals, setRemovals] = useState(0);
  const removal = useRemoveQuestion<ThresholdRow>({ id: 'remove-threshold', remove, name: () => `the thresholds for ${indicator.name}`, consequence: () => 'No practice is then judged against a minimum or target for it. The audit log keeps a record.', onRemoved: () => setRemovals((n) => n + 1) });
  if (!stored.data) return null;
  const record = stored.data.items[0];
  const unit = indicator.unit === 'proportion' ? 'a percentage, for example 12.5' : `in the indicator’s unit (${indicator.unit.replaceAll('_', ' ')})`;
  const fields: FormField[] = [
    { name: 'minimum', label: indicator.polarity === 'lower' ? 'Maximum (the most a practice should reach)' : 'Minimum', hint: `As ${unit}`, kind: 'number', width: 5 },
    { name: 'target', label: 'Target', hint: `As ${unit}`, kind: 'number', width: 5 },
    { name: 'note', label: 'Note', hint: 'Where the threshold comes from, for example the board meeting that agreed it', kind: 'textarea' },
  ];
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{record ? 'Change the thresholds' : 'Set thresholds for this indicator'}</span>
      </summary>
      <div className="nhsuk-details__text">
        <RecordForm<ThresholdRow>
          key={`${indicator.code}-${removals}`}
          resource="thresholds"
          id="threshold"
          heading={`Thresholds for ${indicator.name}`}
          headingLevel="h3"
          fields={fields}
          record={record}
          fixed={record ? {} : { indicatorCode: indicator.code }}
          submitLabel="Save thresholds"
          saved={() => 'Saved the thresholds.'}
          invalidates={['/api/thresholds', '/api/quality']}
        />
        {remove.error ? <ApiErrorPanel error={remove.error} /> : null}
        {removal.question}
        {record ? (
          <Button type="button" secondary onClick={() => removal.ask(record)} disabled={remove.isPending}>
            Remove the thresholds
          </Button>
        ) : null}
      </div>
    </details>
  );
}
