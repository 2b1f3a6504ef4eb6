import { Button, InsetText, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { FormErrorSummary } from '../../components/form-errors.js';
import { useApiForm } from '../../components/use-api-form.js';

const fields = {
  category: { id: 'cost-category', label: 'Budget line' },
  line: { id: 'cost-line', label: 'Line' },
  amount: { id: 'cost-amount', label: 'Amount' },
  financialYear: { id: 'cost-line', label: 'Financial year' },
};

/**
 * Adds a running-cost line to a year (admins), e.g. to break a single total into staff, premises,
 * IT… (removing the total line above, so the costs are not counted twice).
 */
export function RunningCostForm({ year }: { year: string }) {
  const [values, setValues] = useState({ category: '', line: '', amount: '' });
  const form = useApiForm<typeof values, { line: string }>((body) => ({ method: 'POST', path: '/api/running-costs', body: { ...body, financialYear: year } }), {
    invalidates: ['/api/finance', '/api/running-costs'],
    fields,
    onSuccess: () => setValues({ category: '', line: '', amount: '' }),
  });
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) => setValues({ ...values, [key]: e.currentTarget.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit(values, () => [
      ...(values.category.trim() ? [] : [{ field: fields.category.id, message: 'Enter the budget line, for example Staff' }]),
      ...(values.line.trim() ? [] : [{ field: fields.line.id, message: 'Enter the line' }]),
      ...(values.amount.trim() ? [] : [{ field: fields.amount.id, message: 'Enter the amount, for example £12,500' }]),
    ]);
  }

  return (
    <section aria-labelledby="add-cost-heading">
      <h3 id="add-cost-heading">Add a running-cost line for {year}</h3>
      <form onSubmit={submit} noValidate aria-label="Add a running-cost line">
        <FormErrorSummary title="The line was not added" errors={form.errors} attempt={form.attempt} />
        {form.successes && !form.errors.length && form.result ? (
          <InsetText>
            <p>Added {form.result.line}. The I&amp;E above includes it.</p>
          </InsetText>
        ) : null}
        <TextInput id={fields.category.id} label="Budget line" hint="For example Staff, Premises, IT, Insurance, Professional fees" value={values.category} onChange={set('category')} error={form.fieldError(fields.category.id)} />
        <TextInput id={fields.line.id} label="Line" value={values.line} onChange={set('line')} error={form.fieldError(fields.line.id)} />
        <TextInput id={fields.amount.id} label="Amount for the year" hint="In pounds, for example £12,500 or 12500.50" width={10} value={values.amount} onChange={set('amount')} error={form.fieldError(fields.amount.id)} />
        <Button type="submit" disabled={form.pending}>
          Add the line
        </Button>
      </form>
    </section>
  );
}
