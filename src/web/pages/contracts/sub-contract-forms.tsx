import { Button, Checkboxes, Textarea } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull, isoToParts } from '../../components/date-field.js';
import { FileField } from '../../components/file-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { keepFocusOn, useFocusBackOnClose, useFocusOn } from '../../components/use-focus-on.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm, useFileForm } from '../../components/use-api-form.js';
import { todayIso } from '../../format/format.js';
import type { Contract, SubContract } from './types.js';
import { formatBp } from '../../../domain/contracts/sub-contract-rules.js';

const refreshPaths = ['/api/contracts', '/api/contract-register'];

interface SubContractFormProps {
  contract: Contract;
  /** Practices that may be added (not sub-contracted yet). */
  practices: { practiceCode: string; practiceName: string }[];
  /** The sub-contract being corrected; without it the form adds a practice. */
  editing?: SubContract | undefined;
  /** Called once a change is saved or the practice removed (with what happened), or the change cancelled (without). */
  onDone?: (what?: string) => void;
}

/**
 * Adds a footprint practice under the contract, signed or not yet, or corrects one already there:
 * its signing date and notes, or removes it. The practice's share is what the contract's fee leaves
 * (the API still takes one, and refuses a share that does not make 100% with the fee), so it is said, not asked.
 * A change sends the row version read, so a stale page gets a conflict.
 */
/** What the practice is paid of the tariff, and why: the contract's fee sets it. */
function shareSentence(shareBp: number, feeBp: number): string {
  return feeBp ? `The practice is paid ${formatBp(shareBp)} of the tariff; the federation keeps its ${formatBp(feeBp)} fee, set on the contract.` : `The practice is paid ${formatBp(shareBp)} of the tariff: the contract has no federation fee.`;
}

export function SubContractForm({ contract, practices, editing, onDone }: SubContractFormProps) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [signed, setSigned] = useState<DateParts>(isoToParts(editing?.signedDate));
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [removing, setRemoving] = useState(false);
  // An error on the practices points at the first box.
  const ids = { practice: `sub-practice-${practices[0]?.practiceCode ?? 'none'}`, signed: 'sub-signed', notes: 'sub-notes' };
  const form = useApiForm<Record<string, unknown>, { added?: number }>(
    (body) => (editing ? { method: 'PATCH', path: `/api/sub-contracts/${editing.id}`, body } : { method: 'POST', path: `/api/contracts/${contract.id}/sub-contracts`, body }),
    {
      invalidates: refreshPaths,
      fields: { practiceCodes: { id: ids.practice, label: 'Practices' }, signedDate: { id: dateFieldTarget(ids.signed), label: 'Date signed' }, notes: { id: ids.notes, label: 'Notes' } },
      onSuccess: () => {
        setChosen([]);
        setSigned(emptyDate);
        setNotes('');
        if (editing) onDone?.(`${editing.practiceName}’s sub-contract saved`);
      },
    },
  );
  const remove = useApiForm<SubContract>((s) => ({ method: 'DELETE', path: `/api/sub-contracts/${s.id}?rowVersion=${s.rowVersion}` }), { invalidates: refreshPaths, onSuccess: () => onDone?.(`${editing?.practiceName} removed from the contract`) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const terms = { signedDate: isoOrNull(signed), notes: notes.trim() || null };
    form.submit(editing ? { rowVersion: editing.rowVersion, ...terms } : { practiceCodes: chosen, ...terms }, () => {
      const problems: FieldError[] = [];
      if (!editing && !chosen.length) problems.push({ field: ids.practice, message: 'Choose at least one practice' });
      const dateError = dateProblem(signed, 'Date signed', false);
      if (dateError) problems.push({ field: dateFieldTarget(ids.signed), message: dateError });
      return problems;
    });
  }

  const heading = editing ? `Change ${editing.practiceName}’s sub-contract` : 'Add practices';
  // Opened by a Change button in the table above: the form takes focus, replacing the one to add practices.
  useFocusBackOnClose(Boolean(editing));
  const headingRef = useFocusOn<HTMLHeadingElement>(editing?.id);
  return (
    <form onSubmit={submit} noValidate aria-label={editing ? heading : 'Add practices under this contract'} className="app-panel">
      <h3 ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <SuccessBanner id="sub-contract" count={form.successes}>
        {form.result?.added === 1 || !form.result?.added ? 'Practice added' : `${form.result.added} practices added`}
      </SuccessBanner>
      <FormErrorSummary errors={[...form.errors, ...remove.errors]} attempt={form.attempt + remove.attempt} title={form.conflict || remove.conflict ? 'Someone else changed this sub-contract: reload the page and make your change again' : undefined} />
      {editing ? null : (
        <Checkboxes id="sub-practices" name="sub-practices" legend="Practices" legendProps={{ size: 's' }} hint="Practices of the contract’s footprint that are not sub-contracted yet" error={form.fieldError(ids.practice)}>
          {practices.map((p) => (
            <Checkboxes.Item key={p.practiceCode} id={`sub-practice-${p.practiceCode}`} value={p.practiceCode} checked={chosen.includes(p.practiceCode)} onChange={(e) => setChosen((now) => (e.target.checked ? [...now, p.practiceCode] : now.filter((c) => c !== p.practiceCode)))}>
              {p.practiceName} ({p.practiceCode})
            </Checkboxes.Item>
          ))}
        </Checkboxes>
      )}
      <DateField id={ids.signed} legend="Date signed (leave blank if not signed yet)" value={signed} onChange={setSigned} error={form.fieldError(dateFieldTarget(ids.signed))} />
      <p className="nhsuk-body">{shareSentence(editing?.shareBp ?? 10_000 - contract.federationFeeBp, contract.federationFeeBp)}</p>
      <Textarea id={ids.notes} name={ids.notes} label="Notes (optional)" rows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={form.fieldError(ids.notes)} />
      <div className="app-inline-form">
        <Button type="submit" disabled={form.pending}>
          {editing ? 'Save changes' : 'Add practices'}
        </Button>
        {editing ? (
          <>
            <Button type="button" secondary onClick={() => onDone?.()}>
              Cancel
            </Button>
            {removing ? null : (
              <Button type="button" warning onClick={() => setRemoving(true)}>
                Remove from this contract
              </Button>
            )}
          </>
        ) : null}
      </div>
      {editing && removing ? (
        <ConfirmQuestion id="confirm-remove" level={3} question={`Remove ${editing.practiceName} from this contract?`} yes={`Yes, remove ${editing.practiceName}`} pending={remove.pending} onAnswer={(yes) => (yes ? remove.submit(editing) : setRemoving(false))}>
          Its sub-contract is deleted; the audit log keeps what it said.
        </ConfirmQuestion>
      ) : null}
    </form>
  );
}

