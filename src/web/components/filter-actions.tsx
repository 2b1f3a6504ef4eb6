import { Button, Checkboxes } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { keepFocusOn } from './use-focus-on.js';

/** A filter form's values: `set(name)` for a text box or select, `submit` hands them to `onApply`. */
export function useFilterForm<F extends Record<string, string>>(initial: F, onApply: (values: F) => void) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof F) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const label = event.currentTarget.getAttribute('aria-label');
    onApply(values);
    // The page makes its filter form afresh for the new filters, taking the Apply button from under the
    // keyboard: focus goes to the new form's button, and the results' count (a live region) says what was found.
    if (label) keepFocusOn(`form[aria-label="${CSS.escape(label)}"] button[type="submit"]`);
  };
  return { values, setValues, set, submit };
}

/** A filter form's one tick box ("GP practices only", "Overdue tasks only"). */
export function FilterCheckbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <Checkboxes id={id} name={id} small>
      <Checkboxes.Item value="true" checked={checked} onChange={(e) => onChange(e.target.checked)}>
        {label}
      </Checkboxes.Item>
    </Checkboxes>
  );
}

/** The end of a filter form: apply, or clear every filter. */
export function FilterActions() {
  return (
    <div className="app-filters__actions">
      <Button type="submit" secondary>
        Apply filters
      </Button>
      <Link className="nhsuk-link" to="?">
        Clear filters
      </Link>
    </div>
  );
}
