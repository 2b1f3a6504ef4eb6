import { Button, TextInput } from 'nhsuk-react-components';
import { type FormEvent, type ReactNode, useState } from 'react';
import { FileField } from './file-field.js';
import { FormErrorSummary } from './form-errors.js';
import { SuccessBanner } from './success-banner.js';
import { useFileForm } from './use-api-form.js';

export interface UploadTextField {
  name: string;
  label: string;
  hint?: string;
}

interface CsvUploadPanelProps<Result> {
  /** Prefix for element ids: "delivered" → delivered-file, delivered-upload-heading. */
  id: string;
  heading: string;
  description: ReactNode;
  /** Where the multipart form goes. */
  path: string;
  formLabel: string;
  errorTitle: string;
  submitText: string;
  /** Text fields sent beside the file (e.g. a label). */
  fields?: UploadTextField[];
  /** Values sent beside the file that the user does not type, such as the revision the page was showing. */
  hidden?: Record<string, string | undefined>;
  resultText(result: Result): string;
  /** What the upload changes, to read again (a scheme's pages unless given). */
  invalidates?: string[];
}

/** Uploads a CSV file (to a scheme, a register; all or nothing): every problem listed with its line and column. */
export function CsvUploadPanel<Result>({ id, heading, description, path, formLabel, errorTitle, submitText, fields = [], hidden = {}, resultText, invalidates = ['/api/schemes'] }: CsvUploadPanelProps<Result>) {
  const fileId = `${id}-file`;
  const [values, setValues] = useState<Record<string, string>>({});
  const { fileRef, form, chosenFile } = useFileForm<Result>(path, { invalidates, fields: { file: { id: fileId, label: 'File' } }, defaultField: fileId });

  function submit(event: FormEvent) {
    event.preventDefault();
    const file = chosenFile();
    const body = new FormData();
    // Text fields first: the server reads the multipart stream in order and the file ends it.
    for (const field of fields) if (values[field.name]?.trim()) body.set(field.name, values[field.name]!.trim());
    for (const [name, value] of Object.entries(hidden)) if (value !== undefined) body.set(name, value);
    if (file) body.set('file', file, file.name);
    form.submit(body, () => (file ? [] : [{ field: fileId, message: 'Choose a CSV file to upload' }]));
  }

  const done = form.errors.length === 0 && form.result !== undefined ? resultText(form.result) : null;
  return (
    <section className="app-panel" aria-labelledby={`${id}-upload-heading`}>
      <h3 id={`${id}-upload-heading`}>{heading}</h3>
      <div className="nhsuk-body">{description}</div>
      <form onSubmit={submit} noValidate aria-label={formLabel}>
        <FormErrorSummary title={errorTitle} errors={form.errors} attempt={form.attempt} />
        {/* Said as every other form says it saved: a success banner that takes the keyboard, so a phone shows it too. */}
        {done ? (
          <SuccessBanner id={`${id}-upload`} count={form.successes}>
            {done}
          </SuccessBanner>
        ) : null}
        {fields.map((field) => (
          <TextInput
            key={field.name}
            id={`${id}-${field.name}`}
            label={field.label}
            hint={field.hint}
            value={values[field.name] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, [field.name]: value }));
            }}
          />
        ))}
        <FileField ref={fileRef} id={fileId} label="Choose the CSV file" hint="A .csv file" accept=".csv" error={form.fieldError(fileId)} />
        <Button type="submit" disabled={form.pending}>
          {submitText}
        </Button>
      </form>
    </section>
  );
}
