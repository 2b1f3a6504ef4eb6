import { Button, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useRef, useState } from 'react';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { FileField } from '../../components/file-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { todayIso } from '../../format/format.js';
import type { Contract, SubContract } from './types.js';

const refreshPaths = ['/api/contracts', '/api/contract-register'];

/** Adds a footprint practice under the contract, signed or not yet. The share defaults to what the fee leaves. */
export function SubContractForm({ contract, practices }: { contract: Contract; practices: { practiceCode: string; practiceName: string }[] }) {
  const [practiceCode, setPracticeCode] = useState('');
  const [signed, setSigned] = useState<DateParts>(emptyDate);
  const [share, setShare] = useState(String((10_000 - contract.federationFeeBp) / 100));
  const ids = { practice: 'sub-practice', signed: 'sub-signed', share: 'sub-share' };
  const form = useApiForm<Record<string, unknown>>((body) => ({ method: 'POST', path: '/api/sub-contracts', body }), {
    invalidates: refreshPaths,
    fields: { practiceCode: { id: ids.practice, label: 'Practice' }, signedDate: { id: dateFieldTarget(ids.signed), label: 'Date signed' }, sharePercent: { id: ids.share, label: 'Practice share' } },
    onSuccess: () => {
      setPracticeCode('');
      setSigned(emptyDate);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ contractId: contract.id, practiceCode, signedDate: isoOrNull(signed), sharePercent: share.trim().replace(/%$/, '') }, () => {
      const problems: FieldError[] = [];
      if (!practiceCode) problems.push({ field: ids.practice, message: 'Choose a practice' });
      const dateError = dateProblem(signed, 'Date signed', false);
      if (dateError) problems.push({ field: dateFieldTarget(ids.signed), message: dateError });
      if (!/^\d+(\.\d+)?%?$/.test(share.trim())) problems.push({ field: ids.share, message: 'Enter the practice share as a percentage, like 95' });
      return problems;
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a practice under this contract" className="app-panel">
      <h3>Add a practice</h3>
      <SuccessBanner id="sub-contract" count={form.successes}>
        Practice added
      </SuccessBanner>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} />
      <Select id={ids.practice} name={ids.practice} label="Practice" hint="Practices of the contract’s footprint that are not sub-contracted yet" value={practiceCode} onChange={(e) => setPracticeCode(e.target.value)} error={form.fieldError(ids.practice)}>
        <Select.Option value="">Choose a practice</Select.Option>
        {practices.map((p) => (
          <Select.Option key={p.practiceCode} value={p.practiceCode}>
            {p.practiceName} ({p.practiceCode})
          </Select.Option>
        ))}
      </Select>
      <DateField id={ids.signed} legend="Date signed (leave blank if not signed yet)" value={signed} onChange={setSigned} error={form.fieldError(dateFieldTarget(ids.signed))} />
      <TextInput id={ids.share} name={ids.share} label="Practice share of the tariff (%)" hint={`With the federation’s fee the shares make 100%`} width={4} value={share} onChange={(e) => setShare(e.target.value)} error={form.fieldError(ids.share)} />
      <Button type="submit" disabled={form.pending}>
        Add practice
      </Button>
    </form>
  );
}

/** Records that a practice has signed today (sends the row version read, so a stale page gets a conflict). */
export function MarkSignedButton({ subContract }: { subContract: SubContract }) {
  const form = useApiForm<{ rowVersion: number; signedDate: string }>((body) => ({ method: 'PATCH', path: `/api/sub-contracts/${subContract.id}`, body }), { invalidates: refreshPaths });
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
  const fileRef = useRef<HTMLInputElement>(null);
  const form = useApiForm<FormData>((body) => ({ method: 'POST', path: `/api/contracts/${contractId}/documents`, body }), {
    invalidates: refreshPaths,
    defaultField: 'contract-document',
    onSuccess: () => {
      if (fileRef.current) fileRef.current.value = '';
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
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
