import { Button, TextInput } from 'nhsuk-react-components';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { initialsOf, looksLikeInitials } from '../../../domain/people/owner-text.js';
import { useApiForm } from '../../components/use-api-form.js';
import { useFocusOn } from '../../components/use-focus-on.js';

/** The People page with its "Add a person" form filled in from an owner text: "RB" as initials, "J Nicholls" as a name. */
export function peoplePageHref(part: string): string {
  const filled: Record<string, string> = looksLikeInitials(part) ? { initials: part } : { name: part, initials: initialsOf(part) };
  return `/governance/people?${new URLSearchParams(filled).toString()}#add-person-heading`;
}

/**
 * Adds a person an owner text names but atscale does not know, where the text was typed: "RB"
 * asks for their name, "J Nicholls" is one. Not a form of its own, so it can sit inside the form
 * that was refused; the People page (a new tab, so nothing typed is lost) takes their job title
 * and email too.
 */
export function AddPerson({ part, invalidates = [], afterwards }: { part: string; invalidates?: string[]; afterwards?: string }) {
  const initialsOnly = looksLikeInitials(part);
  const [name, setName] = useState(initialsOnly ? '' : part);
  const [initials, setInitials] = useState(initialsOnly ? part : initialsOf(part));
  const id = `person-${part.replace(/\W+/g, '-')}`;
  const form = useApiForm<{ name: string; initials: string }>((body) => ({ method: 'POST', path: '/api/people', body }), {
    invalidates: ['/api/people', ...invalidates],
    fields: { name: { id: `${id}-name`, label: 'Name' }, initials: { id: `${id}-initials`, label: 'Initials' } },
  });
  // Its answer takes focus (the button goes with the form); a refusal takes focus to the field it names.
  const added = useFocusOn<HTMLParagraphElement>(form.successes);
  useEffect(() => {
    const field = form.errors.find((e) => e.field)?.field;
    if (field) document.getElementById(field)?.focus();
  }, [form.attempt]);
  if (form.successes)
    return (
      <p className="nhsuk-body" ref={added} tabIndex={-1} role="status">
        Added {name.trim()} to people.{afterwards ? ` ${afterwards}` : ''}
      </p>
    );
  const add = () => form.submit({ name: name.trim(), initials: initials.trim() }, () => (name.trim() ? [] : [{ field: `${id}-name`, message: `Enter the name of ${part}` }]));
  // Not a form of its own (it sits inside the refused form), so Enter in its boxes adds the person, as a form's would.
  const enterAdds = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  return (
    <div className="app-inline-form" role="group" aria-label={`Add ${part} to people`}>
      <TextInput id={`${id}-name`} label={initialsOnly ? `Full name of ${part}` : `Name of ${part}`} width={20} value={name} onChange={(e) => setName(e.target.value)} onKeyDown={enterAdds} error={form.fieldError(`${id}-name`)} />
      <TextInput id={`${id}-initials`} label="Initials (optional)" width={4} value={initials} onChange={(e) => setInitials(e.target.value)} onKeyDown={enterAdds} error={form.fieldError(`${id}-initials`)} />
      <Button type="button" secondary disabled={form.pending} onClick={add}>
        Add {part} to people
      </Button>
      {form.errors
        .filter((e) => !e.field)
        .map((e, i) => (
          <p key={i} className="nhsuk-error-message">
            {e.message}
          </p>
        ))}
      <p className="nhsuk-body-s">
        <Link to={peoplePageHref(part)} target="_blank" rel="noopener">
          Add {part} on the People page, with a job title and email (opens in a new tab)
        </Link>
      </p>
    </div>
  );
}
