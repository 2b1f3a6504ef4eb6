import { Button, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import type { Group, GroupSummary } from '../../api/types.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatNumber } from '../../format/format.js';
import { type AddedMembers, afterAdding } from './after-adding.js';
import { PracticeCheckboxes } from './practice-checkboxes.js';

const invalidates = ['/api/groups', '/api/practices', '/api/memberships'];
/** Checkbox ids are the group's name and a number; error links point at the first box. */
const firstPracticeBox = 'assign-practices-1';

/** Creates a locality (hub) under the federation, with the federation's commissioner. */
export function CreateLocalityForm({ summary }: { summary: GroupSummary }) {
  const [name, setName] = useState('');
  const form = useApiForm<{ name: string }, Group>(({ name }) => ({ method: 'POST', path: '/api/groups', body: { name, kind: 'locality', parentId: summary.group.id, commissionerCode: summary.group.commissionerCode } }), {
    invalidates,
    fields: { name: { id: 'locality-name', label: 'Name' } },
    onSuccess: () => setName(''),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ name: name.trim() }, () => (name.trim() ? [] : [{ field: 'locality-name', message: 'Enter a name for the locality' }]));
  }

  return (
    <section aria-labelledby="create-locality">
      <h2 id="create-locality">Create a locality</h2>
      <SuccessBanner id="create-locality" count={form.successes}>
        Created the locality {form.result?.name}.
      </SuccessBanner>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <TextInput id="locality-name" name="locality-name" label="Locality name" hint="For example, Harborough" width={30} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('locality-name')} />
        <Button type="submit" disabled={form.pending}>
          Create locality
        </Button>
      </form>
    </section>
  );
}

interface AssignInput {
  localityId: number;
  practiceCodes: string[];
  startDate: string;
}

/** Puts member practices that are in no locality yet into one, from a date. */
export function AssignLocalityForm({ summary }: { summary: GroupSummary }) {
  const localityNames = new Set(summary.children.map((c) => c.name));
  const unplaced = summary.practices.filter((p) => !p.locality || !localityNames.has(p.locality));
  const [localityId, setLocalityId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [start, setStart] = useState<DateParts>(emptyDate);
  const form = useApiForm<AssignInput, AddedMembers>(({ localityId, ...body }) => ({ method: 'POST', path: `/api/groups/${localityId}/members`, body }), {
    invalidates,
    fields: { practiceCodes: { id: firstPracticeBox, label: 'Practices' }, startDate: { id: dateFieldTarget('assign-start'), label: 'Start date' } },
    onSuccess: () => setChosen([]),
  });

  if (!summary.children.length) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ localityId: Number(localityId), practiceCodes: chosen, startDate: isoOrNull(start) ?? '' }, () => {
      const problems: FieldError[] = [];
      if (!localityId) problems.push({ field: 'assign-locality', message: 'Choose a locality' });
      if (!chosen.length) problems.push({ field: firstPracticeBox, message: 'Choose at least one practice' });
      const startProblem = dateProblem(start, 'Start date', true);
      if (startProblem) problems.push({ field: dateFieldTarget('assign-start'), message: startProblem });
      return problems;
    });
  }

  return (
    <section aria-labelledby="assign-locality-heading">
      <h2 id="assign-locality-heading">Assign practices to a locality</h2>
      <SuccessBanner id="assign-locality" count={form.successes}>
        Assigned {formatNumber(form.result?.added ?? 0)} {form.result?.added === 1 ? 'practice' : 'practices'}.
        {form.result ? afterAdding(form.result).map((sentence) => ` ${sentence}`) : null}
      </SuccessBanner>
      {!unplaced.length ? (
        <p className="nhsuk-body">Every member practice is in a locality on this date. To move a practice, end its membership on its locality’s page first.</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormErrorSummary errors={form.errors} attempt={form.attempt} />
          <Select id="assign-locality" name="assign-locality" label="Locality" value={localityId} onChange={(e) => setLocalityId(e.target.value)} error={form.fieldError('assign-locality')}>
            <Select.Option value="">Choose a locality</Select.Option>
            {summary.children.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
          <PracticeCheckboxes id="assign-practices" legend="Practices not in a locality" practices={unplaced} chosen={chosen} onChange={setChosen} error={form.fieldError(firstPracticeBox)} />
          <DateField id="assign-start" legend="In the locality from" value={start} onChange={setStart} error={form.fieldError(dateFieldTarget('assign-start'))} />
          <Button type="submit" disabled={form.pending}>
            Assign practices
          </Button>
        </form>
      )}
    </section>
  );
}
