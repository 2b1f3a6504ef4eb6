import { Button, Checkboxes } from 'nhsuk-react-components';
import { type FormEvent, useRef, useState } from 'react';
import type { Job } from '../../api/types.js';
import { DateField, dateFieldTarget, dateProblem, type DateParts, emptyDate, isoOrNull } from '../../components/date-field.js';
import { FileField } from '../../components/file-field.js';
import { type FieldError, FormErrorSummary } from '../../components/form-errors.js';
import { useApiForm } from '../../components/use-api-form.js';

export interface ImportKindInfo {
  kind: 'ods' | 'list-sizes' | 'pcns' | 'qof' | 'indicators';
  title: string;
  description: string;
  accept: string;
  /** Offer "skip practices not in the registry" (files that name practices rather than create them). */
  skipUnknown: boolean;
  /** Offer "as at": the date the file describes, when the file cannot say. */
  asOf?: string;
}

/** The id of an import's "Skip practices not in the registry" box; its tick box, which the error summary links to, is `-1` after it. */
export const skipBoxId = (kind: string) => `${kind}-skip`;

/** One upload form: the file, the options this kind of file takes, and the API's refusals (wrong type, too large). */
export function ImportForm({ info, disabled, onStarted }: { info: ImportKindInfo; disabled: boolean; onStarted(job: Job): void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [skip, setSkip] = useState(false);
  const [asOf, setAsOf] = useState<DateParts>(emptyDate);
  const ids = { file: `${info.kind}-file`, skip: skipBoxId(info.kind), asOf: `${info.kind}-as-of` };
  const form = useApiForm<FormData, Job>((body) => ({ method: 'POST', path: `/api/imports/${info.kind}`, body }), {
    invalidates: ['/api/jobs'],
    fields: { file: { id: ids.file, label: 'File' } },
    defaultField: ids.file,
    onSuccess: (job) => {
      if (fileRef.current) fileRef.current.value = '';
      setAsOf(emptyDate);
      setSkip(false);
      onStarted(job);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const body = new FormData();
    if (info.skipUnknown && skip) body.set('skipUnknown', 'true');
    const asOfIso = isoOrNull(asOf);
    if (info.asOf && asOfIso) body.set('asOf', asOfIso);
    if (file) body.set('file', file, file.name);
    form.submit(body, () => {
      const problems: FieldError[] = [];
      if (!file) problems.push({ field: ids.file, message: 'Choose a file to upload' });
      const dateError = info.asOf ? dateProblem(asOf, 'As at date', false) : undefined;
      if (dateError) problems.push({ field: dateFieldTarget(ids.asOf), message: dateError });
      return problems;
    });
  }

  return (
    <section className="app-panel" aria-labelledby={`${info.kind}-heading`}>
      <h2 id={`${info.kind}-heading`}>{info.title}</h2>
      <p className="nhsuk-body">{info.description}</p>
      <form onSubmit={submit} noValidate aria-label={`Upload ${info.title}`}>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        <FileField ref={fileRef} id={ids.file} label="Choose the file" hint={`A ${info.accept.split(',').join(' or ')} file`} accept={info.accept} error={form.fieldError(ids.file)} />
        {info.skipUnknown ? (
          <Checkboxes id={ids.skip} name={ids.skip}>
            <Checkboxes.Item value="true" checked={skip} onChange={(e) => setSkip(e.target.checked)} hint="Import the rows of known practices and list the others, instead of refusing the file">
              Skip practices not in the registry
            </Checkboxes.Item>
          </Checkboxes>
        ) : null}
        {info.asOf ? <DateField id={ids.asOf} legend="As at (optional)" hint={info.asOf} value={asOf} onChange={setAsOf} error={form.fieldError(dateFieldTarget(ids.asOf))} /> : null}
        <Button type="submit" disabled={disabled || form.pending}>
          Upload and import
        </Button>
      </form>
    </section>
  );
}
