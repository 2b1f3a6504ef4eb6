import { Button, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import type { GroupSummary } from '../../api/types.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { useGroupSummary } from './group-summary.js';

const membershipFields = {
  practiceCode: { id: 'practice-code', label: 'ODS code' },
  startDate: { id: dateFieldTarget('start-date'), label: 'Start date' },
  endDate: { id: dateFieldTarget('add-end-date'), label: 'End date' },
};

/** Admins add one practice to a locality: chosen from the federation's members, or by ODS code. */
export function AddPracticeForm({ summary }: { summary: GroupSummary }) {
  const parent = useGroupSummary(summary.group.parentId, summary.onDate);
  const here = new Set(summary.practices.map((p) => p.odsCode));
  const parentName = parent.data?.group.name;
  // A practice is in one locality at a time: offer those in none (to move one, end its membership of its locality first).
  const candidates = (parent.data?.practices ?? []).filter((p) => !here.has(p.odsCode) && !p.locality);
  const [chosen, setChosen] = useState('');
  const [typed, setTyped] = useState('');
  const [start, setStart] = useState<DateParts>(emptyDate);
  const [end, setEnd] = useState<DateParts>(emptyDate);
  const [added, setAdded] = useState<string | null>(null);
  const form = useApiForm((v: { practiceCode: string; startDate: string; endDate: string | null }) => ({ method: 'POST', path: '/api/memberships', body: { groupId: summary.group.id, ...v } }), {
    invalidates: ['/api/groups', '/api/practices', '/api/memberships'],
    fields: membershipFields,
    onSuccess: () => {
      setAdded(typed.trim().toUpperCase() || chosen);
      setChosen('');
      setTyped('');
      setStart(emptyDate);
      setEnd(emptyDate);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const practiceCode = typed.trim().toUpperCase() || chosen;
    form.submit({ practiceCode, startDate: isoOrNull(start) ?? '', endDate: isoOrNull(end) }, () => {
      const problems: FieldError[] = [];
      if (!practiceCode) problems.push({ field: 'practice-code', message: 'Choose a practice or enter its ODS code' });
      const dateError = dateProblem(start, 'Start date', true);
      if (dateError) problems.push({ field: dateFieldTarget('start-date'), message: dateError });
      const endError = dateProblem(end, 'End date', false);
      if (endError) problems.push({ field: dateFieldTarget('add-end-date'), message: endError });
      return problems;
    });
  }

  return (
    <section aria-labelledby="add-practice">
      <h2 id="add-practice">Add a practice to {summary.group.name}</h2>
      <SuccessBanner id="add-practice" count={form.successes}>
        {added} was added to {summary.group.name}.
      </SuccessBanner>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        {candidates.length ? (
          <Select id="practice-choice" name="practice-choice" label="Practice" hint={`Members of ${parentName} that are in none of its localities. To move a practice here, first end its membership of its locality.`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <Select.Option value="">Choose a practice</Select.Option>
            {candidates.map((p) => (
              <Select.Option key={p.odsCode} value={p.odsCode}>
                {p.displayName} ({p.odsCode})
              </Select.Option>
            ))}
          </Select>
        ) : null}
        <TextInput id="practice-code" name="practice-code" label={candidates.length ? 'Or enter an ODS code' : 'ODS code'} hint="For example, C82001" width={10} code value={typed} onChange={(e) => setTyped(e.target.value)} error={form.fieldError('practice-code')} />
        <DateField id="start-date" legend="Member from" hint={parentName ? `Within the practice’s membership of ${parentName}. For example, 1 4 2024` : undefined} value={start} onChange={setStart} error={form.fieldError(dateFieldTarget('start-date'))} />
        <DateField id="add-end-date" legend="Member until (optional)" hint="Leave blank if there is no end date" value={end} onChange={setEnd} error={form.fieldError(dateFieldTarget('add-end-date'))} />
        <Button type="submit" disabled={form.pending}>
          Add practice
        </Button>
      </form>
    </section>
  );
}
