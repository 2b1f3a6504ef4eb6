import { Button, Details, Radios, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import type { GroupSummary } from '../../api/types.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatNumber, splitCodes } from '../../format/format.js';
import { type AddedMembers, afterAdding } from './after-adding.js';
import { CommissionerField } from './commissioner-field.js';
import { GroupDetailsForm } from './group-details-form.js';
import { AssignLocalityForm, CreateLocalityForm } from './locality-setup.js';
import { PracticeFinder } from './practice-finder.js';

type Method = 'commissioner' | 'pcn' | 'practices';

const memberFields = {
  commissionerCode: { id: 'commissioner-code', label: 'Commissioner code' },
  pcnCode: { id: 'pcn-code', label: 'PCN code or name' },
  practiceCodes: { id: 'practice-codes', label: 'ODS codes' },
  startDate: { id: dateFieldTarget('members-start'), label: 'Start date' },
  endDate: { id: dateFieldTarget('members-end'), label: 'End date' },
};

interface AddMembersInput {
  commissionerCode?: string;
  pcnCode?: string;
  practiceCodes?: string[];
  startDate: string;
  endDate: string | null;
}

/** Adds member practices to a federation all at once: a commissioner's, a PCN's, or a list of ODS codes. */
function AddMembersForm({ summary }: { summary: GroupSummary }) {
  const [method, setMethod] = useState<Method>('commissioner');
  const [commissioner, setCommissioner] = useState(summary.group.commissionerCode ?? '');
  const [pcn, setPcn] = useState('');
  const [codes, setCodes] = useState('');
  const [start, setStart] = useState<DateParts>(emptyDate);
  const [end, setEnd] = useState<DateParts>(emptyDate);
  const form = useApiForm<AddMembersInput, AddedMembers>((body) => ({ method: 'POST', path: `/api/groups/${summary.group.id}/members`, body }), {
    invalidates: ['/api/groups', '/api/practices', '/api/memberships'],
    fields: memberFields,
    onSuccess: () => {
      setPcn('');
      setCodes('');
      setStart(emptyDate);
      setEnd(emptyDate);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const choice = method === 'commissioner' ? { commissionerCode: commissioner.trim().toUpperCase() } : method === 'pcn' ? { pcnCode: pcn.trim().toUpperCase() } : { practiceCodes: splitCodes(codes) };
    form.submit({ ...choice, startDate: isoOrNull(start) ?? '', endDate: isoOrNull(end) }, () => {
      const problems: FieldError[] = [];
      if (method === 'commissioner' && !commissioner.trim()) problems.push({ field: 'commissioner-code', message: 'Choose or enter a commissioner code' });
      if (method === 'pcn' && !pcn.trim()) problems.push({ field: 'pcn-code', message: 'Enter a PCN’s code or name' });
      if (method === 'practices' && !splitCodes(codes).length) problems.push({ field: 'practice-codes', message: 'Enter at least one ODS code' });
      const startProblem = dateProblem(start, 'Start date', true);
      if (startProblem) problems.push({ field: dateFieldTarget('members-start'), message: startProblem });
      const endProblem = dateProblem(end, 'End date', false);
      if (endProblem) problems.push({ field: dateFieldTarget('members-end'), message: endProblem });
      return problems;
    });
  }

  return (
    <section aria-labelledby="add-members">
      <h2 id="add-members">Add member practices</h2>
      <SuccessBanner id="add-members" count={form.successes}>
        Added {formatNumber(form.result?.added ?? 0)} {form.result?.added === 1 ? 'practice' : 'practices'} to {summary.group.name}.
        {form.result ? afterAdding(form.result).map((sentence) => ` ${sentence}`) : null}
      </SuccessBanner>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <Radios id="method" name="method" legend="Choose practices" legendProps={{ size: 's' }} hint="Adding by commissioner or PCN adds the GP practices that belonged to it, and were open, on the start date; one that has closed since is a member until its close date">
          <Radios.Item value="commissioner" checked={method === 'commissioner'} onChange={() => setMethod('commissioner')}>
            By commissioner (sub-ICB location)
          </Radios.Item>
          <Radios.Item value="pcn" checked={method === 'pcn'} onChange={() => setMethod('pcn')}>
            By primary care network
          </Radios.Item>
          <Radios.Item value="practices" checked={method === 'practices'} onChange={() => setMethod('practices')}>
            One by one (ODS codes)
          </Radios.Item>
        </Radios>
        {method === 'commissioner' ? (
          <CommissionerField id="commissioner-code" value={commissioner} onChange={setCommissioner} error={form.fieldError('commissioner-code')} />
        ) : null}
        {method === 'pcn' ? <TextInput id="pcn-code" name="pcn-code" label="PCN code or name" hint="For example, U30213 or Cross Counties" width={20} value={pcn} onChange={(e) => setPcn(e.target.value)} error={form.fieldError('pcn-code')} /> : null}
        {method === 'practices' ? (
          <>
            <Textarea id="practice-codes" name="practice-codes" label="ODS codes" hint="Separate codes with commas, spaces or new lines, or find practices by name below" rows={4} value={codes} onChange={(e) => setCodes(e.target.value)} error={form.fieldError('practice-codes')} />
            <PracticeFinder chosen={splitCodes(codes)} onChoose={(code) => setCodes((now) => [...splitCodes(now), code].join(', '))} />
          </>
        ) : null}
        <DateField id="members-start" legend="Members from" value={start} onChange={setStart} error={form.fieldError(dateFieldTarget('members-start'))} />
        <DateField id="members-end" legend="Members until (optional)" hint="Leave blank if there is no end date" value={end} onChange={setEnd} error={form.fieldError(dateFieldTarget('members-end'))} />
        <Button type="submit" disabled={form.pending}>
          Add practices
        </Button>
      </form>
    </section>
  );
}

/** The admin forms on a federation's page: add members, create localities, assign practices to them, rename it. */
export function FederationSetup({ summary }: { summary: GroupSummary }) {
  // A federation with nothing in it yet has nothing to show but these forms: open them. Decided
  // once, so the panel does not close under the admin when the first practices arrive.
  const [openAtFirst] = useState(summary.practices.length === 0 && summary.children.length === 0);
  return (
    <Details open={openAtFirst}>
      <Details.Summary>Set up {summary.group.name}</Details.Summary>
      <Details.Text>
        <AddMembersForm summary={summary} />
        <CreateLocalityForm summary={summary} />
        <AssignLocalityForm summary={summary} />
        <GroupDetailsForm group={summary.group} />
      </Details.Text>
    </Details>
  );
}
