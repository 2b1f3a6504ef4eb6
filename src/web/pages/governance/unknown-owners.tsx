import { Button, InsetText, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useApiMutation } from '../../api/use-api.js';
import { errorsFromApi } from '../../components/form-errors.js';

/** Initials such as "RB" are kept as the new person's initials; a full name is kept as their name. */
const looksLikeInitials = (text: string) => /^[A-Z]{2}[A-Za-z]{0,2}$/.test(text);

function AddPerson({ owner }: { owner: string }) {
  const [name, setName] = useState(looksLikeInitials(owner) ? '' : owner);
  const [error, setError] = useState<string>();
  const add = useApiMutation<void>(() => ({ method: 'POST', path: '/api/people', body: { name: name.trim(), initials: looksLikeInitials(owner) ? owner : null } }), ['/api/people']);
  if (add.isSuccess) return <p className="nhsuk-body">Added {name}. Save the form again.</p>;
  return (
    <div className="nhsuk-u-margin-bottom-4">
      <TextInput
        id={`new-person-${owner}`}
        label={looksLikeInitials(owner) ? `Full name of ${owner}` : 'Name'}
        width={30}
        value={name}
        error={error}
        onChange={(e) => setName(e.target.value)}
      />
      <Button
        type="button"
        secondary
        onClick={() => {
          if (!name.trim()) return setError('Enter the person’s name');
          add.mutate(undefined, { onError: (e) => setError(errorsFromApi(e)[0]?.message) });
        }}
      >
        Add {owner} to people
      </Button>
    </div>
  );
}

/** Offers to add the people an owner text names who are not on the People page yet. */
export function UnknownOwners({ names }: { names: string[] }) {
  return (
    <InsetText>
      <p>
        The owner {names.join(', ')} {names.length === 1 ? 'is' : 'are'} not on the People page. Add {names.length === 1 ? 'them' : 'each'} here, then save again, or change the owner.
      </p>
      {names.map((owner) => (
        <AddPerson key={owner} owner={owner} />
      ))}
    </InsetText>
  );
}