/** Records that a practice has signed today (sends the row version read, so a stale page gets a conflict). */
export function MarkSignedButton({ subContract }: { subContract: SubContract }) {
  const form = useApiForm<{ rowVersion: number; signedDate: string }>((body) => ({ method: 'PATCH', path: `/api/sub-contracts/${subContract.id}`, body }), {
    invalidates: refreshPaths,
    // The button goes once the row says signed: the row's Change button takes focus in its place.
    onSuccess: () => keepFocusOn(`[data-change-sub-contract="${subContract.id}"]`, document.activeElement),
  });
  return (
    <>
      <Button secondary small type="button" disabled={form.pending} onClick={() => form.submit({ rowVersion: subContract.rowVersion, signedDate: todayIso() })}>
        Mark signed today<span className="nhsuk-u-visually-hidden"> for {subContract.practiceName}</span>
      </Button>
      {form.errors.map((e, i) => (
        <p key={i} className="nhsuk-error-message">
          {e.message}
        </p>
      ))}
    </>
  );
}

/** Adds a signed copy or schedule: a PDF or Word document. */
export function ContractDocumentForm({ contractId }: { contractId: number }) {
  const { fileRef, form, chosenFile } = useFileForm(`/api/contracts/${contractId}/documents`, { invalidates: refreshPaths, defaultField: 'contract-document' });
  function submit(event: FormEvent) {
    event.preventDefault();
    const file = chosenFile();
    const body = new FormData();
    if (file) body.set('file', file, file.name);
    form.submit(body, () => (file ? [] : [{ field: 'contract-document', message: 'Choose a PDF or Word document' }]));
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Add a document">
      <SuccessBanner id="contract-document" count={form.successes}>
        Document added
      </SuccessBanner>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      <FileField ref={fileRef} id="contract-document" label="Add a signed copy or schedule" hint="A PDF or Word (.docx) document, at most 10 MB" accept=".pdf,.docx" error={form.fieldError('contract-document')} />
      <Button type="submit" secondary disabled={form.pending}>
        Add document
      </Button>
    </form>
  );
}
