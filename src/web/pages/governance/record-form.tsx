import { Button, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useApiMutation } from '../../api/use-api.js';
import { errorsFromApi, type FieldError, type FieldMap, FormErrorSummary, useFormErrors } from '../../components/form-errors.js';
import { SuccessBanner } from '../../components/success-banner.js';
import { UnknownOwners } from './unknown-owners.js';

/** One input of a governance form; dates are typed as DD/MM/YYYY (or YYYY-MM-DD) and checked by the server. */
export interface FormField {
  name: string;
  label: string;
  hint?: string;
  kind?: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'list';
  options?: { value: string; label: string }[];
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  required?: boolean;
}

interface RecordFormProps<T> {
  /** The API resource, e.g. "risks": POST /api/risks creates, PATCH /api/risks/:id edits. */
  resource: string;
  id: string;
  heading: string;
  fields: FormField[];
  /** The record being edited (its rowVersion is sent); absent to create one. */
  record?: T & { id: number; rowVersion: number };
  submitLabel: string;
  saved(result: T): string;
  /** Extra queries to refresh after a save. */
  invalidates?: string[];
}

const asText = (value: unknown, kind: FormField['kind']) => {
  if (value === null || value === undefined) return '';
  if (kind === 'list' && Array.isArray(value)) return value.join(', ');
  return String(value);
};

function toBody(fields: FormField[], values: Record<string, string>, creating: boolean) {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name]!.trim();
    if (creating && raw === '') continue;
    if (field.kind === 'number') body[field.name] = raw === '' ? null : Number(raw);
    else if (field.kind === 'list') body[field.name] = raw.split(/[\s,]+/).filter(Boolean);
    else body[field.name] = raw === '' ? null : raw;
  }
  return body;
}

/**
 * Creates or edits one governance record with the NHS form pattern: required fields checked in the
 * browser, then the server's problems shown against their inputs. An owner the server does not
 * know comes back named, and the form offers to add that person.
 */
export function RecordForm<T>({ resource, id, heading, fields, record, submitLabel, saved, invalidates = [] }: RecordFormProps<T>) {
  const initial = () => Object.fromEntries(fields.map((f) => [f.name, asText(record?.[f.name as keyof T], f.kind)]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [successes, setSuccesses] = useState(0);
  const [message, setMessage] = useState('');
  const form = useFormErrors();
  const fieldMap: FieldMap = Object.fromEntries(fields.map((f) => [f.name, { id: `${id}-${f.name}`, label: f.label }]));
  const mutation = useApiMutation<Record<string, unknown>, T>(
    (body) => (record ? { method: 'PATCH', path: `/api/${resource}/${record.id}`, body: { ...body, rowVersion: record.rowVersion } } : { method: 'POST', path: `/api/${resource}`, body }),
    [`/api/${resource}`, '/api/my-items', ...invalidates],
  );
  const unknownOwners = mutation.error instanceof ApiError ? ((mutation.error.details.unknownOwners as string[] | undefined) ?? []) : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = fields.filter((f) => f.required && !values[f.name]!.trim()).map((f) => ({ field: `${id}-${f.name}`, message: `Enter ${f.label.toLowerCase()}` }));
    if (missing.length) return form.show(missing);
    mutation.mutate(toBody(fields, values, !record), {
      onSuccess: (result) => {
        form.clear();
        setMessage(saved(result));
        setSuccesses((n) => n + 1);
        if (!record) setValues(Object.fromEntries(fields.map((f) => [f.name, ''])));
      },
      onError: (error) => form.show(errorsFromApi(error, fieldMap)),
    });
  }

  const set = (name: string) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <SuccessBanner id={id} count={successes}>
        {message}
      </SuccessBanner>
      <form onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} attempt={form.attempt} />
        {unknownOwners.length ? <UnknownOwners names={unknownOwners} /> : null}
        {fields.map((f) => {
          const common = { id: `${id}-${f.name}`, name: `${id}-${f.name}`, label: f.label, hint: f.kind === 'date' ? (f.hint ?? 'For example, 27/04/2018') : f.hint, error: form.fieldError(`${id}-${f.name}`), value: values[f.name], onChange: set(f.name) };
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
          return <TextInput key={f.name} {...common} width={f.width ?? (f.kind === 'date' ? 10 : f.kind === 'number' ? 3 : 30)} inputMode={f.kind === 'number' ? 'numeric' : undefined} autoComplete="off" />;
        })}
        <Button type="submit" disabled={mutation.isPending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}
