import { Button, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useRef, useState } from 'react';
import { FileField } from '../../components/file-field.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { useApiForm } from '../../components/use-api-form.js';
import { importCounts } from '../../format/format.js';

interface ImportResult {
  file: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

const kinds = [
  { value: 'streams', text: 'Income streams (funder, stream, status, financial_year, amount)' },
  { value: 'savings', text: 'Cost savings (scheme, financial_year, amount)' },
  { value: 'running-costs', text: 'Running costs (line, amount, comment)' },
  { value: 'ie', text: 'I&E forecast (section, line, amount, comment, row_type)' },
];

/** Uploads a finance file: checked whole, saved all or nothing, every problem listed with its line and column. */
export function FinanceImportForm() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState('streams');
  const [year, setYear] = useState('');
  const form = useApiForm<FormData, ImportResult>((body) => ({ method: 'POST', path: `/api/finance/import/${kind}`, body }), {
    invalidates: ['/api/finance', '/api/ie-lines', '/api/running-costs', '/api/income-streams', '/api/cost-savings'],
    fields: { file: { id: 'finance-file', label: 'File' }, year: { id: 'finance-import-year', label: 'Financial year' } },
    defaultField: 'finance-file',
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const body = new FormData();
    if (year) body.set('year', year);
    if (file) body.set('file', file, file.name);
    form.submit(body, () => (file ? [] : [{ field: 'finance-file', message: 'Choose a CSV file to upload' }]));
  }

  const done = form.errors.length === 0 ? form.result : undefined;
  return (
    <section aria-labelledby="finance-import-heading">
      <h2 id="finance-import-heading">Import a finance file</h2>
      <form onSubmit={submit} noValidate aria-label="Import a finance file">
        <FormErrorSummary title="The file was not imported" errors={form.errors} attempt={form.attempt} />
        {done ? (
          <SuccessBanner id="finance-import" count={form.successes}>
            Imported {done.file}: {importCounts(done)}.
          </SuccessBanner>
        ) : null}
        <Select id="finance-import-kind" label="What the file holds" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          {kinds.map((k) => (
            <Select.Option key={k.value} value={k.value}>
              {k.text}
            </Select.Option>
          ))}
        </Select>
        <TextInput id="finance-import-year" label="Financial year (for running costs and the I&E)" hint="For example, 2018/19" width={10} value={year} onChange={(e) => setYear(e.currentTarget.value)} error={form.fieldError('finance-import-year')} />
        <FileField ref={fileRef} id="finance-file" label="Choose the CSV file" hint="If any row is wrong, nothing is saved" accept=".csv" error={form.fieldError('finance-file')} />
        <Button type="submit" disabled={form.pending}>
          Import the file
        </Button>
      </form>
    </section>
  );
}
