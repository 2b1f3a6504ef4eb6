import { InsetText } from 'nhsuk-react-components';
import { formatList } from '../../../domain/words.js';
import { AddPerson } from './add-person.js';

/** Offers to add the people an owner text names who are not on the People page yet, so the refused form can be saved again. */
export function UnknownOwners({ names }: { names: string[] }) {
  const one = names.length === 1;
  return (
    <InsetText>
      <p>
        The owner {formatList(names)} {one ? 'is' : 'are'} not on the People page yet. A risk, action or document’s owner gets its reminders, so atscale needs to know who {one ? 'that is' : 'they are'}. Add {one ? 'them' : 'each'} here, then save again, or change the owner.
      </p>
      {names.map((owner) => (
        <AddPerson key={owner} part={owner} afterwards="Save the form again." />
      ))}
    </InsetText>
  );
}
