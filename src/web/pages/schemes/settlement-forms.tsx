import { Button, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { invoicedWords, paidWords, settlementRows, type Settlement, type SettlementStep } from '../../../domain/schemes/settlement.js';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import { DateField, dateFieldTarget, dateProblem, emptyDate, isoOrNull } from '../../components/date-field.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { SummaryRows } from '../../components/summary-rows.js';
import { useApiForm } from '../../components/use-api-form.js';
import { type SchemeVersion, schemePath } from './types.js';

type Body = Settlement & { version: number; basedOn: Settlement };
/** The API's answer: the version as it now is, with what the invoice and payment were for. */
type Answer = { version: Settlement };
type Step = 'invoiced' | 'paid';

const ids = { invoiced: { on: 'invoiced-on', reference: 'invoiced-reference' }, paid: { on: 'paid-on', reference: 'paid-reference' } };
const labels = { invoiced: { on: 'Date invoiced', reference: 'Invoice reference (optional)' }, paid: { on: 'Date paid', reference: 'Reference or remittance note (optional)' } };

/** One step's day and reference: the invoice to the commissioner, or the payment to practices. */
function StepForm({ step, pending, dateError, referenceError, onSend }: { step: Step; pending: boolean; dateError?: string; referenceError?: string; onSend(parts: typeof emptyDate, reference: string): void }) {
  const [date, setDate] = useState(emptyDate);
  const [reference, setReference] = useState('');
  const invoice = step === 'invoiced';
  function submit(event: FormEvent) {
    event.preventDefault();
    onSend(date, reference);
  }
  return (
    <form onSubmit={submit} noValidate aria-label={invoice ? 'Record the invoice' : 'Record the payment to practices'}>
      <h3>{invoice ? 'Record the invoice' : 'Record the payment to practices'}</h3>
      <DateField id={ids[step].on} legend={labels[step].on} hint={invoice ? 'The day the commissioner was invoiced. For example, 15 5 2018' : 'The day the practices were paid. For example, 30 5 2018'} value={date} onChange={setDate} error={dateError} />
      <TextInput id={ids[step].reference} label={labels[step].reference} hint={invoice ? 'The invoice number, for example INV-0042' : 'For example, the BACS run or remittance advice'} width={20} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={referenceError} />
      <Button type="submit" disabled={pending}>
        {invoice ? 'Record the invoice' : 'Record the payment'}
      </Button>
    </form>
  );
}

/** Undoing a step asks first: undoing "invoiced" reopens the returns, and with them the payments and the invoice total. */
function UndoStep({ step, version, pending, onUndo }: { step: Step; version: number; pending: boolean; onUndo(): void }) {
  const [asking, setAsking] = useState(false);
  const what = step === 'invoiced' ? '“invoiced”' : '“paid to practices”';
  if (!asking) {
    return (
      <Button type="button" secondary onClick={() => setAsking(true)}>
        Undo {what}
      </Button>
    );
  }
  return (
    <ConfirmQuestion id={`confirm-undo-${step}`} level={3} question={`Undo ${what} for version ${version}?`} yes={`Yes, undo ${what}`} pending={pending} onAnswer={(yes) => (yes ? onUndo() : setAsking(false))}>
      {step === 'invoiced'
        ? `Version ${version}’s activity returns and hand schedule open again: the federation, and practice managers up to the due date, can change them, and the payments, the total to invoice and the finance plan change with them. The audit log keeps the invoice that was recorded.`
        : `The payment to practices is no longer recorded for version ${version}. The audit log keeps what was recorded.`}
    </ConfirmQuestion>
  );
}

/**
 * An admin records that a version's payments were invoiced to the commissioner, then paid to the
 * practices, or undoes either. Only the version in force is invoiced afresh; an invoiced version that
 * a later one replaced can still be paid or undone.
 */
export function SettlementPanel({ schemeId, version }: { schemeId: number; version: SchemeVersion }) {
  // What the banner says, from the answer: the invoice and payment as kept, with their amounts.
  const [said, setSaid] = useState<(answer: Answer) => string>(() => () => '');
  const form = useApiForm<Body, Answer>((body) => ({ method: 'PUT', path: `${schemePath(schemeId)}/settlement`, body }), {
    invalidates: ['/api/schemes', '/api/my-items', '/api/practices', '/api/finance'],
    fields: {
      'invoiced.on': { id: dateFieldTarget(ids.invoiced.on), label: labels.invoiced.on },
      'invoiced.reference': { id: ids.invoiced.reference, label: 'Invoice reference' },
      'paid.on': { id: dateFieldTarget(ids.paid.on), label: labels.paid.on },
      'paid.reference': { id: ids.paid.reference, label: 'Reference or remittance note' },
    },
  });
  const basedOn: Settlement = { invoiced: version.invoiced, paid: version.paid };
  const send = (next: Settlement, saying: (answer: Answer) => string, problem?: { field: string; message: string }) => {
    setSaid(() => saying);
    form.submit({ version: version.version, ...next, basedOn }, () => (problem ? [problem] : []));
  };
  const record = (step: Step) => (parts: typeof emptyDate, reference: string) => {
    const problem = dateProblem(parts, labels[step].on, true);
    const taken: SettlementStep = { on: isoOrNull(parts) ?? '', reference: reference.trim() || null };
    const returnsSettled = version.definition.deliveryModels.length ? ` Version ${version.version}’s activity returns and hand schedule are now settled.` : '';
    const saying = ({ version: now }: Answer) => (step === 'invoiced' ? `Recorded: ${invoicedWords(now.invoiced ?? taken)}.${returnsSettled}` : `Recorded: ${paidWords(now.paid ?? taken)}.`);
    send({ ...basedOn, [step]: taken }, saying, problem ? { field: dateFieldTarget(ids[step].on), message: problem } : undefined);
  };
  const { invoiced, paid } = version;
  return (
    <>
      <SuccessBanner id="settlement" count={form.successes}>
        {form.result ? said(form.result) : ''}
      </SuccessBanner>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} title={form.conflict ? 'Someone else changed the invoice or payment after you opened this page' : undefined} />
      <SummaryRows rows={settlementRows(version)} />
      {!invoiced && version.status === 'approved' ? (
        <>
          {version.definition.deliveryModels.length === 0 ? (
            <p className="nhsuk-body">Record the day the federation invoiced the commissioner for the money version {version.version} shares, then the day it paid the practices their shares.</p>
          ) : (
            <p className="nhsuk-body">
              Record the day the federation invoiced the commissioner for version {version.version}’s payments (the total to invoice above). The payments are then settled: version {version.version}’s activity returns and hand schedule can no longer
              change, for practice managers or the federation, until “invoiced” is undone here.
            </p>
          )}
          <StepForm step="invoiced" pending={form.pending} dateError={form.fieldError(dateFieldTarget(ids.invoiced.on))} referenceError={form.fieldError(ids.invoiced.reference)} onSend={record('invoiced')} />
        </>
      ) : null}
      {!invoiced && version.status !== 'approved' ? <p className="nhsuk-body">Only the approved version in force is invoiced.</p> : null}
      {invoiced && !paid ? (
        <>
          <StepForm step="paid" pending={form.pending} dateError={form.fieldError(dateFieldTarget(ids.paid.on))} referenceError={form.fieldError(ids.paid.reference)} onSend={record('paid')} />
          <h3>Undo the invoice</h3>
          <p className="nhsuk-body">If it was recorded by mistake, or the commissioner’s invoice is cancelled, undo it to reopen the returns.</p>
          <UndoStep step="invoiced" version={version.version} pending={form.pending} onUndo={() => send({ invoiced: null, paid: null }, () => `Version ${version.version} is no longer invoiced: its activity returns and hand schedule are open again.`)} />
        </>
      ) : null}
      {paid ? (
        <>
          <p className="nhsuk-body">To undo “invoiced”, undo the payment to practices first.</p>
          <UndoStep step="paid" version={version.version} pending={form.pending} onUndo={() => send({ invoiced, paid: null }, () => `Version ${version.version}’s payment to practices is no longer recorded.`)} />
        </>
      ) : null}
    </>
  );
}
