import { Button, Checkboxes } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { keepFocusOnSubmitOf } from './use-focus-on.js';

/** A filter form's values: `set(name)` for a text box or select, `submit` hands them to `onApply`. */
export function useFilterForm<F extends Record<string, string>>(initial: F, onApply: (values: F) => void) {
  const [values, setValues] = useState(initial);
  const set = (name: keyof F) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(values);
    // The results' count (a live region) says what was found; the keyboard stays on Apply.
    keepFocusOnSubmitOf(event.currentTarget);
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
