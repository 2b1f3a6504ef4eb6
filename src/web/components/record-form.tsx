import { Button, Checkboxes, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, type ReactNode, useState } from 'react';
import { formatPence } from '../../domain/schemes/format-money.js';
import { DateField, type DateParts, dateFieldTarget, dateProblem, emptyDate, partsToIso } from './date-field.js';
import { type FieldError, type FieldMap, FormErrorSummary } from './form-errors.js';
import { useFocusBackOnClose, useFocusOn } from './use-focus-on.js';
import { SuccessBanner } from './success-banner.js';
import { useApiForm } from './use-api-form.js';

/**
 * One input of a record form. Dates are the NHS day, month and year boxes; money is typed as people
 * write it ("£1,234.50"); the server checks both. A money field `amount` shows the stored
 * `amountPence` of the record being edited.
 */
export interface FormField {
  name: string;
  label: string;
  hint?: string;
  kind?: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'list' | 'money' | 'checkboxes';
  /** A select's choices, or the boxes to tick (one that may not be unticked, such as a practice that has acknowledged, is `fixed`). */
  options?: { value: string; label: string; fixed?: boolean }[];
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  required?: boolean;
  /** What to say when a required field is left empty, where "Enter" or "Choose" and the label would read badly. */
  missing?: string;
  /** The value a new record starts with (e.g. the first choice of a select). */
  initial?: string;
  /** How to show the stored record's value when it is kept differently, e.g. basis points as a percentage. */
  read?(record: Record<string, unknown>): string;
}

export interface RecordFormProps<T> {
  /** The API resource, e.g. "risks": POST /api/risks creates, PATCH /api/risks/:id edits. */
  resource: string;
  id: string;
  heading: string;
  fields: FormField[];
  /** The record being edited (its rowVersion is sent); absent to create one. */
  record?: T & { id: number | string; rowVersion: number };
  /** Values sent with every save that the person does not type, e.g. the stream a year's amount belongs to. */
  fixed?: Record<string, unknown>;
  submitLabel: string;
  saved(result: T): string;
  /** Called after a save, e.g. to open the new record's page. */
  onSaved?(result: T): void;
  /** Extra queries to refresh after a save. */
  invalidates?: string[];
  /** Shown above the inputs when a save is refused, e.g. an offer to fix what the server named. */
  refusal?(error: unknown): ReactNode;
  headingLevel?: 'h2' | 'h3';
  /** Opened by a button ("Change …") away from where the form appears: its heading takes focus as it opens, so the person is taken to it. */
  focusOnOpen?: boolean;
}

