import { Button, InsetText, Radios, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useRef, useState } from 'react';
import { DateField, dateFieldTarget, dateProblem, type DateParts, isoOrNull, isoToParts } from '../../components/date-field.js';
import { FileField } from '../../components/file-field.js';
import type { FieldError } from '../../components/form-errors.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { useApiForm } from '../../components/use-api-form.js';
import { importCounts, todayIso } from '../../format/format.js';

interface ProgrammeImportResult {
  file: string;
  inserted: number;
  updated: number;
  unchanged: number;
  notes: string[];
}

type Kind = 'work-plan' | 'stp';

const paths: Record<Kind, string> = { 'work-plan': '/api/programme/work-plan-import', stp: '/api/programme/stp-import' };

const kinds: { value: Kind; label: string; hint: string }[] = [
  { value: 'work-plan', label: 'A work plan', hint: 'Columns such as id, tasks, lead, time and position' },
  { value: 'stp', label: 'An STP file', hint: 'Deliverables, milestones or outcomes, told apart by their header row' },
];

/** A link from the top of a long page down to the form. */
export function ProgrammeImportLink() {
  return (
    <p className="nhsuk-body">
      <a href="#programme-import-heading">Import a plan file</a>
    </p>
  );
}

/**
 * Uploads a work plan, or an STP deliverables, milestones or outcomes file (told apart by its
 * header), for admins. The file is checked whole and saved all or nothing; every problem is listed
 * with its line and column; importing the same file again changes nothing.
 */
export function ProgrammeImportForm({ initialKind = 'work-plan' }: { initialKind?: Kind }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>(initialKind);
  const [planName, setPlanName] = useState('');
  const [asOf, setAsOf] = useState<DateParts>(isoToParts(todayIso()));
  const form = useApiForm<FormData, ProgrammeImportResult>((body) => ({ method: 'POST', path: paths[kind], body }), {
    invalidates: ['/api/work-plans', '/api/plan-tasks', '/api/programme', '/api/stp-'],
    fields: { file: { id: 'programme-file', label: 'File' }, planName: { id: 'plan-name', label: 'Plan name' }, asOf: { id: dateFieldTarget('programme-as-of'), label: 'Positions as at' } },
    defaultField: 'programme-file',
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    const body = new FormData();
    const date = isoOrNull(asOf);
    if (date) body.set('asOf', date);
    if (kind === 'work-plan' && planName.trim()) body.set('planName', planName.trim());
    if (file) body.set('file', file, file.name);
    form.submit(body, () => {
      const problems: FieldError[] = [];
      const dateError = dateProblem(asOf, 'Positions as at', true);
      if (dateError) problems.push({ field: dateFieldTarget('programme-as-of'), message: dateError });
      if (!file) problems.push({ field: 'programme-file', message: 'Choose a CSV file to upload' });
      return problems;
    });
  }

  const done = form.errors.length === 0 ? form.result : undefined;
  return (
    <section aria-labelledby="programme-import-heading" className="app-panel">
      <h2 id="programme-import-heading">Import a plan file</h2>
      <form onSubmit={submit} noValidate aria-label="Import a plan file">
        <FormErrorSummary title="The file was not imported" errors={form.errors} attempt={form.attempt} />
        <SuccessBanner id="programme-imported" count={done ? form.successes : 0}>
          Imported {done?.file}: {done && importCounts(done)}.
        </SuccessBanner>
        {done?.notes.length ? (
          <InsetText>
            {done.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </InsetText>
        ) : null}
        <Radios id="programme-import-kind" name="programme-import-kind" legend="What the file holds" legendProps={{ size: 's' }}>
          {kinds.map((k) => (
            <Radios.Item key={k.value} value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} hint={k.hint}>
              {k.label}
            </Radios.Item>
          ))}
        </Radios>
        {kind === 'work-plan' ? (
          <TextInput id="plan-name" label="Plan name" hint="The name of a plan already here updates it; a new name starts a new plan. Leave blank to use the file name." value={planName} onChange={(e) => setPlanName(e.currentTarget.value)} error={form.fieldError('plan-name')} />
        ) : null}
        <DateField id="programme-as-of" legend="Positions as at" hint="The date the file’s positions describe: each new position update is dated with it. Left blank, today’s date is used. For example, 1 2 2018" value={asOf} onChange={setAsOf} error={form.fieldError(dateFieldTarget('programme-as-of'))} />
        <FileField ref={fileRef} id="programme-file" label="Choose the CSV file" hint="If any row is wrong, nothing is saved. Importing the same file again changes nothing." accept=".csv" error={form.fieldError('programme-file')} />
        <Button type="submit" disabled={form.pending}>
          Import the file
        </Button>
      </form>
    </section>
  );
}
