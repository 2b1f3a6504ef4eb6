import { Button, Radios, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { ConfirmQuestion } from '../../components/confirm-question.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, isoOrNull, isoToParts } from '../../components/date-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { formatDate, formatMoney, todayIso } from '../../format/format.js';
import { typedPence } from './costed-lines.js';
import type { ApplicationDetail } from './types.js';

const refresh = ['/api/fund'];
type Outcome = 'approve' | 'part_approve' | 'reject';
const outcomes: { value: Outcome; label: string }[] = [
  { value: 'approve', label: 'Approve in full' },
  { value: 'part_approve', label: 'Approve part of it' },
  { value: 'reject', label: 'Reject' },
];

/** The commissioner's decision: approve, part-approve (an amount and a reason) or reject (a reason). */
export function DecisionForm({ application, onDecided }: { application: ApplicationDetail['application']; onDecided(): void }) {
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  // Today, unless the decision was made earlier and is recorded now.
  const [decidedOn, setDecidedOn] = useState<DateParts>(isoToParts(todayIso()));
  const form = useApiForm<Record<string, unknown>>((body) => ({ method: 'POST', path: `/api/fund-applications/${application.id}/decision`, body }), {
    invalidates: refresh,
    fields: { outcome: { id: 'outcome-1', label: 'Decision' }, approvedAmount: { id: 'approved-amount', label: 'Amount approved' }, reason: { id: 'decision-reason', label: 'Reason' }, decidedOn: { id: dateFieldTarget('decided-on'), label: 'Date decided' } },
    // The form leaves the page once the application is decided; the page says it is done.
    onSuccess: onDecided,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ outcome, approvedAmount: outcome === 'part_approve' ? amount : undefined, reason: reason.trim() || undefined, decidedOn: isoOrNull(decidedOn) ?? undefined, rowVersion: application.rowVersion }, () => {
      const problems: FieldError[] = [];
      if (!outcome) problems.push({ field: 'outcome-1', message: 'Choose a decision' });
      const dateError = dateProblem(decidedOn, 'Date decided', true);
      if (dateError) problems.push({ field: dateFieldTarget('decided-on'), message: dateError });
      if (outcome === 'part_approve' && typedPence(amount) === null) problems.push({ field: 'approved-amount', message: 'Enter the amount approved in pounds, like £10,000' });
      if ((outcome === 'part_approve' || outcome === 'reject') && !reason.trim()) problems.push({ field: 'decision-reason', message: 'Give the reason for your decision' });
      return problems;
    });
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Decide this application" className="app-panel">
      <h2>Your decision</h2>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      <Radios id="outcome" name="outcome" legend={`Decide on ${formatMoney(application.requestedPence)} asked for`} legendProps={{ size: 's' }} error={form.fieldError('outcome-1')}>
        {outcomes.map((o) => (
          <Radios.Item key={o.value} value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)}>
            {o.label}
          </Radios.Item>
        ))}
      </Radios>
      {outcome === 'part_approve' ? <TextInput id="approved-amount" name="approved-amount" label="Amount approved (£)" width={10} value={amount} onChange={(e) => setAmount(e.target.value)} error={form.fieldError('approved-amount')} /> : null}
      <Textarea id="decision-reason" name="reason" label="Reason (needed to part-approve or reject)" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldError('decision-reason')} />
      <DateField id="decided-on" legend="Date decided" hint="Today, or the day it was decided if you are recording it afterwards: not before the application was made. Money cannot be drawn before it." value={decidedOn} onChange={setDecidedOn} error={form.fieldError(dateFieldTarget('decided-on'))} />
      <Button type="submit" disabled={form.pending}>
        Record decision
      </Button>
    </form>
  );
}

/** Draws approved money down against evidence; the server refuses more than was approved. */
export function DrawdownForm({ application }: { application: ApplicationDetail['application'] }) {
  const [amount, setAmount] = useState('');
  const [drawnOn, setDrawnOn] = useState<DateParts>(isoToParts(todayIso()));
  const [evidence, setEvidence] = useState('');
  const form = useApiForm<Record<string, unknown>>((body) => ({ method: 'POST', path: `/api/fund-applications/${application.id}/drawdowns`, body }), {
    invalidates: refresh,
    fields: { amount: { id: 'drawdown-amount', label: 'Amount' }, drawnOn: { id: dateFieldTarget('drawn-on'), label: 'Date' }, evidence: { id: 'drawdown-evidence', label: 'Evidence' } },
    onSuccess: () => {
      setAmount('');
      setEvidence('');
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ amount, drawnOn: isoOrNull(drawnOn), evidence }, () => {
      const problems: FieldError[] = [];
      if (typedPence(amount) === null) problems.push({ field: 'drawdown-amount', message: 'Enter the amount in pounds, like £2,500' });
      const dateError = dateProblem(drawnOn, 'Date', true);
      if (dateError) problems.push({ field: dateFieldTarget('drawn-on'), message: dateError });
      if (!evidence.trim()) problems.push({ field: 'drawdown-evidence', message: 'Enter the evidence, such as an invoice number' });
      return problems;
    });
  }
  return (
    <form onSubmit={submit} noValidate aria-label="Draw money down" className="app-panel">
      <h2>Draw money down</h2>
      <SuccessBanner id="drawdown" count={form.successes}>
        Drawdown recorded
      </SuccessBanner>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      <p className="nhsuk-body">{formatMoney(application.leftToDrawPence)} of the approved money is left to draw.</p>
      <TextInput id="drawdown-amount" name="amount" label="Amount (£)" width={10} value={amount} onChange={(e) => setAmount(e.target.value)} error={form.fieldError('drawdown-amount')} />
      <DateField id="drawn-on" legend="Date drawn" value={drawnOn} onChange={setDrawnOn} error={form.fieldError(dateFieldTarget('drawn-on'))} />
      <TextInput id="drawdown-evidence" name="evidence" label="Evidence" hint="An invoice, timesheet or receipt reference" value={evidence} onChange={(e) => setEvidence(e.target.value)} error={form.fieldError('drawdown-evidence')} />
      <Button type="submit" disabled={form.pending}>
        Record drawdown
      </Button>
    </form>
  );
}

/** Asks before taking back a drawdown recorded in error; sends the application's row version read, so a stale page gets a conflict. */
export function TakeBackDrawdown({ application, drawdown, onDone }: { application: ApplicationDetail['application']; drawdown: ApplicationDetail['drawdowns'][number]; onDone(takenBack: boolean): void }) {
  const form = useApiForm<number>((rowVersion) => ({ method: 'DELETE', path: `/api/fund-applications/${application.id}/drawdowns/${drawdown.id}?rowVersion=${rowVersion}` }), { invalidates: refresh, onSuccess: () => onDone(true) });
  return (
    <>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} title={form.conflict ? 'Someone else changed this application’s drawdowns: reload the page and try again' : undefined} />
      <ConfirmQuestion id="confirm-take-back" question={`Take back the drawdown of ${formatMoney(drawdown.amountPence)} on ${formatDate(drawdown.drawnOn)}?`} yes="Yes, take it back" pending={form.pending} onAnswer={(yes) => (yes ? form.submit(application.rowVersion) : onDone(false))}>
        If money was drawn, record it again with the right amount and date. The audit log keeps what this one said.
      </ConfirmQuestion>
    </>
  );
}