function valueOf(field: FormField, record: Record<string, unknown> | undefined): string {
  // A select with no blank choice shows its first option, so that is the value it starts with.
  if (!record) return field.initial ?? (field.kind === 'select' && !field.options!.some((o) => o.value === '') ? field.options![0]!.value : '');
  if (field.read) return field.read(record);
  const value = field.kind === 'money' ? record[`${field.name}Pence`] : record[field.name];
  if (value === null || value === undefined) return '';
  if (field.kind === 'money') return formatPence(Number(value));
  if (field.kind === 'list' && Array.isArray(value)) return value.join(', ');
  if (field.kind === 'checkboxes' && Array.isArray(value)) return value.join(',');
  // A stored date fills the three boxes: 2018-01-05 → 5, 1, 2018 (held as "5/1/2018").
  if (field.kind === 'date') return String(value).replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${Number(d)}/${Number(m)}/${y}`);
  return String(value);
}

/** A date field's three boxes, held in the form's values as "day/month/year" ('' when all are empty). */
const partsOf = (text: string): DateParts => {
  if (!text) return emptyDate;
  const [day = '', month = '', year = ''] = text.split('/');
  return { day, month, year };
};
const textOf = (parts: DateParts) => (parts.day.trim() || parts.month.trim() || parts.year.trim() ? [parts.day, parts.month, parts.year].map((p) => p.replaceAll('/', '')).join('/') : '');

/** A field's label as a sentence starts it: "End date (optional)" → "End date". */
const bareLabel = (field: Pick<FormField, 'label'>) => field.label.replace(/ \(optional\)$/, '');

/** What is wrong with each date field, worded as the NHS date input asks; an error links to its day box. */
function datePartProblems(fields: FormField[], values: Record<string, string>, formId: string): FieldError[] {
  return fields.flatMap((f) => {
    if (f.kind !== 'date') return [];
    const problem = dateProblem(partsOf(values[f.name]!), bareLabel(f), Boolean(f.required));
    return problem ? [{ field: dateFieldTarget(`${formId}-${f.name}`), message: f.required && !values[f.name] && f.missing ? f.missing : problem }] : [];
  });
}

function toBody(fields: FormField[], values: Record<string, string>, creating: boolean) {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name]!.trim();
    if (creating && raw === '') continue;
    // What is not a number ("5,5", "3%") goes as typed, so the server says so, rather than as nothing.
    if (field.kind === 'number') body[field.name] = raw === '' ? null : Number.isFinite(Number(raw)) ? Number(raw) : raw;
    else if (field.kind === 'list' || field.kind === 'checkboxes') body[field.name] = raw.split(/[\s,]+/).filter(Boolean);
    else if (field.kind === 'date') body[field.name] = raw === '' ? null : partsToIso(partsOf(raw));
    else body[field.name] = raw === '' ? null : raw;
  }
  return body;
}

const defaultWidth = { number: 3, money: 10 } as const;

/**
 * What to say when a required field is left empty, as the date boxes say it ("Enter the start
 * date"): "Enter the reference", "Choose the financial year" (a label starting with an
 * abbreviation keeps its capitals: "Enter the ODS code").
 */
export const missingMessage = (field: Pick<FormField, 'label' | 'kind'>) =>
  `${field.kind === 'select' ? 'Choose' : 'Enter'} the ${bareLabel(field).replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}`;

/**
 * Creates or edits one record of the generic record routes with the NHS form pattern: required
 * fields checked in the browser, then the server's problems shown against their inputs.
 *
 * An edit sends the rowVersion of the values it shows. When the record is read again with a newer
 * version (someone saved it, or an update added on the same page), a form nobody has typed in
 * takes the new values; a form someone has typed in keeps what they typed and its old version, so
 * its save gets the server's conflict message rather than overwriting the other change.
 */
export function RecordForm<T>({ resource, id, heading, fields, record, fixed = {}, submitLabel, saved, onSaved, invalidates = [], refusal, headingLevel = 'h2', focusOnOpen = false }: RecordFormProps<T>) {
  // Opened by a button: closed, focus goes back to it.
  useFocusBackOnClose(focusOnOpen);
  const headingRef = useFocusOn<HTMLHeadingElement>(focusOnOpen);
  const valuesFrom = (source: Record<string, unknown> | undefined) => Object.fromEntries(fields.map((f) => [f.name, valueOf(f, source)]));
  const [shown, setShown] = useState(() => ({ values: valuesFrom(record), basedOn: record?.rowVersion, typedIn: false }));
  if (record && record.rowVersion > (shown.basedOn ?? 0) && !shown.typedIn) setShown({ values: valuesFrom(record), basedOn: record.rowVersion, typedIn: false });
  const { values } = shown;
  const [message, setMessage] = useState('');
  // A date's errors link to its day box, a set of boxes' to its first box.
  const inputId = (f: FormField) => (f.kind === 'date' ? dateFieldTarget(`${id}-${f.name}`) : f.kind === 'checkboxes' ? `${id}-${f.name}-1` : `${id}-${f.name}`);
  const fieldMap: FieldMap = Object.fromEntries(fields.map((f) => [f.name, { id: inputId(f), label: f.label }]));
  const request = (body: Record<string, unknown>) => (record ? { method: 'PATCH', path: `/api/${resource}/${record.id}`, body } : { method: 'POST', path: `/api/${resource}`, body });
  const form = useApiForm<Record<string, unknown>, T>(request, {
    invalidates: [`/api/${resource}`, ...invalidates],
    fields: fieldMap,
    checkRequest: (body) => ({ ...request(body), path: `${request(body).path}?check=true` }),
    onSuccess: (result) => {
      setMessage(saved(result));
      const stored = result as Record<string, unknown> & { rowVersion?: number };
      setShown(record ? { values: valuesFrom(stored), basedOn: stored.rowVersion, typedIn: false } : { values: valuesFrom(undefined), basedOn: undefined, typedIn: false });
      onSaved?.(result);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const version = record ? { rowVersion: shown.basedOn } : {};
    form.submit({ ...toBody(fields, values, !record), ...fixed, ...version }, () => {
      const missing: FieldError[] = fields.filter((f) => f.required && f.kind !== 'date' && !values[f.name]!.trim()).map((f) => ({ field: `${id}-${f.name}`, message: f.missing ?? missingMessage(f) }));
      return [...missing, ...datePartProblems(fields, values, id)];
    });
  }

  const set = (name: string) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setShown((s) => ({ ...s, values: { ...s.values, [name]: value }, typedIn: true }));
  };
  const Heading = headingLevel;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </Heading>
      <SuccessBanner id={id} count={form.successes}>
        {message}
      </SuccessBanner>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        {form.error && refusal ? refusal(form.error) : null}
        {fields.map((f) => {
          if (f.kind === 'date') {
            return <DateField key={f.name} id={`${id}-${f.name}`} legend={f.label} hint={f.hint ?? 'For example, 27 4 2018'} value={partsOf(values[f.name]!)} onChange={(parts) => set(f.name)({ target: { value: textOf(parts) } })} error={form.fieldError(inputId(f))} />;
          }
          if (f.kind === 'checkboxes') {
            const ticked = new Set(values[f.name]!.split(',').filter(Boolean));
            const tick = (value: string, on: boolean) => set(f.name)({ target: { value: [...ticked, value].filter((v) => v !== value || on).join(',') } });
            return (
              <Checkboxes key={f.name} id={`${id}-${f.name}`} name={`${id}-${f.name}`} legend={f.label} legendProps={{ size: 's' }} hint={f.hint} error={form.fieldError(inputId(f))}>
                {f.options!.map((o) => (
                  <Checkboxes.Item key={o.value} value={o.value} checked={ticked.has(o.value)} disabled={o.fixed} onChange={(e) => tick(o.value, e.target.checked)}>
                    {o.label}
                  </Checkboxes.Item>
                ))}
              </Checkboxes>
            );
          }
          const common = { id: `${id}-${f.name}`, name: `${id}-${f.name}`, label: f.label, hint: f.hint, error: form.fieldError(`${id}-${f.name}`), value: values[f.name], onChange: set(f.name) };
          if (f.kind === 'textarea') return <Textarea key={f.name} {...common} rows={3} />;
          if (f.kind === 'select') {
            return (
              <Select key={f.name} {...common}>
                {f.options!.map((o) => (
                  <Select.Option key={o.value} value={o.value}>
                    {o.label}
                  </Select.Option>
                ))}
              </Select>
            );
          }
          const width = f.width ?? (f.kind && f.kind in defaultWidth ? defaultWidth[f.kind as keyof typeof defaultWidth] : 30);
          return <TextInput key={f.name} {...common} width={width} inputMode={f.kind === 'number' || f.kind === 'money' ? 'decimal' : undefined} autoComplete="off" />;
        })}
        <Button type="submit" disabled={form.pending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}
