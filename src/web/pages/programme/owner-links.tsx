import { isAdmin, useUser } from '../../auth/session.js';
import { AddPerson } from '../governance/add-person.js';
import type { TaskDetail } from './types.js';

type OwnerMatch = TaskDetail['owners']['lead'];

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
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{isAdmin(user) ? 'Not yet in people' : 'Not on the People page'}: {match.unknown.join(', ')}</p>
          {isAdmin(user) ? match.unknown.map((part) => <AddPerson key={part} part={part} invalidates={[`/api/programme/tasks/${taskId}`, '/api/programme/work-plans']} />) : null}
        </>
      ) : null}
    </>
  );
}
