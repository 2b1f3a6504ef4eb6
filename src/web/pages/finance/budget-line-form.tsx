import { Button, InsetText, Select, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { FormErrorSummary } from '../../components/form-errors.js';
import { useApiForm } from '../../components/use-api-form.js';

/** One input of a budget-line form: its API name, label and, if it must be filled in, what to say when it is not. */
export interface BudgetLineField {
  name: string;
  label: string;
  hint?: string;
  /** Asked for when left empty, e.g. "Enter the line". */
  missing?: string;
  options?: { value: string; text: string }[];
  width?: 10;
}

interface BudgetLineFormProps {
  /** Prefix of the element ids: "cost" → cost-line, add-cost-heading. */
  id: string;
  /** The record route lines are added to, e.g. /api/running-costs. */
  path: string;
  year: string;
  heading: string;
  formLabel: string;
  fields: BudgetLineField[];
}

/**
 * Adds a line to a year's budget (admins): a running cost, or an I&E income line. Required inputs
 * are checked here; the server's problems (a negative amount, a year with no plan) are shown
 * against their inputs. The I&E on the page is read again once the line is added.
 */
export function BudgetLineForm({ id, path, year, heading, formLabel, fields }: BudgetLineFormProps) {
  const empty = () => Object.fromEntries(fields.map((f) => [f.name, f.options?.[0]?.value ?? '']));
  const [values, setValues] = useState<Record<string, string>>(empty);
  const idOf = (name: string) => `${id}-${name}`;
  const form = useApiForm<Record<string, string>, { line: string }>((body) => ({ method: 'POST', path, body: { ...body, financialYear: year } }), {
    invalidates: ['/api/finance', path],
    fields: Object.fromEntries([...fields.map((f) => [f.name, { id: idOf(f.name), label: f.label }]), ['financialYear', { id: idOf('line'), label: 'Financial year' }]]),
    onSuccess: () => setValues(empty()),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const sent = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
    form.submit(sent, () => fields.flatMap((f) => (f.missing && !values[f.name]!.trim() ? [{ field: idOf(f.name), message: f.missing }] : [])));
  }

  return (
    <section aria-labelledby={`add-${id}-heading`}>
      <h3 id={`add-${id}-heading`}>{heading}</h3>
      <form onSubmit={submit} noValidate aria-label={formLabel}>
        <FormErrorSummary title="The line was not added" errors={form.errors} attempt={form.attempt} />
        {form.successes && !form.errors.length && form.result ? (
          <InsetText>
            <p>Added {form.result.line}. The I&amp;E above includes it.</p>
          </InsetText>
        ) : null}
        {fields.map((f) => {
          const common = { id: idOf(f.name), label: f.label, hint: f.hint, value: values[f.name], error: form.fieldError(idOf(f.name)) };
          const onChange = (e: { currentTarget: { value: string } }) => {
            const typed = e.currentTarget.value;
            setValues((v) => ({ ...v, [f.name]: typed }));
          };
          return f.options ? (
            <Select key={f.name} {...common} onChange={onChange}>
              {f.options.map((o) => (
                <Select.Option key={o.value} value={o.value}>
                  {o.text}
                </Select.Option>
              ))}
            </Select>
          ) : (
            <TextInput key={f.name} {...common} width={f.width} onChange={onChange} />
          );
        })}
        <Button type="submit" disabled={form.pending}>
          Add the line
        </Button>
      </form>
    </section>
  );
}
