import { Button, TextInput } from 'nhsuk-react-components';
import { type FormEvent, useState } from 'react';
import { initialsOf, looksLikeInitials } from '../../../domain/people/owner-text.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { FormErrorSummary } from '../../components/form-errors.js';
import { useApiForm } from '../../components/use-api-form.js';
import type { TaskDetail } from './types.js';

type OwnerMatch = TaskDetail['owners']['lead'];

/** Offers to add a person the owner text names but atscale does not know: "GC" as initials, "J Nicholls" as a name. */
function CreatePersonForm({ part, taskId }: { part: string; taskId: number }) {
  const initialsOnly = looksLikeInitials(part);
  const [name, setName] = useState(initialsOnly ? '' : part);
  const [initials, setInitials] = useState(initialsOnly ? part : initialsOf(part));
  const id = `person-${part.replace(/\W+/g, '-')}`;
  const form = useApiForm<{ name: string; initials: string }>((body) => ({ method: 'POST', path: '/api/people', body }), {
    invalidates: [`/api/programme/tasks/${taskId}`, '/api/programme/work-plans'],
    fields: { name: { id: `${id}-name`, label: 'Name' }, initials: { id: `${id}-initials`, label: 'Initials' } },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    form.submit({ name, initials }, () => (name.trim() ? [] : [{ field: `${id}-name`, message: `Enter the name of ${part}` }]));
  }
  return (
    <form className="app-inline-form" onSubmit={submit} noValidate aria-label={`Create a person for ${part}`}>
      <FormErrorSummary errors={form.errors} attempt={form.attempt} title={`${part} was not added`} />
      <TextInput id={`${id}-name`} name="name" label={`Name of ${part}`} width={20} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError(`${id}-name`)} />
      <TextInput id={`${id}-initials`} name="initials" label="Initials" width={4} value={initials} onChange={(e) => setInitials(e.target.value)} error={form.fieldError(`${id}-initials`)} />
      <Button type="submit" secondary disabled={form.pending}>
        Create person
      </Button>
    </form>
  );
}

/** An owner text as typed, the people it names, and (for admins) an offer to create each one not yet known. */
export function OwnerLinks({ text, match, taskId }: { text: string | null; match: OwnerMatch; taskId: number }) {
  const user = useUser();
  if (!text) return null;
  return (
    <>
      <span>{text}</span>
      {match.people.length ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">People: {match.people.map((p) => `${p.name}${p.initials ? ` (${p.initials})` : ''}`).join(', ')}</p> : null}
      {match.unknown.length ? (
        <>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Not yet in people: {match.unknown.join(', ')}</p>
          {isAdmin(user) ? match.unknown.map((part) => <CreatePersonForm key={part} part={part} taskId={taskId} />) : null}
        </>
      ) : null}
    </>
  );
}
