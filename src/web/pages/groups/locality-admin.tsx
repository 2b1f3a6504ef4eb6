import { Button, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { GroupMember, GroupSummary } from '../../api/types.js';
import { useRefresh } from '../../api/use-api.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDate } from '../../format/format.js';
import { useGroupSummary } from './group-summary.js';

const membershipFields = {
  practiceCode: { id: 'practice-code', label: 'ODS code' },
  startDate: { id: dateFieldTarget('start-date'), label: 'Start date' },
  endDate: { id: dateFieldTarget('end-date'), label: 'End date' },
};

/** Admins add one practice to a locality: chosen from the federation's members, or by ODS code. */
export function AddPracticeForm({ summary }: { summary: GroupSummary }) {
  const parent = useGroupSummary(summary.group.parentId, summary.onDate);
  const here = new Set(summary.practices.map((p) => p.odsCode));
  // A practice is in one locality at a time: offer those in none (to move one, end its membership of its locality first).
  const candidates = (parent.data?.practices ?? []).filter((p) => !here.has(p.odsCode) && !p.locality);
  const [chosen, setChosen] = useState('');
  const [typed, setTyped] = useState('');
  const [start, setStart] = useState<DateParts>(emptyDate);
  const [added, setAdded] = useState<string | null>(null);
  const form = useApiForm((v: { practiceCode: string; startDate: string }) => ({ method: 'POST', path: '/api/memberships', body: { groupId: summary.group.id, ...v } }), {
    invalidates: ['/api/groups', '/api/practices', '/api/memberships'],
    fields: membershipFields,
    onSuccess: () => {
      setAdded(typed.trim().toUpperCase() || chosen);
      setChosen('');
      setTyped('');
      setStart(emptyDate);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const practiceCode = typed.trim().toUpperCase() || chosen;
    form.submit({ practiceCode, startDate: isoOrNull(start) ?? '' }, () => {
      const problems: FieldError[] = [];
      if (!practiceCode) problems.push({ field: 'practice-code', message: 'Choose a practice or enter its ODS code' });
      const dateError = dateProblem(start, 'Start date', true);
      if (dateError) problems.push({ field: dateFieldTarget('start-date'), message: dateError });
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
          <Select id="practice-choice" name="practice-choice" label="Practice" hint="Members of the federation that are in no locality. To move a practice here, first end its membership of its locality." value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <Select.Option value="">Choose a practice</Select.Option>
            {candidates.map((p) => (
              <Select.Option key={p.odsCode} value={p.odsCode}>
                {p.displayName} ({p.odsCode})
              </Select.Option>
            ))}
          </Select>
        ) : null}
        <TextInput id="practice-code" name="practice-code" label={candidates.length ? 'Or enter an ODS code' : 'ODS code'} hint="For example, C82001" width={10} code value={typed} onChange={(e) => setTyped(e.target.value)} error={form.fieldError('practice-code')} />
        <DateField id="start-date" legend="Member from" value={start} onChange={setStart} error={form.fieldError(dateFieldTarget('start-date'))} />
        <Button type="submit" disabled={form.pending}>
          Add practice
        </Button>
      </form>
    </section>
  );
}

interface EndMembershipFormProps {
  member: GroupMember;
  groupName: string;
  onClose(): void;
}

/** Ends one membership on a date, sending the version read; a stale version gets the conflict message and a reload. */
export function EndMembershipForm({ member, groupName, onClose }: EndMembershipFormProps) {
  const refresh = useRefresh();
  const heading = useRef<HTMLHeadingElement>(null);
  const [end, setEnd] = useState<DateParts>(emptyDate);
  // The form opens below the table: take people (and their screen reader) to it.
  useEffect(() => heading.current?.focus(), []);
  const form = useApiForm((endDate: string) => ({ method: 'PATCH', path: `/api/memberships/${member.membershipId}`, body: { rowVersion: member.membershipVersion, endDate } }), {
    invalidates: ['/api/groups', '/api/practices', '/api/memberships'],
    fields: membershipFields,
    onSuccess: onClose,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit(isoOrNull(end) ?? '', () => {
      const problem = dateProblem(end, 'End date', true);
      return problem ? [{ field: dateFieldTarget('end-date'), message: problem }] : [];
    });
  }

  async function reload() {
    await refresh(['/api/groups']);
    onClose();
  }

  return (
    <section aria-labelledby="end-membership">
      <h2 id="end-membership" ref={heading} tabIndex={-1}>
        End {member.displayName}’s membership of {groupName}
      </h2>
      <p className="nhsuk-body">Member since {formatDate(member.startDate)}. The practice stays a member until the end of the day you enter.</p>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        {form.conflict ? (
          <p className="nhsuk-body">
            <Button type="button" secondary onClick={() => void reload()}>
              Reload the members
            </Button>
          </p>
        ) : null}
        <DateField id="end-date" legend="Membership ends on" value={end} onChange={setEnd} error={form.fieldError(dateFieldTarget('end-date'))} />
        <div className="app-inline-form">
          <Button type="submit" warning disabled={form.pending}>
            End membership
          </Button>
          <Button type="button" secondary onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
